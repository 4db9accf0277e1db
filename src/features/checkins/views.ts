// What check-ins say. Plain and warm; every prompt can be skipped or snoozed; nothing here
// ever names who did not answer. Private views (answers, pairings) only go to one person.
import type { Block, View } from '../../chat/index.ts';
import { type NoticeView, noticeView, view } from '../../chat/index.ts';
import { literal, type MarkupText, markup } from '../../chat/markup.ts';
import { english, type Translate } from '../../i18n/index.ts';
import type { CrisisLine } from '../ports.ts';

export const textView = (text: string): View => view(text, { type: 'text', text });

// English keeps its en-GB format (24-hour clock, "Mon"); another language uses the reader's tag.
const when = (instant: Date, zone: string, locale = 'en'): string =>
  new Intl.DateTimeFormat(locale.startsWith('en') ? 'en-GB' : locale, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(instant);

/** The round's note in the channel: everyone reads it, so `t` is the team's language. */
export function roundNoteView(name: string, closesAt: Date, zone: string, t: Translate = english): View {
  const until = literal(when(closesAt, zone, t.locale));
  return view(
    t('checkins.note.summary', { name: literal(name) }),
    { type: 'header', text: t('checkins.note.header', { name: literal(name) }) },
    { type: 'text', text: t('checkins.note.text', { until }) },
  );
}

const promptButtons = (roundId: string, t: Translate = english): Block => ({
  type: 'actions',
  elements: [
    {
      type: 'button',
      actionId: 'checkins:answer',
      label: t('checkins.prompt.answer'),
      value: roundId,
      style: 'primary',
    },
    { type: 'button', actionId: 'checkins:skip', label: t('checkins.prompt.skip'), value: roundId },
    { type: 'button', actionId: 'checkins:snooze', label: t('checkins.prompt.snooze'), value: roundId },
  ],
});

/** The private round prompt, in the recipient's language (`t`, from src/i18n's one order). */
export function promptView(
  roundId: string,
  name: string,
  teamName: string,
  closesAt: Date,
  zone: string,
  t: Translate = english,
): View {
  const until = literal(when(closesAt, zone, t.locale));
  return view(
    t('checkins.prompt.summary', { name: literal(name) }),
    {
      type: 'text',
      text: t('checkins.prompt.open', { name: literal(name), team: literal(teamName), until }),
    },
    { type: 'text', text: t('checkins.prompt.private') },
    promptButtons(roundId, t),
    { type: 'context', text: t('checkins.prompt.footer') },
  );
}

/** `/peer checkin now` while a round is open: nothing new is opened. */
export function alreadyOpenView(closesAt: Date, zone: string): View {
  return {
    text: 'A round is already open',
    blocks: [
      {
        type: 'text',
        text: `A round is already open until ${when(closesAt, zone)}, so I didn't open another one. Everyone on the team gets its prompt, people who join meanwhile too; \`/peer checkin close\` closes it early.`,
      },
    ],
  };
}

export function reminderView(roundId: string, name: string, closesAt: Date, zone: string): View {
  return view(
    `${name} is still open`,
    {
      type: 'text',
      text: `A gentle nudge: **${name}** is open until ${when(closesAt, zone)}, if you'd like to answer. Skipping is fine too.`,
    },
    promptButtons(roundId),
  );
}

export const snoozedView = (t: Translate = english): View => textView(t('checkins.snoozed'));
export const skippedView = (t: Translate = english): View => textView(t('checkins.skipped'));

/** What the member is told after answering: where each part of the answer goes, in plain words. */
export interface AnswerReceipt {
  readonly roundId: string;
  readonly name: string;
  readonly replaced: boolean;
  /** Answers as they come (named parts are posted now) or one digest at close. */
  readonly live: boolean;
  readonly named: number;
  readonly anonymous: number;
  readonly supervisorOnly: number;
  /** Answers whose "Who sees this answer?" was left empty: kept for the supervisor only. */
  readonly leftEmpty: number;
  /** The primary supervisor's name; absent when the member has none. */
  readonly supervisor?: string;
  readonly minGroup: number;
  readonly struggling: boolean;
}

export function thanksView(r: AnswerReceipt, t: Translate = english): View {
  const name = literal(r.name);
  const lines: MarkupText[] = [r.replaced ? t('checkins.thanks.replaced') : t('checkins.thanks.thanked')];
  if (r.named > 0)
    lines.push(
      r.live
        ? t('checkins.thanks.namedLive', { count: r.named })
        : t('checkins.thanks.namedAtClose', { count: r.named, name }),
    );
  if (r.anonymous > 0)
    lines.push(t('checkins.thanks.anonymous', { count: r.anonymous, name, minGroup: r.minGroup }));
  if (r.leftEmpty > 0) lines.push(t('checkins.thanks.leftEmpty', { count: r.leftEmpty }));
  const blocks: Block[] = [];
  if (r.supervisorOnly > 0 && r.supervisor)
    lines.push(t('checkins.thanks.supervisorTold', { supervisor: literal(r.supervisor) }));
  if (r.supervisorOnly > 0 && !r.supervisor) {
    lines.push(t('checkins.thanks.noSupervisor'));
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          actionId: 'checkins:answer',
          label: t('checkins.thanks.answerAgain'),
          value: r.roundId,
        },
      ],
    });
  }
  if (r.named + r.anonymous === 0 && r.supervisorOnly === 0) lines.push(t('checkins.thanks.nothingToTeam'));
  if (r.struggling) blocks.push({ type: 'context', text: t('crisis.pointer') });
  return view(lines[0] ?? '', { type: 'text', text: lines.join(' ') }, ...blocks);
}

/** A crisis line in one bullet: its name, how to reach it (notes like "press 2" kept), its hours. */
function crisisBullet(line: CrisisLine): MarkupText {
  const contacts = line.contacts
    .map((c) => (c.note ? `${c.kind} ${c.value} (${c.note})` : `${c.kind} ${c.value}`))
    .join(', ');
  const reach = contacts ? markup`: ${literal(contacts)}` : markup``;
  const hours = line.hours ? markup` (${literal(line.hours)})` : markup``;
  return markup`• **${literal(line.title)}**${reach}${hours}`;
}

export function hardPlaceView(
  steps: readonly string[] | undefined,
  lines: readonly CrisisLine[],
  t: Translate = english,
): View {
  const blocks: Block[] = [{ type: 'text', text: t('checkins.hardPlace.thanks') }];
  if (steps && steps.length > 0)
    blocks.push({
      type: 'text',
      text: [t('checkins.hardPlace.fromPlan'), ...steps.map((s) => markup`• ${literal(s)}`)].join('\n'),
    });
  if (lines.length > 0) {
    const shown = lines.slice(0, 4).map(crisisBullet);
    blocks.push({ type: 'text', text: [t('crisis.talkNow'), ...shown].join('\n') });
  } else {
    blocks.push({ type: 'text', text: t('crisis.localEmergency') });
  }
  blocks.push({ type: 'context', text: t('checkins.hardPlace.onlyYou') });
  return { text: t('checkins.hardPlace.summary'), blocks };
}

export const buddyForMemberView = (buddy: string): View =>
  textView(
    `${buddy} is your peer for this check-in and knows you'd like someone to reach out. You can also write to them first.`,
  );
export const buddyForBuddyView = (member: string, team: string): View =>
  textView(
    `${member} from ${team} asked in today's check-in for a peer to reach out. You offered to be a support buddy: could you send them a message when you can? Nothing else about their answers is shared with you.`,
  );
export const supervisorAskedView = (member: string, team: string): View =>
  textView(
    `${member} from ${team} asked in a check-in for a peer to reach out, and no support buddy is free right now. Could you reach out to them?`,
  );
export const noBuddyForMemberView = (): View =>
  textView('No support buddy is free right now, so I have asked your supervisor to reach out to you.');
export const nobodyFreeView = (): View =>
  textView(
    'No support buddy or supervisor is free right now. I am sorry. `/peer team show` lists your teammates, and crisis lines are always there if things get heavy.',
  );

export interface DigestAnswer {
  readonly question: string;
  readonly value: string;
}

export interface DigestContent {
  readonly name: string;
  readonly took: number;
  readonly invited: number;
  readonly answers: readonly DigestAnswer[];
  /** Counts per scale point, lowest first; absent when too few answered. */
  readonly spread?: readonly number[];
  readonly minGroup: number;
  readonly scaleWords: readonly string[];
}

/** The closing digest: counts, and the spread and anonymous answers when the rule allows. */
export function digestView(digest: DigestContent): View {
  const blocks: Block[] = [{ type: 'header', text: `${digest.name}: the digest` }];
  blocks.push({
    type: 'text',
    text: `${digest.took === 1 ? '1 person' : `${digest.took} people`} took part. Thank you for looking after each other.`,
  });
  const byQuestion = new Map<string, DigestAnswer[]>();
  for (const answer of digest.answers)
    byQuestion.set(answer.question, [...(byQuestion.get(answer.question) ?? []), answer]);
  if (byQuestion.size > 0) blocks.push({ type: 'text', text: '**Shared without a name**' });
  for (const [question, shared] of byQuestion)
    blocks.push({ type: 'text', text: `**${question}**\n${shared.map((a) => `• ${a.value}`).join('\n')}` });
  if (digest.spread) {
    const spread = digest.scaleWords
      .map((word, i) => `${word}: ${digest.spread?.[i] ?? 0}`)
      .reverse()
      .join(' · ');
    blocks.push({ type: 'fields', fields: [{ label: 'How we are arriving', value: spread }] });
  } else if (digest.took >= digest.minGroup) {
    blocks.push({
      type: 'context',
      // Counted in moods shared with the team, not in answers: "4 people took part" above
      // "needs 3 answers" read as a broken promise when only two of them gave a mood.
      text: `The mood spread shows once at least ${digest.minGroup} people share how they are arriving with the team, so nobody can be picked out.`,
    });
  }
  blocks.push({
    type: 'context',
    text:
      digest.took >= digest.minGroup
        ? 'Answers shared without a name are shown here only, in the order of their words. Named answers have their own posts; private answers never appear.'
        : `Answers shared without a name and the mood spread show when at least ${digest.minGroup} people take part, so nobody can be picked out.`,
  });
  return { text: `${digest.name}: the digest`, blocks };
}

/** One person's answers shared with the team under their name: never an anonymous one. */
export function namedAnswerView(name: string, author: string, shared: readonly DigestAnswer[]): View {
  const lines = shared.map((a) => `• ${a.question}: ${a.value}`);
  return view(`${name}: ${author} shared`, {
    type: 'text',
    text: `**${author}** shared in ${name}\n${lines.join('\n')}`,
  });
}

/** What a named post says once its author erased their data or changed their answer. */
export function withdrawnAnswerView(name: string): View {
  return view(`${name}: an answer was withdrawn`, {
    type: 'text',
    text: 'The person who shared this answer has taken it back.',
  });
}

/** A notice (chat/notice.ts): who and where, with a button; the answer is shown only on press. */
export function supervisorNoticeView(answerId: string, member: string, name: string): NoticeView {
  return noticeView({
    title: `${member} shared something with you only`,
    fields: [{ label: 'Check-in', value: name }],
    open: { actionId: 'checkins:read', label: 'Read it', value: answerId },
    footer: `${member} shared an answer with you only. It is kept encrypted; reading it is noted in the audit log.`,
  });
}

export function privateAnswerView(
  member: string,
  items: readonly { question: string; value: string }[],
): View {
  return view(
    `${member}'s private answer`,
    {
      type: 'text',
      text: `**Shared with you only by ${member}**\n${items.map((i) => `• ${i.question}: ${i.value}`).join('\n')}`,
    },
    { type: 'context', text: 'Please keep it between you. This read is in the audit log.' },
  );
}
