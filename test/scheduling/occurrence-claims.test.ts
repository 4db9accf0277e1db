import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/index.ts';
import { claimOccurrence, finishClaim, occurrenceKey, recordMissed } from '../../src/scheduling/index.ts';
import { clonedDatabase } from '../support/database.ts';

let db: Database;
beforeAll(async () => {
  db = await clonedDatabase();
});
afterAll(async () => {
  await db.close();
});

const dueAt = new Date('2026-03-02T08:00:00Z');
const at = new Date('2026-03-02T08:00:05Z');

describe('occurrence claims', () => {
  it('names an occurrence by what and its due instant', () => {
    expect(occurrenceKey('sched-1', dueAt)).toBe('sched-1@2026-03-02T08:00:00.000Z');
  });

  it('lets exactly one of many concurrent claimers win', async () => {
    const key = occurrenceKey('escalate-flags', dueAt);
    const wins = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        claimOccurrence(db.prisma, { key, dueAt, instanceId: `r${i}`, at }),
      ),
    );
    expect(wins.filter(Boolean)).toHaveLength(1);
    expect(await db.prisma.occurrenceClaim.findUnique({ where: { key } })).toMatchObject({
      status: 'running',
      claimedAt: at,
      finishedAt: null,
    });
    await finishClaim(db.prisma, key, 'done', { at: new Date('2026-03-02T08:00:07Z') });
    expect(await db.prisma.occurrenceClaim.findUnique({ where: { key } })).toMatchObject({
      status: 'done',
      finishedAt: new Date('2026-03-02T08:00:07Z'),
    });
  });

  it('records a missed occurrence so that it can never be claimed later, and only once', async () => {
    const key = occurrenceKey('digest', dueAt);
    expect(await recordMissed(db.prisma, { key, dueAt, instanceId: 'r1', at })).toBe(true);
    expect(await recordMissed(db.prisma, { key, dueAt, instanceId: 'r2', at })).toBe(false);
    expect(await claimOccurrence(db.prisma, { key, dueAt, instanceId: 'r2', at })).toBe(false);
    expect(await db.prisma.occurrenceClaim.findUnique({ where: { key } })).toMatchObject({
      status: 'missed',
      claimedBy: 'r1',
      finishedAt: at,
    });
  });

  it('claims inside the caller’s transaction, so a rolled-back change frees the occurrence again', async () => {
    const key = occurrenceKey('round-open', dueAt);
    await expect(
      db.prisma.$transaction(async (tx) => {
        expect(await claimOccurrence(tx, { key, dueAt, instanceId: 'r1' })).toBe(true);
        throw new Error('the round could not be created');
      }),
    ).rejects.toThrow();
    expect(await claimOccurrence(db.prisma, { key, dueAt, instanceId: 'r2' })).toBe(true);
  });
});
