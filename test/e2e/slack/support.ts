// Shared by the Slack end-to-end tests: a free port, a logger whose lines a test can wait on,
// and small readers for what reached the fake Slack.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { vi } from 'vitest';
import type { Logger } from '../../../src/logger.ts';
import { DEFAULT_WAIT_MS, Recorder } from '../../fakes/shared/recorder.ts';
import type { FakeSlackApi, SlackCall } from '../../fakes/slack/index.ts';

export const BOT_TOKEN = 'xoxb-test';
export const SIGNING_SECRET = 'secret';
export const APP_TOKEN = 'xapp-test';

export { freePort } from '../../support/free-port.ts';

export type LogLine = Record<string, unknown> & { event?: string };

/**
 * A real pino logger whose JSON lines are recorded, so a test can wait for "the retry was dropped".
 * `level: 'trace'` records every line the app writes, for "this text is in no log line" checks.
 */
export function capturingLogger(level = 'info'): { logger: Logger; lines: Recorder<LogLine> } {
  const lines = new Recorder<LogLine>((line) => `${String(line.event)} ${String(line.msg)}`);
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n')) {
        if (text.trim() === '') continue;
        lines.add(JSON.parse(text) as LogLine);
      }
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

export function waitForLog(lines: Recorder<LogLine>, predicate: (line: LogLine) => boolean, what: string) {
  return lines.waitFor(predicate, DEFAULT_WAIT_MS, what);
}

/** Everything a Block Kit message or view says, as one string, for "does it mention …" checks. */
export function shownText(call: SlackCall): string {
  return JSON.stringify([call.args.text ?? '', call.args.blocks ?? [], call.args.view ?? {}]);
}

/** The idempotency key a chat.postMessage carried in its message metadata. */
export function outboxKey(call: SlackCall): string | undefined {
  const metadata = call.args.metadata;
  if (typeof metadata !== 'object' || metadata === null || !('event_payload' in metadata)) return undefined;
  const payload = metadata.event_payload;
  if (typeof payload !== 'object' || payload === null || !('key' in payload)) return undefined;
  return typeof payload.key === 'string' ? payload.key : undefined;
}

/** Successful calls of `method` matching `predicate`, once there are at least `count` of them. */
export async function waitForCalls(
  fake: FakeSlackApi,
  method: string,
  count: number,
  predicate: (call: SlackCall) => boolean = () => true,
  timeoutMs = DEFAULT_WAIT_MS,
): Promise<SlackCall[]> {
  const matching = () => fake.calls(method).filter((call) => call.failure === undefined && predicate(call));
  await vi.waitFor(
    () => {
      if (matching().length < count) {
        throw new Error(`waiting for ${count} successful ${method} calls, have ${matching().length}`);
      }
    },
    { timeout: timeoutMs, interval: 20 },
  );
  return matching();
}
