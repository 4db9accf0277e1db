// Who a shared plan section goes to: the member's primary supervisor (backup when there is no
// primary), in the team of the channel the command came from, else in any of their teams.
import type { Actor } from '../../chat/index.ts';
import type { Db, PrismaClient } from '../../db/index.ts';
import { findTeamByChannel } from '../teams/index.ts';

export async function shareTarget(
  prisma: PrismaClient,
  memberId: string,
  actor: Actor,
  channelId: string | undefined,
): Promise<{ teamId: string; teamZone: string; teamLanguage: string; supervisor: Db.Member } | undefined> {
  const team = channelId ? await findTeamByChannel(prisma, { ...actor, channelId }) : null;
  const assignments = await prisma.supervisorAssignment.findMany({
    where: { superviseeId: memberId, ...(team ? { teamId: team.id } : {}) },
    include: { supervisor: true, team: { select: { timeZone: true, language: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const chosen = assignments.find((a) => a.kind === 'primary') ?? assignments[0];
  return chosen
    ? {
        teamId: chosen.teamId,
        teamZone: chosen.team.timeZone,
        teamLanguage: chosen.team.language,
        supervisor: chosen.supervisor,
      }
    : undefined;
}
