// What check-ins say. Plain and warm; every prompt can be skipped or snoozed; nothing here
// ever names who did not answer. Private views (answers, pairings) only go to one person.
import type { Block, View } from '../../chat/index.ts';
import { type NoticeView, noticeView, view } from '../../chat/index.ts';
import { literal, type MarkupText, markup } from '../../chat/markup.ts';
import { english, type Translate } from '../../i18n/index.ts';
import type { ContactPoint, CrisisLine } from '../ports.ts';
import { isScalePoint, type QuestionKind, questionText, scalePoints, scaleWordIn } from './questions.ts';

/** Lines (or list items) of the bot's markup, joined: the separator is layout, not words. */
export function joinMarkup(
  parts: readonly MarkupText[],
  separator: '\n' | ' ' | ' · ' | ', ' | '; ',
): MarkupText {
  const sep = literal(separator);
  return parts.reduce<MarkupText>((out, part, i) => (i === 0 ? part : markup`${out}${sep}${part}`), markup``);
}

export const textView = (text: MarkupText): View => view(text, { type: 'text', text });

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
export function alreadyOpenView(closesAt: Date, zone: string, t: Translate = english): View {
  const until = literal(when(closesAt, zone, t.locale));
  return view(t('checkins.alreadyOpen.summary'), {
    type: 'text',
    text: t('checkins.alreadyOpen.text', { until }),
  });
}

export function reminderView(
  roundId: string,
  name: string,
  closesAt: Date,
  zone: string,
  t: Translate = english,
): View {
  const until = literal(when(closesAt, zone, t.locale));
  return view(
    t('checkins.reminder.summary', { name: literal(name) }),
    { type: 'text', text: t('checkins.reminder.text', { name: literal(name), until }) },
    promptButtons(roundId, t),
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
  const [first = t('checkins.thanks.thanked')] = lines;
  return view(first, { type: 'text', text: joinMarkup(lines, ' ') }, ...blocks);
}

/** How to reach a line, in the reader's words ("Call 988", "Llama al 988"); a note as written. */
function contactOf(contact: ContactPoint, t: Translate): MarkupText {
  const value = literal(contact.value);
  const how =
    contact.kind === 'phone'
      ? t('resource.call', { value })
      : contact.kind === 'text'
        ? t('resource.text', { value })
        : contact.kind === 'email'
          ? t('resource.email', { value })
          : contact.kind === 'chat'
            ? markup`${t('resource.chat')} ${value}`
            : markup`${value}`;
  return contact.note ? markup`${how} (${literal(contact.note)})` : how;
}

/** A crisis line in one bullet: its name, how to reach it (notes like "press 2" kept), its hours. */
function crisisBullet(line: CrisisLine, t: Translate): MarkupText {
  const contacts = line.contacts.map((c) => contactOf(c, t));
  const reach = contacts.length > 0 ? markup`: ${joinMarkup(contacts, ', ')}` : markup``;
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
      text: joinMarkup(
        [t('checkins.hardPlace.fromPlan'), ...steps.map((s) => markup`• ${literal(s)}`)],
        '\n',
      ),
    });
  if (lines.length > 0) {
    const shown = lines.slice(0, 4).map((line) => crisisBullet(line, t));
    blocks.push({ type: 'text', text: joinMarkup([t('crisis.talkNow'), ...shown], '\n') });
  } else {
    blocks.push({ type: 'text', text: t('crisis.localEmergency') });
  }
  blocks.push({ type: 'context', text: t('checkins.hardPlace.onlyYou') });
  return { text: t('checkins.hardPlace.summary'), blocks };
}

export const buddyForMemberView = (buddy: string, t: Translate = english): View =>
  textView(t('checkins.reachOut.buddyForMember', { buddy: literal(buddy) }));
export const buddyForBuddyView = (member: string, team: string, t: Translate = english): View =>
  textView(t('checkins.reachOut.buddyForBuddy', { member: literal(member), team: literal(team) }));
export const supervisorAskedView = (member: string, team: string, t: Translate = english): View =>
  textView(t('checkins.reachOut.supervisorAsked', { member: literal(member), team: literal(team) }));
export const noBuddyForMemberView = (t: Translate = english): View =>
  textView(t('checkins.reachOut.noBuddyForMember'));
export const nobodyFreeView = (t: Translate = english): View => textView(t('checkins.reachOut.nobodyFree'));

/** One shared answer: the question as the team asked it, the value as the member gave it. */
export interface DigestAnswer {
  readonly questionId: string;
  /** The question's words when the answer was given. */
  readonly question: string;
  readonly kind: QuestionKind;
  /** The member's words, or a scale point ("2"). */
  readonly value: string;
}

/** The built-in questions and the scale's words in the reader's language; a team's own question as written. */
const questionOf = (a: DigestAnswer, t: Translate): MarkupText =>
  markup`${literal(questionText({ id: a.questionId, text: a.question }, t))}`;
const answerValue = (a: DigestAnswer, t: Translate): MarkupText =>
  a.kind === 'scale' ? scaleWordIn(a.value, t) : markup`${literal(a.value)}`;

export interface DigestContent {
  readonly name: string;
  readonly took: number;
  readonly invited: number;
  readonly answers: readonly DigestAnswer[];
  /** Counts per scale point, lowest first; absent when too few answered. */
  readonly spread?: readonly number[];
  readonly minGroup: number;
}

/** The closing digest: counts, and the spread and anonymous answers when the rule allows. */
export function digestView(digest: DigestContent, t: Translate = english): View {
  const name = literal(digest.name);
  const blocks: Block[] = [{ type: 'header', text: t('checkins.digest.header', { name }) }];
  blocks.push({ type: 'text', text: t('checkins.digest.tookPart', { count: digest.took }) });
  const byQuestion = new Map<string, DigestAnswer[]>();
  for (const answer of digest.answers)
    byQuestion.set(answer.questionId, [...(byQuestion.get(answer.questionId) ?? []), answer]);
  if (byQuestion.size > 0) blocks.push({ type: 'text', text: t('checkins.digest.withoutName') });
  for (const shared of byQuestion.values()) {
    const first = shared[0];
    if (!first) continue;
    const lines = shared.map((a) => markup`• ${answerValue(a, t)}`);
    const heading = t('checkins.digest.question', { question: questionOf(first, t) });
    blocks.push({ type: 'text', text: joinMarkup([heading, ...lines], '\n') });
  }
  if (digest.spread) {
    const spread = scalePoints
      .map((point, i) => markup`${t(`checkins.scale.${point}`)}: ${digest.spread?.[i] ?? 0}`)
      .reverse();
    blocks.push({
      type: 'fields',
      fields: [{ label: t('checkins.digest.spreadLabel'), value: joinMarkup(spread, ' · ') }],
    });
  } else if (digest.took >= digest.minGroup) {
    // Counted in moods shared with the team, not in answers: "4 people took part" above
    // "needs 3 answers" read as a broken promise when only two of them gave a mood.
    blocks.push({ type: 'context', text: t('checkins.digest.spreadLater', { minGroup: digest.minGroup }) });
  }
  blocks.push({
    type: 'context',
    text:
      digest.took >= digest.minGroup
        ? t('checkins.digest.shownHere')
        : t('checkins.digest.tooFew', { minGroup: digest.minGroup }),
  });
  return { text: t('checkins.digest.header', { name }), blocks };
}

/** One person's answers shared with the team under their name: never an anonymous one. */
export function namedAnswerView(
  name: string,
  author: string,
  shared: readonly DigestAnswer[],
  t: Translate = english,
): View {
  const values = { name: literal(name), author: literal(author) };
  const lines = shared.map((a) => markup`• ${questionOf(a, t)}: ${answerValue(a, t)}`);
  return view(t('checkins.named.summary', values), {
    type: 'text',
    text: joinMarkup([t('checkins.named.header', values), ...lines], '\n'),
  });
}

/** What a named post says once its author erased their data or changed their answer. */
export function withdrawnAnswerView(name: string, t: Translate = english): View {
  return view(t('checkins.named.withdrawnSummary', { name: literal(name) }), {
    type: 'text',
    text: t('checkins.named.withdrawn'),
  });
}

/** A notice (chat/notice.ts): who and where, with a button; the answer is shown only on press. */
export function supervisorNoticeView(
  answerId: string,
  member: string,
  name: string,
  t: Translate = english,
): NoticeView {
  return noticeView({
    title: t('checkins.notice.title', { member: literal(member) }),
    fields: [{ label: t('checkins.notice.checkin'), value: markup`${literal(name)}` }],
    open: { actionId: 'checkins:read', label: t('checkins.notice.read'), value: answerId },
    footer: t('checkins.notice.footer', { member: literal(member) }),
  });
}

export function privateAnswerView(
  member: string,
  items: readonly DigestAnswer[],
  t: Translate = english,
): View {
  const lines = items.map((i) => markup`• ${questionOf(i, t)}: ${scaleLabelOf(i, t)}`);
  return view(
    t('checkins.privateAnswer.summary', { member: literal(member) }),
    {
      type: 'text',
      text: joinMarkup([t('checkins.privateAnswer.header', { member: literal(member) }), ...lines], '\n'),
    },
    { type: 'context', text: t('checkins.privateAnswer.keep') },
  );
}

/** A scale answer as a reader sees it: "2 · struggling", never a bare number. */
function scaleLabelOf(a: DigestAnswer, t: Translate): MarkupText {
  return a.kind === 'scale' && isScalePoint(a.value)
    ? markup`${Number(a.value)} · ${scaleWordIn(a.value, t)}`
    : markup`${literal(a.value)}`;
}
