// A pretend terminal for shell tests: lines typed into a PassThrough, output collected as
// text, and waits on what appears (bounded, never a fixed sleep).

import { PassThrough } from 'node:stream';
import type { ChatEvent, EventSink, Reply } from '../../../src/chat/index.ts';

export interface Terminal {
  readonly input: PassThrough;
  readonly output: PassThrough;
  type(...lines: string[]): void;
  /** Ctrl-D: the input ends. */
  end(): void;
  text(): string;
  /** Where the output is now, to wait only for what comes after it. */
  mark(): number;
  /** Resolves with the output once `needle` appears after `from`; rejects, showing the output, after `timeoutMs`. */
  waitFor(needle: string | RegExp, options?: { from?: number; timeoutMs?: number }): Promise<string>;
}

function found(text: string, needle: string | RegExp, from: number): boolean {
  const rest = text.slice(from);
  return typeof needle === 'string' ? rest.includes(needle) : needle.test(rest);
}

export function terminal(): Terminal {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  const waiters = new Set<() => void>();
  output.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    text += chunk;
    for (const check of [...waiters]) check();
  });
  return {
    input,
    output,
    type: (...lines) => input.write(`${lines.join('\n')}\n`),
    end: () => input.end(),
    text: () => text,
    mark: () => text.length,
    waitFor(needle, options = {}) {
      const from = options.from ?? 0;
      const timeoutMs = options.timeoutMs ?? 5000;
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!found(text, needle, from)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(text);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `Timed out after ${timeoutMs} ms waiting for ${String(needle)}. Output so far:\n${text}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

/**
 * The number the playground gave the last button labelled `label` shown after `from`: numbers
 * go on across a session, so a test reads them as a person reads the screen.
 */
export function buttonNumber(
  term: Terminal,
  label: string,
  from = 0,
  which: 'first' | 'last' = 'last',
): string {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const all = [
    ...term
      .text()
      .slice(from)
      .matchAll(new RegExp(`\\[(\\d+)\\] ${escaped}`, 'g')),
  ];
  const found = which === 'first' ? all[0] : all.at(-1);
  if (!found?.[1]) throw new Error(`No button '${label}' after ${from}. Output so far:\n${term.text()}`);
  return found[1];
}

/** A stand-in for the router: records every event and answers with `script`. */
export function fakeSink(script: (event: ChatEvent, reply: Reply) => Promise<void> = async () => {}) {
  const events: ChatEvent[] = [];
  const sink: EventSink = async (event, reply) => {
    events.push(event);
    await script(event, reply);
  };
  return { events, sink };
}

/** `promise`, or a rejection after `timeoutMs`: a hang fails the test instead of stalling it. */
export function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
