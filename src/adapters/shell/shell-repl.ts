// The playground's read-eval-print loop: reading lines, one after another, and the session's
// life (start, quit, the input or output going away). Lines are handled strictly in order,
// each event finished before the next line is read, because a line may open a form whose
// answers are the lines that follow. When the input ends (Ctrl-D, a closed pipe, /quit) the
// event in flight finishes, then `closed` resolves and main.ts stops the app.
//
// The other jobs each have a file: what a line means (shell-lines.ts) and does
// (shell-commands.ts), acting as people (shell-people.ts), forms (shell-form-queue.ts,
// shell-forms.ts), events for the router (shell-emitter.ts), and output (shell-output.ts,
// shell-deliveries.ts).

import { createInterface, type Interface } from 'node:readline';
import {
  type ChatClient,
  type CommandTable,
  type EventSink,
  errorFields,
  type Logger,
} from '../../chat/index.ts';
import { platformTranslator } from '../form-parts.ts';
import { banner, farewell } from './shell-banner.ts';
import { createShellClient } from './shell-client.ts';
import { createShellCommands } from './shell-commands.ts';
import { createShellDeliveries } from './shell-deliveries.ts';
import { createShellEmitter } from './shell-emitter.ts';
import { createShellFormQueue, type ShellFormQueue } from './shell-form-queue.ts';
import { unfinishedFormNote } from './shell-forms.ts';
import { readShellLine } from './shell-lines.ts';
import { createShellOutput, type ShellOutput, writeNote } from './shell-output.ts';
import { createShellPeople } from './shell-people.ts';
import { loadWorldSnapshot, saveWorldSnapshot } from './shell-state.ts';
import { ShellWorld } from './shell-world.ts';

export interface ShellReplDeps {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly table: CommandTable;
  readonly sink: EventSink;
  readonly logger: Logger;
  /**
   * Prefix of event and message ids. The embedded database in ./data outlives a session and
   * de-duplicates events by id, so a plain counter restarting at 1 would make the next
   * session's first events look like repeats and be dropped. Tests pass a fixed one.
   */
  readonly sessionId?: string;
  readonly kept?: string;
  /** The terminal's language (config.shellLocale): every playground person's, unless `/as name --lang`. */
  readonly locale?: string;
  /** Where files the bot shares (exports) are saved. */
  readonly filesDir?: string;
  /** Where who-is-where is remembered across restarts (absent: forgotten at the end). */
  readonly stateFile?: string;
}

export interface ShellRepl {
  readonly client: ChatClient;
  /** Resolves once the playground has ended and the last event has finished. */
  readonly closed: Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

const firstPerson = 'alex';
const firstChannel = 'team';

const isTty = (stream: NodeJS.ReadableStream | NodeJS.WritableStream): boolean =>
  (stream as { isTTY?: boolean }).isTTY === true;

/** What the prompt says: who is typing, and where (or that a form is waiting for answers). */
export function promptText(world: ShellWorld, forms: Pick<ShellFormQueue, 'active'>): string {
  const active = forms.active;
  if (active) return `${active.actor.displayName ?? active.actor.userId} (form)> `;
  const me = world.displayName(world.me);
  return world.place.kind === 'dm' ? `${me} in DM with PeerBridge> ` : `${me} in #${world.place.channelId}> `;
}

/** The playground's parts, wired: each is a file of its own and can be tested alone. */
function assemble(deps: ShellReplDeps, out: ShellOutput, quit: () => void) {
  const session = deps.sessionId ?? Date.now().toString(36);
  let messageCount = 0;
  // Saved on every change once the remembered world is back (not while putting it back).
  let remembering = false;
  const stateFile = deps.stateFile;
  const world: ShellWorld = new ShellWorld({
    person: firstPerson,
    channelId: firstChannel,
    ...(deps.locale ? { locale: deps.locale } : {}),
    onChange: () => {
      if (remembering && stateFile) saveWorldSnapshot(stateFile, world.snapshot());
    },
  });
  const remembered = stateFile ? loadWorldSnapshot(stateFile) : undefined;
  if (remembered) world.restore(remembered);
  remembering = true;
  const deliveries = createShellDeliveries({
    world,
    output: out,
    nextMessageId: () => `${session}-m${++messageCount}`,
    ...(deps.filesDir ? { filesDir: deps.filesDir } : {}),
  });
  const forms = createShellFormQueue({ out, emitter: () => emitter, quit });
  const emitter = createShellEmitter({
    session,
    sink: deps.sink,
    logger: deps.logger,
    out,
    deliveries,
    openForm: (event, form) => forms.open(event, form),
  });
  const people = createShellPeople({ world, out, emitter });
  const run = createShellCommands({
    table: deps.table,
    world,
    out,
    deliveries,
    emitter,
    people,
    homeChannel: firstChannel,
    quit,
  });
  return { world, client: createShellClient(deliveries, world), forms, emitter, people, run };
}

export function createShellRepl(deps: ShellReplDeps): ShellRepl {
  // The terminal's own language (LANG) for the playground's words around the bot.
  const shellWords = platformTranslator(deps.locale);
  const { input, logger, table } = deps;
  const interactive = isTty(input) && isTty(deps.output);
  const out = createShellOutput(deps.output, { interactive });
  const { world, client, forms, emitter, people, run } = assemble(deps, out, quit);

  let rl: Interface | undefined;
  let chain: Promise<void> = Promise.resolve();
  let state: 'new' | 'running' | 'closed' = 'new';
  // Set by /quit, Ctrl-C or stop(): lines typed after it are dropped. When the input simply
  // ends, lines already read are still handled, so a piped script runs to its last line.
  let quitting = false;
  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });

  /** Runs `step` after everything queued before it; a failure is logged and the queue goes on, so `closed` always comes. */
  function enqueue(step: () => void | Promise<void>): void {
    chain = chain.then(step).catch((error: unknown) => {
      logger.error({ event: 'shell.step.failed', err: errorFields(error) }, 'a playground step failed');
    });
  }

  function showPrompt(): void {
    if (!interactive || !rl || state !== 'running' || quitting) return;
    const line = rl;
    line.setPrompt(promptText(world, forms));
    line.prompt();
    out.promptShown(() => line.prompt(true));
  }

  async function handle(line: string): Promise<void> {
    if (state !== 'running' || quitting) return;
    out.promptHidden();
    // Piped input is not echoed by a terminal; echoing it after the prompt makes the output
    // read as a transcript of who typed what, where.
    if (!interactive) out.write(`${promptText(world, forms)}${line}`);
    try {
      if (forms.active) await forms.answer(line);
      else await run(readShellLine(line, table.root.name));
    } catch (error) {
      logger.error({ event: 'shell.line.failed', err: errorFields(error) }, 'could not handle a line');
      writeNote(out, 'Sorry, the playground tripped over that line. Nothing was sent; please try again.');
    }
    showPrompt();
  }

  function quit(): void {
    if (state !== 'running' || quitting) return;
    quitting = true;
    out.promptHidden();
    // Closing readline emits 'close', which queues finish() behind the line in flight.
    rl?.close();
  }

  function finish(): void {
    if (state === 'closed') return;
    state = 'closed';
    try {
      out.promptHidden();
      if (forms.abandon()) writeNote(out, unfinishedFormNote(shellWords));
      out.write(`\n${farewell(shellWords)}`);
      logger.info({ event: 'shell.closed', events: emitter.count }, 'playground closed');
    } finally {
      input.removeListener('error', onInputError);
      deps.output.removeListener('error', onOutputError);
      resolveClosed();
    }
  }

  function onInputError(error: unknown): void {
    logger.warn(
      { event: 'shell.input.failed', err: errorFields(error) },
      'input failed; closing the playground',
    );
    quit();
  }

  function onOutputError(error: unknown): void {
    // The terminal (or the pipe we print to) went away: nobody can read further output.
    out.markBroken();
    logger.warn(
      { event: 'shell.output.failed', err: errorFields(error) },
      'output failed; closing the playground',
    );
    quit();
  }

  return {
    client,
    closed,
    start() {
      if (state !== 'new') return;
      state = 'running';
      input.on('error', onInputError);
      deps.output.on('error', onOutputError);
      out.write(
        `${banner({ person: world.displayName(world.me), channel: firstChannel, ...(deps.kept ? { kept: deps.kept } : {}) }, shellWords)}\n`,
      );
      const lines = createInterface({
        input,
        ...(interactive ? { output: deps.output } : {}),
        terminal: interactive,
        crlfDelay: Number.POSITIVE_INFINITY,
      });
      rl = lines;
      lines.on('line', (line) => enqueue(() => handle(line)));
      lines.on('close', () => enqueue(finish));
      // A terminal's Ctrl-C reaches readline, not the process; without a listener readline
      // only pauses the input, and the playground would sit there looking frozen.
      if (interactive) lines.on('SIGINT', quit);
      enqueue(async () => {
        await people.joinIfNew(world.me, firstChannel);
        showPrompt();
      });
      logger.info({ event: 'shell.started', interactive }, 'playground started');
      // readline waits for 'end', which an input that already ended will never emit again.
      if ((input as { readableEnded?: boolean }).readableEnded === true) quit();
    },
    async stop() {
      if (state === 'new') {
        state = 'closed';
        resolveClosed();
        return;
      }
      quit();
      await closed;
    },
  };
}
