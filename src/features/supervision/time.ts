// Times as people read and type them. Instants are stored in UTC; a person always sees them in
// their own zone (their `/peer timezone`, else the team's), and types local dates and times in
// a zone the command names.
import { DateTime } from 'luxon';
import { instantAtLocalTime } from '../../scheduling/index.ts';

const MINUTE = 60_000;

// English keeps the names it always had ("Mon 2 Mar", "Sep"), whatever the platform tag; another
// language uses the reader's tag (es-419, es-ES).
const dateLocale = (locale: string): string => (locale.startsWith('en') ? 'en-US' : locale);

/** "Mon 2 Mar, 18:00 (Europe/Berlin)"; "lun 2 mar 2026, 18:00" with the locale `es`. */
export function formatInZone(instant: Date, zone: string, withZone = true, locale = 'en'): string {
  const local = DateTime.fromJSDate(instant, { zone }).setLocale(dateLocale(locale));
  const text = local.toFormat('ccc d LLL yyyy, HH:mm');
  return withZone ? `${text} (${zone})` : text;
}

/** "18:00–19:00" in the zone, with the reader's weekday and month names. */
export function formatRange(startsAt: Date, endsAt: Date, zone: string, locale = 'en'): string {
  const start = DateTime.fromJSDate(startsAt, { zone }).setLocale(dateLocale(locale));
  const end = DateTime.fromJSDate(endsAt, { zone }).setLocale(dateLocale(locale));
  const sameDay = start.hasSame(end, 'day');
  return `${start.toFormat('ccc d LLL yyyy, HH:mm')}–${end.toFormat(sameDay ? 'HH:mm' : 'ccc d LLL, HH:mm')} (${zone})`;
}

export function minutesBetween(startsAt: Date, endsAt: Date): number {
  return Math.round((endsAt.getTime() - startsAt.getTime()) / MINUTE);
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * MINUTE);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** What is wrong with a calendar date like 2026-03-02 (the words are the option check's). */
export function dateTrouble(text: string): 'unreadable' | 'not-real' | undefined {
  if (!DATE.test(text.trim())) return 'unreadable';
  return DateTime.fromISO(text.trim(), { zone: 'utc' }).isValid ? undefined : 'not-real';
}

export const isTime = (text: string): boolean => TIME.test(text.trim());

/** The instant of a local date and time in a zone (DST rules from src/scheduling). */
export function localToInstant(date: string, time: string, zone: string): Date {
  const [year, month, day] = date.trim().split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.trim().split(':').map(Number) as [number, number];
  return instantAtLocalTime({ year, month, day, hour, minute }, zone);
}

/** "2026-03-02T18:00": a local wall time as stored on a series. */
export function localStamp(date: string, time: string): string {
  const [hour, minute] = time.trim().split(':');
  return `${date.trim()}T${hour?.padStart(2, '0')}:${minute}`;
}

/** One slot as people type it: `2026-03-02 18:00`. */
export function parseLocalSlot(text: string): { date: string; time: string } | undefined {
  const [date, time, ...rest] = text.trim().split(/[\sT]+/);
  if (!date || !time || rest.length > 0 || dateTrouble(date) || !isTime(time)) return undefined;
  return { date, time };
}
