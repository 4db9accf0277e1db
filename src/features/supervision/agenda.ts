// Agenda topics for the next session. An anonymous topic stores no author at all, and nothing
// that tells when it was added (an id with no time in it, the day only): with the one anonymity
// rule (src/anonymity) it is listed apart from named topics, in the order of its words, so
// neither the agenda nor the database links it to the person by timing or order.
import { randomUUID } from 'node:crypto';
import { anonymousOrder } from '../../anonymity/index.ts';
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
  if (!session) return refuse(context.t('supervision.refuse.noSessionForTopic'));
  const topic = await prisma.agendaTopic.create({
    data: anonymous
      ? // A uuid v7 (the default id) carries the time it was made to the millisecond.
        { id: randomUUID(), sessionId: session.id, text, createdAt: startOfUtcDay(now) }
      : { sessionId: session.id, text, authorId: context.member.id, createdAt: now },
  });
  return ok({ session, topic });
}

const startOfUtcDay = (instant: Date) => new Date(instant.toISOString().slice(0, 10));

export interface AgendaLine {
  readonly text: string;
  /** Absent for anonymous topics. */
  readonly author?: string;
}

/** Named topics in the order they came, then anonymous ones in the order of their words. */
export async function agendaOf(prisma: DbClient, sessionId: string): Promise<AgendaLine[]> {
  const topics = await prisma.agendaTopic.findMany({
    where: { sessionId },
    include: { author: true },
    orderBy: { createdAt: 'asc' },
  });
  const named = topics.flatMap((t) => (t.author ? [{ text: t.text, author: t.author.displayName }] : []));
  const anonymous = anonymousOrder(
    topics.filter((t) => !t.author).map((t) => ({ text: t.text })),
    (t) => t.text,
  );
  return [...named, ...anonymous];
}
