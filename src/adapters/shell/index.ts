// The shell adapter: the terminal playground, a ChatAdapter like Slack's and Discord's, whose
// platform is a pretend workspace of named people and channels. `closed` resolves when the
// person leaves (or the input ends), so main.ts can stop the app and exit.

import type { ChatAdapter, CommandTable, EventSink, Logger } from '../../chat/index.ts';
import { shellCapabilities } from './capabilities.ts';
import { createShellRepl } from './shell-repl.ts';

export interface ShellAdapterDeps {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly table: CommandTable;
  readonly sink: EventSink;
  readonly logger: Logger;
  /** Where the app keeps data, in words for the banner ("in /srv/peerbridge/data"). */
  readonly kept?: string;
  /** Where files the bot shares (exports) are saved, so a lead can look at them. */
  readonly filesDir?: string;
  /** Where who-is-where is remembered across restarts (absent: forgotten at the end). */
  readonly stateFile?: string;
  /** Prefix of event and message ids; tests fix it, otherwise it is unique per session. */
  readonly sessionId?: string;
  /** The terminal's language (LANG), the platform's word for everyone here unless `/as name --lang`. */
  readonly locale?: string;
}

export type ShellAdapter = ChatAdapter & { readonly closed: Promise<void> };

/** A `ChatAdapter` (src/chat/adapter.ts says what start and stop promise). */
export function createShellAdapter(deps: ShellAdapterDeps): ShellAdapter {
  const repl = createShellRepl(deps);
  return {
    platform: 'shell',
    capabilities: shellCapabilities,
    client: repl.client,
    closed: repl.closed,
    async start() {
      repl.start();
    },
    stop: () => repl.stop(),
  };
}
