// Issue 23, what a new team lead met in the playground's first week: a named person who was
// never here, and the rough edges listed beside each test.
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import { buttonNumber, terminal, within } from '../../adapters/shell/shell-terminal.ts';
import { startTestApp } from '../../support/app-harness.ts';

const WAIT = { timeoutMs: 20_000 };

describe('shell playground, a first week', () => {
  let app: RunningApp | undefined;

  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('refuses to give a role to someone who was never here, naming the closest people', async () => {
    const term = terminal();
    app = await startTestApp({}, { mode: 'shell', stdio: { input: term.input, output: term.output } });
    term.type(
      '/peer setup name:Harbor',
      '/as sam',
      '/as alex',
      '/peer team role user:@nobody role:supervisor',
    );
    await term.waitFor("couldn't find that person", WAIT);
    const mark = term.mark();
    term.type('/peer team role user:@sam role:supervisor');
    await term.waitFor(/sam .*supervisor/, { ...WAIT, from: mark });
    term.end();
    await within(app.finished, 20_000, 'the playground finishing');
    const text = term.text();
    expect(text).toContain('The closest names I know: alex, sam.');
    expect(text).toContain('(/as name brings someone in first)');
    const members = await app.storage.db.prisma.member.findMany({ select: { platformUserId: true } });
    expect(members.map((m) => m.platformUserId).sort()).toEqual(['alex', 'sam']);
  }, 120_000);

  it('answers a search that finds nothing with the nearest categories, the region crisis lines and how to suggest', async () => {
    const term = terminal();
    app = await startTestApp({}, { mode: 'shell', stdio: { input: term.input, output: term.output } });
    term.type('/peer setup region:CA-QC name:Harbor', '/peer find ecoute');
    await term.waitFor('I found nothing for “ecoute”', WAIT);
    term.end();
    await within(app.finished, 20_000, 'the playground finishing');
    const found = term.text().slice(term.text().indexOf('> /peer find ecoute'));
    expect(found).toMatch(/browse a category: \/peer find category:[a-z-]+ /);
    expect(found).toContain('If you need someone now, crisis lines for CA-QC:');
    expect(found).toContain('9-8-8');
    expect(found).toContain('/peer resources suggest');
  }, 120_000);

  it('asks a form value that fails its check again at once, with the reason, and keeps the other answers', async () => {
    const term = terminal();
    app = await startTestApp({}, { mode: 'shell', stdio: { input: term.input, output: term.output } });
    term.type('/peer setup name:Harbor', '/peer selfcare');
    await term.waitFor('Which prompts?', WAIT);
    term.type('1', '1', '');
    await term.waitFor('At what time?', WAIT);
    const mark = term.mark();
    term.type('after work');
    await term.waitFor("'after work' isn't a time of day I can read", { ...WAIT, from: mark });
    expect(term.text().slice(mark)).toContain('At what time?');
    term.type('17:30');
    await term.waitFor('17:30', { ...WAIT, from: term.mark() });
    term.end();
    await within(app.finished, 20_000, 'the playground finishing');
    expect(term.text().slice(mark)).not.toContain('Nothing was sent');
    expect(await app.storage.db.prisma.selfCareNudge.count({ where: { active: true } })).toBe(1);
  }, 120_000);

  it('asks before deleting a check-in, and Keep it changes nothing', async () => {
    const term = terminal();
    app = await startTestApp({}, { mode: 'shell', stdio: { input: term.input, output: term.output } });
    term.type('/peer setup name:Harbor', '/peer checkin setup');
    await term.waitFor('Set up a check-in', WAIT);
    term.type('', '', '', '', '', '');
    await term.waitFor('Saved', WAIT);
    const list = term.mark();
    term.type('/peer checkin list');
    await term.waitFor('Delete', { ...WAIT, from: list });
    const asked = term.mark();
    term.type(buttonNumber(term, 'Delete', list));
    await term.waitFor('Keep it', { ...WAIT, from: asked });
    expect(term.text().slice(asked)).toMatch(/Delete .+\?/);
    const mark = term.mark();
    term.type(buttonNumber(term, 'Keep it', asked));
    await term.waitFor('Nothing changed', { ...WAIT, from: mark });
    term.end();
    await within(app.finished, 20_000, 'the playground finishing');
    expect(await app.storage.db.prisma.checkinTemplate.count({ where: { deletedAt: null } })).toBe(1);
  }, 120_000);
});
