import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/index.ts';
import { claimOccurrence, finishClaim, occurrenceKey, recordMissed } from '../../src/scheduling/index.ts';
import { claimOccurrences, finishClaims, recordManyMissed } from '../../src/scheduling/occurrence-claims.ts';
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

  it('claims a batch in one go: only the keys nobody holds yet, each once, past 500 a statement', async () => {
    const items = Array.from({ length: 1_201 }, (_, i) => ({
      key: occurrenceKey(`batch-${i}`, dueAt),
      dueAt: new Date(dueAt.getTime() + i * 1000),
    }));
    const held = [items[0]!, items[600]!, items[1_200]!];
    for (const item of held) {
      expect(await claimOccurrence(db.prisma, { ...item, instanceId: 'r0', at })).toBe(true);
    }
    // The same key twice in one list is claimed once.
    const won = await claimOccurrences(db.prisma, [...items, items[7]!], { instanceId: 'r1', at });
    expect(won.size).toBe(1_198);
    for (const item of held) expect(won.has(item.key)).toBe(false);
    const rows = await db.prisma.occurrenceClaim.findMany({ where: { key: { startsWith: 'batch-' } } });
    expect(rows).toHaveLength(1_201);
    expect(
      rows
        .filter((row) => row.claimedBy === 'r0')
        .map((row) => row.key)
        .sort(),
    ).toEqual(held.map((item) => item.key).sort());
    expect(rows.find((row) => row.key === items[1_000]!.key)).toMatchObject({
      status: 'running',
      dueAt: items[1_000]!.dueAt,
      claimedAt: at,
      finishedAt: null,
    });
    expect(await claimOccurrences(db.prisma, items, { instanceId: 'r2', at })).toEqual(new Set());
  });

  it('splits overlapping batches between two concurrent claimers, none twice and none lost', async () => {
    const keys = Array.from({ length: 900 }, (_, i) => occurrenceKey(`split-${i}`, dueAt));
    const items = keys.map((key) => ({ key, dueAt }));
    const [first, second] = await Promise.all([
      claimOccurrences(db.prisma, items.slice(0, 600), { instanceId: 'r1', at }),
      claimOccurrences(db.prisma, items.slice(300), { instanceId: 'r2', at }),
    ]);
    expect([...first].filter((key) => second.has(key))).toEqual([]);
    expect(new Set([...first, ...second])).toEqual(new Set(keys));
    const byR2 = await db.prisma.occurrenceClaim.findMany({
      where: { key: { startsWith: 'split-' }, claimedBy: 'r2' },
      select: { key: true },
    });
    expect(new Set(byR2.map((row) => row.key))).toEqual(second);
  });

  it('records many missed at once and finishes many claims at once, only those named', async () => {
    const missed = [occurrenceKey('m-1', dueAt), occurrenceKey('m-2', dueAt)];
    const recorded = await recordManyMissed(
      db.prisma,
      missed.map((key) => ({ key, dueAt })),
      { instanceId: 'r1', at },
    );
    expect(recorded).toEqual(new Set(missed));
    const keys = ['f-1', 'f-2', 'f-3'].map((what) => occurrenceKey(what, dueAt));
    await claimOccurrences(
      db.prisma,
      keys.map((key) => ({ key, dueAt })),
      { instanceId: 'r1', at },
    );
    const finishedAt = new Date('2026-03-02T08:00:09Z');
    await finishClaims(db.prisma, keys.slice(0, 2), finishedAt);
    const rows = await db.prisma.occurrenceClaim.findMany({
      where: { key: { in: [...missed, ...keys] } },
      orderBy: { key: 'asc' },
      select: { key: true, status: true, finishedAt: true },
    });
    expect(rows).toEqual([
      { key: keys[0], status: 'done', finishedAt },
      { key: keys[1], status: 'done', finishedAt },
      { key: keys[2], status: 'running', finishedAt: null },
      { key: missed[0], status: 'missed', finishedAt: at },
      { key: missed[1], status: 'missed', finishedAt: at },
    ]);
  });
});
