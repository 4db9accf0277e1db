// Agenda topics for the next session. An anonymous topic stores no author at all, so nothing
// can ever link it back to the person.
import type { Db, PrismaClient } from '../../db/index.ts';
import type { DbClient } from '../../scheduling/index.ts';
import { type Outcome, ok, refuse, type TeamContext } from './context.ts';

export async function nextGroupSession(prisma: PrismaClient, teamId: string, now: Date) {
  return prisma.supervisionSession.findFirst({
    where: { teamId, kind: 'group', status: 'scheduled', startsAt: { gt: now } },
    orderBy: { startsAt: 'asc' },
  });
}

export async function addTopic(
  prisma: PrismaClient,
  context: TeamContext,
  text: string,
  anonymous: boolean,
  now: Date,
): Promise<Outcome<{ session: Db.SupervisionSession; topic: Db.AgendaTopic }>> {
  const session = await nextGroupSession(prisma, context.team.id, now);
  if (!session)
    return refuse(
      'There is no group session coming up yet, so there is no agenda to add to. A supervisor can start one with `/peer supervision new`.',
    );
  const topic = await prisma.agendaTopic.create({
    data: {
      sessionId: session.id,
      text,
      ...(anonymous ? {} : { authorId: context.member.id }),
      createdAt: now,
    },
  });
  return ok({ session, topic });
}

export interface AgendaLine {
  readonly text: string;
  /** Absent for anonymous topics. */
  readonly author?: string;
}

export async function agendaOf(prisma: DbClient, sessionId: string): Promise<AgendaLine[]> {
  const topics = await prisma.agendaTopic.findMany({
    where: { sessionId },
    include: { author: true },
    orderBy: { createdAt: 'asc' },
  });
  return topics.map((t) => ({ text: t.text, ...(t.author ? { author: t.author.displayName } : {}) }));
}
