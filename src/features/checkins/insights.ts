// `/peer checkin history` (a member's own answers and a text sparkline of their mood, for
// their eyes only) and `/peer checkin trend` (a team's weekly mood spread and participation,
// for supervisors, with the same minimum group size as the digest).

import { mayShowCounts } from '../../anonymity/index.ts';
import type { Block, View } from '../../chat/index.ts';
import type { FieldCipher } from '../../db/index.ts';
import type { DbClient } from '../../scheduling/index.ts';
import { decryptItems } from './answers.ts';
import { minGroupOf } from './digest.ts';
import { audienceLabels, scaleWords } from './questions.ts';

const BARS = ['▁', '▂', '▄', '▆', '█'] as const;
export const sparkline = (moods: readonly number[]): string => moods.map((m) => BARS[m - 1] ?? '·').join('');

const day = (instant: Date, zone: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);

export async function historyView(
  tx: DbClient,
  cipher: FieldCipher,
  memberId: string,
  zone: string,
): Promise<View> {
  const answers = await tx.checkinAnswer.findMany({
    where: { memberId, skipped: false },
    include: { round: { include: { template: true } } },
    orderBy: { answeredAt: 'desc' },
    take: 12,
  });
  if (answers.length === 0)
    return {
      text: 'No check-in answers yet',
      blocks: [
        {
          type: 'text',
          text: 'You have no check-in answers yet. When you answer one, it shows here, for you only.',
        },
      ],
    };
  const oldestFirst = [...answers].reverse();
  const moods = oldestFirst.flatMap((a) => {
    const scale = decryptItems(cipher, a).find((i) => i.kind === 'scale');
    return scale ? [Number(scale.value)] : [];
  });
  const blocks: Block[] = [{ type: 'header', text: 'Your check-ins' }];
  if (moods.length > 0)
    blocks.push({
      type: 'text',
      text: `Your mood over time (oldest first): \`${sparkline(moods)}\`  (▁ ${scaleWords[0]} … █ ${scaleWords[4]})`,
    });
  const lines = answers.map((a) => {
    const items = decryptItems(cipher, a)
      .map(
        (i) =>
          `${i.question}: ${i.kind === 'scale' ? scaleWords[Number(i.value) - 1] : i.value} (${audienceLabels[i.audience].toLowerCase()})`,
      )
      .join('; ');
    return `• ${day(a.answeredAt, zone)} ${a.round.template.name}: ${items || 'asked for a peer to reach out'}`;
  });
  blocks.push({ type: 'text', text: lines.join('\n') });
  blocks.push({ type: 'context', text: 'Only you can see this.' });
  return { text: 'Your check-ins', blocks };
}

const weekOf = (instant: Date): string => {
  const monday = new Date(instant);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday.toISOString().slice(0, 10);
};

export async function trendView(tx: DbClient, teamId: string, teamName: string, now: Date): Promise<View> {
  const since = new Date(now.getTime() - 8 * 7 * 86_400_000);
  const rounds = await tx.checkinRound.findMany({
    // Closed rounds only: an open round's figures change with each answer, so running the trend
    // before and after a supervisee's answer (the "shared with you only" notice says when) would
    // show that one person's mood.
    where: { teamId, status: 'closed', opensAt: { gte: since } },
    include: { answers: { select: { skipped: true, mood: true, memberId: true } } },
    orderBy: { opensAt: 'asc' },
  });
  const minGroup = await minGroupOf(tx, teamId);
  // The minimum group counts people, not moods: two people answering three rounds are still two.
  const weeks = new Map<
    string,
    { invited: number; answered: number; moods: number[]; people: Set<string> }
  >();
  for (const round of rounds) {
    const week = weeks.get(weekOf(round.opensAt)) ?? {
      invited: 0,
      answered: 0,
      moods: [],
      people: new Set(),
    };
    week.invited += round.invited.length;
    week.answered += round.answers.filter((a) => !a.skipped).length;
    for (const a of round.answers) {
      if (a.mood === null) continue;
      week.moods.push(a.mood);
      week.people.add(a.memberId);
    }
    weeks.set(weekOf(round.opensAt), week);
  }
  const lines = [...weeks].map(([week, w]) => {
    const rate =
      w.invited > 0 ? `${Math.round((100 * w.answered) / w.invited)}% took part` : 'no invitations';
    const spread = mayShowCounts(w.people.size, minGroup)
      ? scaleWords
          .map((word, i) => `${word} ${w.moods.filter((m) => m === i + 1).length}`)
          .reverse()
          .join(', ')
      : `mood spread hidden (fewer than ${minGroup} shared a mood)`;
    return `• week of ${week}: ${rate}; ${spread}`;
  });
  return {
    text: `Check-in trend for ${teamName}`,
    blocks: [
      { type: 'header', text: `Check-in trend: ${teamName}` },
      {
        type: 'text',
        text: lines.length > 0 ? lines.join('\n') : 'No closed rounds in the last eight weeks.',
      },
      {
        type: 'context',
        text: 'Closed rounds only, counts only: nobody is named, and small groups are never split out.',
      },
    ],
  };
}
