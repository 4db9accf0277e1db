// Once a month each workspace's admins get the entries nobody has verified for
// RESOURCE_STALE_DAYS, never-verified ones first, each with Still right / Edit / Retire. Exactly
// once across replicas: the month's claim and the outbox rows commit in one transaction.
import type { Block, View } from '../../chat/index.ts';
import type { FieldCipher, PrismaClient } from '../../db/index.ts';
import { english, type Translate } from '../../i18n/index.ts';
import type { DbClient } from '../../scheduling/index.ts';
import {
  claimOccurrence,
  enqueueOutboxMany,
  occurrenceKey,
  type PeriodicJob,
} from '../../scheduling/index.ts';
import { translatorForMember } from '../teams/index.ts';
import { adminsOf } from './people.ts';
import { type ResourceRow, visibleTo } from './store.ts';
import { resourceLine } from './views.ts';

/** Rows a message can hold on every platform (Discord: five action rows). */
export const REVIEW_ROWS = 5;

export function staleWhere(workspaceId: string, teamIds: readonly string[], now: Date, staleDays: number) {
  const cutoff = new Date(now.getTime() - staleDays * 86_400_000);
  return {
    AND: [
      visibleTo({ workspaceId, teamIds }),
      { OR: [{ verifiedOn: null }, { verifiedOn: { lt: cutoff } }] },
    ],
  };
}

export async function staleEntries(
  db: DbClient | PrismaClient,
  workspaceId: string,
  teamIds: readonly string[],
  now: Date,
  staleDays: number,
  take = REVIEW_ROWS,
): Promise<{ rows: ResourceRow[]; total: number }> {
  const where = staleWhere(workspaceId, teamIds, now, staleDays);
  const [rows, total] = await Promise.all([
    db.resource.findMany({
      where,
      orderBy: [{ verifiedOn: { sort: 'asc', nulls: 'first' } }, { title: 'asc' }],
      take,
    }),
    db.resource.count({ where }),
  ]);
  return { rows, total };
}

export function reviewBlocks(row: ResourceRow, t: Translate = english): Block[] {
  return [
    { type: 'text', text: resourceLine(row, t) },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          actionId: 'resources:verify',
          label: t('resources.stale.stillRight'),
          value: row.id,
          style: 'primary',
        },
        { type: 'button', actionId: 'resources:edit', label: t('resources.stale.edit'), value: row.id },
        {
          type: 'button',
          actionId: 'resources:retire',
          label: t('resources.stale.retire'),
          value: row.id,
          style: 'danger',
        },
      ],
    },
  ];
}

/** One admin's monthly list, in their language (`t`). */
export function staleReviewView(
  rows: readonly ResourceRow[],
  total: number,
  staleDays: number,
  t: Translate = english,
): View {
  const rest = total - rows.length;
  return {
    text: t('resources.stale.summary', { count: total }),
    blocks: [
      { type: 'header', text: t('resources.stale.header') },
      { type: 'text', text: t('resources.stale.intro', { days: staleDays }) },
      ...rows.flatMap((row) => reviewBlocks(row, t)),
      ...(rest > 0 ? [{ type: 'context' as const, text: t('resources.stale.more', { count: rest }) }] : []),
    ],
  };
}

/** The first instant of the month `now` is in (UTC): the month's occurrence. */
export const monthStart = (now: Date): Date => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

export interface StaleReviewDeps {
  readonly prisma: PrismaClient;
  readonly cipher: FieldCipher;
  readonly staleDays: number;
  readonly notifyOutbox: () => void;
}

export function staleReviewJob(deps: StaleReviewDeps): PeriodicJob {
  return {
    name: 'resources-stale-review',
    async run({ now, instanceId }) {
      const due = monthStart(now);
      // A team's first week is for settling in: its admins are not handed a list of entries to
      // check the minute they set the channel up. The month's review reaches them after that.
      const settled = new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000);
      const workspaces = await deps.prisma.workspace.findMany({
        where: { teams: { some: { createdAt: { lte: settled }, roles: { some: { role: 'admin' } } } } },
        select: { id: true, teams: { select: { id: true } } },
      });
      let queued = 0;
      for (const workspace of workspaces) {
        const key = occurrenceKey(`resources-stale-review:${workspace.id}`, due);
        queued += await deps.prisma.$transaction(async (tx) => {
          if (!(await claimOccurrence(tx, { key, dueAt: due, instanceId, at: now }))) return 0;
          await tx.occurrenceClaim.update({ where: { key }, data: { status: 'done', finishedAt: now } });
          const teamIds = workspace.teams.map((t) => t.id);
          const { rows, total } = await staleEntries(tx, workspace.id, teamIds, now, deps.staleDays);
          if (total === 0) return 0;
          const admins = await adminsOf(tx, workspace.id);
          return enqueueOutboxMany(
            tx,
            deps.cipher,
            admins.map((admin) => ({
              idempotencyKey: `${key}:${admin.id}`,
              platform: admin.workspace.platform,
              workspaceExternalId: admin.workspace.externalId,
              target: { kind: 'dm' as const, userId: admin.platformUserId },
              recipientMemberId: admin.id,
              view: staleReviewView(rows, total, deps.staleDays, translatorForMember(admin, null)),
              notBefore: now,
            })),
          );
        });
      }
      if (queued > 0) deps.notifyOutbox();
    },
  };
}
