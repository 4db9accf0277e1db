// Escalation of flags nobody acknowledged: primary -> backup -> the team's admins who are
// supervisors. A periodic job on every replica; each step of each flag is an occurrence
// (`flag-escalation:<flag id>:<step>@<due instant>`) claimed in the same transaction as the
// step's writes and outbox rows, so it runs exactly once across replicas and restarts.

import type { View } from '../../chat/index.ts';
import { literal, type MarkupText, markup } from '../../chat/markup.ts';
import type { Db, FieldCipher, PrismaClient } from '../../db/index.ts';
import type { Translate } from '../../i18n/index.ts';
import {
  type Clock,
  claimOccurrence,
  type DbClient,
  enqueueOutbox,
  enqueueOutboxMany,
  type LogPort,
  occurrenceKey,
  type PeriodicJob,
} from '../../scheduling/index.ts';
import type { CrisisLine, CrisisLinesPort } from '../ports.ts';
import { translatorForMember } from '../teams/index.ts';
import { escalateAtFor, flagDmMessages } from './flag-create.ts';
import { crisisBlocks, joined, plainView } from './flag-views.ts';
import { ignoresQuietHours } from './levels.ts';
import { chainFor, recipientsFrom } from './routing.ts';

export interface EscalationDeps {
  readonly prisma: PrismaClient;
  readonly cipher: FieldCipher;
  readonly clock: Clock;
  readonly logger: LogPort;
  readonly notifyOutbox: () => void;
  /** Listed in the member's message when their flag found nobody (absent: a pointer to them). */
  readonly crisisLines?: CrisisLinesPort;
}

const names = (members: readonly Db.Member[], t: Translate): MarkupText =>
  joined(
    members.map((m) => markup`${literal(m.displayName)}`),
    t('flags.and'),
  );

function memberNotice(
  earlier: readonly Db.Member[],
  next: readonly Db.Member[],
  crisis: readonly CrisisLine[],
  t: Translate,
): View {
  const seen = names(earlier, t);
  if (next.length > 0) return plainView(t('flags.escalation.movedOn', { seen, next: names(next, t) }));
  // The last message of a flag that found nobody carries the crisis lines itself: one step away.
  const text = t('flags.escalation.nobodyElse', { seen });
  const lines = crisisBlocks(crisis, t);
  return {
    text,
    blocks: [
      { type: 'text', text },
      ...(lines.length > 0 ? lines : [{ type: 'context' as const, text: t('crisis.pointer') }]),
    ],
  };
}

async function tellAdminsNobodyLeft(
  tx: DbClient,
  cipher: FieldCipher,
  flag: Db.TriggerFlag & { team: Db.Team },
  workspace: Db.Workspace,
  now: Date,
): Promise<void> {
  const admins = await tx.teamRole.findMany({
    where: { teamId: flag.teamId, role: 'admin', memberId: { not: flag.authorId } },
    include: { member: true },
  });
  await enqueueOutboxMany(
    tx,
    cipher,
    admins.map((row) => ({
      idempotencyKey: `flag:${flag.id}:nobody-left:${row.memberId}`,
      platform: workspace.platform,
      workspaceExternalId: workspace.externalId,
      teamId: flag.teamId,
      target: { kind: 'dm' as const, userId: row.member.platformUserId },
      recipientMemberId: row.memberId,
      // For the team's admins: an urgent flag found nobody. Never whose it was or what it said.
      view: plainView(
        translatorForMember(row.member, flag.team)('flags.escalation.nobodyLeftAdmins', {
          team: literal(flag.team.name),
        }),
      ),
      urgent: true,
      notBefore: now,
    })),
  );
}

/** One escalation step of one flag; false when another replica (or an acknowledgement) got there first. */
async function escalateOne(
  deps: EscalationDeps,
  flag: Db.TriggerFlag & { team: Db.Team },
  instanceId: string,
  now: Date,
): Promise<boolean> {
  const { prisma, cipher } = deps;
  // Read before the transaction: a read on another connection inside it could wait on it.
  const author = await prisma.member.findUnique({ where: { id: flag.authorId } });
  const theirs = translatorForMember(author, flag.team);
  const crisis =
    (await deps.crisisLines?.forRegion(flag.team.crisisRegion, flag.team.workspaceId, theirs.language)) ?? [];
  return prisma.$transaction(async (tx) => {
    const key = occurrenceKey(`flag-escalation:${flag.id}:${flag.step}`, flag.escalateAt ?? now);
    if (!(await claimOccurrence(tx, { key, dueAt: flag.escalateAt ?? now, instanceId, at: now })))
      return false;
    const current = await tx.triggerFlag.findUnique({
      where: { id: flag.id },
      include: { author: true, team: true },
    });
    if (!current || current.acknowledgedAt || current.closedAt || current.step !== flag.step) return false;
    const chain = await chainFor(tx, current.teamId, current.authorId);
    const next = recipientsFrom(chain, current.step + 1);
    const fresh = next.to.filter((m) => !current.sentToIds.includes(m.id));
    const earlier = await tx.member.findMany({ where: { id: { in: current.sentToIds } } });
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: current.team.workspaceId } });
    const updated = await tx.triggerFlag.update({
      where: { id: current.id },
      data: {
        step: next.step,
        status: fresh.length > 0 ? 'escalated' : current.status,
        escalatedAt: fresh.length > 0 ? now : current.escalatedAt,
        sentToIds: [...current.sentToIds, ...fresh.map((m) => m.id)],
        escalateAt:
          fresh.length > 0 && next.step < 2 ? escalateAtFor(current, fresh[0], current.team, now) : null,
      },
    });
    if (fresh.length > 0) {
      const why = (t: Translate) => t('flags.notice.escalatedWhy', { names: names(earlier, t) });
      await enqueueOutboxMany(
        tx,
        cipher,
        flagDmMessages(
          updated,
          current.author,
          current.team,
          workspace.platform,
          workspace.externalId,
          fresh,
          now,
          why,
        ),
      );
    }
    await enqueueOutbox(tx, cipher, {
      idempotencyKey: `flag:${current.id}:escalated:${current.step}`,
      platform: workspace.platform,
      workspaceExternalId: workspace.externalId,
      teamId: current.teamId,
      target: { kind: 'dm', userId: current.author.platformUserId },
      recipientMemberId: current.authorId,
      view: memberNotice(earlier, fresh, crisis, translatorForMember(current.author, current.team)),
      isPrivate: true,
      urgent: true,
      notBefore: now,
    });
    if (fresh.length === 0 && ignoresQuietHours(current.severity, current.wish))
      await tellAdminsNobodyLeft(tx, cipher, current, workspace, now);
    return true;
  });
}

export function escalationJob(deps: EscalationDeps): PeriodicJob {
  return {
    name: 'flags.escalate',
    async run({ instanceId, now }) {
      const due = await deps.prisma.triggerFlag.findMany({
        where: { escalateAt: { lte: now }, acknowledgedAt: null, closedAt: null, step: { lt: 2 } },
        include: { team: true },
        orderBy: { escalateAt: 'asc' },
        take: 100,
      });
      let escalated = 0;
      for (const flag of due) if (await escalateOne(deps, flag, instanceId, now)) escalated++;
      if (escalated > 0) {
        deps.logger.info(
          { event: 'flags.escalated', count: escalated },
          'Flags nobody had seen yet went to the next person',
        );
        deps.notifyOutbox();
      }
    },
  };
}
