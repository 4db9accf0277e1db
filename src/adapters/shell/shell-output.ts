// Writing to the person's terminal. Messages can arrive while the prompt waits for typing
// (the outbox delivers on its own schedule), so in an interactive terminal the prompt line is
// cleared first and drawn again after, instead of the message landing in the middle of it.

import { clearLine, cursorTo } from 'node:readline';

export interface ShellOutput {
  /** Writes text as whole lines. */
  write(text: string): void;
  /** The prompt is on screen; `redraw` puts it back (with what was typed) after a write. */
  promptShown(redraw: () => void): void;
  promptHidden(): void;
  /** Once the terminal has gone away (a closed pipe), writing stops instead of throwing. */
  markBroken(): void;
}

export function createShellOutput(
  stream: NodeJS.WritableStream,
  options: { readonly interactive: boolean },
): ShellOutput {
  let redraw: (() => void) | undefined;
  let broken = false;
  return {
    write(text) {
      if (broken) return;
      const interrupting = options.interactive && redraw !== undefined;
      if (interrupting) {
        clearLine(stream, 0);
        cursorTo(stream, 0);
      }
      stream.write(text.endsWith('\n') ? text : `${text}\n`);
      if (interrupting) redraw?.();
    },
    promptShown(again) {
      redraw = again;
    },
    promptHidden() {
      redraw = undefined;
    },
    markBroken() {
      broken = true;
    },
  };
}

/** Indents a message body under its label, so where one message ends is easy to see. */
export function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? `${by}${line}` : line))
    .join('\n');
}

/** The playground's own voice: indented, without a label, so it never looks like the bot. */
export function writeNote(out: ShellOutput, text: string): void {
  out.write(indent(text));
}

// Enough to catch up on without scrolling past the prompt.
const shownAtMost = 10;

/** A list of messages received (`/inbox`, `/log`): the latest few, each under its label. */
export function writeReceived(
  out: ShellOutput,
  heading: string,
  items: readonly { readonly label: string; readonly body: string }[],
  empty: string,
): void {
  if (items.length === 0) {
    writeNote(out, empty);
    return;
  }
  const latest = items.slice(-shownAtMost);
  const count = latest.length < items.length ? ` (the latest ${latest.length} of ${items.length})` : '';
  writeNote(out, `${heading}${count}:`);
  out.write(latest.map((item) => `\n${item.label}\n${indent(item.body)}`).join('\n'));
}
