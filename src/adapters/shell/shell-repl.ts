// The playground's read-eval-print loop. Lines are handled strictly one after another, each
// event finished before the next line is read, because a line may open a form whose answers
// are the lines that follow. When the input ends (Ctrl-D, a closed pipe, /quit) the event in
// flight finishes, then `closed` resolves and main.ts stops the app.

import { createInterface, type Interface } from 'node:readline';
import {
  type ChatClient,
  type ChatEvent,
  type CommandTable,
  type EventSink,
  errorFields,
  type Form,
  type Logger,
  type MessageRef,
  type Place,
  parseCommandText,
  refusalView,
} from '../../chat/index.ts';
import { banner, commandList, farewell } from './shell-banner.ts';
import { createShellClient } from './shell-client.ts';
import { createShellDeliveries } from './shell-deliveries.ts';
import { cancelledFormNote, type FormSession, startFormSession, unfinishedFormNote } from './shell-forms.ts';
import { readShellLine, type ShellLine } from './shell-lines.ts';
import { createShellOutput, indent } from './shell-output.ts';
import { createShellReply } from './shell-reply.ts';
import { dmOwner, type Received, readChannelName, readPersonName, ShellWorld } from './shell-world.ts';

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

export function createShellRepl(deps: ShellReplDeps): ShellRepl {
  const { input, logger, table } = deps;
  const root = table.root.name;
  const session = deps.sessionId ?? Date.now().toString(36);
  let eventCount = 0;
  let messageCount = 0;
  const nextEventId = () => `${session}-e${++eventCount}`;

  const interactive = isTty(input) && isTty(deps.output);
  const out = createShellOutput(deps.output, { interactive });
  const world = new ShellWorld({ person: firstPerson, channelId: firstChannel });
  const deliveries = createShellDeliveries({
    world,
    output: out,
    nextMessageId: () => `${session}-m${++messageCount}`,
  });
  const client = createShellClient(deliveries, world);
  // Usually one form at a time; a handler that opens a second waits its turn instead of
  // replacing the first half-way through.
  const forms: FormSession[] = [];

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

  /** The playground's own voice: indented, without a label, so it never looks like the bot. */
  const note = (text: string) => out.write(indent(text));

  const placeName = (): string =>
    world.place.kind === 'dm' ? 'a direct message with PeerBridge' : `#${world.place.channelId}`;

  function promptText(): string {
    const active = forms[0];
    if (active) return `${active.actor.displayName ?? active.actor.userId} (form)> `;
    const me = world.displayName(world.me);
    return world.place.kind === 'dm'
      ? `${me} in DM with PeerBridge> `
      : `${me} in #${world.place.channelId}> `;
  }

  function showPrompt(): void {
    if (!interactive || !rl || state !== 'running' || quitting) return;
    const line = rl;
    line.setPrompt(promptText());
    line.prompt();
    out.promptShown(() => line.prompt(true));
  }

  async function emit(event: ChatEvent): Promise<void> {
    const reply = createShellReply(event, { deliveries, openForm });
    try {
      await deps.sink(event, reply);
    } catch (error) {
      // The router answers its own failures; this is for a sink that throws anyway.
      logger.error(
        { event: 'shell.event.failed', kind: event.kind, eventId: event.eventId, err: errorFields(error) },
        'event failed',
      );
      note(
        "Sorry, something went wrong on PeerBridge's side. You didn't do anything wrong; try again in a moment.",
      );
    }
  }

  async function openForm(event: ChatEvent, form: Form): Promise<void> {
    // Place says: no channel id for a form opened from a direct message.
    const place: Place = event.place.isDirect ? { isDirect: true } : event.place;
    forms.push(startFormSession(form, { actor: event.actor, place }));
    if (forms.length === 1) out.write(forms[0]!.opening());
  }

  function nextForm(): void {
    forms.shift();
    const next = forms[0];
    if (next) out.write(next.opening());
  }

  async function joinIfNew(userId: string, channelId: string): Promise<void> {
    if (!world.join(userId, channelId)) return;
    await emit({
      kind: 'member-joined',
      eventId: nextEventId(),
      actor: world.actor(userId),
      place: { channelId, isDirect: false },
      channelId,
    });
  }

  async function answerForm(active: FormSession, line: string): Promise<void> {
    const typed = line.trim().toLowerCase();
    if (typed === '/cancel') {
      note(cancelledFormNote);
      return nextForm();
    }
    if (typed === '/quit' || typed === '/exit') return quit();
    if (typed === '/?' || typed === '/commands') {
      return note(
        'You are answering a form: type an answer, press Enter to skip an optional question, or /cancel to set it aside.',
      );
    }
    if (typed.startsWith('/')) {
      return note(
        'You are in the middle of a form. Type your answer, or /cancel to set the form aside first.',
      );
    }
    const step = active.answer(line);
    switch (step.kind) {
      case 'ask':
      case 'retry':
        return out.write(step.text);
      case 'failed':
        note(`${step.reason} Nothing was sent.`);
        return nextForm();
      case 'done': {
        nextForm();
        const { form } = active;
        return emit({
          kind: 'form',
          eventId: nextEventId(),
          actor: active.actor,
          place: active.place,
          formId: form.formId,
          ...(form.context === undefined ? {} : { context: form.context }),
          values: step.values,
        });
      }
    }
  }

  async function press(n: number | undefined): Promise<void> {
    const pressable = world.pressable();
    if (!pressable) {
      return note('There is nothing to press yet. Buttons show up as [1], [2] … on messages you get.');
    }
    const range = pressable.controls.map((c) => c.n);
    const described = range.length === 1 ? '[1]' : `[${range[0]}] to [${range.at(-1)}]`;
    if (n === undefined) return note(`Which one? Type its number, for example /press ${range[0]}.`);
    const control = pressable.controls.find((c) => c.n === n);
    if (!control) return note(`There is no [${n}] on the latest message you got; it has ${described}.`);
    await emit({
      kind: 'action',
      eventId: nextEventId(),
      actor: world.actor(),
      place: placeOf(pressable.message),
      actionId: control.actionId,
      ...(control.value === undefined ? {} : { value: control.value }),
      message: pressable.message,
    });
  }

  function placeOf(message: MessageRef): Place {
    if (dmOwner(message.channelId) !== undefined) return { channelId: message.channelId, isDirect: true };
    return {
      channelId: message.channelId,
      isDirect: false,
      ...(message.threadId === undefined ? {} : { threadId: message.threadId }),
    };
  }

  async function botCommand(text: string): Promise<void> {
    const parsed = parseCommandText(table, text);
    const place = world.eventPlace();
    if (!parsed.ok) {
      const refusal = refusalView(parsed.reason);
      if (place.isDirect || place.channelId === undefined) deliveries.direct(world.me, refusal);
      else deliveries.whisper(place.channelId, world.me, refusal);
      return;
    }
    await emit({
      kind: 'command',
      eventId: nextEventId(),
      actor: world.actor(),
      place,
      path: parsed.path,
      options: parsed.options,
    });
  }

  async function actAs(name: string): Promise<void> {
    const who = readPersonName(name);
    if (!who) return note('Who would you like to be? A one-word name works, like /as sam.');
    if (who.userId === world.me) return note(`You are already ${world.displayName(who.userId)}.`);
    const { isNew } = world.actAs(who);
    note(`You are now ${world.displayName(world.me)}${isNew ? ' (new here)' : ''}, in ${placeName()}.`);
    if (world.place.kind === 'channel') await joinIfNew(world.me, world.place.channelId);
  }

  async function goTo(typed: string): Promise<void> {
    const channelId = readChannelName(typed);
    if (!channelId) return note('Which channel? A one-word name works, like /in #night-shift.');
    world.goToChannel(channelId);
    note(`You are in #${channelId} now.`);
    await joinIfNew(world.me, channelId);
  }

  // Enough to catch up on without scrolling past the prompt.
  const shownAtMost = 10;

  function showReceived(heading: string, items: readonly Received[], empty: string): void {
    if (items.length === 0) {
      note(empty);
      return;
    }
    const latest = items.slice(-shownAtMost);
    const count = latest.length < items.length ? ` (the latest ${latest.length} of ${items.length})` : '';
    note(`${heading}${count}:`);
    out.write(latest.map((item) => `\n${item.label}\n${indent(item.body)}`).join('\n'));
  }

  function who(): void {
    const me = world.displayName(world.me);
    const people = world
      .people()
      .map(
        (p) =>
          `${p.displayName}${p.channels.length ? ` (${p.channels.map((c) => `#${c}`).join(', ')})` : ''}`,
      );
    const channels = world
      .channels()
      .map(
        (c) => `#${c.channelId}: ${c.members.map((m) => world.displayName(m)).join(', ') || 'nobody yet'}`,
      );
    note(
      [
        `You are ${me}, in ${placeName()}.`,
        `People: ${people.join(', ')}`,
        `Channels: ${channels.join('; ')}`,
      ].join('\n'),
    );
  }

  async function run(line: ShellLine): Promise<void> {
    switch (line.kind) {
      case 'empty':
        return;
      case 'bot-command':
        return botCommand(line.text);
      case 'press':
        return press(line.n);
      case 'as':
        return actAs(line.name);
      case 'in':
        return goTo(line.channel);
      case 'dm':
        world.goToDm();
        return note(
          `This is your direct message with PeerBridge. Anything you type goes to it, and /${root} commands work here too. /in #${firstChannel} takes you back.`,
        );
      case 'inbox': {
        const me = world.displayName(world.me);
        return showReceived(`What ${me} received privately`, world.inbox(), `Nothing private for ${me} yet.`);
      }
      case 'log': {
        const place = world.place;
        if (place.kind === 'dm') {
          const dms = world.inbox().filter((item) => item.via === 'direct');
          return showReceived('This direct message so far', dms, 'This direct message is empty so far.');
        }
        const log = world.channelLog(place.channelId);
        return showReceived(
          `What #${place.channelId} shows`,
          log,
          `Nothing has been posted in #${place.channelId} yet.`,
        );
      }
      case 'who':
        return who();
      case 'commands':
        return note(commandList());
      case 'cancel':
        return note('There is no form open right now, so there is nothing to cancel.');
      case 'quit':
        return quit();
      case 'unknown':
        return note(
          `The playground doesn't know ${line.word}. /? lists what works here; PeerBridge's own commands start with /${root}.`,
        );
      case 'text': {
        if (world.place.kind === 'dm') {
          return emit({
            kind: 'direct-message',
            eventId: nextEventId(),
            actor: world.actor(),
            place: world.eventPlace(),
            text: line.text,
          });
        }
        return note(
          `In a channel, PeerBridge only listens for /${root} commands. /dm opens a direct message with it.`,
        );
      }
    }
  }

  async function handle(line: string): Promise<void> {
    if (state !== 'running' || quitting) return;
    out.promptHidden();
    // Piped input is not echoed by a terminal; echoing it after the prompt makes the output
    // read as a transcript of who typed what, where.
    if (!interactive) out.write(`${promptText()}${line}`);
    try {
      const active = forms[0];
      if (active) await answerForm(active, line);
      else await run(readShellLine(line, root));
    } catch (error) {
      logger.error({ event: 'shell.line.failed', err: errorFields(error) }, 'could not handle a line');
      note('Sorry, the playground tripped over that line. Nothing was sent; please try again.');
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
      if (forms.length > 0) note(unfinishedFormNote);
      forms.length = 0;
      out.write(`\n${farewell}`);
      logger.info({ event: 'shell.closed', events: eventCount }, 'playground closed');
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
      out.write(`${banner({ person: world.displayName(world.me), channel: firstChannel })}\n`);
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
        await joinIfNew(world.me, firstChannel);
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
