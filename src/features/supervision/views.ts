// What people see: neutral views and forms. Channel posts show times in the session's zone
// and point to `/peer supervision list` for one's own; everything private uses the reader's zone.
// Every view takes `t`: the reader's language for a direct message, the team's for a channel
// post. Titles, topics and names are person-written: they only ever enter as literal().
import { type Block, type Button, type Form, type View, view } from '../../chat/index.ts';
import { type LiteralText, literal, type MarkupText, markup, toPlainText } from '../../chat/markup.ts';
import type { Db } from '../../db/index.ts';
import { channelLanguage, english, type Translate, translatorOf } from '../../i18n/index.ts';
import { shortRef } from './context.ts';
import type { GuildEventNote } from './guild-events.ts';
import type { Standing } from './poll.ts';
import type { RsvpCounts } from './rsvp.ts';
import { describeRule } from './series-rule.ts';
import { formatInZone, formatRange } from './time.ts';

/** The translator for a post in the team's channel: everyone reads it, in the team's language. */
export const teamTranslator = (team: Pick<Db.Team, 'language'>): Translate =>
  translatorOf(channelLanguage(team.language));

export const refusalView = (reason: MarkupText): View => view(reason, { type: 'text', text: reason });

export const doneView = (text: MarkupText, ...more: Block[]): View =>
  view(text, { type: 'text', text }, ...more);

/** Lines of view text, one under the other. */
export const joinLines = (lines: readonly MarkupText[]): MarkupText =>
  lines.reduce((all, line, i) => (i === 0 ? line : markup`${all}\n${line}`), markup``);

/** An instant as the reader reads it (their zone, their language's day and month names). */
export const at = (instant: Date, zone: string, t: Translate, withZone = true): LiteralText =>
  literal(formatInZone(instant, zone, withZone, t.locale));

export const between = (startsAt: Date, endsAt: Date, zone: string, t: Translate): LiteralText =>
  literal(formatRange(startsAt, endsAt, zone, t.locale));

/** A session's name: a one-to-one's is the bot's own words, in the reader's language. */
export const titleOf = (session: Pick<Db.SupervisionSession, 'kind' | 'title'>, t: Translate) =>
  session.kind === 'one_on_one' ? t('supervision.oneToOne.title') : literal(session.title);

const ref = (id: string): LiteralText => literal(shortRef(id));

function rsvpButtons(sessionId: string, t: Translate): Block {
  const b = (label: string, choice: string, style?: Button['style']): Button => ({
    type: 'button',
    actionId: 'supervision:rsvp',
    label,
    value: `${sessionId}:${choice}`,
    ...(style ? { style } : {}),
  });
  return {
    type: 'actions',
    elements: [
      b(t('supervision.rsvp.going'), 'going', 'primary'),
      b(t('supervision.rsvp.maybe'), 'maybe'),
      b(t('supervision.rsvp.cant'), 'cant'),
    ],
  };
}

function sessionExtras(sessionId: string, t: Translate): Block {
  return {
    type: 'actions',
    elements: [
      { type: 'button', actionId: 'supervision:who', label: t('supervision.post.who'), value: sessionId },
      {
        type: 'button',
        actionId: 'supervision:ics',
        label: t('supervision.post.calendar'),
        value: sessionId,
      },
    ],
  };
}

export const countsText = (c: RsvpCounts, t: Translate = english): MarkupText =>
  t('supervision.rsvp.counts', { going: c.going, maybe: c.maybe, cant: c.cant });

/** A session in the team's channel, with its RSVP buttons: `t` is the team's language. */
export function sessionPostView(
  session: Db.SupervisionSession,
  counts: RsvpCounts,
  t: Translate = english,
  lead?: MarkupText,
): View {
  const when = between(session.startsAt, session.endsAt, session.timeZone, t);
  const title = titleOf(session, t);
  return view(
    t('supervision.post.summary', { title, when }),
    { type: 'header', text: markup`${title}` },
    ...(lead ? [{ type: 'text' as const, text: lead }] : []),
    {
      type: 'fields',
      fields: [
        { label: t('supervision.post.when'), value: markup`${when}` },
        { label: t('supervision.post.code'), value: markup`#${ref(session.id)}` },
      ],
    },
    { type: 'context', text: t('supervision.post.footer', { counts: countsText(counts, t) }) },
    rsvpButtons(session.id, t),
    sessionExtras(session.id, t),
  );
}

export function seriesAnnouncementView(
  series: Db.SupervisionSeries,
  first: Db.SupervisionSession,
  capped: boolean,
  t: Translate = english,
): View {
  const values = { rule: describeRule(series.rule, t), minutes: series.durationMinutes, ref: ref(series.id) };
  const lead = capped ? t('supervision.announce.leadCapped', values) : t('supervision.announce.lead', values);
  return sessionPostView(first, { going: 0, maybe: 0, cant: 0 }, t, lead);
}

export function sessionChangedView(
  session: Db.SupervisionSession,
  zone: string,
  change: 'moved' | 'cancelled',
  t: Translate = english,
  before?: Date,
): View {
  const title = titleOf(session, t);
  const text =
    change === 'cancelled'
      ? t('supervision.changed.cancelled', { title, when: at(session.startsAt, zone, t) })
      : t('supervision.changed.moved', {
          title,
          before: at(before ?? session.startsAt, zone, t),
          when: between(session.startsAt, session.endsAt, zone, t),
        });
  return view(text, { type: 'text', text }, ...(change === 'moved' ? [rsvpButtons(session.id, t)] : []));
}

export function pollFinalisedView(
  poll: Db.Poll,
  session: Db.SupervisionSession,
  votes: number,
  counts: RsvpCounts,
  t: Translate = english,
): View {
  const values = { title: literal(poll.title), count: votes };
  const lead = poll.asSeries
    ? t('supervision.pollDone.leadSeries', values)
    : t('supervision.pollDone.lead', values);
  return sessionPostView(session, counts, t, lead);
}

/** The poll in the team's channel (posted, then redrawn with each vote): the team's language. */
export function pollView(poll: Db.Poll, ranked: readonly Standing[], t: Translate = english): View {
  const closed = poll.status !== 'open';
  const lines = ranked.map((s, i) =>
    t('supervision.poll.line', {
      n: i + 1,
      when: between(s.option.startsAt, s.option.endsAt, poll.timeZone, t),
      yes: s.yes,
      maybe: s.maybe,
      no: s.no,
    }),
  );
  const title = literal(poll.title);
  const head = closed
    ? t('supervision.poll.closedHead', { title })
    : t('supervision.poll.openHead', { title });
  const closes = at(poll.closesAt, poll.timeZone, t);
  return view(
    head,
    { type: 'header', text: head },
    { type: 'text', text: joinLines(lines) },
    {
      type: 'context',
      text: closed
        ? t('supervision.poll.thanks')
        : poll.asSeries
          ? t('supervision.poll.closesSeries', { when: closes })
          : t('supervision.poll.closes', { when: closes }),
    },
    ...(closed
      ? []
      : [
          {
            type: 'actions' as const,
            elements: [
              {
                type: 'button' as const,
                actionId: 'supervision:vote',
                label: t('supervision.poll.vote'),
                value: poll.id,
                style: 'primary' as const,
              },
              {
                type: 'button' as const,
                actionId: 'supervision:pick',
                label: t('supervision.poll.pick'),
                value: poll.id,
              },
            ],
          },
        ]),
  );
}

const availabilityChoices = (t: Translate) => [
  { label: t('supervision.vote.yes'), value: 'yes' },
  { label: t('supervision.vote.maybe'), value: 'maybe' },
  { label: t('supervision.vote.no'), value: 'no' },
];

export function voteForm(
  poll: Db.Poll & { options: readonly (Db.PollOption & { votes: readonly Db.PollVote[] })[] },
  memberId: string,
  zone: string,
  t: Translate = english,
): Form {
  return {
    formId: 'supervision:vote',
    title: t('supervision.vote.title'),
    submitLabel: t('supervision.vote.submit'),
    context: poll.id,
    intro: toPlainText(t('supervision.vote.intro', { zone: literal(zone) })),
    inputs: poll.options.map((o) => {
      const mine = o.votes.find((v) => v.memberId === memberId)?.availability;
      return {
        type: 'select' as const,
        id: o.id,
        label: formatRange(o.startsAt, o.endsAt, zone, t.locale).replace(` (${zone})`, ''),
        choices: availabilityChoices(t),
        optional: true,
        ...(mine ? { initial: mine } : {}),
      };
    }),
  };
}

export function pickForm(
  poll: Db.Poll,
  ranked: readonly Standing[],
  zone: string,
  t: Translate = english,
): Form {
  return {
    formId: 'supervision:pick',
    title: t('supervision.pick.title'),
    submitLabel: t('supervision.pick.submit'),
    context: poll.id,
    intro: toPlainText(t('supervision.pick.intro', { zone: literal(zone) })),
    inputs: [
      {
        type: 'select',
        id: 'option',
        label: t('supervision.pick.slot'),
        choices: ranked.map((s) => ({
          label: toPlainText(
            t('supervision.pick.choice', {
              when: at(s.option.startsAt, zone, t, false),
              yes: s.yes,
              maybe: s.maybe,
            }),
          ),
          value: s.option.id,
        })),
        ...(ranked[0] ? { initial: ranked[0].option.id } : {}),
      },
    ],
  };
}

type ListedSession = Db.SupervisionSession & { rsvps: readonly Db.Rsvp[] };

const saidInList = (response: Db.Availability, t: Translate): MarkupText =>
  response === 'yes'
    ? t('supervision.list.saidGoing')
    : response === 'maybe'
      ? t('supervision.list.saidMaybe')
      : t('supervision.list.saidCant');

export function listView(
  sessions: readonly ListedSession[],
  zone: string,
  memberId: string,
  t: Translate = english,
): View {
  if (sessions.length === 0) return doneView(t('supervision.list.none'));
  const blocks: Block[] = [
    { type: 'header', text: t('supervision.list.header') },
    { type: 'context', text: t('supervision.list.zone', { zone: literal(zone) }) },
  ];
  for (const s of sessions) {
    const mine = s.rsvps.find((r) => r.memberId === memberId)?.response;
    const answer = mine ? markup` · ${saidInList(mine, t)}` : markup``;
    const kind = s.kind === 'one_on_one' ? markup` ${t('supervision.list.oneToOne')}` : markup``;
    blocks.push({
      type: 'text',
      text: markup`**${titleOf(s, t)}**${kind} #${ref(s.id)}\n${between(s.startsAt, s.endsAt, zone, t)}${answer}`,
    });
    if (s.kind === 'group') blocks.push(rsvpButtons(s.id, t));
  }
  return view(t('supervision.list.summary', { count: sessions.length }), ...blocks);
}

export function reminderView(
  session: Db.SupervisionSession,
  zone: string,
  minutesBefore: number,
  t: Translate = english,
): View {
  const soon =
    minutesBefore >= 60
      ? t('supervision.reminder.hours', { count: Math.round(minutesBefore / 60) })
      : t('supervision.reminder.minutes', { count: minutesBefore });
  const text = t('supervision.reminder.text', {
    title: titleOf(session, t),
    soon,
    when: between(session.startsAt, session.endsAt, zone, t),
  });
  return view(
    text,
    { type: 'text', text },
    { type: 'context', text: t('supervision.reminder.footer') },
    ...(session.kind === 'group' ? [rsvpButtons(session.id, t)] : []),
  );
}

/**
 * The agenda: to the facilitator an hour before (their language), or in the channel at the
 * start (the team's). Topics and names are people's words, anonymous ones too: never markup.
 */
export function agendaView(
  session: Db.SupervisionSession,
  zone: string,
  lines: readonly { text: string; author?: string }[],
  forChannel: boolean,
  t: Translate = english,
): View {
  const title = literal(session.title);
  const head = forChannel
    ? t('supervision.agenda.channelHead', { title })
    : t('supervision.agenda.head', { title, when: at(session.startsAt, zone, t) });
  const named = lines.flatMap((l) => (l.author === undefined ? [] : [{ text: l.text, author: l.author }]));
  const anonymous = lines.filter((l) => l.author === undefined);
  const blocks: Block[] = [{ type: 'header', text: head }];
  if (lines.length === 0) blocks.push({ type: 'text', text: t('supervision.agenda.none') });
  if (named.length > 0)
    blocks.push({
      type: 'text',
      text: joinLines(named.map((l) => markup`• ${literal(l.text)} (${literal(l.author)})`)),
    });
  // Apart from the named ones and in the order of their words (agendaOf): no place in the list
  // that says when, or between whose topics, one was added.
  if (anonymous.length > 0)
    blocks.push({
      type: 'text',
      text: joinLines([
        t('supervision.agenda.withoutName'),
        ...anonymous.map((l) => markup`• ${literal(l.text)}`),
      ]),
    });
  return view(head, ...blocks);
}

export function pollReminderView(poll: Db.Poll, zone: string, t: Translate = english): View {
  const text = t('supervision.poll.reminder', {
    title: literal(poll.title),
    when: at(poll.closesAt, zone, t),
  });
  return view(
    text,
    { type: 'text', text },
    {
      type: 'actions',
      elements: [
        { type: 'button', actionId: 'supervision:vote', label: t('supervision.poll.vote'), value: poll.id },
      ],
    },
  );
}

export function pollClosedForOrganiserView(poll: Db.Poll, t: Translate = english): View {
  const text = t('supervision.poll.closedForOrganiser', { title: literal(poll.title) });
  return view(
    text,
    { type: 'text', text },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          actionId: 'supervision:pick',
          label: t('supervision.poll.pickNow'),
          value: poll.id,
          style: 'primary',
        },
      ],
    },
  );
}

export function attendancePromptView(
  session: Db.SupervisionSession,
  zone: string,
  t: Translate = english,
): View {
  const text = t('supervision.attendance.prompt', {
    title: titleOf(session, t),
    when: at(session.startsAt, zone, t),
  });
  return view(
    text,
    { type: 'text', text },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          actionId: 'supervision:attendance',
          label: t('supervision.attendance.confirm'),
          value: session.id,
          style: 'primary',
        },
      ],
    },
  );
}

export function attendanceForm(
  session: Db.SupervisionSession,
  people: readonly Db.Member[],
  ticked: readonly string[],
  t: Translate = english,
): Form {
  return {
    formId: 'supervision:attendance',
    title: t('supervision.attendance.title'),
    submitLabel: t('supervision.attendance.submit'),
    context: session.id,
    intro: t('supervision.attendance.intro'),
    inputs: [
      {
        type: 'checkboxes',
        id: 'attended',
        label: t('supervision.attendance.attended'),
        optional: true,
        choices: people.map((p) => ({ label: p.displayName, value: p.id })),
        initial: ticked,
      },
    ],
  };
}

type Slot = Db.SupervisionSlot & { supervisor: Db.Member };

export function slotsView(
  slots: readonly Slot[],
  zone: string,
  t: Translate = english,
  lead?: MarkupText,
): View {
  if (slots.length === 0)
    return doneView(lead ? markup`${lead} ${t('supervision.slots.none')}` : t('supervision.slots.none'));
  const blocks: Block[] = [];
  if (lead) blocks.push({ type: 'text', text: lead });
  blocks.push({ type: 'context', text: t('supervision.slots.zone', { zone: literal(zone) }) });
  for (const s of slots) {
    blocks.push({
      type: 'text',
      text: t('supervision.slots.entry', {
        ref: ref(s.id),
        when: between(s.startsAt, s.endsAt, zone, t),
        supervisor: literal(s.supervisor.displayName),
      }),
    });
  }
  blocks.push({
    type: 'actions',
    elements: slots.slice(0, 5).map((s) => ({
      type: 'button' as const,
      actionId: 'supervision:book',
      label: toPlainText(t('supervision.slots.book', { ref: ref(s.id) })),
      value: s.id,
    })),
  });
  return view(t('supervision.slots.summary', { count: slots.length }), ...blocks);
}

export function bookedView(
  session: Db.SupervisionSession,
  supervisor: string,
  zone: string,
  t: Translate = english,
): View {
  return doneView(
    t('supervision.booked.text', {
      supervisor: literal(supervisor),
      when: between(session.startsAt, session.endsAt, zone, t),
      ref: ref(session.id),
    }),
  );
}

/** To the supervisor: a one-to-one with them was booked or moved (they were not told before). */
export function bookedForSupervisorView(
  session: Db.SupervisionSession,
  supervisee: string,
  zone: string,
  moved: boolean,
  t: Translate = english,
): View {
  const values = {
    supervisee: literal(supervisee),
    when: between(session.startsAt, session.endsAt, zone, t),
    ref: ref(session.id),
  };
  return doneView(
    moved
      ? t('supervision.booked.movedForSupervisor', values)
      : t('supervision.booked.forSupervisor', values),
  );
}

export function hoursView(
  months: readonly { month: string; groupMinutes: number; oneToOneMinutes: number }[],
  t: Translate = english,
): View {
  if (months.length === 0) return doneView(t('supervision.hours.none'));
  const decimal = new Intl.NumberFormat(t.locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    useGrouping: false,
  });
  const h = (m: number) => literal(decimal.format(m / 60));
  const lines = months.map((m) =>
    t('supervision.hours.line', {
      month: literal(m.month),
      group: h(m.groupMinutes),
      oneToOne: h(m.oneToOneMinutes),
    }),
  );
  const total = h(months.reduce((sum, m) => sum + m.groupMinutes + m.oneToOneMinutes, 0));
  return view(
    t('supervision.hours.summary', { total }),
    { type: 'header', text: t('supervision.hours.header') },
    { type: 'text', text: joinLines(lines) },
    { type: 'context', text: t('supervision.hours.total', { total }) },
  );
}

/** Discord would not make or change a session's event: a note for the person who asked. */
export const guildEventNote = (note: GuildEventNote, t: Translate): MarkupText =>
  note === 'missing-permission'
    ? t('supervision.events.missingPermission')
    : note === 'not-changed-permission'
      ? t('supervision.events.notChangedPermission')
      : t('supervision.events.notChanged');
