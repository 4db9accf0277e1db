// Exactly-once runs of scheduled occurrences across replicas. An occurrence's key names what
// and when (`<scheduleId>@<due ISO instant>`); whoever inserts the claim row first runs it.
// The primary key decides, inside the database: no lock is held in memory, so it holds across
// processes and machines, on PostgreSQL and on PGlite alike.
//
// The trade-off: a claim is at most once. A process that dies while running an occurrence
// leaves its claim `running` (visible, with no finishedAt) and the occurrence is not run again.
// Handlers should therefore do their writes, outbox rows included, in one transaction, so that
// such a death leaves either everything or nothing behind. A handler's batch form goes further:
// its claims are made in the same transaction as its writes (scheduler.ts `runGroup`), so a
// death mid-batch leaves no claim at all and the next tick runs the batch: exactly once.
import type { DbClient } from './outbox.ts';

export interface ClaimInput {
  readonly key: string;
  readonly scheduleId?: string;
  readonly dueAt: Date;
  /** Which replica claims it, for the record. */
  readonly instanceId: string;
  /** When the claim is made; defaults to the database's time. Pass the injected clock's now. */
  readonly at?: Date;
}

/** `<what>@<due instant as ISO-8601 UTC>`, e.g. `0195…@2026-03-02T08:00:00.000Z`. */
export function occurrenceKey(what: string, dueAt: Date): string {
  return `${what}@${dueAt.toISOString()}`;
}

export interface ClaimBatchInput {
  readonly key: string;
  readonly scheduleId?: string | null;
  readonly dueAt: Date;
}

export interface ClaimBatchOptions {
  /** Which replica claims them, for the record. */
  readonly instanceId: string;
  /** When the claims are made; defaults to the database's time. Pass the injected clock's now. */
  readonly at?: Date;
}

/** Keys per statement: one statement carries three arrays, not one parameter per value. */
const BATCH = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function insertClaims(
  db: DbClient,
  items: readonly ClaimBatchInput[],
  options: ClaimBatchOptions,
  status: 'running' | 'missed',
): Promise<Set<string>> {
  const at = options.at ?? null;
  const missed = status === 'missed';
  const won = new Set<string>();
  for (const chunk of chunks(items, BATCH)) {
    // One statement for many keys: the primary key still decides each one, so a key another
    // replica (or an earlier row of this very list) already holds is simply not returned.
    const rows = await db.$queryRaw<{ key: string }[]>`
      INSERT INTO "OccurrenceClaim" ("key", "scheduleId", "dueAt", "status", "claimedBy", "claimedAt", "finishedAt")
      SELECT t.key, t.schedule_id, t.due_at, ${status}::"ClaimStatus", ${options.instanceId},
        COALESCE(${at}::timestamptz, CURRENT_TIMESTAMP),
        CASE WHEN ${missed} THEN COALESCE(${at}::timestamptz, CURRENT_TIMESTAMP) END
      FROM unnest(${chunk.map((item) => item.key)}::text[],
        ${chunk.map((item) => item.scheduleId ?? null)}::text[],
        ${chunk.map((item) => item.dueAt.toISOString())}::timestamptz[]) AS t(key, schedule_id, due_at)
      ON CONFLICT ("key") DO NOTHING
      RETURNING "key"`;
    for (const row of rows) won.add(row.key);
  }
  return won;
}

type BatchClaim = (
  db: DbClient,
  items: readonly ClaimBatchInput[],
  options: ClaimBatchOptions,
) => Promise<Set<string>>;

/**
 * Claims many occurrences at once (one statement per 500 keys); returns the keys this call
 * won, which it must run and then finish (finishClaims / finishClaim).
 */
export const claimOccurrences: BatchClaim = (db, items, options) =>
  insertClaims(db, items, options, 'running');

/** Records many occurrences as missed at once; returns the keys this call recorded. */
export const recordManyMissed: BatchClaim = (db, items, options) =>
  insertClaims(db, items, options, 'missed');

/** True when this process won the occurrence and must run it (then call finishClaim). */
export async function claimOccurrence(db: DbClient, input: ClaimInput): Promise<boolean> {
  return (await claimOccurrences(db, [input], input)).has(input.key);
}

/**
 * Records an occurrence that came due too long ago (downtime past its window) as missed, so
 * it is never run later. True when this call recorded it.
 */
export async function recordMissed(db: DbClient, input: ClaimInput): Promise<boolean> {
  return (await recordManyMissed(db, [input], input)).has(input.key);
}

/** Marks many claims done at once (one statement per 500 keys). */
export async function finishClaims(
  db: DbClient,
  keys: readonly string[],
  at: Date = new Date(),
): Promise<void> {
  for (const chunk of chunks(keys, BATCH)) {
    await db.$executeRaw`
      UPDATE "OccurrenceClaim" SET "status" = 'done'::"ClaimStatus", "finishedAt" = ${at}::timestamptz, "error" = NULL
      WHERE "key" = ANY(${chunk}::text[])`;
  }
}

export async function finishClaim(
  db: DbClient,
  key: string,
  outcome: 'done' | 'failed',
  options: { readonly error?: string; readonly at?: Date } = {},
): Promise<void> {
  await db.occurrenceClaim.update({
    where: { key },
    data: {
      status: outcome,
      finishedAt: options.at ?? new Date(),
      error: options.error?.slice(0, 1000) ?? null,
    },
  });
}
