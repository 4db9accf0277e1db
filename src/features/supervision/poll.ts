// Finding a time: 2 to 10 proposed slots, yes / if need be / no per slot, a deadline, and the
// organiser's pick, which turns the poll into a session (or a weekly series) and the votes
// into RSVPs in one transaction.

import { DateTime } from 'luxon';
import type { MarkupText } from '../../chat/markup.ts';
import type { Db, PrismaClient } from '../../db/index.ts';
import type { Translate } from '../../i18n/index.ts';
import type { DbClient, Outbox } from '../../scheduling/index.ts';
import { leads, type Outcome, ok, refuse, type TeamContext } from './context.ts';
import { postInChannel, teamWithWorkspace } from './delivery.ts';
import { rsvpCounts } from './rsvp.ts';
import { planSeries } from './series-rule.ts';
import { addMinutes } from './time.ts';
import { pollFinalisedView, teamTranslator } from './views.ts';

export const MIN_SLOTS = 2;
export const MAX_SLOTS = 10;

export type PollWithOptions = Db.Poll & {
  readonly options: readonly (Db.PollOption & { votes: readonly Db.PollVote[] })[];
};

export interface NewPoll {
  readonly title: string;
  readonly starts: readonly Date[];
  readonly lengthMinutes: number;
  readonly closesAt: Date;
  readonly asSeries: boolean;
  readonly timeZone: string;
  readonly channelId: string;
}

export async function createPoll(
  prisma: PrismaClient,
  context: TeamContext,
  input: NewPoll,
  now: Date,
): Promise<Outcome<PollWithOptions>> {
  if (input.starts.length < MIN_SLOTS || input.starts.length > MAX_SLOTS) {
    return refuse(
      context.t('supervision.refuse.pollSlotCount', {
        min: MIN_SLOTS,
        max: MAX_SLOTS,
        count: input.starts.length,
      }),
    );
  }
  const distinct = new Set(input.starts.map((s) => s.getTime()));
  if (distinct.size !== input.starts.length) return refuse(context.t('supervision.refuse.pollSameSlot'));
  if (input.starts.some((s) => s <= now)) return refuse(context.t('supervision.refuse.pollSlotPast'));
  if (input.closesAt >= input.starts.reduce((a, b) => (a < b ? a : b))) {
    return refuse(context.t('supervision.refuse.pollClosesLate'));
  }
  const poll = await prisma.poll.create({
    data: {
      teamId: context.team.id,
      createdById: context.member.id,
      title: input.title,
      closesAt: input.closesAt,
      createdAt: now,
      timeZone: input.timeZone,
      asSeries: input.asSeries,
      channelId: input.channelId,
      options: {
        create: [...input.starts]
          .sort((a, b) => a.getTime() - b.getTime())
          .map((startsAt) => ({ startsAt, endsAt: addMinutes(startsAt, input.lengthMinutes) })),
      },
    },
    include: { options: { include: { votes: true }, orderBy: { startsAt: 'asc' } } },
  });
  return ok(poll);
}

export async function loadPoll(db: DbClient, pollId: string): Promise<PollWithOptions | null> {
  return db.poll.findUnique({
    where: { id: pollId },
    include: { options: { include: { votes: true }, orderBy: { startsAt: 'asc' } } },
  });
}

export interface Standing {
  readonly option: Db.PollOption;
  readonly yes: number;
  readonly maybe: number;
  readonly no: number;
}

/** Most yes first, then most if-need-be, then the earlier slot. */
export function standings(poll: PollWithOptions): Standing[] {
  return poll.options
    .map((option) => ({
      option,
      yes: option.votes.filter((v) => v.availability === 'yes').length,
      maybe: option.votes.filter((v) => v.availability === 'maybe').length,
      no: option.votes.filter((v) => v.availability === 'no').length,
    }))
    .sort(
      (a, b) =>
        b.yes - a.yes || b.maybe - a.maybe || a.option.startsAt.getTime() - b.option.startsAt.getTime(),
    );
}

export const pollClosed = (t: Translate): MarkupText => t('supervision.refuse.pollClosed');

export async function vote(
  prisma: PrismaClient,
  context: TeamContext,
  pollId: string,
  answers: ReadonlyMap<string, Db.Availability>,
  now: Date,
): Promise<Outcome<PollWithOptions>> {
  const poll = await loadPoll(prisma, pollId);
  const { t } = context;
  if (!poll || poll.teamId !== context.team.id) return refuse(t('supervision.refuse.pollGone'));
  if (poll.status !== 'open' || poll.closesAt <= now) return refuse(pollClosed(t));
  const known = new Set(poll.options.map((o) => o.id));
  if ([...answers.keys()].some((id) => !known.has(id)))
    return refuse(t('supervision.refuse.pollUnknownSlot'));
  await prisma.$transaction(async (tx) => {
    // The poll row is locked so a vote and the closing (or the pick) never cross.
    const [row] = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text FROM "Poll" WHERE id = ${pollId} FOR UPDATE`;
    if (row?.status !== 'open') return;
    for (const [optionId, availability] of answers) {
      await tx.pollVote.upsert({
        where: { optionId_memberId: { optionId, memberId: context.member.id } },
        create: { optionId, memberId: context.member.id, availability, votedAt: now },
        update: { availability, votedAt: now },
      });
    }
  });
  const after = await loadPoll(prisma, pollId);
  if (after?.status !== 'open') return refuse(pollClosed(t));
  return ok(after);
}

const toRsvp: Record<Db.Availability, Db.Availability> = { yes: 'yes', maybe: 'maybe', no: 'no' };

/**
 * The organiser picks a slot: one transaction creates the session (or a weekly series from it)
 * and turns that slot's votes into RSVPs. The poll row's lock and its `sessionId` make a second
 * pick (a double click, a second replica) a no-op.
 */
export async function finalisePoll(
  prisma: PrismaClient,
  outbox: Outbox,
  context: TeamContext,
  pollId: string,
  optionId: string,
  now: Date,
): Promise<Outcome<{ poll: Db.Poll; session: Db.SupervisionSession; seriesId?: string }>> {
  const result = await prisma.$transaction(
    async (tx): Promise<Outcome<{ poll: Db.Poll; session: Db.SupervisionSession; seriesId?: string }>> => {
      await tx.$executeRaw`SELECT 1 FROM "Poll" WHERE id = ${pollId} FOR UPDATE`;
      const poll = await loadPoll(tx, pollId);
      const { t } = context;
      if (!poll || poll.teamId !== context.team.id) return refuse(t('supervision.refuse.pollGone'));
      if (poll.createdById !== context.member.id && !leads(context))
        return refuse(t('supervision.refuse.pollNotOrganiser'));
      if (poll.sessionId) return refuse(t('supervision.refuse.pollPicked'));
      const option = poll.options.find((o) => o.id === optionId);
      if (!option) return refuse(t('supervision.refuse.pollNotSlot'));
      if (option.startsAt <= now) return refuse(t('supervision.refuse.pollSlotBegun'));
      const made = await sessionFromOption(tx, poll, option);
      await tx.rsvp.createMany({
        data: option.votes.map((v) => ({
          sessionId: made.session.id,
          memberId: v.memberId,
          response: toRsvp[v.availability],
          respondedAt: now,
        })),
      });
      const closed = await tx.poll.update({
        where: { id: poll.id },
        data: { status: 'closed', sessionId: made.session.id },
      });
      const team = await teamWithWorkspace(tx, poll.teamId);
      await postInChannel(
        tx,
        outbox,
        team,
        poll.channelId,
        `supervision-post:${made.session.id}@${made.session.startsAt.toISOString()}`,
        // The votes just became RSVPs, so the post counts them: "Going 0" beside voters who
        // were told their vote is their RSVP read as if nobody was coming.
        pollFinalisedView(
          closed,
          made.session,
          option.votes.length,
          await rsvpCounts(tx, made.session.id),
          teamTranslator(team),
        ),
        now,
      );
      return ok({ poll: closed, ...made });
    },
  );
  if (result.ok) outbox.notify();
  return result;
}

async function sessionFromOption(tx: DbClient, poll: Db.Poll, option: Db.PollOption) {
  const length = Math.round((option.endsAt.getTime() - option.startsAt.getTime()) / 60_000);
  const base = {
    teamId: poll.teamId,
    kind: 'group' as const,
    title: poll.title,
    channelId: poll.channelId,
    timeZone: poll.timeZone,
    supervisorId: poll.createdById,
  };
  if (!poll.asSeries) {
    const session = await tx.supervisionSession.create({
      data: { ...base, startsAt: option.startsAt, endsAt: option.endsAt },
    });
    return { session };
  }
  const local = DateTime.fromJSDate(option.startsAt, { zone: poll.timeZone });
  const plan = planSeries({
    repeat: 'weekly',
    firstDate: local.toISODate() ?? '',
    time: local.toFormat('HH:mm'),
    timeZone: poll.timeZone,
  });
  if (!plan.ok) throw new Error(`a weekly plan from a poll slot failed: ${plan.reason}`);
  const series = await tx.supervisionSeries.create({
    data: {
      teamId: poll.teamId,
      title: poll.title,
      durationMinutes: length,
      facilitatorId: poll.createdById,
      channelId: poll.channelId,
      rule: plan.value.rule,
      firstStartLocal: plan.value.firstStartLocal,
      timeZone: poll.timeZone,
      lastStartsAt: plan.value.starts.at(-1) ?? option.startsAt,
    },
  });
  await tx.supervisionSession.createMany({
    data: plan.value.starts.map((startsAt) => ({
      ...base,
      seriesId: series.id,
      startsAt,
      originalStartsAt: startsAt,
      endsAt: addMinutes(startsAt, length),
    })),
  });
  const session = await tx.supervisionSession.findFirstOrThrow({
    where: { seriesId: series.id },
    orderBy: { startsAt: 'asc' },
  });
  return { session, seriesId: series.id };
}
