// Escalation of flags nobody acknowledged: primary -> backup -> the team's admins who are
// supervisors. A periodic job on every replica; each step of each flag is an occurrence
// (`flag-escalation:<flag id>:<step>@<due instant>`) claimed in the same transaction as the
// step's writes and outbox rows, so it runs exactly once across replicas and restarts.

import type { View } from '../../chat/index.ts';
import type { Db, FieldCipher, PrismaClient } from '../../db/index.ts';
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
import { escalateAtFor, flagDmMessages } from './flag-create.ts';
import { crisisBlocks, crisisLinesPointer, plainView } from './flag-views.ts';
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

const names = (members: readonly Db.Member[]) => members.map((m) => m.displayName).join(' and ');

function memberNotice(
  earlier: readonly Db.Member[],
  next: readonly Db.Member[],
  crisis: readonly CrisisLine[],
): View {
  const seen = names(earlier);
  if (next.length > 0)
    return plainView(
      `Your flag went to ${seen}; they have not seen it yet, so it now goes to ${names(next)} too.`,
    );
  // The last message of a flag that found nobody carries the crisis lines itself: one step away.
  const text = `Your flag went to ${seen}, who has not seen it yet, and there is nobody else on your team I can pass it to. If you need someone now, please reach out to someone you trust or a crisis line.`;
  const lines = crisisBlocks(crisis);
  return {
    text,
    blocks: [
      { type: 'text', text },
      ...(lines.length > 0 ? lines : [{ type: 'context' as const, text: crisisLinesPointer }]),
    ],
  };
}

/** For the team's admins: an urgent flag found nobody. Never whose it was or what it said. */
const nobodyLeftText = (teamName: string) =>
  `An urgent private flag in ${teamName} found nobody who could answer it in time. I cannot say whose it was or what it said. Please check that every member has a primary and a backup supervisor, and that at least one admin is also a supervisor, so a flag always reaches a person.`;

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
      view: plainView(nobodyLeftText(flag.team.name)),
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
  const crisis = (await deps.crisisLines?.forRegion(flag.team.crisisRegion)) ?? [];
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
      const why = `${names(earlier)} has not seen this yet, so it now comes to you as well.`;
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
      view: memberNotice(earlier, fresh, crisis),
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
