// Injected-clock tests of when rounds open: a weekly check-in at 09:00 Europe/Berlin and one
// at each member's own 09:00 (America/New_York and Asia/Kolkata), across the DST changes of
// March 2026 (US: 8 March, EU: 29 March); a missed round caught up inside its window and
// recorded as missed after it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FormValues } from '../../../src/chat/index.ts';
import type { Database } from '../../../src/db/index.ts';
import { dm } from '../../support/chat-harness.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { type CheckinWorld, checkinWorld } from './support.ts';

// Each test drives several scheduler ticks; on a shared machine that can take longer than the
// default.
const SLOW = 120_000;

let db: Database;
// One database for the file, emptied before each test: a world of its own at a fraction of a
// clone's cost.
beforeAll(async () => {
  db = await clonedDatabase();
});
beforeEach(() => emptyDatabase(db));
afterAll(() => db.close());

async function withCheckin(start: string, values: Partial<FormValues>) {
  const world = await checkinWorld({ start }, db);
  await world.team({ admin: 'sam', members: ['nia', 'ravi'] });
  world.setChannel([
    { userId: 'sam', timeZone: 'Europe/Berlin' },
    { userId: 'nia', timeZone: 'America/New_York' },
    { userId: 'ravi', timeZone: 'Asia/Kolkata' },
  ]);
  const opened = await world.command('sam', ['checkin', 'setup']);
  const context = opened.seen.find((s) => s.how === 'form')?.form?.context;
  const saved = await world.form(
    'sam',
    'checkins:setup',
    {
      name: 'Weekly circle',
      questions: 'scale: How are you arriving?',
      when: 'mon 09:00',
      clock: 'team',
      hours: '24',
      digest: 'close',
      ...values,
    },
    dm,
    context,
  );
  expect(saved.text()).toContain('Saved');
  return world;
}

const rounds = (world: CheckinWorld) => world.prisma.checkinRound.findMany({ orderBy: { opensAt: 'asc' } });
// Prompts listed here count as delivered (the outbox worker sends them within seconds): a round
// that closes withdraws only prompts still unsent, and this test counts every prompt made.
const promptsTo = async (world: CheckinWorld) => {
  await world.prisma.outboxMessage.updateMany({
    where: { idempotencyKey: { startsWith: 'checkin-prompt:' }, status: 'pending' },
    data: { status: 'sent', sentAt: world.clock.now() },
  });
  return (await world.outbox({ keyPrefix: 'checkin-prompt:' })).map((p) => p.recipientId);
};

describe('team time: Mondays 09:00 Europe/Berlin', () => {
  it(
    'opens at 08:00Z before the EU change and at 07:00Z after it',
    async () => {
      const w = await withCheckin('2026-03-23T07:00:00Z', {});
      await w.tick(new Date('2026-03-23T07:59:00Z'));
      expect(await rounds(w)).toHaveLength(0);
      await w.tick(new Date('2026-03-23T08:00:00Z'));
      await w.tick(new Date('2026-03-23T08:01:00Z'));
      expect((await rounds(w)).map((r) => r.opensAt.toISOString())).toEqual(['2026-03-23T08:00:00.000Z']);
      expect((await promptsTo(w)).sort()).toEqual(['nia', 'ravi', 'sam']);

      await w.tick(new Date('2026-03-30T06:59:00Z'));
      expect(await rounds(w)).toHaveLength(1);
      await w.tick(new Date('2026-03-30T07:00:00Z'));
      const after = await rounds(w);
      expect(after.map((r) => r.opensAt.toISOString())).toEqual([
        '2026-03-23T08:00:00.000Z',
        '2026-03-30T07:00:00.000Z',
      ]);
      // The first round closed after its 24 hours, on a tick of the close job.
      expect(after[0]?.status).toBe('closed');
    },
    SLOW,
  );
});

describe("members' own time: 09:00 in New York and in Kolkata", () => {
  it(
    'prompts each member at their own 09:00 in one round a day, across the US and the EU change',
    async () => {
      const w = await withCheckin('2026-03-01T12:00:00Z', { clock: 'member' });
      expect(await w.prisma.schedule.count({ where: { active: true } })).toBe(3);

      await w.tick(new Date('2026-03-02T03:29:00Z'));
      expect(await promptsTo(w)).toEqual([]);
      await w.tick(new Date('2026-03-02T03:30:00Z'));
      expect(await promptsTo(w)).toEqual(['ravi']);
      await w.tick(new Date('2026-03-02T08:00:00Z'));
      expect((await promptsTo(w)).sort()).toEqual(['ravi', 'sam']);
      await w.tick(new Date('2026-03-02T13:59:00Z'));
      expect(await promptsTo(w)).toHaveLength(2);
      await w.tick(new Date('2026-03-02T14:00:00Z'));
      expect((await promptsTo(w)).sort()).toEqual(['nia', 'ravi', 'sam']);
      expect(await rounds(w)).toHaveLength(1);

      // After 8 March New York is on EDT: 09:00 there is 13:00Z; Kolkata stays at 03:30Z.
      const to = async (who: string) => (await promptsTo(w as CheckinWorld)).filter((r) => r === who);
      await w.tick(new Date('2026-03-09T03:29:00Z'));
      expect(await to('ravi')).toHaveLength(1);
      await w.tick(new Date('2026-03-09T03:30:00Z'));
      expect(await to('ravi')).toHaveLength(2);
      await w.tick(new Date('2026-03-09T12:59:00Z'));
      const before = (await w.outbox({ keyPrefix: 'checkin-prompt:' })).filter(
        (p) => p.recipientId === 'nia',
      );
      expect(before).toHaveLength(1);
      await w.tick(new Date('2026-03-09T13:00:00Z'));
      const nia = (await w.outbox({ keyPrefix: 'checkin-prompt:' })).filter((p) => p.recipientId === 'nia');
      expect(nia).toHaveLength(2);
      expect(await rounds(w)).toHaveLength(2);

      // Berlin in the members' own time: 08:00Z on 9 March, 07:00Z after the EU change on 29
      // March. Nothing ran on 16 and 23 March: those were past their 24 hours, so missed.
      expect(await to('sam')).toHaveLength(2);
      await w.tick(new Date('2026-03-30T06:59:00Z'));
      expect(await to('sam')).toHaveLength(2);
      await w.tick(new Date('2026-03-30T07:00:00Z'));
      expect(await to('sam')).toHaveLength(3);
      expect(await to('ravi')).toHaveLength(3);
      expect(await to('nia')).toHaveLength(2);
    },
    SLOW,
  );
});

describe('downtime', () => {
  it(
    'catches up a round missed while down inside its window, and records one missed after it',
    async () => {
      const w = await withCheckin('2026-03-02T07:00:00Z', { hours: '2' });
      // Down from before 09:00 Berlin (08:00Z) until 09:30Z: still inside the 2-hour window.
      await w.tick(new Date('2026-03-02T09:30:00Z'));
      const caught = await rounds(w);
      expect(caught.map((r) => [r.opensAt.toISOString(), r.closesAt.toISOString()])).toEqual([
        ['2026-03-02T08:00:00.000Z', '2026-03-02T10:00:00.000Z'],
      ]);
      // Down the next Monday until 11:00Z: three hours after 08:00Z, past the window.
      const report = await w.tick(new Date('2026-03-09T11:00:00Z'));
      expect(report.missed).toHaveLength(1);
      expect(await rounds(w)).toHaveLength(1);
      const claim = await w.prisma.occurrenceClaim.findFirstOrThrow({
        where: { dueAt: new Date('2026-03-09T08:00:00Z') },
      });
      expect(claim.status).toBe('missed');
    },
    SLOW,
  );
});
