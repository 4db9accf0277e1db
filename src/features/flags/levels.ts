// The scale a member flags with, what would help, and what each means for routing: how soon it
// escalates and whether it may wait for a supervisor's quiet hours. Their words are the
// catalog's (`flags.levels`, `flags.wishes`; Spanish per the glossary).
import type { MarkupText } from '../../chat/markup.ts';
import type { Db } from '../../db/index.ts';
import type { Translate } from '../../i18n/index.ts';

export const levelChoices = [
  { value: 'noting', severity: 'low' },
  { value: 'weighing', severity: 'medium' },
  { value: 'struggling', severity: 'high' },
  { value: 'talk-now', severity: 'crisis' },
] as const satisfies readonly { value: string; severity: Db.FlagSeverity }[];

export const wishChoices = [
  { value: 'talk-now', wish: 'talk_now' },
  { value: 'talk-today', wish: 'talk_today' },
  { value: 'next-supervision', wish: 'next_supervision' },
  { value: 'just-noting', wish: 'just_noting' },
] as const satisfies readonly { value: string; wish: Db.FlagWish }[];

export type LevelValue = (typeof levelChoices)[number]['value'];
export type WishValue = (typeof wishChoices)[number]['value'];

/** A level in the reader's words (the catalog's `flags.levels`, glossary: the four flag levels). */
export const levelLabel = (severity: Db.FlagSeverity, t: Translate): MarkupText =>
  t(`flags.levels.${levelChoices.find((c) => c.severity === severity)?.value ?? 'noting'}`);
/** What would help, in the reader's words (`flags.wishes`). */
export const wishLabel = (wish: Db.FlagWish, t: Translate): MarkupText =>
  t(`flags.wishes.${wishChoices.find((c) => c.wish === wish)?.value ?? 'just-noting'}`);

const MINUTE = 60_000;
/** A team's escalation times (its `escalateAfterMinutes` / `escalateUrgentMinutes` columns). */
export interface EscalationTimes {
  readonly escalateAfterMinutes: number;
  readonly escalateUrgentMinutes: number;
}

const needsNow = (severity: Db.FlagSeverity, wish: Db.FlagWish) =>
  severity === 'crisis' || wish === 'talk_now';

/** How long a flag waits for an acknowledgement before the next person, by the team's setting. */
export function escalationDelay(severity: Db.FlagSeverity, wish: Db.FlagWish, team: EscalationTimes): number {
  return (needsNow(severity, wish) ? team.escalateUrgentMinutes : team.escalateAfterMinutes) * MINUTE;
}

/**
 * Whether a flag may reach a supervisor during their quiet hours. Only a flag that asks for
 * nothing soon ("just noting it", or "next supervision" at a low level) waits for morning.
 */
export function ignoresQuietHours(severity: Db.FlagSeverity, wish: Db.FlagWish): boolean {
  if (needsNow(severity, wish) || wish === 'talk_today') return true;
  return severity === 'high';
}

/** The two strongest levels get the region's crisis lines at once. */
export const showsCrisisLines = (severity: Db.FlagSeverity): boolean =>
  severity === 'high' || severity === 'crisis';
