// The delivery worker's reads and writes. Every write after the claim is a compare-and-set on
// `lockedBy` (a token unique to one claim): if a lock expired and another replica took the row,
// our write matches nothing and we back off, so two replicas never both act on one row.
import type { Db, PrismaClient } from '../db/index.ts';

export type OutboxRow = Db.OutboxMessage;

export interface ClaimRequest {
  readonly token: string;
  readonly now: Date;
  readonly lockMs: number;
  readonly limit: number;
  /** At most this many rows for one recipient per claim, so one busy channel cannot fill a batch. */
  readonly perLane: number;
}

/**
 * Locks due rows for this claim and returns them, oldest first.
 *
 * - `FOR UPDATE SKIP LOCKED` lets two replicas claim at the same moment without waiting for
 *   or taking each other's rows; the outer UPDATE re-checks the lock columns, so a row another
 *   replica locked between our read and our update is not taken twice.
 * - A recipient (channel or DM) with a row still locked by anyone is skipped: its rows go
 *   through one replica at a time, which keeps them in order and keeps the per-channel rate
 *   limit (held in one process's memory) honest. Rows of a crashed replica free their
 *   recipient when their lock expires.
 * - The locked recipients are one uncorrelated `NOT IN` list (the lane columns are NOT NULL,
 *   so it means the same as NOT EXISTS), which PostgreSQL hashes once. A correlated NOT EXISTS
 *   was planned, without fresh statistics (PGlite never gathers them), as a loop over every
 *   pending row for each candidate: 270 ms a claim with 1,000 pending, 6.5 s with 5,000,
 *   against 4 ms and 16 ms now (docs/benchmarks-notes.md).
 * - ROW_NUMBER caps rows per recipient, so a channel with 500 queued messages cannot starve
 *   the DMs behind it.
 * Works the same on PostgreSQL and PGlite.
 */
export async function claimDue(prisma: PrismaClient, request: ClaimRequest): Promise<OutboxRow[]> {
  const { token, now, lockMs, limit, perLane } = request;
  const until = new Date(now.getTime() + lockMs);
  const claimed = await prisma.$queryRaw<{ id: string }[]>`
    WITH due AS (
      SELECT m.id, m."notBefore",
        ROW_NUMBER() OVER (
          PARTITION BY m.platform, m."workspaceExternalId", m.target, m."recipientId"
          ORDER BY m."notBefore", m.id) AS lane_position
      FROM "OutboxMessage" m
      WHERE m.status = 'pending' AND m."notBefore" <= ${now}::timestamptz
        AND (m."lockedUntil" IS NULL OR m."lockedUntil" < ${now}::timestamptz)
        AND (m.platform, m."workspaceExternalId", m.target, m."recipientId") NOT IN (
          SELECT busy.platform, busy."workspaceExternalId", busy.target, busy."recipientId"
          FROM "OutboxMessage" busy
          WHERE busy.status = 'pending' AND busy."lockedUntil" >= ${now}::timestamptz)
    ),
    picked AS (
      SELECT o.id FROM "OutboxMessage" o
      WHERE o.id IN (
          SELECT due.id FROM due WHERE due.lane_position <= ${perLane}
          ORDER BY due."notBefore", due.id LIMIT ${limit})
        AND o.status = 'pending'
        AND (o."lockedUntil" IS NULL OR o."lockedUntil" < ${now}::timestamptz)
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "OutboxMessage" u SET "lockedBy" = ${token}, "lockedUntil" = ${until}::timestamptz
    FROM picked WHERE u.id = picked.id
    RETURNING u.id`;
  if (claimed.length === 0) return [];
  return prisma.outboxMessage.findMany({
    where: { id: { in: claimed.map((row) => row.id) }, lockedBy: token },
    orderBy: [{ notBefore: 'asc' }, { id: 'asc' }],
  });
}

const mine = (row: OutboxRow, token: string) => ({ id: row.id, status: 'pending' as const, lockedBy: token });
const unlocked = { lockedBy: null, lockedUntil: null };

export interface AttemptRecord {
  readonly id: string;
  readonly token: string;
  /** +1: a try is about to be sent. -1: it was not sent after all (a 429, a lapsing claim). */
  readonly delta: 1 | -1;
  /** With +1, the lock is extended to this instant; with -1 it is left as it is. */
  readonly lockedUntil: Date | null;
}

/**
 * Counts (or takes back) tries, many rows in one statement (GroupCommit). A try is counted and
 * the lock extended just before the send (not while the row waits its turn: renewClaims holds
 * it then): a row found later with `attempts > 0`, still pending and
 * with an expired lock is one whose send may or may not have happened (a crash), and is
 * checked with the platform before it is sent again. Returns the ids that were still ours.
 */
export async function countAttempts(
  prisma: PrismaClient,
  records: readonly AttemptRecord[],
): Promise<Set<string>> {
  if (records.length === 0) return new Set();
  const ids = records.map((r) => r.id);
  const tokens = records.map((r) => r.token);
  const deltas = records.map((r) => r.delta);
  // '' for "keep the lock": an array parameter with nulls is not portable across the drivers.
  const untils = records.map((r) => r.lockedUntil?.toISOString() ?? '');
  const updated = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "OutboxMessage" o
    SET attempts = o.attempts + v.delta,
      "lockedUntil" = COALESCE(NULLIF(v.locked_until, '')::timestamptz, o."lockedUntil")
    FROM unnest(${ids}::text[], ${tokens}::text[], ${deltas}::int[], ${untils}::text[])
      AS v(id, token, delta, locked_until)
    WHERE o.id = v.id AND o."lockedBy" = v.token AND o.status = 'pending'
    RETURNING o.id`;
  return new Set(updated.map((row) => row.id));
}

/**
 * Renews this replica's live claims: every row still pending, locked by one of `tokens` and
 * not yet lapsed is held until `until`. A lapsed claim is not revived (another replica may be
 * about to take it), and a longer lock (a 429's wait) is not shortened. Returns the row count.
 */
export async function renewClaims(
  prisma: PrismaClient,
  tokens: readonly string[],
  now: Date,
  until: Date,
): Promise<number> {
  if (tokens.length === 0) return 0;
  const renewed = await prisma.outboxMessage.updateMany({
    where: { lockedBy: { in: [...tokens] }, status: 'pending', lockedUntil: { gt: now, lt: until } },
    data: { lockedUntil: until },
  });
  return renewed.count;
}

export interface SentRecord {
  readonly id: string;
  readonly token: string;
  readonly platformMessageId: string;
  readonly sentAt: Date;
}

/**
 * Records many sends in one statement (a group commit: every send that finished while the
 * previous write was out). Returns the ids that were still ours; the others were taken over.
 */
export async function markSentMany(
  prisma: PrismaClient,
  records: readonly SentRecord[],
): Promise<Set<string>> {
  if (records.length === 0) return new Set();
  const ids = records.map((r) => r.id);
  const tokens = records.map((r) => r.token);
  const messageIds = records.map((r) => r.platformMessageId);
  const times = records.map((r) => r.sentAt.toISOString());
  const updated = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "OutboxMessage" o
    SET status = 'sent', "sentAt" = v.sent_at::timestamptz, "platformMessageId" = v.message_id,
      "lastError" = NULL, "lockedBy" = NULL, "lockedUntil" = NULL
    FROM unnest(${ids}::text[], ${tokens}::text[], ${messageIds}::text[], ${times}::text[])
      AS v(id, token, message_id, sent_at)
    WHERE o.id = v.id AND o."lockedBy" = v.token AND o.status = 'pending'
    RETURNING o.id`;
  return new Set(updated.map((row) => row.id));
}

export interface Failure {
  /** The tries so far, this one included (the lock holder knows the count). */
  readonly attempts: number;
  readonly lastError: string;
}

export async function markRetry(
  prisma: PrismaClient,
  row: OutboxRow,
  token: string,
  notBefore: Date,
  failure: Failure,
): Promise<boolean> {
  const result = await prisma.outboxMessage.updateMany({
    where: mine(row, token),
    data: { notBefore, ...failure, ...unlocked },
  });
  return result.count === 1;
}

export async function markDead(
  prisma: PrismaClient,
  row: OutboxRow,
  token: string,
  failure: Failure,
): Promise<boolean> {
  const result = await prisma.outboxMessage.updateMany({
    where: mine(row, token),
    data: { status: 'dead', ...failure, ...unlocked },
  });
  return result.count === 1;
}

/** Gives rows back without an attempt: quiet hours (with their new `notBefore`) or a stop. */
export async function release(
  prisma: PrismaClient,
  rows: readonly OutboxRow[],
  token: string,
  notBefore?: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await prisma.outboxMessage.updateMany({
    where: { id: { in: rows.map((row) => row.id) }, status: 'pending', lockedBy: token },
    data: { ...unlocked, ...(notBefore ? { notBefore } : {}) },
  });
  return result.count;
}

export interface RecipientContext {
  readonly quiet: { start: number; end: number } | null;
  readonly zone: string | null;
}

/**
 * Quiet hours and zone of each row's recipient member; the member's own zone, else their
 * team's. Only rows that respect quiet hours, are not urgent and name a member need one.
 */
export async function recipientContexts(
  prisma: PrismaClient,
  rows: readonly OutboxRow[],
): Promise<Map<string, RecipientContext>> {
  const needing = rows.filter((row) => row.respectQuietHours && !row.urgent && row.recipientMemberId);
  const memberIds = [...new Set(needing.map((row) => row.recipientMemberId!))];
  const teamIds = [...new Set(needing.flatMap((row) => (row.teamId ? [row.teamId] : [])))];
  if (memberIds.length === 0) return new Map();
  const [members, teams] = await Promise.all([
    prisma.member.findMany({
      where: { id: { in: memberIds } },
      select: { id: true, timeZone: true, quietStart: true, quietEnd: true },
    }),
    teamIds.length > 0
      ? prisma.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, timeZone: true } })
      : Promise.resolve([]),
  ]);
  const memberById = new Map(members.map((member) => [member.id, member]));
  const teamZone = new Map(teams.map((team) => [team.id, team.timeZone]));
  const contexts = new Map<string, RecipientContext>();
  for (const row of needing) {
    const member = memberById.get(row.recipientMemberId!);
    if (!member) continue;
    const quiet =
      member.quietStart !== null && member.quietEnd !== null
        ? { start: member.quietStart, end: member.quietEnd }
        : null;
    const zone = member.timeZone ?? (row.teamId ? teamZone.get(row.teamId) : undefined) ?? null;
    contexts.set(row.id, { quiet, zone });
  }
  return contexts;
}

/**
 * Deletes a private delivery whose recipient may no longer receive it (a role removed, a
 * re-pairing, an erase), with an audit row, in one transaction; only while the row is still ours.
 * Never sent, so nothing to look up. False: the row was no longer ours.
 */
export async function dropUndeliverable(
  prisma: PrismaClient,
  row: OutboxRow,
  token: string,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const deleted = await tx.outboxMessage.deleteMany({ where: mine(row, token) });
    if (deleted.count !== 1) return false;
    const aboutFlag = row.privateKind === 'flag' && row.subjectId !== null;
    await tx.auditLog.create({
      data: {
        actorMemberId: null,
        action: 'refused.private-delivery',
        subjectType: aboutFlag ? 'TriggerFlag' : 'Member',
        subjectId: (aboutFlag ? row.subjectId : row.aboutMemberId) ?? row.id,
        detail: {
          kind: row.privateKind ?? 'unknown',
          ...(row.recipientMemberId ? { recipientMemberId: row.recipientMemberId } : {}),
        },
      },
    });
    return true;
  });
}
