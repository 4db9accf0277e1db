// The playground runs the flag flow and the plan editor, in-process with the whole app: a member
// flags, the supervisor (`/as sam`) acknowledges from their DM, the member is told; then the
// member edits a section of their wellness plan in the form.
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import { buttonNumber, terminal, within } from '../../adapters/shell/shell-terminal.ts';
import { startTestApp } from '../../support/app-harness.ts';

const WAIT = { timeoutMs: 20_000 };

describe('shell playground: flags and plans', () => {
  let app: RunningApp | undefined;

  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('flags privately, lets the supervisor acknowledge with /as, and edits the plan', async () => {
    const term = terminal();
    app = await startTestApp({}, { mode: 'shell', stdio: { input: term.input, output: term.output } });
    term.type(
      '/peer setup name:Harbor',
      // People are named in commands only once they have been here (as on Slack and Discord).
      // sam joins first: the welcome DM (with its own button) comes before the flag, so "1"
      // later presses a button on the flag's DM, the latest message sam got.
      '/as sam',
      '/as maya',
      '/as alex',
      '/peer team role user:sam role:supervisor',
      '/peer team supervisor member:maya supervisor:sam',
      '/as maya',
      '/peer flag',
    );
    await term.waitFor('How strong is it?', WAIT);
    term.type('4');
    await term.waitFor('What would help?', WAIT);
    term.type('1');
    await term.waitFor('Anything you want them to know', WAIT);
    let mark = term.mark();
    term.type('a hard session, shell-note-5a');
    await term.waitFor('went privately to', { ...WAIT, from: mark });
    mark = term.mark();
    term.type('/as sam');
    await term.waitFor('/as sam', { ...WAIT, from: mark });
    term.type('/inbox');
    await term.waitFor('A private flag from maya', { ...WAIT, from: mark });
    // The notice's buttons: Open (the note, to sam only), I'll reach out, Noted.
    const notice = term.text().lastIndexOf('A private flag from maya');
    mark = term.mark();
    term.type(buttonNumber(term, "I'll reach out", notice));
    await term.waitFor('I told maya you have seen it and will reach out', { ...WAIT, from: mark });
    mark = term.mark();
    term.type('/inbox');
    await term.waitFor('A private flag from maya', { ...WAIT, from: mark });
    mark = term.mark();
    term.type(buttonNumber(term, 'Open', notice));
    await term.waitFor('shell-note-5a', { ...WAIT, from: mark });

    mark = term.mark();
    term.type('/as maya', '/inbox');
    await term.waitFor('sam has seen your flag', { ...WAIT, from: mark });

    mark = term.mark();
    term.type('/peer plan');
    await term.waitFor('Your wellness plan', { ...WAIT, from: mark });
    term.type(buttonNumber(term, 'Edit: My triggers and what helps', mark));
    await term.waitFor('My triggers and what helps', { ...WAIT, from: term.mark() - 200 });
    mark = term.mark();
    term.type('call my sister, shell-plan-77');
    await term.waitFor('call my sister, shell-plan-77', { ...WAIT, from: mark });
    term.end();
    await within(app.finished, 20_000, 'the playground finishing');

    // What each place showed: a header line like `[#team] PeerBridge:` or `[DM to sam] ...`,
    // then its lines. The note shows in sam's DM (and as maya types it in her own form), never
    // under a channel's header.
    const sections = term.text().split(/\n(?=\[)/);
    const withNote = sections.filter((section) => section.includes('shell-note-5a'));
    expect(withNote.length).toBeGreaterThanOrEqual(1);
    for (const section of withNote) expect(section.slice(0, 400)).toMatch(/^\[(DM to sam|form for maya)\]/);
    const stored = await app.storage.db.prisma.wellnessPlan.findFirstOrThrow();
    expect(stored.triggersEnc).toMatch(/^v3:/);
  }, 120_000);

  it("opens the flag form from the welcome DM's Flag privately button, and team show says the team's escalation times", async () => {
    const term = terminal();
    app = await startTestApp({}, { mode: 'shell', stdio: { input: term.input, output: term.output } });
    term.type(
      '/peer setup name:Harbor',
      '/as lee',
      '/as sam',
      '/as alex',
      '/peer team role user:sam role:supervisor',
      '/peer team role user:alex role:supervisor',
      '/peer team escalation after:2h urgent:10m',
      '/peer team escalation after:soon',
      '/peer team supervisor member:lee supervisor:sam',
    );
    await term.waitFor('primary supervisor for lee', WAIT);
    const welcome = buttonNumber(term, 'Flag privately', term.text().indexOf('[DM to lee]'), 'first');
    term.type('/as lee');
    let mark = term.mark();
    term.type(welcome);
    await term.waitFor('How strong is it?', { ...WAIT, from: mark });
    expect(term.text().slice(mark)).toContain('within 2 hours (10 minutes when you need to talk now)');
    term.type('1');
    await term.waitFor('What would help?', WAIT);
    term.type('4');
    await term.waitFor('Anything you want them to know', WAIT);
    mark = term.mark();
    term.type('');
    await term.waitFor('went privately to', { ...WAIT, from: mark });
    mark = term.mark();
    term.type('/peer team show');
    await term.waitFor('Flags go to the next person after', { ...WAIT, from: mark });
    term.end();
    await within(app.finished, 20_000, 'the playground finishing');
    const text = term.text();
    expect(text).toContain("'soon' is not a length of time I can read");
    expect(text.slice(mark)).toContain('2 hours (10 minutes for "talk now")');
    expect(text.slice(mark)).toContain('• lee (member) — primary: sam');
    expect(await app.storage.db.prisma.triggerFlag.count()).toBe(1);
  }, 120_000);
});
