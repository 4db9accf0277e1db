// Times and ages in plain words, in the reader's own zone and language.
import { literal, type MarkupText, markup } from '../../chat/markup.ts';
import type { Translate } from '../../i18n/index.ts';

const MINUTE = 60_000;

/** "Mon 11:05" in English (en-GB, a 24-hour clock); "lun 11:05" for a Spanish reader. */
export function clockTime(at: Date, zone: string, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale.startsWith('en') ? 'en-GB' : locale, {
    timeZone: zone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
}

/** A clock time as view text (Intl's words, not the bot's markup). */
export const clockWords = (at: Date, zone: string, t: Translate): MarkupText =>
  markup`${literal(clockTime(at, zone, t.locale))}`;

export function ageOf(from: Date, now: Date, t: Translate): MarkupText {
  const minutes = Math.max(0, Math.round((now.getTime() - from.getTime()) / MINUTE));
  if (minutes < 1) return t('flags.age.now');
  if (minutes < 60) return t('flags.age.minutes', { count: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return t('flags.age.hours', { count: hours });
  return t('flags.age.days', { count: Math.round(hours / 24) });
}

/** "4 hours", "15 minutes", "1.5 hours" in the reader's language. */
export function durationWords(ms: number, t: Translate): MarkupText {
  const minutes = Math.round(ms / MINUTE);
  if (minutes < 60) return t('flags.minutes', { count: minutes });
  const hours = minutes / 60;
  return t('flags.hours', { count: Number.isInteger(hours) ? hours : Number(hours.toFixed(1)) });
}
