// Exactly-once runs of scheduled occurrences across replicas. An occurrence's key names what
// and when (`<scheduleId>@<due ISO instant>`); whoever inserts the claim row first runs it.
// The primary key decides, inside the database: no lock is held in memory, so it holds across
// processes and machines, on PostgreSQL and on PGlite alike.
//
// The trade-off: a claim is at most once. A process that dies while running an occurrence
// leaves its claim `running` (visible, with no finishedAt) and the occurrence is not run again.
// Handlers should therefore do their writes, outbox rows included, in one transaction, so that
// such a death leaves either everything or nothing behind.
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

async function insertClaim(db: DbClient, input: ClaimInput, status: 'running' | 'missed'): Promise<boolean> {
  const at = input.at ?? null;
  const missed = status === 'missed';
  const inserted = await db.$executeRaw`
    INSERT INTO "OccurrenceClaim" ("key", "scheduleId", "dueAt", "status", "claimedBy", "claimedAt", "finishedAt")
    VALUES (${input.key}, ${input.scheduleId ?? null}, ${input.dueAt}::timestamptz, ${status}::"ClaimStatus",
      ${input.instanceId}, COALESCE(${at}::timestamptz, CURRENT_TIMESTAMP),
      CASE WHEN ${missed} THEN COALESCE(${at}::timestamptz, CURRENT_TIMESTAMP) END)
    ON CONFLICT ("key") DO NOTHING`;
  return inserted === 1;
}

/** True when this process won the occurrence and must run it (then call finishClaim). */
export function claimOccurrence(db: DbClient, input: ClaimInput): Promise<boolean> {
  return insertClaim(db, input, 'running');
}

/**
 * Records an occurrence that came due too long ago (downtime past its window) as missed, so
 * it is never run later. True when this call recorded it.
 */
export function recordMissed(db: DbClient, input: ClaimInput): Promise<boolean> {
  return insertClaim(db, input, 'missed');
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
