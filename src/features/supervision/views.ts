// What people see: neutral views and forms. Channel posts show times in the session's zone
// and point to `/peer supervision list` for one's own; everything private uses the reader's zone.
import { type Block, type Button, type Form, type View, view } from '../../chat/index.ts';
import type { Db } from '../../db/index.ts';
import { shortRef } from './context.ts';
import type { Standing } from './poll.ts';
import type { RsvpCounts } from './rsvp.ts';
import { describeRule } from './series-rule.ts';
import { formatInZone, formatRange } from './time.ts';

export const refusalView = (reason: string): View =>
  view(reason, { type: 'text', text: reason.charAt(0).toUpperCase() + reason.slice(1) });

export const doneView = (text: string, ...more: Block[]): View => view(text, { type: 'text', text }, ...more);

const ownZoneHint =
  'Times here are in the session’s time zone; `/peer supervision list` shows them in yours.';

function rsvpButtons(sessionId: string): Block {
  const b = (label: string, choice: string, style?: Button['style']): Button => ({
    type: 'button',
    actionId: 'supervision:rsvp',
    label,
    value: `${sessionId}:${choice}`,
    ...(style ? { style } : {}),
  });
  return {
    type: 'actions',
    elements: [b('Going', 'going', 'primary'), b('Maybe', 'maybe'), b('Can’t', 'cant')],
  };
}

function sessionExtras(sessionId: string): Block {
  return {
    type: 'actions',
    elements: [
      { type: 'button', actionId: 'supervision:who', label: 'Who’s coming (facilitator)', value: sessionId },
      { type: 'button', actionId: 'supervision:ics', label: 'Calendar file', value: sessionId },
    ],
  };
}

export const countsText = (c: RsvpCounts): string => `Going ${c.going} · Maybe ${c.maybe} · Can’t ${c.cant}`;

export function sessionPostView(session: Db.SupervisionSession, counts: RsvpCounts, lead?: string): View {
  const when = formatRange(session.startsAt, session.endsAt, session.timeZone);
  return view(
    `${session.title}: ${when}`,
    { type: 'header', text: session.title },
    ...(lead ? [{ type: 'text' as const, text: lead }] : []),
    {
      type: 'fields',
      fields: [
        { label: 'When', value: when },
        { label: 'Code', value: `#${shortRef(session.id)}` },
      ],
    },
    { type: 'context', text: `${countsText(counts)}. ${ownZoneHint}` },
    rsvpButtons(session.id),
    sessionExtras(session.id),
  );
}

export function seriesAnnouncementView(
  series: Db.SupervisionSeries,
  first: Db.SupervisionSession,
  capped: boolean,
): View {
  const lead = `A new supervision series: ${describeRule(series.rule)}, ${series.durationMinutes} minutes, series #${shortRef(series.id)}.${
    capped ? ' It runs for 12 months for now; the facilitator can extend it.' : ''
  } Will you come to the first one? Answer any time, and skip whatever doesn’t fit.`;
  return sessionPostView(first, { going: 0, maybe: 0, cant: 0 }, lead);
}

export function sessionChangedView(
  session: Db.SupervisionSession,
  zone: string,
  change: 'moved' | 'cancelled',
  before?: Date,
): View {
  const text =
    change === 'cancelled'
      ? `"${session.title}" on ${formatInZone(session.startsAt, zone)} is cancelled. Nothing to do on your side.`
      : `"${session.title}" has moved from ${formatInZone(before ?? session.startsAt, zone)} to ${formatRange(session.startsAt, session.endsAt, zone)}.`;
  return view(text, { type: 'text', text }, ...(change === 'moved' ? [rsvpButtons(session.id)] : []));
}

export function pollFinalisedView(
  poll: Db.Poll,
  session: Db.SupervisionSession,
  votes: number,
  counts: RsvpCounts,
): View {
  const lead = `The poll "${poll.title}" found a time${poll.asSeries ? ' for a weekly series' : ''}. Thank you for voting (${votes} answers for this slot). Your vote is now your RSVP; change it any time below.`;
  return sessionPostView(session, counts, lead);
}

export function pollView(poll: Db.Poll, ranked: readonly Standing[]): View {
  const closed = poll.status !== 'open';
  const lines = ranked.map(
    (s, i) =>
      `${i + 1}. ${formatRange(s.option.startsAt, s.option.endsAt, poll.timeZone)}: yes ${s.yes}, if need be ${s.maybe}, no ${s.no}`,
  );
  const head = closed ? `Poll closed: ${poll.title}` : `When can we meet? ${poll.title}`;
  return view(
    head,
    { type: 'header', text: head },
    { type: 'text', text: lines.join('\n') },
    {
      type: 'context',
      text: closed
        ? 'Thank you for voting.'
        : `Closes ${formatInZone(poll.closesAt, poll.timeZone)}${poll.asSeries ? '; the chosen time becomes a weekly series' : ''}. Press Vote to see every slot in your own time zone. Standing: most yes, then most if-need-be.`,
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
                label: 'Vote',
                value: poll.id,
                style: 'primary' as const,
              },
              {
                type: 'button' as const,
                actionId: 'supervision:pick',
                label: 'Pick the time (organiser)',
                value: poll.id,
              },
            ],
          },
        ]),
  );
}

const availabilityChoices = [
  { label: 'Yes', value: 'yes' },
  { label: 'If need be', value: 'maybe' },
  { label: 'No', value: 'no' },
];

export function voteForm(
  poll: Db.Poll & { options: readonly (Db.PollOption & { votes: readonly Db.PollVote[] })[] },
  memberId: string,
  zone: string,
): Form {
  return {
    formId: 'supervision:vote',
    title: 'Your availability',
    submitLabel: 'Save my votes',
    context: poll.id,
    intro: `Times are in your time zone, ${zone}. Leave a slot empty to skip it.`,
    inputs: poll.options.map((o) => {
      const mine = o.votes.find((v) => v.memberId === memberId)?.availability;
      return {
        type: 'select' as const,
        id: o.id,
        label: formatRange(o.startsAt, o.endsAt, zone).replace(` (${zone})`, ''),
        choices: availabilityChoices,
        optional: true,
        ...(mine ? { initial: mine } : {}),
      };
    }),
  };
}

export function pickForm(poll: Db.Poll, ranked: readonly Standing[], zone: string): Form {
  return {
    formId: 'supervision:pick',
    title: 'Pick the time',
    submitLabel: 'Pick',
    context: poll.id,
    intro: `Times are in your time zone, ${zone}. Votes for the chosen slot become RSVPs.`,
    inputs: [
      {
        type: 'select',
        id: 'option',
        label: 'Slot',
        choices: ranked.map((s) => ({
          label: `${formatInZone(s.option.startsAt, zone, false)} · yes ${s.yes}, maybe ${s.maybe}`,
          value: s.option.id,
        })),
        ...(ranked[0] ? { initial: ranked[0].option.id } : {}),
      },
    ],
  };
}

type ListedSession = Db.SupervisionSession & { rsvps: readonly Db.Rsvp[] };

export function listView(sessions: readonly ListedSession[], zone: string, memberId: string): View {
  if (sessions.length === 0)
    return doneView(
      'No supervision sessions are coming up. A supervisor can start a series with `/peer supervision new`.',
    );
  const blocks: Block[] = [
    { type: 'header', text: 'Coming up' },
    { type: 'context', text: `In your time zone, ${zone}.` },
  ];
  for (const s of sessions) {
    const mine = s.rsvps.find((r) => r.memberId === memberId)?.response;
    const answer = mine
      ? ` · you said ${mine === 'yes' ? 'going' : mine === 'maybe' ? 'maybe' : 'can’t'}`
      : '';
    const kind = s.kind === 'one_on_one' ? ' (one-to-one)' : '';
    blocks.push({
      type: 'text',
      text: `**${s.title}**${kind} #${shortRef(s.id)}\n${formatRange(s.startsAt, s.endsAt, zone)}${answer}`,
    });
    if (s.kind === 'group') blocks.push(rsvpButtons(s.id));
  }
  return view(`${sessions.length} supervision sessions coming up`, ...blocks);
}

export function reminderView(session: Db.SupervisionSession, zone: string, minutesBefore: number): View {
  const soon =
    minutesBefore >= 60 ? `in about ${Math.round(minutesBefore / 60)} hours` : `in ${minutesBefore} minutes`;
  const text = `A gentle reminder: "${session.title}" starts ${soon}, ${formatRange(session.startsAt, session.endsAt, zone)}.`;
  return view(
    text,
    { type: 'text', text },
    {
      type: 'context',
      text: 'If it no longer fits, that’s fine: change your answer, or turn these reminders off with `/peer supervision reminders off`.',
    },
    ...(session.kind === 'group' ? [rsvpButtons(session.id)] : []),
  );
}

export function agendaView(
  session: Db.SupervisionSession,
  zone: string,
  lines: readonly { text: string; author?: string }[],
  forChannel: boolean,
): View {
  const head = forChannel
    ? `Agenda for "${session.title}"`
    : `The agenda for "${session.title}" (${formatInZone(session.startsAt, zone)})`;
  const named = lines.filter((l) => l.author !== undefined);
  const anonymous = lines.filter((l) => l.author === undefined);
  const blocks: Block[] = [{ type: 'header', text: head }];
  if (lines.length === 0) blocks.push({ type: 'text', text: 'No topics were added.' });
  if (named.length > 0)
    blocks.push({ type: 'text', text: named.map((l) => `• ${l.text} (${l.author})`).join('\n') });
  // Apart from the named ones and in the order of their words (agendaOf): no place in the list
  // that says when, or between whose topics, one was added.
  if (anonymous.length > 0)
    blocks.push({
      type: 'text',
      text: `**Without a name**\n${anonymous.map((l) => `• ${l.text}`).join('\n')}`,
    });
  return view(head, ...blocks);
}

export function pollReminderView(poll: Db.Poll, zone: string): View {
  const text = `The poll "${poll.title}" closes ${formatInZone(poll.closesAt, zone)}. If you’d like a say in the time, there’s still room to vote; if not, no need to do anything.`;
  return view(
    text,
    { type: 'text', text },
    {
      type: 'actions',
      elements: [{ type: 'button', actionId: 'supervision:vote', label: 'Vote', value: poll.id }],
    },
  );
}

export function pollClosedForOrganiserView(poll: Db.Poll): View {
  const text = `Your poll "${poll.title}" has closed. Pick the time whenever you’re ready.`;
  return view(
    text,
    { type: 'text', text },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          actionId: 'supervision:pick',
          label: 'Pick the time',
          value: poll.id,
          style: 'primary',
        },
      ],
    },
  );
}

export function attendancePromptView(session: Db.SupervisionSession, zone: string): View {
  const text = `"${session.title}" (${formatInZone(session.startsAt, zone)}) has ended. When you have a moment, confirm who attended: it counts toward their supervision hours.`;
  return view(
    text,
    { type: 'text', text },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          actionId: 'supervision:attendance',
          label: 'Confirm attendance',
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
): Form {
  return {
    formId: 'supervision:attendance',
    title: 'Who attended',
    submitLabel: 'Confirm',
    context: session.id,
    intro: 'Pre-filled from the RSVPs. Tick everyone who came.',
    inputs: [
      {
        type: 'checkboxes',
        id: 'attended',
        label: 'Attended',
        optional: true,
        choices: people.map((p) => ({ label: p.displayName, value: p.id })),
        initial: ticked,
      },
    ],
  };
}

type Slot = Db.SupervisionSlot & { supervisor: Db.Member };

export function slotsView(slots: readonly Slot[], zone: string, lead?: string): View {
  if (slots.length === 0)
    return doneView(
      `${lead ? `${lead} ` : ''}No one-to-one slots are open right now. A supervisor can offer some with \`/peer supervision slots\`.`,
    );
  const blocks: Block[] = [];
  if (lead) blocks.push({ type: 'text', text: lead });
  blocks.push({ type: 'context', text: `Open one-to-one slots, in your time zone (${zone}).` });
  for (const s of slots) {
    blocks.push({
      type: 'text',
      text: `#${shortRef(s.id)} · ${formatRange(s.startsAt, s.endsAt, zone)} with ${s.supervisor.displayName}`,
    });
  }
  blocks.push({
    type: 'actions',
    elements: slots.slice(0, 5).map((s) => ({
      type: 'button' as const,
      actionId: 'supervision:book',
      label: `Book #${shortRef(s.id)}`,
      value: s.id,
    })),
  });
  return view(`${slots.length} open one-to-one slots`, ...blocks);
}

export function bookedView(session: Db.SupervisionSession, supervisor: string, zone: string): View {
  return doneView(
    `Booked: one-to-one supervision with ${supervisor}, ${formatRange(session.startsAt, session.endsAt, zone)} (#${shortRef(session.id)}). You’ll both get reminders. To change it: \`/peer supervision rebook\` or \`/peer supervision cancel\`.`,
  );
}

/** To the supervisor: a one-to-one with them was booked or moved (they were not told before). */
export function bookedForSupervisorView(
  session: Db.SupervisionSession,
  supervisee: string,
  zone: string,
  moved: boolean,
): View {
  return doneView(
    `${supervisee} ${moved ? 'moved their' : 'booked a'} one-to-one supervision with you: ${formatRange(session.startsAt, session.endsAt, zone)} (#${shortRef(session.id)}). You’ll both get reminders.`,
  );
}

export function hoursView(
  months: readonly { month: string; groupMinutes: number; oneToOneMinutes: number }[],
): View {
  if (months.length === 0)
    return doneView(
      'No supervision hours are recorded for you yet. Group sessions count once the facilitator confirms attendance; one-to-ones count once they have taken place.',
    );
  const h = (m: number) => (m / 60).toFixed(1);
  const lines = months.map(
    (m) => `${m.month}: group ${h(m.groupMinutes)} h, one-to-one ${h(m.oneToOneMinutes)} h`,
  );
  const total = months.reduce((t, m) => t + m.groupMinutes + m.oneToOneMinutes, 0);
  return view(
    `Your supervision hours: ${h(total)} h`,
    { type: 'header', text: 'Your supervision hours' },
    { type: 'text', text: lines.join('\n') },
    { type: 'context', text: `Total ${h(total)} h. Only you see this.` },
  );
}
