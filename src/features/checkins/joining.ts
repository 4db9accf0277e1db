// Someone joined a team's channel (member-joined). They are on the roster from that moment,
// before any read of the platform's list, and a round already open sends them its prompt:
// a new person should not wait for the next round, nor be missed by this one.
import type { Actor } from '../../chat/index.ts';
import { type CheckinsDeps, teamOfChannel } from './context.ts';
import { openRound } from './rounds.ts';

export async function joinRoster(deps: CheckinsDeps, actor: Actor, channelId: string): Promise<void> {
  const team = await teamOfChannel(deps.prisma, actor, channelId);
  if (!team) return;
  // The teams feature's hook (earlier in the feature list) made the member row.
  const member = await deps.prisma.member.findUnique({
    where: { workspaceId_platformUserId: { workspaceId: team.workspaceId, platformUserId: actor.userId } },
  });
  if (!member) return;
  const now = deps.clock.now();
  const invited = await deps.prisma.$transaction(async (tx) => {
    await tx.checkinRosterEntry.upsert({
      where: { teamId_memberId: { teamId: team.id, memberId: member.id } },
      create: { teamId: team.id, memberId: member.id, seenAt: now },
      update: { active: true, leftAt: null, seenAt: now },
    });
    const open = await tx.checkinRound.findMany({
      where: { teamId: team.id, status: 'open', closesAt: { gt: now } },
      include: { template: true },
    });
    let count = 0;
    for (const { template, ...round } of open) {
      const plan = { key: round.key, template, opensAt: round.opensAt, closesAt: round.closesAt };
      count += (await openRound(tx, deps.cipher, team, plan, now, member.id)).invitedNow;
    }
    return count;
  });
  if (invited > 0) deps.notifyOutbox();
}
