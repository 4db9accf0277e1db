// `/peer supervision topic | ics | report | hours | settings | reminders`.
import { DateTime } from 'luxon';
import { defineCommand } from '../../chat/index.ts';
import { literal, type MarkupText } from '../../chat/markup.ts';
import type { Translate } from '../../i18n/index.ts';
import { addTopic, nextGroupSession } from './agenda.ts';
import { seriesCalendar, sessionCalendar } from './calendar.ts';
import { leads, memberContext, notALead, refOf, teamContext } from './context.ts';
import type { SupervisionDeps } from './deps.ts';
import { sendFileTo } from './files.ts';
import { checkDate, checkRef, checkReminders, parseReminderList } from './options.ts';
import { hoursByMonth, reportCsv } from './records.ts';
import { findSeriesByRef, findSessionByRef } from './series-service.ts';
import { at, doneView, hoursView, refusalView, titleOf } from './views.ts';

/** "24 h and 15 min": the team's reminder times as the reader says them. */
function reminderTimes(minutes: readonly number[], t: Translate): MarkupText {
  const each = minutes.map((m) =>
    m % 60 === 0
      ? t('supervision.settings.hours', { count: m / 60 })
      : t('supervision.settings.minutes', { count: m }),
  );
  return each.reduce((all, one, i) =>
    i === 0 ? one : t('supervision.settings.and', { first: all, second: one }),
  );
}

export function recordCommands(deps: SupervisionDeps) {
  const { prisma, clock } = deps;

  const topic = defineCommand({
    name: 'topic',
    group: 'supervision',
    description: 'Add a topic to the next group session’s agenda, named or anonymous',
    help: 'Add `anonymous:yes` and no name is stored with it at all. The facilitator gets the list an hour before.',
    who: 'everyone',
    verb: 'supervision.view',
    where: 'anywhere',
    options: {
      text: { type: 'string', description: 'The topic', required: true, maxLength: 300, rest: true },
      anonymous: { type: 'boolean', description: 'Store it without your name' },
    },
    handler: async ({ actor, place, reply, options }) => {
      const context = await memberContext(prisma, actor, place.channelId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      const added = await addTopic(
        prisma,
        context.value,
        options.text,
        options.anonymous ?? false,
        clock.now(),
      );
      if (!added.ok) return reply.privately(refusalView(added.reason));
      const { t } = context.value;
      const values = {
        title: literal(added.value.session.title),
        when: at(added.value.session.startsAt, context.value.zone, t),
      };
      await reply.privately(
        doneView(
          options.anonymous
            ? t('supervision.agenda.addedAnonymous', values)
            : t('supervision.agenda.addedNamed', values),
        ),
      );
    },
  });

  const ics = icsCommand(deps);

  const report = defineCommand({
    name: 'report',
    group: 'supervision',
    description: 'A CSV of sessions and attendance for a date range (supervisors, admins)',
    help: 'Dates are in the team’s time zone; `to` is included. Example: `report from:2026-01-01 to:2026-03-31`.',
    who: 'supervisor',
    verb: 'supervision.report',
    where: 'channel',
    options: {
      from: { type: 'string', description: 'First date, like 2026-01-01', required: true, check: checkDate },
      to: { type: 'string', description: 'Last date, like 2026-03-31', required: true, check: checkDate },
    },
    handler: async ({ actor, place, reply, options }) => {
      const context = await teamContext(prisma, actor, place.channelId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      const zone = context.value.team.timeZone;
      const from = DateTime.fromISO(options.from, { zone }).startOf('day').toJSDate();
      const to = DateTime.fromISO(options.to, { zone }).plus({ days: 1 }).startOf('day').toJSDate();
      const { t } = context.value;
      if (to <= from) return reply.privately(refusalView(t('supervision.refuse.toBeforeFrom')));
      const made = await reportCsv(prisma, context.value, from, to);
      if (!made.ok) return reply.privately(refusalView(made.reason));
      await sendFileTo(
        deps,
        actor,
        reply,
        {
          filename: `supervision-${options.from}-to-${options.to}.csv`,
          mimeType: 'text/csv',
          content: made.value.csv,
        },
        t('supervision.files.reportCovers', { count: made.value.sessions }),
        t,
      );
    },
  });

  const hours = defineCommand({
    name: 'hours',
    group: 'supervision',
    description: 'Your own group and one-to-one supervision hours by month',
    help: 'For your certification records. Only you see it.',
    who: 'everyone',
    verb: 'supervision.view',
    where: 'anywhere',
    handler: async ({ actor, place, reply }) => {
      const context = await memberContext(prisma, actor, place.channelId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      await reply.privately(
        hoursView(
          await hoursByMonth(prisma, context.value.member, context.value.zone, clock.now()),
          context.value.t,
        ),
      );
    },
  });

  const settings = defineCommand({
    name: 'settings',
    group: 'supervision',
    description: 'Team reminders and agenda posting (supervisors, admins)',
    help: 'Reminders go by direct message to people going or maybe; the default is 24h,15m. `agenda:yes` posts the agenda in the channel when a session starts.',
    who: 'supervisor',
    verb: 'supervision.schedule',
    where: 'channel',
    options: {
      reminders: { type: 'string', description: 'When to remind, like 24h,15m', check: checkReminders },
      agenda: { type: 'boolean', description: 'Post the agenda in the channel at the start' },
    },
    handler: async ({ actor, place, reply, options }) => {
      const context = await teamContext(prisma, actor, place.channelId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      if (!leads(context.value)) return reply.privately(refusalView(notALead(context.value)));
      const minutes = options.reminders ? parseReminderList(options.reminders) : undefined;
      const data = {
        ...(minutes ? { reminderMinutes: minutes } : {}),
        ...(options.agenda === undefined ? {} : { postAgendaAtStart: options.agenda }),
      };
      const saved = await prisma.supervisionSettings.upsert({
        where: { teamId: context.value.team.id },
        create: { teamId: context.value.team.id, ...data },
        update: data,
      });
      const { t } = context.value;
      const when = reminderTimes(saved.reminderMinutes, t);
      await reply.privately(
        doneView(
          saved.postAgendaAtStart
            ? t('supervision.settings.saved', { when })
            : t('supervision.settings.savedNoAgenda', { when }),
        ),
      );
    },
  });

  const reminders = defineCommand({
    name: 'reminders',
    group: 'supervision',
    description: 'Turn your own supervision reminders on or off',
    help: 'Off means no reminder messages for you; everything else stays the same.',
    who: 'everyone',
    verb: 'supervision.view',
    where: 'anywhere',
    options: { state: { type: 'choice', description: 'on or off', choices: ['on', 'off'], required: true } },
    handler: async ({ actor, place, reply, options }) => {
      const context = await memberContext(prisma, actor, place.channelId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      const current = context.value.member.optOuts.filter((o) => o !== 'supervision_reminders');
      await prisma.member.update({
        where: { id: context.value.member.id },
        data: { optOuts: options.state === 'off' ? [...current, 'supervision_reminders'] : current },
      });
      const { t } = context.value;
      await reply.privately(
        doneView(
          options.state === 'off'
            ? t('supervision.settings.remindersOff')
            : t('supervision.settings.remindersOn'),
        ),
      );
    },
  });

  return [topic, ics, report, hours, settings, reminders];
}

/** `/peer supervision ics`: a calendar file for one session or its whole series. */
function icsCommand(deps: SupervisionDeps) {
  const { prisma, clock } = deps;
  return defineCommand({
    name: 'ics',
    group: 'supervision',
    description: 'Get a calendar file for a session or a whole series',
    help: 'Imports into any calendar app; importing it again after a change updates the entries instead of duplicating them.',
    who: 'everyone',
    verb: 'supervision.view',
    where: 'anywhere',
    options: {
      session: { type: 'string', description: 'A session code (default: the next session)', check: checkRef },
      series: { type: 'string', description: 'A series code: the whole series', check: checkRef },
    },
    handler: async ({ actor, place, reply, options }) => {
      const context = await memberContext(prisma, actor, place.channelId);
      if (!context.ok) return reply.privately(refusalView(context.reason));
      const teamId = context.value.team.id;
      const { t } = context.value;
      const where = `#${context.value.team.name}`;
      const series = options.series ? await findSeriesByRef(prisma, teamId, refOf(options.series)) : null;
      const session = options.session
        ? await findSessionByRef(prisma, teamId, refOf(options.session))
        : series
          ? null
          : await nextGroupSession(prisma, teamId, clock.now());
      const whole =
        series ??
        (session?.seriesId && !options.session
          ? await prisma.supervisionSeries.findUnique({ where: { id: session.seriesId } })
          : null);
      if (whole) {
        const sessions = await prisma.supervisionSession.findMany({ where: { seriesId: whole.id } });
        return sendFileTo(
          deps,
          actor,
          reply,
          {
            filename: 'supervision-series.ics',
            mimeType: 'text/calendar',
            content: seriesCalendar(whole, sessions, where, clock.now(), t),
          },
          t('supervision.files.calendarFor', { title: literal(whole.title) }),
          t,
        );
      }
      if (!session) return reply.privately(refusalView(t('supervision.refuse.noSessionOrSeries')));
      await sendFileTo(
        deps,
        actor,
        reply,
        {
          filename: 'supervision-session.ics',
          mimeType: 'text/calendar',
          content: sessionCalendar(session, where, clock.now(), t),
        },
        t('supervision.files.calendarFor', { title: titleOf(session, t) }),
        t,
      );
    },
  });
}
