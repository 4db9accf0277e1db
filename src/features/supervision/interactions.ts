// Buttons and forms: RSVP, who's coming, calendar file, vote, pick, attendance, book.
import {
  type ActionHandler,
  type Actor,
  actionsByName,
  type FormHandler,
  formsByName,
  type View,
} from '../../chat/index.ts';
import { literal, type MarkupText } from '../../chat/markup.ts';
import type { Db, PrismaClient } from '../../db/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { translatorForActor } from '../teams/index.ts';
import { seriesCalendar, sessionCalendar } from './calendar.ts';
import { notAMember } from './commands-one-to-one.ts';
import { refreshPollMessage } from './commands-poll.ts';
import { books, contextForTeam, leads, shortRef } from './context.ts';
import { teamWithWorkspace } from './delivery.ts';
import type { SupervisionDeps } from './deps.ts';
import { sendFileTo } from './files.ts';
import { createGuildEvents } from './guild-events.ts';
import { finalisePoll, loadPoll, pollClosed, standings, vote } from './poll.ts';
import { attendanceChoices, confirmAttendance } from './records.ts';
import { answerRsvp, type RsvpChoice, rsvpChoices, rsvpNames } from './rsvp.ts';
import { bookSlot } from './slots.ts';
import {
  attendanceForm,
  between,
  bookedView,
  countsText,
  doneView,
  guildEventNote,
  joinLines,
  pickForm,
  refusalView,
  sessionPostView,
  slotsView,
  teamTranslator,
  titleOf,
  voteForm,
} from './views.ts';

/** The row a button or form names is gone: said in the presser's language. */
const goneFor = async (prisma: PrismaClient, actor: Actor): Promise<View> =>
  refusalView((await translatorForActor(prisma, actor))('supervision.refuse.gone'));

const said = (response: Db.Availability, t: Translate): MarkupText =>
  response === 'yes'
    ? t('supervision.rsvp.saidGoing')
    : response === 'maybe'
      ? t('supervision.rsvp.saidMaybe')
      : t('supervision.rsvp.saidCant');

export function supervisionActions(deps: SupervisionDeps): ActionHandler {
  const { prisma, clock } = deps;
  const sessionAndContext = async (
    actor: Parameters<ActionHandler>[0]['actor'],
    sessionId: string | undefined,
  ) => {
    const session = sessionId
      ? await prisma.supervisionSession.findUnique({ where: { id: sessionId } })
      : null;
    if (!session) return undefined;
    const context = await contextForTeam(prisma, actor, session.teamId);
    return context.ok ? { session, context: context.value } : undefined;
  };

  return actionsByName({
    rsvp: async ({ actor, value, reply, place, event }) => {
      const [sessionId, choice] = (value ?? '').split(':');
      const found = await sessionAndContext(actor, sessionId);
      if (!found || !choice || !(choice in rsvpChoices)) return reply.privately(await goneFor(prisma, actor));
      const answered = await answerRsvp(
        prisma,
        found.context,
        found.session.id,
        choice as RsvpChoice,
        clock.now(),
      );
      if (!answered.ok) return reply.privately(refusalView(answered.reason));
      // The post in the channel is redrawn in the team's language; the reply is the presser's.
      if (!place.isDirect && event.message)
        await reply.updateSource(
          sessionPostView(answered.value.session, answered.value.counts, teamTranslator(found.context.team)),
        );
      const { t } = found.context;
      await reply.privately(
        doneView(
          t('supervision.rsvp.thanks', {
            said: said(rsvpChoices[choice as RsvpChoice], t),
            title: titleOf(found.session, t),
            when: between(found.session.startsAt, found.session.endsAt, found.context.zone, t),
            counts: countsText(answered.value.counts, t),
          }),
        ),
      );
    },
    who: async ({ actor, value, reply }) => {
      const found = await sessionAndContext(actor, value);
      if (!found) return reply.privately(await goneFor(prisma, actor));
      const names = await rsvpNames(prisma, found.context, found.session.id);
      if (!names.ok) return reply.privately(refusalView(names.reason));
      const { t } = found.context;
      const lines = (['yes', 'maybe', 'no'] as const).map((r) => {
        const who = names.value.rows.filter((x) => x.response === r).map((x) => x.name);
        return t('supervision.rsvp.whoLine', {
          said: said(r, t),
          names: who.length > 0 ? literal(who.join(', ')) : t('supervision.rsvp.nobody'),
        });
      });
      await reply.privately(
        doneView(t('supervision.rsvp.whoHead', { title: titleOf(found.session, t) }), {
          type: 'text',
          text: joinLines(lines),
        }),
      );
    },
    ics: async ({ actor, value, reply }) => {
      const found = await sessionAndContext(actor, value);
      if (!found) return reply.privately(await goneFor(prisma, actor));
      const where = `#${found.context.team.name}`;
      const { t } = found.context;
      const series = found.session.seriesId
        ? await prisma.supervisionSeries.findUnique({ where: { id: found.session.seriesId } })
        : null;
      const content = series
        ? seriesCalendar(
            series,
            await prisma.supervisionSession.findMany({ where: { seriesId: series.id } }),
            where,
            clock.now(),
            t,
          )
        : sessionCalendar(found.session, where, clock.now(), t);
      await sendFileTo(
        deps,
        actor,
        reply,
        { filename: 'supervision.ics', mimeType: 'text/calendar', content },
        t('supervision.files.calendarFor', { title: titleOf(found.session, t) }),
        t,
      );
    },
    vote: async ({ actor, value, reply }) => {
      const poll = value ? await loadPoll(prisma, value) : null;
      if (!poll) return reply.privately(await goneFor(prisma, actor));
      const context = await contextForTeam(prisma, actor, poll.teamId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      if (poll.status !== 'open' || poll.closesAt <= clock.now())
        return reply.privately(refusalView(pollClosed(context.value.t)));
      await reply.openForm(voteForm(poll, context.value.member.id, context.value.zone, context.value.t));
    },
    pick: async ({ actor, value, reply }) => {
      const poll = value ? await loadPoll(prisma, value) : null;
      if (!poll) return reply.privately(await goneFor(prisma, actor));
      const context = await contextForTeam(prisma, actor, poll.teamId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      const { t } = context.value;
      if (poll.createdById !== context.value.member.id && !leads(context.value))
        return reply.privately(refusalView(t('supervision.refuse.pollNotOrganiser')));
      if (poll.sessionId) return reply.privately(refusalView(t('supervision.refuse.pollPicked')));
      await reply.openForm(pickForm(poll, standings(poll), context.value.zone, t));
    },
    attendance: async ({ actor, value, reply }) => {
      const found = await sessionAndContext(actor, value);
      if (!found) return reply.privately(await goneFor(prisma, actor));
      const choices = await attendanceChoices(prisma, found.context, found.session.id);
      if (!choices.ok) return reply.privately(refusalView(choices.reason));
      await reply.openForm(
        attendanceForm(choices.value.session, choices.value.people, choices.value.ticked, found.context.t),
      );
    },
    book: async ({ actor, value, reply }) => {
      const slot = value ? await prisma.supervisionSlot.findUnique({ where: { id: value } }) : null;
      if (!slot) return reply.privately(await goneFor(prisma, actor));
      const context = await contextForTeam(prisma, actor, slot.teamId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      // As `/peer supervision book`: the button names the slot, not that the presser belongs here.
      const { t } = context.value;
      if (!books(context.value)) return reply.privately(refusalView(notAMember(t)));
      const booked = await bookSlot(prisma, context.value, shortRef(slot.id), clock.now());
      if (!booked.ok)
        return reply.privately(slotsView(booked.alternatives, context.value.zone, t, booked.reason));
      await reply.privately(
        bookedView(booked.session, booked.slot.supervisor.displayName, context.value.zone, t),
      );
    },
  });
}

const availability = new Set(['yes', 'maybe', 'no']);

export function supervisionForms(deps: SupervisionDeps): FormHandler {
  const { prisma, clock } = deps;
  return formsByName({
    vote: async ({ actor, context: pollId, values, reply }) => {
      const poll = pollId ? await loadPoll(prisma, pollId) : null;
      if (!poll) return reply.privately(await goneFor(prisma, actor));
      const context = await contextForTeam(prisma, actor, poll.teamId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      const answers = new Map<string, Db.Availability>();
      for (const option of poll.options) {
        const given = values[option.id];
        if (typeof given === 'string' && availability.has(given))
          answers.set(option.id, given as Db.Availability);
      }
      const voted = await vote(prisma, context.value, poll.id, answers, clock.now());
      if (!voted.ok) return reply.privately(refusalView(voted.reason));
      await refreshPollMessage(
        deps,
        voted.value,
        { platform: actor.platform, workspaceId: actor.workspaceId },
        teamTranslator(context.value.team),
      );
      await reply.privately(doneView(context.value.t('supervision.poll.saved', { count: answers.size })));
    },
    pick: async ({ actor, context: pollId, values, reply }) => {
      const poll = pollId ? await loadPoll(prisma, pollId) : null;
      if (!poll || typeof values.option !== 'string') return reply.privately(await goneFor(prisma, actor));
      const context = await contextForTeam(prisma, actor, poll.teamId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      const done = await finalisePoll(
        prisma,
        deps.outbox,
        context.value,
        poll.id,
        values.option,
        clock.now(),
      );
      if (!done.ok) return reply.privately(refusalView(done.reason));
      const after = await loadPoll(prisma, poll.id);
      if (after)
        await refreshPollMessage(
          deps,
          after,
          { platform: actor.platform, workspaceId: actor.workspaceId },
          teamTranslator(context.value.team),
        );
      const team = await teamWithWorkspace(prisma, poll.teamId);
      const sessions = done.value.seriesId
        ? await prisma.supervisionSession.findMany({
            where: { seriesId: done.value.seriesId },
            orderBy: { startsAt: 'asc' },
          })
        : [done.value.session];
      const events = await createGuildEvents(
        prisma,
        deps.clientFor(actor.platform),
        team,
        sessions,
        `#${team.name}`,
      );
      const { t } = context.value;
      const setFor = {
        title: literal(poll.title),
        when: between(done.value.session.startsAt, done.value.session.endsAt, context.value.zone, t),
      };
      await reply.privately(
        doneView(
          done.value.seriesId ? t('supervision.poll.setWeekly', setFor) : t('supervision.poll.set', setFor),
        ),
      );
      if (events.note) await reply.privately(doneView(guildEventNote(events.note, t)));
    },
    attendance: async ({ actor, context: sessionId, values, reply }) => {
      const session = sessionId
        ? await prisma.supervisionSession.findUnique({ where: { id: sessionId } })
        : null;
      if (!session) return reply.privately(await goneFor(prisma, actor));
      const context = await contextForTeam(prisma, actor, session.teamId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      const ticked = Array.isArray(values.attended)
        ? values.attended
        : typeof values.attended === 'string'
          ? [values.attended]
          : [];
      const confirmed = await confirmAttendance(prisma, context.value, session.id, ticked, clock.now());
      if (!confirmed.ok) return reply.privately(refusalView(confirmed.reason));
      await reply.privately(
        doneView(context.value.t('supervision.attendance.saved', { count: confirmed.value.count })),
      );
    },
  });
}
