// What supervision keeps about a person: RSVPs and attendance, poll votes, topics added with
// their name (anonymous ones store no author, so they are nobody's), and one-to-one bookings.
import type { PrismaClient } from '../../db/index.ts';
import type { Translate } from '../../i18n/index.ts';
import type { PersonalData, PrivacyLine } from '../feature.ts';
import { translatorForMember } from '../teams/index.ts';

export function supervisionPrivacy(prisma: PrismaClient) {
  return async (memberId: string, asker?: Translate): Promise<PrivacyLine[]> => {
    const [rsvps, votes, topics, bookings, member, role] = await Promise.all([
      prisma.rsvp.count({ where: { memberId } }),
      prisma.pollVote.count({ where: { memberId } }),
      prisma.agendaTopic.count({ where: { authorId: memberId } }),
      prisma.supervisionSession.count({
        where: { kind: 'one_on_one', OR: [{ superviseeId: memberId }, { supervisorId: memberId }] },
      }),
      prisma.member.findUnique({ where: { id: memberId } }),
      prisma.teamRole.findFirst({ where: { memberId }, include: { team: true } }),
    ]);
    // The lines go to the member themself: in the asker's words, else the member's language.
    const t = asker ?? translatorForMember(member, role?.team);
    return [
      {
        label: t('supervision.privacy.answers'),
        value: t('supervision.privacy.answersValue', { rsvps, votes }),
      },
      {
        label: t('supervision.privacy.topics'),
        value: t('supervision.privacy.topicsValue', { count: topics }),
      },
      {
        label: t('supervision.privacy.oneToOne'),
        value: t('supervision.privacy.oneToOneValue', { count: bookings }),
      },
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
