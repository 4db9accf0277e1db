// The check-in flow in the shell playground, in process: the whole app, typed lines, prompts
// delivered by the outbox to the playground's people, an answer by number, the digest and the
// named post after it, and that post taken back when the one who answered erases their data
// (the digest stays as it was).
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import { buttonNumber, terminal, within } from '../../adapters/shell/shell-terminal.ts';
import { startTestApp } from '../../support/app-harness.ts';

describe('check-ins in the shell playground', () => {
  let app: RunningApp | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('runs /peer checkin now, an answer by number, and /peer checkin close', async () => {
    const term = terminal();
    app = await startTestApp({}, { mode: 'shell', stdio: { input: term.input, output: term.output } });
    term.type('/peer setup name:Harbor', '/as sam', '/as alex', '/peer checkin now');
    await term.waitFor('[DM to sam] PeerBridge:\n  Support circle for Harbor is open', { timeoutMs: 60_000 });
    const mark = term.mark();
    const prompt = term.text().lastIndexOf('[DM to sam] PeerBridge:\n  Support circle for Harbor is open');
    term.type('/as sam', buttonNumber(term, 'Answer', prompt));
    await term.waitFor('[form for sam]', { from: mark, timeoutMs: 30_000 });
    // Mood typed as the list prints it (issue 23, item 2); the list's numbers are the scale's.
    term.type('doing well', '2', 'Tea with the team', '1', '', '', '2');
    await term.waitFor('Thank you for checking in', { from: mark, timeoutMs: 30_000 });
    term.type('/as alex', '/peer checkin close');
    await term.waitFor('Support circle: the digest', { from: mark, timeoutMs: 60_000 });
    await term.waitFor('shared in Support circle', { from: mark, timeoutMs: 60_000 });
    // sam erases their data: their named post in #team is taken back; the digest is not redrawn.
    const erase = term.mark();
    term.type('/as sam', '/peer privacy erase');
    await term.waitFor('Erase your data?', { from: erase, timeoutMs: 30_000 });
    term.type(buttonNumber(term, 'Yes, erase it', erase));
    await term.waitFor('your data is erased', { from: erase, timeoutMs: 30_000 });
    await term.waitFor('has taken it back', { from: erase, timeoutMs: 30_000 });
    term.end();
    await within(app.finished, 30_000, 'the playground finishing');
    const text = term.text();
    const first = text.slice(text.indexOf('Support circle: the digest'), text.indexOf('/peer privacy erase'));
    expect(first).toContain('1 person took part');
    expect(first).toMatch(/1 person took part[\s\S]*sam[\s\S]*Tea with the team/);
    const after = text.slice(text.indexOf('/peer privacy erase'));
    expect(after).toContain('has taken it back');
    expect(after).not.toContain('Tea with the team');
    expect(after).not.toContain('took part');
    expect(text).toContain('[1] in a hard place');
    expect(await app.storage.db.prisma.checkinAnswer.count()).toBe(0);
  }, 240_000);
});
