// Buttons and forms: RSVP, who's coming, calendar file, vote, pick, attendance, book.
import { type ActionHandler, actionsByName, type FormHandler, formsByName } from '../../chat/index.ts';
import type { Db } from '../../db/index.ts';
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
import { formatRange } from './time.ts';
import {
  attendanceForm,
  bookedView,
  countsText,
  doneView,
  pickForm,
  refusalView,
  sessionPostView,
  slotsView,
  voteForm,
} from './views.ts';

const gone = refusalView('I can’t find that any more. `/peer supervision list` shows what’s coming up.');
const said: Record<Db.Availability, string> = { yes: 'going', maybe: 'maybe', no: 'can’t' };

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
      if (!found || !choice || !(choice in rsvpChoices)) return reply.privately(gone);
      const answered = await answerRsvp(
        prisma,
        found.context,
        found.session.id,
        choice as RsvpChoice,
        clock.now(),
      );
      if (!answered.ok) return reply.privately(refusalView(answered.reason));
      if (!place.isDirect && event.message)
        await reply.updateSource(sessionPostView(answered.value.session, answered.value.counts));
      await reply.privately(
        doneView(
          `Thanks, you’re down as ${said[rsvpChoices[choice as RsvpChoice]]} for "${found.session.title}" (${formatRange(found.session.startsAt, found.session.endsAt, found.context.zone)}). ${countsText(answered.value.counts)}. Change it any time.`,
        ),
      );
    },
    who: async ({ actor, value, reply }) => {
      const found = await sessionAndContext(actor, value);
      if (!found) return reply.privately(gone);
      const names = await rsvpNames(prisma, found.context, found.session.id);
      if (!names.ok) return reply.privately(refusalView(names.reason));
      const lines = (['yes', 'maybe', 'no'] as const).map(
        (r) =>
          `${said[r]}: ${
            names.value.rows
              .filter((x) => x.response === r)
              .map((x) => x.name)
              .join(', ') || 'nobody yet'
          }`,
      );
      await reply.privately(
        doneView(`Answers for "${found.session.title}" (only you see this):`, {
          type: 'text',
          text: lines.join('\n'),
        }),
      );
    },
    ics: async ({ actor, value, reply }) => {
      const found = await sessionAndContext(actor, value);
      if (!found) return reply.privately(gone);
      const where = `#${found.context.team.name}`;
      const series = found.session.seriesId
        ? await prisma.supervisionSeries.findUnique({ where: { id: found.session.seriesId } })
        : null;
      const content = series
        ? seriesCalendar(
            series,
            await prisma.supervisionSession.findMany({ where: { seriesId: series.id } }),
            where,
          )
        : sessionCalendar(found.session, where);
      await sendFileTo(
        deps,
        actor,
        reply,
        { filename: 'supervision.ics', mimeType: 'text/calendar', content },
        `The calendar for "${found.session.title}".`,
      );
    },
    vote: async ({ actor, value, reply }) => {
      const poll = value ? await loadPoll(prisma, value) : null;
      if (!poll) return reply.privately(gone);
      if (poll.status !== 'open' || poll.closesAt <= clock.now())
        return reply.privately(refusalView(pollClosed));
      const context = await contextForTeam(prisma, actor, poll.teamId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      await reply.openForm(voteForm(poll, context.value.member.id, context.value.zone));
    },
    pick: async ({ actor, value, reply }) => {
      const poll = value ? await loadPoll(prisma, value) : null;
      if (!poll) return reply.privately(gone);
      const context = await contextForTeam(prisma, actor, poll.teamId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      if (poll.createdById !== context.value.member.id && !leads(context.value))
        return reply.privately(
          refusalView('Only the person who started the poll (or a supervisor) picks the time.'),
        );
      if (poll.sessionId) return reply.privately(refusalView('A time was already picked for this poll.'));
      await reply.openForm(pickForm(poll, standings(poll), context.value.zone));
    },
    attendance: async ({ actor, value, reply }) => {
      const found = await sessionAndContext(actor, value);
      if (!found) return reply.privately(gone);
      const choices = await attendanceChoices(prisma, found.context, found.session.id);
      if (!choices.ok) return reply.privately(refusalView(choices.reason));
      await reply.openForm(attendanceForm(choices.value.session, choices.value.people, choices.value.ticked));
    },
    book: async ({ actor, value, reply }) => {
      const slot = value ? await prisma.supervisionSlot.findUnique({ where: { id: value } }) : null;
      if (!slot) return reply.privately(gone);
      const context = await contextForTeam(prisma, actor, slot.teamId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      // As `/peer supervision book`: the button names the slot, not that the presser belongs here.
      if (!books(context.value)) return reply.privately(refusalView(notAMember));
      const booked = await bookSlot(prisma, context.value, shortRef(slot.id), clock.now());
      if (!booked.ok)
        return reply.privately(slotsView(booked.alternatives, context.value.zone, booked.reason));
      await reply.privately(
        bookedView(booked.session, booked.slot.supervisor.displayName, context.value.zone),
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
      if (!poll) return reply.privately(gone);
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
      await refreshPollMessage(deps, voted.value, {
        platform: actor.platform,
        workspaceId: actor.workspaceId,
      });
      await reply.privately(
        doneView(
          `Thank you, your ${answers.size} answers are saved. You can change them until the poll closes.`,
        ),
      );
    },
    pick: async ({ actor, context: pollId, values, reply }) => {
      const poll = pollId ? await loadPoll(prisma, pollId) : null;
      if (!poll || typeof values.option !== 'string') return reply.privately(gone);
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
        await refreshPollMessage(deps, after, { platform: actor.platform, workspaceId: actor.workspaceId });
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
      await reply.privately(
        doneView(
          `Done: "${poll.title}" is set for ${formatRange(done.value.session.startsAt, done.value.session.endsAt, context.value.zone)}${done.value.seriesId ? ', weekly' : ''}. Votes became RSVPs, and I posted it in the channel.`,
        ),
      );
      if (events.note) await reply.privately(doneView(events.note));
    },
    attendance: async ({ actor, context: sessionId, values, reply }) => {
      const session = sessionId
        ? await prisma.supervisionSession.findUnique({ where: { id: sessionId } })
        : null;
      if (!session) return reply.privately(gone);
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
        doneView(
          `Attendance saved: ${confirmed.value.count} people. It counts toward their supervision hours.`,
        ),
      );
    },
  });
}
