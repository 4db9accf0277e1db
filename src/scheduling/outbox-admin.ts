// The data behind `/peer admin outbox`: what is waiting, what was given up on, and a retry for
// the latter. Admins of a workspace see its rows only, and never a message's text: rows hold
// private payloads, and an admin is not the author. Ids, times, counts and errors only.
import type { Platform } from '../chat/refs.ts';
import type { Db } from '../db/index.ts';
import type { DbClient } from './outbox.ts';

export interface OutboxScope {
  readonly platform: Platform;
  readonly workspaceExternalId: string;
  /** Only this team's rows (a team admin's view); absent: the whole workspace (a workspace admin's). */
  readonly teamId?: string;
  /**
   * Whether private rows are listed (with their recipient) and can be retried. False: they are
   * only counted (`counts.privatePending`, `counts.privateDead`). The access policy decides.
   */
  readonly showPrivateRows: boolean;
}

const whereOf = (scope: OutboxScope) => ({
  platform: scope.platform,
  workspaceExternalId: scope.workspaceExternalId,
  ...(scope.teamId === undefined ? {} : { teamId: scope.teamId }),
});

/** The rows listed one by one: private ones only for a viewer who may see their recipients. */
const listedOf = (scope: OutboxScope) => ({
  ...whereOf(scope),
  ...(scope.showPrivateRows ? {} : { isPrivate: false }),
});

export interface OutboxRowSummary {
  readonly id: string;
  readonly status: 'pending' | 'dead';
  readonly target: 'dm' | 'channel';
  /** A platform user id (dm) or channel id: admins may see who a message is for, not what it says. */
  readonly recipientId: string;
  readonly teamId: string | null;
  readonly isPrivate: boolean;
  readonly urgent: boolean;
  readonly attempts: number;
  readonly notBefore: Date;
  readonly createdAt: Date;
  readonly lastError: string | null;
  /** Claimed by a worker right now (`lockedBy` while the lock holds). */
  readonly lockedBy: string | null;
}

export interface OutboxOverview {
  readonly counts: {
    readonly pending: number;
    readonly dead: number;
    readonly sent: number;
    /** Of `pending` and `dead`, the private ones (counted even where they are not listed). */
    readonly privatePending: number;
    readonly privateDead: number;
  };
  /** Oldest first, at most `limit`. */
  readonly pending: readonly OutboxRowSummary[];
  /** Most recent first, at most `limit`. */
  readonly dead: readonly OutboxRowSummary[];
}

const summaryFields = {
  id: true,
  status: true,
  target: true,
  recipientId: true,
  teamId: true,
  isPrivate: true,
  urgent: true,
  attempts: true,
  notBefore: true,
  createdAt: true,
  lastError: true,
  lockedBy: true,
  lockedUntil: true,
} as const;

type SummaryRow = Pick<Db.OutboxMessage, keyof typeof summaryFields>;

function summarize(row: SummaryRow, now: Date): OutboxRowSummary {
  const { lockedUntil, lockedBy, status, ...rest } = row;
  return {
    ...rest,
    status: status === 'dead' ? 'dead' : 'pending',
    lockedBy: lockedUntil && lockedUntil > now ? lockedBy : null,
  };
}

export async function outboxOverview(
  db: DbClient,
  scope: OutboxScope,
  options: { readonly now: Date; readonly limit?: number },
): Promise<OutboxOverview> {
  const limit = options.limit ?? 20;
  const where = whereOf(scope);
  const [grouped, pending, dead] = await Promise.all([
    db.outboxMessage.groupBy({ by: ['status', 'isPrivate'], where, _count: { _all: true } }),
    db.outboxMessage.findMany({
      where: { ...listedOf(scope), status: 'pending' },
      orderBy: [{ notBefore: 'asc' }, { id: 'asc' }],
      take: limit,
      select: summaryFields,
    }),
    db.outboxMessage.findMany({
      where: { ...listedOf(scope), status: 'dead' },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit,
      select: summaryFields,
    }),
  ]);
  const count = (status: Db.OutboxStatus, privateOnly = false) =>
    grouped
      .filter((g) => g.status === status && (!privateOnly || g.isPrivate))
      .reduce((sum, g) => sum + g._count._all, 0);
  return {
    counts: {
      pending: count('pending'),
      dead: count('dead'),
      sent: count('sent'),
      privatePending: count('pending', true),
      privateDead: count('dead', true),
    },
    pending: pending.map((row) => summarize(row, options.now)),
    dead: dead.map((row) => summarize(row, options.now)),
  };
}

/**
 * A retry, or why not: `why` for the reader's own words (the admin feature's catalog), `reason`
 * the same in English, for logs and tests.
 */
export type RetryResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly why: 'not-visible' | 'sent' | 'waiting'; readonly reason: string };

/**
 * Puts a dead row back in the queue with a fresh set of tries, due at `now`. Its last error is
 * kept: the worker then asks the platform whether an earlier try got through before sending.
 */
export async function retryDead(
  db: DbClient,
  scope: OutboxScope,
  id: string,
  now: Date,
): Promise<RetryResult> {
  const result = await db.outboxMessage.updateMany({
    where: { ...listedOf(scope), id, status: 'dead' },
    data: { status: 'pending', attempts: 0, notBefore: now, lockedBy: null, lockedUntil: null },
  });
  if (result.count === 1) return { ok: true };
  const row = await db.outboxMessage.findFirst({
    where: { ...listedOf(scope), id },
    select: { status: true },
  });
  if (!row)
    return {
      ok: false,
      why: 'not-visible',
      reason:
        'That message is not in the outbox you can see (this team’s, or this workspace’s). Open `/peer admin outbox` again to see the current list.',
    };
  return {
    ok: false,
    why: row.status === 'sent' ? 'sent' : 'waiting',
    reason:
      row.status === 'sent'
        ? 'That message was delivered already; there is nothing to retry.'
        : 'That message is still waiting to be sent; only messages that were given up on can be retried.',
  };
}
