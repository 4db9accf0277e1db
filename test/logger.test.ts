import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { stream, lines };
}

describe('logger', () => {
  it('writes JSON with the event name and hides text-like fields at the top level and one below', () => {
    const { stream, lines } = capture();
    const logger = createLogger({ level: 'info', format: 'json', levelGiven: true }, stream);
    logger.info(
      { event: 'test.event', text: 'my relapse story', detail: { note: 'private note' }, count: 3 },
      'hello',
    );
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({ event: 'test.event', count: 3, msg: 'hello' });
    expect(lines[0]).not.toContain('relapse');
    expect(lines[0]).not.toContain('private note');
  });

  it('drops lines below its level', () => {
    const { stream, lines } = capture();
    createLogger({ level: 'warn', format: 'json', levelGiven: true }, stream).info({ event: 'x' }, 'quiet');
    expect(lines).toEqual([]);
  });

  it("keeps an error's fields as errorFields wrote them, and cuts a raw Error down to its first line", () => {
    const { stream, lines } = capture();
    const logger = createLogger({ level: 'info', format: 'json', levelGiven: true }, stream);
    logger.warn({ event: 'a', err: { type: 'WrongKeyError', message: 'wrong key' } }, 'x');
    logger.warn({ event: 'b', err: new TypeError('bad row\nargs: my relapse story') }, 'y');
    const [first, second] = lines.map((line) => JSON.parse(line) as { err: Record<string, unknown> });
    expect(first?.err).toEqual({ type: 'WrongKeyError', message: 'wrong key' });
    expect(second?.err).toMatchObject({ type: 'TypeError', message: 'bad row' });
    expect(lines[1]).not.toContain('relapse');
  });
});
