// Which team a flag belongs to: the team of the channel it was raised in, else the member's
// team with a supervisor for them, else their first team. None: they get set-up help.
import type { Actor } from '../../chat/index.ts';
import type { Db, PrismaClient } from '../../db/index.ts';
import { findTeamByChannel } from '../teams/index.ts';

export async function teamOf(
  prisma: PrismaClient,
  actor: Actor,
  memberId: string,
  hint: { channelId?: string; teamId?: string },
): Promise<Db.Team | undefined> {
  const memberships = await prisma.teamRole.findMany({
    where: { memberId },
    include: { team: true },
    orderBy: { createdAt: 'asc' },
  });
  const mine = new Map(memberships.map((r) => [r.teamId, r.team]));
  if (hint.teamId && mine.has(hint.teamId)) return mine.get(hint.teamId);
  if (hint.channelId) {
    const here = await findTeamByChannel(prisma, { ...actor, channelId: hint.channelId });
    if (here && mine.has(here.id)) return here;
  }
  const paired = await prisma.supervisorAssignment.findFirst({
    where: { superviseeId: memberId, teamId: { in: [...mine.keys()] } },
    orderBy: { createdAt: 'asc' },
  });
  if (paired) return mine.get(paired.teamId);
  return memberships[0]?.team;
}
