// Escalation of flags nobody acknowledged: primary -> backup -> the team's admins who are
// supervisors. A periodic job on every replica; each step of each flag is an occurrence
// (`flag-escalation:<flag id>:<step>@<due instant>`) claimed in the same transaction as the
// step's writes and outbox rows, so it runs exactly once across replicas and restarts.
import type { Db, FieldCipher, PrismaClient } from '../../db/index.ts';
import {
  type Clock,
  claimOccurrence,
  enqueueOutbox,
  enqueueOutboxMany,
  type LogPort,
  occurrenceKey,
  type PeriodicJob,
} from '../../scheduling/index.ts';
import { escalateAtFor, flagDmMessages } from './flag-create.ts';
import { plainView } from './flag-views.ts';
import { chainFor, recipientsFrom } from './routing.ts';

export interface EscalationDeps {
  readonly prisma: PrismaClient;
  readonly cipher: FieldCipher;
  readonly clock: Clock;
  readonly logger: LogPort;
  readonly notifyOutbox: () => void;
}

const names = (members: readonly Db.Member[]) => members.map((m) => m.displayName).join(' and ');

function memberNotice(earlier: readonly Db.Member[], next: readonly Db.Member[]): string {
  const seen = names(earlier);
  if (next.length === 0) {
    return `Your flag went to ${seen}, who has not seen it yet, and there is nobody else on your team I can pass it to. If you need someone now, please reach out to someone you trust or a crisis line; \`/peer flag\` shows them again.`;
  }
  return `Your flag went to ${seen}; ${earlier.length === 1 ? 'they have' : 'they have'} not seen it yet, so it now goes to ${names(next)} too.`;
}

/** One escalation step of one flag; false when another replica (or an acknowledgement) got there first. */
async function escalateOne(
  deps: EscalationDeps,
  flag: Db.TriggerFlag,
  instanceId: string,
  now: Date,
): Promise<boolean> {
  const { prisma, cipher } = deps;
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
          cipher,
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
      view: plainView(memberNotice(earlier, fresh)),
      isPrivate: true,
      urgent: true,
      notBefore: now,
    });
    return true;
  });
}

export function escalationJob(deps: EscalationDeps): PeriodicJob {
  return {
    name: 'flags.escalate',
    async run({ instanceId, now }) {
      const due = await deps.prisma.triggerFlag.findMany({
        where: { escalateAt: { lte: now }, acknowledgedAt: null, closedAt: null, step: { lt: 2 } },
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
