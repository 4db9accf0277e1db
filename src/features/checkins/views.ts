// What check-ins say. Plain and warm; every prompt can be skipped or snoozed; nothing here
// ever names who did not answer. Private views (answers, pairings) only go to one person.
import type { Block, View } from '../../chat/index.ts';
import { type NoticeView, noticeView, view } from '../../chat/index.ts';
import type { CrisisLine } from '../ports.ts';

export const textView = (text: string): View => view(text, { type: 'text', text });

const when = (instant: Date, zone: string): string =>
  new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
    timeZoneName: 'short',
  }).format(instant);

export function roundNoteView(name: string, closesAt: Date, zone: string): View {
  return view(
    `${name}: a check-in is open`,
    { type: 'header', text: `${name} is open` },
    {
      type: 'text',
      text: `I've sent each of you a private message. Answer when it suits you, until ${when(closesAt, zone)}, and choose who sees each answer. Skipping is always fine.`,
    },
  );
}

const promptButtons = (roundId: string): Block => ({
  type: 'actions',
  elements: [
    { type: 'button', actionId: 'checkins:answer', label: 'Answer', value: roundId, style: 'primary' },
    { type: 'button', actionId: 'checkins:skip', label: 'Skip this one', value: roundId },
    { type: 'button', actionId: 'checkins:snooze', label: 'Remind me in an hour', value: roundId },
  ],
});

export function promptView(
  roundId: string,
  name: string,
  teamName: string,
  closesAt: Date,
  zone: string,
): View {
  return view(
    `${name}: how are you arriving?`,
    { type: 'text', text: `**${name}** for ${teamName} is open until ${when(closesAt, zone)}.` },
    {
      type: 'text',
      text: 'Answer what you like, in private; each answer has its own choice of who sees it.',
    },
    promptButtons(roundId),
    {
      type: 'context',
      text: 'Away for a while? `/peer checkin pause until:2026-12-24`. Prefer not to get these? `/peer checkin optout`.',
    },
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

export const snoozedView = (): View => textView('Okay, I will remind you in about an hour.');
export const skippedView = (): View => textView('Skipped, no problem. Take care of yourself.');

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

const answers = (n: number) => (n === 1 ? 'One answer' : `${n} answers`);

export function thanksView(r: AnswerReceipt): View {
  const lines = [
    r.replaced
      ? 'Your new answer replaces the one you gave before in this round.'
      : 'Thank you for checking in.',
  ];
  if (r.named > 0)
    lines.push(
      r.live
        ? `${answers(r.named)} went to the team channel with your name.`
        : `${answers(r.named)} will be shown to the team with your name when ${r.name} closes.`,
    );
  if (r.anonymous > 0)
    lines.push(
      `${answers(r.anonymous)} without your name will be in the ${r.name} digest when it closes, and only if at least ${r.minGroup} people took part; otherwise nobody sees them.`,
    );
  if (r.leftEmpty > 0)
    lines.push(
      `You left "Who sees this answer?" empty on ${r.leftEmpty === 1 ? 'one answer' : `${r.leftEmpty} answers`}, so I kept ${r.leftEmpty === 1 ? 'it' : 'them'} for your supervisor only, the most private choice.`,
    );
  const blocks: Block[] = [];
  if (r.supervisorOnly > 0 && r.supervisor)
    lines.push(`${r.supervisor} is told there is something for them; only they can read it.`);
  if (r.supervisorOnly > 0 && !r.supervisor) {
    lines.push(
      `You do not have a supervisor yet, so nobody will read what you kept for your supervisor. If you would like someone to, answer again and choose the team or the team without your name. A team admin can pair you with a supervisor.`,
    );
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', actionId: 'checkins:answer', label: 'Answer again', value: r.roundId }],
    });
  }
  if (r.named + r.anonymous === 0 && r.supervisorOnly === 0)
    lines.push('Nothing from this goes to the team.');
  if (r.struggling)
    blocks.push({
      type: 'context',
      text: 'If things get heavier, `/peer find category:crisis-line` shows the crisis lines for your region, any time.',
    });
  return view(lines[0] ?? '', { type: 'text', text: lines.join(' ') }, ...blocks);
}

export function hardPlaceView(steps: readonly string[] | undefined, lines: readonly CrisisLine[]): View {
  const blocks: Block[] = [
    { type: 'text', text: 'Thank you for saying you are in a hard place. You do not have to hold it alone.' },
  ];
  if (steps && steps.length > 0)
    blocks.push({
      type: 'text',
      text: `**From your own wellness plan**\n${steps.map((s) => `• ${s}`).join('\n')}`,
    });
  if (lines.length > 0) {
    const shown = lines.slice(0, 4).map((line) => {
      const contacts = line.contacts.map((c) => `${c.kind} ${c.value}`).join(', ');
      return `• **${line.title}**${contacts ? `: ${contacts}` : ''}${line.hours ? ` (${line.hours})` : ''}`;
    });
    blocks.push({ type: 'text', text: `**If you want to talk to someone now**\n${shown.join('\n')}` });
  } else {
    blocks.push({ type: 'text', text: 'If you are in danger, please call your local emergency number.' });
  }
  blocks.push({
    type: 'context',
    text: 'Only you see this. If you asked for a peer to reach out, I am finding one now.',
  });
  return { text: 'You do not have to hold it alone', blocks };
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
