// Self-care prompts: chosen in a private form, sent on the member's days and time in their
// zone (through the outbox, which holds them in quiet hours), each with Snooze 1 h, Skip today
// and Stop these. No answer is stored.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { ManualClock } from '../../../src/scheduling/index.ts';
import { dm } from '../../support/chat-harness.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { flagsWorld, said, type World } from '../flags/support/world.ts';

let db: Database;
let w: World;

beforeAll(async () => {
  db = await clonedDatabase();
});
// Each test's world: an empty database, the standard team, and a line in maya's plan.
beforeEach(async () => {
  await emptyDatabase(db);
  w = await flagsWorld({ db, clock: new ManualClock('2026-03-02T10:00:00Z') });
  await w.standardTeam();
  await w.form('maya', 'plans:section', { text: 'breathe by the window' }, dm, 'triggers');
});
afterAll(async () => {
  await db.close();
});

const prompts = async () => (await w.inbox('maya')).filter((v) => v.key.startsWith('selfcare'));

describe('self-care prompts', () => {
  it('refuses a time it cannot read, and stores nothing', async () => {
    const refused = await w.form(
      'maya',
      'selfcare:choose',
      { topics: ['end-of-shift'], days: ['MO'], time: 'after work' },
      dm,
    );
    expect(said(refused.seen[0]?.view)).toContain('Please give a time of day like 17:30');
    expect(await w.prisma.selfCareNudge.count({ where: { member: { platformUserId: 'maya' } } })).toBe(0);
  });

  it('takes a skipped time (an optional question) as 17:00 instead of refusing the choice', async () => {
    const saved = await w.form('noor', 'selfcare:choose', { topics: ['end-of-shift'], days: ['MO'] }, dm);
    expect(said(saved.seen[0]?.view)).toContain('17:00');
    const nudges = await w.prisma.selfCareNudge.findMany({
      where: { member: { platformUserId: 'noor' }, active: true },
    });
    expect(nudges).toHaveLength(1);
    await w.form('noor', 'selfcare:choose', { topics: [] }, dm);
    expect(await w.prisma.selfCareNudge.count({ where: { active: true } })).toBe(0);
  });

  it('sends the chosen prompts at the chosen local time, respecting quiet hours, with snooze, skip and stop', async () => {
    const opened = await w.command('maya', ['selfcare'], {}, dm);
    expect(opened.seen[0]?.form?.formId).toBe('selfcare:choose');
    const saved = await w.form(
      'maya',
      'selfcare:choose',
      {
        topics: ['end-of-shift', 'weekly', 'plan-line'],
        days: ['MO', 'TU'],
        weekly: 'FR',
        time: '17:30',
      },
      dm,
    );
    expect(said(saved.seen[0]?.view)).toContain('at 17:30 (Europe/Berlin)');
    expect(await w.prisma.selfCareNudge.count({ where: { active: true } })).toBe(3);

    const scheduler = w.scheduler();
    w.clock.advanceTo('2026-03-02T16:29:00Z');
    await scheduler.tick();
    expect(await prompts()).toHaveLength(0);
    w.clock.advanceTo('2026-03-02T16:30:00Z'); // 17:30 in Berlin
    await scheduler.tick();
    const sent = await prompts();
    expect(sent.map((v) => v.text).sort()).toEqual([
      'A line from your wellness plan',
      'How are you leaving work today?',
    ]);
    for (const prompt of sent) {
      expect(prompt.respectQuietHours).toBe(true);
      expect(said(prompt)).toContain('Snooze 1 h');
      expect(said(prompt)).toContain('Skip today');
      expect(said(prompt)).toContain('Stop these');
    }
    expect(said(sent.find((v) => v.text.startsWith('A line')))).toContain('breathe by the window');

    const nudge = await w.prisma.selfCareNudge.findFirstOrThrow({
      where: { topic: 'end-of-shift', member: { platformUserId: 'maya' } },
    });
    const snoozed = await w.action('maya', 'selfcare:snooze', nudge.id, dm);
    expect(snoozed.seen[0]).toMatchObject({ how: 'update' });
    const later = (await prompts()).filter((v) => v.key.startsWith('selfcare-snooze'));
    expect(later.map((v) => v.notBefore.toISOString())).toEqual(['2026-03-02T17:30:00.000Z']);

    const heavy = await w.action('maya', 'selfcare:heavy', nudge.id, dm);
    expect(said(heavy.seen[0]?.view)).toContain('That answer stays with you');
    expect(await w.prisma.auditLog.count({ where: { action: { contains: 'selfcare' } } })).toBe(0);

    const skipped = await w.action('maya', 'selfcare:skip', nudge.id, dm);
    expect(said(skipped.seen[0]?.view)).toContain('Skipped for today');

    const stranger = await w.action('lee', 'selfcare:stop', nudge.id, dm);
    expect(said(stranger.seen[0]?.view)).toContain('That prompt is not there any more');
    expect(await w.prisma.selfCareNudge.count({ where: { active: true } })).toBe(3);

    await w.action('maya', 'selfcare:stop', nudge.id, dm);
    expect(await w.prisma.selfCareNudge.count({ where: { active: true } })).toBe(0);
    const before = (await prompts()).length;
    w.clock.advanceTo('2026-03-03T16:30:00Z');
    await scheduler.tick();
    expect(await prompts()).toHaveLength(before);
  });

  it('sends prompts of members due at the same minute together (one batch), each once, skipping stopped ones', async () => {
    const choice = { topics: ['end-of-shift'], days: ['WE'], time: '17:30' };
    await w.form('maya', 'selfcare:choose', choice, dm);
    await w.form('lee', 'selfcare:choose', choice, dm);
    await w.form('sam', 'selfcare:choose', choice, dm);
    const sams = await w.prisma.selfCareNudge.findFirstOrThrow({
      where: { active: true, member: { platformUserId: 'sam' } },
    });
    await w.action('sam', 'selfcare:stop', sams.id, dm);
    const endOfShift = async (who: string) =>
      (await w.inbox(who)).filter(
        (v) => v.key.startsWith('selfcare:') && v.text.startsWith('How are you leaving'),
      );
    const before = { maya: (await endOfShift('maya')).length, lee: (await endOfShift('lee')).length };
    const scheduler = w.scheduler();
    w.clock.advanceTo('2026-03-04T16:30:00Z'); // Wednesday 17:30 in Berlin
    const report = await scheduler.tick();
    expect(report.ran).toHaveLength(2);
    expect(report.failed).toHaveLength(0);
    expect((await endOfShift('maya')).length).toBe(before.maya + 1);
    expect((await endOfShift('lee')).length).toBe(before.lee + 1);
    expect(await endOfShift('sam')).toHaveLength(0);
    await scheduler.tick();
    expect((await endOfShift('maya')).length).toBe(before.maya + 1);
    expect((await endOfShift('lee')).length).toBe(before.lee + 1);
  });
});
