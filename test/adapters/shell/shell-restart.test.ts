// Issue 23, item 8: after a restart the playground remembers who is in which channel, so
// nobody "joins" (and is welcomed) again, and `/who` still knows the team.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createShellAdapter } from '../../../src/adapters/shell/index.ts';
import { silentLogger } from '../../../src/logger.ts';
import { sampleTable } from '../../chat/sample-table.ts';
import { fakeSink, terminal, within } from './shell-terminal.ts';

const folder = mkdtempSync(join(tmpdir(), 'pb-shell-state-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const stateFile = join(folder, 'playground-people.json');

async function session(sessionId: string, ...lines: string[]) {
  const term = terminal();
  const { events, sink } = fakeSink();
  const shell = createShellAdapter({
    input: term.input,
    output: term.output,
    table: sampleTable(),
    sink,
    logger: silentLogger,
    sessionId,
    stateFile,
  });
  await shell.start();
  term.type(...lines);
  term.end();
  await within(shell.closed, 5000, 'the playground closing');
  const joined = events
    .filter((e) => e.kind === 'member-joined')
    .map((e) => `${e.actor.userId}@${e.channelId}`);
  return { text: term.text(), joined };
}

describe('the playground across a restart', () => {
  it('remembers who is in which channel and welcomes nobody twice', async () => {
    const first = await session('one', '/as sam', '/in #night-shift', '/as alex');
    expect(first.joined).toEqual(['alex@team', 'sam@team', 'sam@night-shift', 'alex@night-shift']);
    expect(statSync(stateFile).mode & 0o777).toBe(0o600);

    const second = await session('two', '/as sam', '/in #night-shift', '/as dana', '/who');
    expect(second.joined).toEqual(['dana@night-shift']);
    expect(second.text).toContain('You are now sam, in #team.');
    expect(second.text).toMatch(/#team: .*alex.*sam|#team: .*sam.*alex/);
  });
});
