// Going / Maybe / Can't on a session. Counts are public; names only reach the facilitator.
import type { Db, PrismaClient } from '../../db/index.ts';
import type { DbClient } from '../../scheduling/index.ts';
import { leads, type Outcome, ok, refuse, type TeamContext } from './context.ts';

export const rsvpChoices = { going: 'yes', maybe: 'maybe', cant: 'no' } as const satisfies Record<
  string,
  Db.Availability
>;
export type RsvpChoice = keyof typeof rsvpChoices;

export interface RsvpCounts {
  readonly going: number;
  readonly maybe: number;
  readonly cant: number;
}

export async function rsvpCounts(prisma: DbClient, sessionId: string): Promise<RsvpCounts> {
  const rows = await prisma.rsvp.groupBy({ by: ['response'], where: { sessionId }, _count: { _all: true } });
  const of = (response: Db.Availability) => rows.find((r) => r.response === response)?._count._all ?? 0;
  return { going: of('yes'), maybe: of('maybe'), cant: of('no') };
}

export async function answerRsvp(
  prisma: PrismaClient,
  context: TeamContext,
  sessionId: string,
  choice: RsvpChoice,
  now: Date,
): Promise<Outcome<{ session: Db.SupervisionSession; counts: RsvpCounts }>> {
  const session = await prisma.supervisionSession.findFirst({
    where: { id: sessionId, teamId: context.team.id },
  });
  const { t } = context;
  if (!session) return refuse(t('supervision.refuse.sessionGoneList'));
  if (session.status === 'cancelled') return refuse(t('supervision.refuse.sessionCancelled'));
  if (session.endsAt <= now) return refuse(t('supervision.refuse.sessionOver'));
  const response = rsvpChoices[choice];
  await prisma.rsvp.upsert({
    where: { sessionId_memberId: { sessionId, memberId: context.member.id } },
    create: { sessionId, memberId: context.member.id, response, respondedAt: now },
    update: { response, respondedAt: now },
  });
  return ok({ session, counts: await rsvpCounts(prisma, sessionId) });
}

/** Who answered what: for the facilitator (or the team's leads) only. */
export async function rsvpNames(
  prisma: PrismaClient,
  context: TeamContext,
  sessionId: string,
): Promise<Outcome<{ session: Db.SupervisionSession; rows: { name: string; response: Db.Availability }[] }>> {
  const session = await prisma.supervisionSession.findFirst({
    where: { id: sessionId, teamId: context.team.id },
    include: { rsvps: { include: { member: true }, orderBy: { respondedAt: 'asc' } } },
  });
  if (!session) return refuse(context.t('supervision.refuse.sessionGone'));
  if (session.supervisorId !== context.member.id && !leads(context)) {
    return refuse(context.t('supervision.refuse.onlyFacilitatorNames'));
  }
  return ok({
    session,
    rows: session.rsvps.map((r) => ({ name: r.member.displayName, response: r.response })),
  });
}
