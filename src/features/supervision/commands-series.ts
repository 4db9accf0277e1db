// `/peer supervision new | edit | list | move | cancel`.
import { defineCommand, type Platform } from '../../chat/index.ts';
import { literal, type MarkupText, markup } from '../../chat/markup.ts';
import type { Db } from '../../db/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { confirmMember, parseMention } from '../teams/index.ts';
import { leads, memberContext, notALead, refOf, shortRef, teamContext } from './context.ts';
import { teamWithWorkspace } from './delivery.ts';
import type { SupervisionDeps } from './deps.ts';
import {
  createGuildEvents,
  followGuildEvent,
  followSeriesEvents,
  type GuildEventNote,
} from './guild-events.ts';
import {
  checkChannel,
  checkDate,
  checkRef,
  checkTime,
  checkZone,
  lengthOption,
  parseChannel,
} from './options.ts';
import { repeatChoices } from './series-rule.ts';
import {
  createSeries,
  editSeries,
  findSeriesByRef,
  findSessionByRef,
  upcomingSessions,
} from './series-service.ts';
import { cancelSession, moveSession } from './session-changes.ts';
import { localToInstant } from './time.ts';
import { between, doneView, guildEventNote, joinLines, listView, refusalView, titleOf } from './views.ts';

/** A reply, with Discord's note under it when its event could not follow. */
const withNote = (text: MarkupText, note: GuildEventNote | undefined, t: Translate): MarkupText =>
  note ? joinLines([text, guildEventNote(note, t)]) : text;

/** The words of a planned series, one sentence after another. */
function plannedText(
  t: Translate,
  series: Db.SupervisionSeries,
  sessions: readonly Db.SupervisionSession[],
  capped: boolean,
  eventsCreated: number,
  zone: string,
): MarkupText {
  const first = sessions[0];
  const sentences = [
    t('supervision.series.planned', {
      title: literal(series.title),
      count: sessions.length,
      when: first ? between(first.startsAt, first.endsAt, zone, t) : literal(''),
    }),
    ...(capped ? [t('supervision.series.capped')] : []),
    ...(eventsCreated > 0 ? [t('supervision.series.events', { count: eventsCreated })] : []),
    t('supervision.series.code', { ref: literal(shortRef(series.id)) }),
  ];
  return sentences.reduce((all, sentence, i) => (i === 0 ? sentence : markup`${all} ${sentence}`), markup``);
}

/**
 * A facilitator named in a command: read as the actor's platform writes mentions and confirmed
 * by the platform (never a typed name that nobody can act as), then given a Member row.
 */
async function facilitatorFrom(
  deps: SupervisionDeps,
  actor: { readonly platform: Platform; readonly workspaceId: string },
  text: string,
  t: Translate,
): Promise<{ ok: true; id: string } | { ok: false; reason: MarkupText }> {
  const mention = parseMention(text, actor.platform);
  if (!mention.ok) return { ok: false, reason: mention.reason(t) };
  const confirmed = await confirmMember(deps.prisma, deps.clientFor, actor, mention.userId);
  return confirmed.ok
    ? { ok: true, id: confirmed.value.member.id }
    : { ok: false, reason: confirmed.reason(t) };
}

export function seriesCommands(deps: SupervisionDeps) {
  const { prisma, outbox, clock } = deps;
  /** A moved or cancelled session's Discord event follows it (where it has one). */
  const followEvent = async (session: Db.SupervisionSession) => {
    const team = await teamWithWorkspace(prisma, session.teamId);
    return followGuildEvent(deps.clientFor(team.workspace.platform), team, session, `#${team.name}`);
  };

  const create = defineCommand({
    name: 'new',
    group: 'supervision',
    description: 'Start a recurring group supervision series (supervisors, admins)',
    help: 'Give a title, the first date and time, the length in minutes and how it repeats: weekly, biweekly, monthly (same weekday) or an RRULE with COUNT or UNTIL. Without an end it runs for 12 months. Example: `new title:"Group supervision" date:2026-03-02 time:18:00 length:90 repeat:biweekly timezone:Europe/Berlin`.',
    who: 'supervisor',
    verb: 'supervision.schedule',
    where: 'channel',
    options: {
      title: { type: 'string', description: 'What the sessions are called', required: true, maxLength: 80 },
      date: {
        type: 'string',
        description: 'The first date, like 2026-03-02',
        required: true,
        check: checkDate,
      },
      time: { type: 'string', description: 'The start time, like 18:00', required: true, check: checkTime },
      length: { ...lengthOption, required: true },
      repeat: { type: 'choice', description: 'How it repeats (default weekly)', choices: repeatChoices },
      timezone: {
        type: 'string',
        description: 'Time zone of date and time (default yours)',
        check: checkZone,
      },
      rrule: {
        type: 'string',
        description: 'With repeat:rrule, like FREQ=WEEKLY;BYDAY=TU;COUNT=10',
        maxLength: 200,
      },
      until: { type: 'string', description: 'The last date it may meet, like 2026-12-15', check: checkDate },
      count: { type: 'integer', description: 'How many sessions (1 to 120)', min: 1, max: 120 },
      facilitator: { type: 'string', description: 'Who leads it (default you)' },
      channel: {
        type: 'string',
        description: 'Where sessions are posted (default here)',
        check: checkChannel,
      },
    },
    handler: async ({ actor, place, reply, options }) => {
      const context = await teamContext(prisma, actor, place.channelId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      if (!leads(context.value)) return reply.privately(refusalView(notALead(context.value)));
      const zone = options.timezone ?? context.value.zone;
      const facilitator = options.facilitator
        ? await facilitatorFrom(deps, actor, options.facilitator, context.value.t)
        : undefined;
      if (facilitator && !facilitator.ok) return reply.privately(refusalView(facilitator.reason));
      const facilitatorId = facilitator ? facilitator.id : context.value.member.id;
      const channelId = options.channel
        ? (parseChannel(options.channel) ?? place.channelId ?? '')
        : (place.channelId ?? '');
      const created = await createSeries(
        prisma,
        outbox,
        context.value,
        {
          title: options.title,
          firstDate: options.date,
          time: options.time,
          timeZone: zone,
          lengthMinutes: options.length,
          repeat: options.repeat ?? 'weekly',
          facilitatorId,
          channelId,
          ...(options.rrule ? { rrule: options.rrule } : {}),
          ...(options.until ? { until: options.until } : {}),
          ...(options.count ? { count: options.count } : {}),
        },
        clock.now(),
      );
      if (!created.ok) return reply.privately(refusalView(created.reason));
      const { series, sessions, capped } = created.value;
      const { t } = context.value;
      const team = await teamWithWorkspace(prisma, context.value.team.id);
      const events = await createGuildEvents(
        prisma,
        deps.clientFor(actor.platform),
        team,
        sessions,
        `#${team.name}`,
      );
      await reply.privately(
        doneView(plannedText(t, series, sessions, capped, events.created, context.value.zone)),
      );
      if (events.note) await reply.privately(doneView(guildEventNote(events.note, t)));
    },
  });

  const edit = defineCommand({
    name: 'edit',
    group: 'supervision',
    description: 'Change a series: title, time, length, end or facilitator',
    help: 'Moved and cancelled sessions stay as they are; past ones too. People who answered keep their answers when the date stays the same.',
    who: 'supervisor',
    verb: 'supervision.schedule',
    where: 'channel',
    options: {
      series: {
        type: 'string',
        description: 'The series code, like #a1b2c3',
        required: true,
        check: checkRef,
      },
      title: { type: 'string', description: 'A new title', maxLength: 80 },
      time: { type: 'string', description: 'A new start time, like 18:30', check: checkTime },
      length: lengthOption,
      until: { type: 'string', description: 'A new last date, like 2026-12-15', check: checkDate },
      facilitator: { type: 'string', description: 'A new facilitator' },
    },
    handler: async ({ actor, place, reply, options }) => {
      const context = await teamContext(prisma, actor, place.channelId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      if (!leads(context.value)) return reply.privately(refusalView(notALead(context.value)));
      const series = await findSeriesByRef(prisma, context.value.team.id, refOf(options.series));
      const { t } = context.value;
      if (!series) return reply.privately(refusalView(t('supervision.refuse.noSeries')));
      const facilitator = options.facilitator
        ? await facilitatorFrom(deps, actor, options.facilitator, context.value.t)
        : undefined;
      if (facilitator && !facilitator.ok) return reply.privately(refusalView(facilitator.reason));
      const facilitatorId = facilitator ? facilitator.id : undefined;
      const withEvents = await prisma.supervisionSession.findMany({
        where: { seriesId: series.id, discordEventId: { not: null } },
      });
      const edited = await editSeries(
        prisma,
        series,
        {
          ...(options.title ? { title: options.title } : {}),
          ...(options.time ? { time: options.time } : {}),
          ...(options.length ? { lengthMinutes: options.length } : {}),
          ...(options.until ? { until: options.until } : {}),
          ...(facilitatorId ? { facilitatorId } : {}),
        },
        clock.now(),
        t,
      );
      if (!edited.ok) return reply.privately(refusalView(edited.reason));
      const team = await teamWithWorkspace(prisma, series.teamId);
      const events = await followSeriesEvents(
        prisma,
        deps.clientFor(team.workspace.platform),
        team,
        withEvents,
        `#${team.name}`,
      );
      const updated = t('supervision.series.updated', {
        title: literal(edited.value.series.title),
        added: edited.value.added,
        removed: edited.value.removed,
      });
      await reply.privately(doneView(withNote(updated, events.note, t)));
    },
  });

  const list = defineCommand({
    name: 'list',
    group: 'supervision',
    description: 'See the next supervision sessions in your own time zone',
    help: 'Shows what is coming up, with RSVP buttons and each session’s code.',
    who: 'everyone',
    verb: 'supervision.view',
    where: 'anywhere',
    handler: async ({ actor, place, reply }) => {
      const context = await memberContext(prisma, actor, place.channelId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      const sessions = await upcomingSessions(prisma, context.value.team.id, clock.now());
      const visible = sessions.filter(
        (s) =>
          s.kind === 'group' ||
          s.supervisorId === context.value.member.id ||
          s.superviseeId === context.value.member.id,
      );
      await reply.privately(listView(visible, context.value.zone, context.value.member.id, context.value.t));
    },
  });

  const move = defineCommand({
    name: 'move',
    group: 'supervision',
    description: 'Move one session to another date or time',
    help: 'The rest of the series stays as it is. Everyone who answered hears about it. The date and time are in the session’s time zone unless you give one.',
    who: 'supervisor',
    verb: 'supervision.session',
    where: 'anywhere',
    options: {
      session: {
        type: 'string',
        description: 'The session code, like #a1b2c3',
        required: true,
        check: checkRef,
      },
      date: {
        type: 'string',
        description: 'The new date, like 2026-03-09',
        required: true,
        check: checkDate,
      },
      time: {
        type: 'string',
        description: 'The new start time, like 18:00',
        required: true,
        check: checkTime,
      },
      length: lengthOption,
      timezone: { type: 'string', description: 'Time zone of the new date and time', check: checkZone },
    },
    handler: async ({ actor, place, reply, options }) => {
      const context = await memberContext(prisma, actor, place.channelId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      const session = await findSessionByRef(prisma, context.value.team.id, refOf(options.session));
      const { t } = context.value;
      if (!session) return reply.privately(refusalView(t('supervision.refuse.noSession')));
      const start = localToInstant(options.date, options.time, options.timezone ?? session.timeZone);
      const moved = await moveSession(
        prisma,
        outbox,
        context.value,
        session,
        start,
        options.length,
        clock.now(),
      );
      if (!moved.ok) return reply.privately(refusalView(moved.reason));
      const event = await followEvent(moved.value);
      const said = t('supervision.series.moved', {
        when: between(moved.value.startsAt, moved.value.endsAt, context.value.zone, t),
      });
      await reply.privately(doneView(withNote(said, event.note, t)));
    },
  });

  const cancel = defineCommand({
    name: 'cancel',
    group: 'supervision',
    description: 'Cancel one session, or your one-to-one booking',
    help: 'The rest of a series stays. Everyone who answered (or the other person of a one-to-one) hears about it, and a cancelled one-to-one slot opens again.',
    who: 'everyone',
    verb: 'supervision.session',
    where: 'anywhere',
    options: {
      session: {
        type: 'string',
        description: 'The session code, like #a1b2c3',
        required: true,
        check: checkRef,
      },
    },
    handler: async ({ actor, place, reply, options }) => {
      const context = await memberContext(prisma, actor, place.channelId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      const session = await findSessionByRef(prisma, context.value.team.id, refOf(options.session));
      const { t } = context.value;
      if (!session) return reply.privately(refusalView(t('supervision.refuse.noSession')));
      const cancelled = await cancelSession(prisma, outbox, context.value, session, clock.now());
      if (!cancelled.ok) return reply.privately(refusalView(cancelled.reason));
      const event = await followEvent(cancelled.value);
      const said = t('supervision.series.cancelled', {
        title: titleOf(session, t),
        when: between(session.startsAt, session.endsAt, context.value.zone, t),
      });
      await reply.privately(doneView(withNote(said, event.note, t)));
    },
  });

  return [create, edit, list, move, cancel];
}
