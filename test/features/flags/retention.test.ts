// Retention on the injected clock: notes and follow-up notes (and the DMs that carried them)
// are erased after FLAG_RETENTION_DAYS by a daily job that runs once; level and times stay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/scheduling/index.ts';
import { dm } from '../../support/chat-harness.ts';
import { flagsWorld, said, type World } from './support/world.ts';

const DAY = 24 * 60 * 60_000;
let w: World;

beforeAll(async () => {
  w = await flagsWorld({ clock: new ManualClock('2026-03-02T10:00:00Z'), retentionDays: 30 });
  await w.standardTeam();
});
afterAll(async () => {
  await w.db.close();
});

describe('flag retention', () => {
  it('erases notes after the retention days, keeps level and times, and runs once a day', async () => {
    await w.flag('maya', { level: 'struggling', wish: 'talk-today', note: 'old note' });
    const flag = await w.prisma.triggerFlag.findFirstOrThrow();
    w.clock.advance(60 * 60_000);
    await w.action('sam', 'flags:close', flag.id, dm);
    await w.form('sam', 'flags:close', { followup: 'old follow-up' }, dm, flag.id);
    await w.prisma.outboxMessage.updateMany({ data: { status: 'sent' } });

    w.clock.advance(29 * DAY);
    await w.scheduler().tick();
    expect((await w.prisma.triggerFlag.findUniqueOrThrow({ where: { id: flag.id } })).noteEnc).not.toBeNull();

    w.clock.advance(1 * DAY);
    const scheduler = w.scheduler();
    await scheduler.tick();
    const erased = await w.prisma.triggerFlag.findUniqueOrThrow({ where: { id: flag.id } });
    expect(erased).toMatchObject({ noteEnc: null, followUpEnc: null, severity: 'high', status: 'closed' });
    expect(erased.notesErasedAt?.toISOString()).toBe(w.clock.now().toISOString());
    expect(erased.acknowledgedAt).not.toBeNull();
    expect(
      await w.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: `flag:${flag.id}:` } } }),
    ).toBe(0);

    await scheduler.tick();
    await w.scheduler('another').tick();
    const today = `flag-retention@${w.clock.now().toISOString().slice(0, 10)}T00:00:00.000Z`;
    expect(await w.prisma.occurrenceClaim.findMany({ where: { key: today } })).toEqual([
      expect.objectContaining({ status: 'done' }),
    ]);

    const opened = await w.action('sam', 'flags:open', flag.id, dm);
    expect(said(opened.seen[0]?.view)).toContain('erased after the retention period');
  });
});
