// `/peer checkin history` (a member's own answers and a text sparkline of their mood, for
// their eyes only) and `/peer checkin trend` (a team's weekly mood spread and participation,
// for supervisors, with the same minimum group size as the digest).

import { mayShowCounts } from '../../anonymity/index.ts';
import { type Block, literal, markup, type View } from '../../chat/index.ts';
import type { FieldCipher } from '../../db/index.ts';
import { english, type Translate } from '../../i18n/index.ts';
import type { DbClient } from '../../scheduling/index.ts';
import { decryptItems } from './answers.ts';
import { minGroupOf } from './digest.ts';
import { questionText, scalePoints, scaleWordIn } from './questions.ts';
import { joinMarkup } from './views.ts';

const BARS = ['▁', '▂', '▄', '▆', '█'] as const;
export const sparkline = (moods: readonly number[]): string => moods.map((m) => BARS[m - 1] ?? '·').join('');

// English keeps its ISO day (2026-12-07); another language its own short date.
const day = (instant: Date, zone: string, locale: string) =>
  new Intl.DateTimeFormat(locale.startsWith('en') ? 'en-CA' : locale, {
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
  t: Translate = english,
): Promise<View> {
  const answers = await tx.checkinAnswer.findMany({
    where: { memberId, skipped: false },
    include: { round: { include: { template: true } } },
    orderBy: { answeredAt: 'desc' },
    take: 12,
  });
  if (answers.length === 0)
    return {
      text: t('checkins.history.emptySummary'),
      blocks: [{ type: 'text', text: t('checkins.history.empty') }],
    };
  const oldestFirst = [...answers].reverse();
  const moods = oldestFirst.flatMap((a) => {
    const scale = decryptItems(cipher, a).find((i) => i.kind === 'scale');
    return scale ? [Number(scale.value)] : [];
  });
  const blocks: Block[] = [{ type: 'header', text: t('checkins.history.header') }];
  if (moods.length > 0)
    blocks.push({
      type: 'text',
      text: t('checkins.history.mood', {
        sparkline: literal(sparkline(moods)),
        lowest: t('checkins.scale.1'),
        highest: t('checkins.scale.5'),
      }),
    });
  const lines = answers.map((a) => {
    const items = decryptItems(cipher, a).map((i) =>
      t('checkins.history.item', {
        question: literal(questionText({ id: i.questionId, text: i.question }, t)),
        value: i.kind === 'scale' ? scaleWordIn(i.value, t) : markup`${literal(i.value)}`,
        audience: t(`checkins.history.audience.${i.audience}`),
      }),
    );
    return t('checkins.history.line', {
      day: literal(day(a.answeredAt, zone, t.locale)),
      name: literal(a.round.template.name),
      items: items.length > 0 ? joinMarkup(items, '; ') : t('checkins.history.reachOutOnly'),
    });
  });
  blocks.push({ type: 'text', text: joinMarkup(lines, '\n') });
  blocks.push({ type: 'context', text: t('checkins.history.onlyYou') });
  return { text: t('checkins.history.header'), blocks };
}
const weekOf = (instant: Date): string => {
  const monday = new Date(instant);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  return monday.toISOString().slice(0, 10);
};

export async function trendView(
  tx: DbClient,
  teamId: string,
  teamName: string,
  now: Date,
  t: Translate = english,
): Promise<View> {
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
      w.invited > 0
        ? t('checkins.trend.rate', { percent: Math.round((100 * w.answered) / w.invited) })
        : t('checkins.trend.noInvitations');
    const spread = mayShowCounts(w.people.size, minGroup)
      ? joinMarkup(
          scalePoints
            .map((point) =>
              t('checkins.trend.spreadItem', {
                word: t(`checkins.scale.${point}`),
                count: w.moods.filter((m) => m === point).length,
              }),
            )
            .reverse(),
          ', ',
        )
      : t('checkins.trend.hidden', { minGroup });
    return t('checkins.trend.week', { week: literal(week), rate, spread });
  });
  const team = literal(teamName);
  return {
    text: t('checkins.trend.summary', { team }),
    blocks: [
      { type: 'header', text: t('checkins.trend.header', { team }) },
      { type: 'text', text: lines.length > 0 ? joinMarkup(lines, '\n') : t('checkins.trend.none') },
      { type: 'context', text: t('checkins.trend.footer') },
    ],
  };
}
