// What supervision keeps about a person: RSVPs and attendance, poll votes, topics added with
// their name (anonymous ones store no author, so they are nobody's), and one-to-one bookings.
import type { PrismaClient } from '../../db/index.ts';
import type { PersonalData, PrivacyLine } from '../feature.ts';

export function supervisionPrivacy(prisma: PrismaClient) {
  return async (memberId: string): Promise<PrivacyLine[]> => {
    const [rsvps, votes, topics, bookings] = await Promise.all([
      prisma.rsvp.count({ where: { memberId } }),
      prisma.pollVote.count({ where: { memberId } }),
      prisma.agendaTopic.count({ where: { authorId: memberId } }),
      prisma.supervisionSession.count({
        where: { kind: 'one_on_one', OR: [{ superviseeId: memberId }, { supervisorId: memberId }] },
      }),
    ]);
    return [
      {
        label: 'Supervision answers',
        value: `${rsvps} RSVPs (with attendance once confirmed) and ${votes} poll votes. Counts are shared; names only with the facilitator.`,
      },
      {
        label: 'Agenda topics',
        value: `${topics} with your name. Anonymous topics store no name at all, so they are not counted here.`,
      },
      { label: 'One-to-one supervision', value: `${bookings} bookings, seen by you and the supervisor.` },
    ];
  };
}

export function supervisionPersonalData(prisma: PrismaClient): PersonalData {
  return {
    async export(memberId) {
      const [rsvps, votes, topics, bookings] = await Promise.all([
        prisma.rsvp.findMany({ where: { memberId }, include: { session: true } }),
        prisma.pollVote.findMany({ where: { memberId }, include: { option: { include: { poll: true } } } }),
        prisma.agendaTopic.findMany({ where: { authorId: memberId }, include: { session: true } }),
        prisma.supervisionSession.findMany({
          where: { kind: 'one_on_one', OR: [{ superviseeId: memberId }, { supervisorId: memberId }] },
        }),
      ]);
      return {
        rsvps: rsvps.map((r) => ({
          session: r.session.title,
          startsAt: r.session.startsAt.toISOString(),
          response: r.response,
          attended: r.attended,
        })),
        pollVotes: votes.map((v) => ({
          poll: v.option.poll.title,
          slot: v.option.startsAt.toISOString(),
          availability: v.availability,
        })),
        agendaTopics: topics.map((t) => ({
          session: t.session.title,
          text: t.text,
          addedAt: t.createdAt.toISOString(),
        })),
        oneToOneBookings: bookings.map((b) => ({
          role: b.superviseeId === memberId ? 'supervisee' : 'supervisor',
          startsAt: b.startsAt.toISOString(),
          endsAt: b.endsAt.toISOString(),
          status: b.status,
        })),
      };
    },
    async erase(memberId, tx) {
      const rsvps = await tx.rsvp.deleteMany({ where: { memberId } });
      const votes = await tx.pollVote.deleteMany({ where: { memberId } });
      const topics = await tx.agendaTopic.deleteMany({ where: { authorId: memberId } });
      // Sessions stay (others attended them); only the link to this person goes.
      const booked = await tx.supervisionSession.updateMany({
        where: { superviseeId: memberId },
        data: { superviseeId: null },
      });
      const slots = await tx.supervisionSlot.deleteMany({ where: { supervisorId: memberId, booking: null } });
      return { rows: rsvps.count + votes.count + topics.count + booked.count + slots.count };
    },
  };
}
