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
});
