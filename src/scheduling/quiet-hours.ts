/**
 * Quiet hours: a daily window of local wall-clock time in the member's own zone during which
 * non-urgent messages wait. A moment is quiet when the member's clock reads a time in
 * [start, end); so on a DST day the window follows the clock, not a fixed number of hours.
 */
import { z } from 'zod';
import { formatTimeOfDay, parseTimeOfDay } from './time-of-day.ts';
import { instantAtLocalTime, localTimeInZone } from './wall-clock.ts';

const MinuteOfDaySchema = z
  .number({ error: 'quiet hours are minutes after midnight' })
  .int('quiet hours are whole minutes after midnight')
  .min(0, 'quiet hours start at 0 (midnight) at the earliest')
  .max(1439, 'quiet hours end at 1439 (23:59) at the latest');

/** Minutes after local midnight. start > end wraps midnight; start == end means none. */
export const QuietHoursSchema = z.object({ start: MinuteOfDaySchema, end: MinuteOfDaySchema });
export type QuietHours = z.infer<typeof QuietHoursSchema>;

export const NO_QUIET_HOURS: QuietHours = { start: 0, end: 0 };

/**
 * A member with quiet hours but no zone on record: reading the hours as UTC still holds some
 * messages back, where ignoring them would deliver in the middle of someone's night.
 */
const ZONE_WHEN_UNKNOWN = 'UTC';

function quietAtMinute(minuteOfDay: number, quiet: QuietHours): boolean {
  if (quiet.start === quiet.end) return false;
  return quiet.start < quiet.end
    ? minuteOfDay >= quiet.start && minuteOfDay < quiet.end
    : minuteOfDay >= quiet.start || minuteOfDay < quiet.end;
}

export function isQuiet(instant: Date, quiet: QuietHours, zone: string): boolean {
  return quietAtMinute(localTimeInZone(instant, zone).minuteOfDay, quiet);
}

/**
 * When the quiet period `instant` falls in ends; `instant` itself when it is not quiet.
 * An end time that does not exist that day (DST gap) ends at the jump, the first moment the
 * clock reads past it. An end time that happens twice (fall back) ends at the first of them
 * still ahead of `instant`.
 */
export function quietEndsAt(instant: Date, quiet: QuietHours, zone: string): Date {
  const local = localTimeInZone(instant, zone);
  if (!quietAtMinute(local.minuteOfDay, quiet)) return new Date(instant.getTime());
  // Before midnight in a window that wraps, the end is on the next local day.
  const endsNextDay = quiet.start > quiet.end && local.minuteOfDay >= quiet.start;
  const end = {
    year: local.year,
    month: local.month,
    day: local.day + (endsNextDay ? 1 : 0),
    hour: Math.floor(quiet.end / 60),
    minute: quiet.end % 60,
  };
  const first = instantAtLocalTime(end, zone, { gap: 'end-of-gap', overlap: 'earlier' });
  if (first > instant) return first;
  // Already in the repeated hour after a fall back: the first reading of `end` has passed.
  return instantAtLocalTime(end, zone, { gap: 'end-of-gap', overlap: 'later' });
}

/** When a message may reach the member: urgent ones and ones outside quiet hours go at once. */
export function deliverableAt(
  instant: Date,
  quiet: QuietHours | null,
  zone: string | null,
  urgent: boolean,
): Date {
  if (urgent || quiet === null) return new Date(instant.getTime());
  return quietEndsAt(instant, quiet, zone ?? ZONE_WHEN_UNKNOWN);
}

const QUIET_EXAMPLE = "write them as start-end on a 24-hour clock, for example 21:00-07:00, or 'off'";

/** What is wrong with typed quiet hours, for the reader's own words (teams' catalog). */
export type QuietHoursProblem =
  | { readonly kind: 'unreadable'; readonly text: string }
  | { readonly kind: 'not-a-time'; readonly text: string }
  | { readonly kind: 'same-start-and-end' };

export type QuietHoursParse =
  | { ok: true; value: QuietHours }
  | { ok: false; reason: string; problem: QuietHoursProblem };

const englishProblem = (problem: QuietHoursProblem): string => {
  switch (problem.kind) {
    case 'unreadable':
      return `I couldn't read '${problem.text}' as quiet hours; ${QUIET_EXAMPLE}`;
    case 'not-a-time':
      return `'${problem.text}' is not a time of day; ${QUIET_EXAMPLE}`;
    case 'same-start-and-end':
      return "quiet hours need different start and end times; say 'off' for no quiet hours";
  }
};

const refused = (problem: QuietHoursProblem): QuietHoursParse => ({
  ok: false,
  reason: englishProblem(problem),
  problem,
});

/**
 * "21:00-07:00", "22:30 to 6:45", "9pm-7am"; "off" or "none" for no quiet hours. A refusal
 * carries its `problem` for the reader's language and `reason` in English.
 */
export function parseQuietHours(text: string): QuietHoursParse {
  const trimmed = text.trim().toLowerCase();
  if (['off', 'none', 'no'].includes(trimmed)) return { ok: true, value: { ...NO_QUIET_HOURS } };
  const [startText, endText, ...rest] = trimmed.split(/\s*(?:-|–|—|\bto\b|\buntil\b)\s*/);
  if (!startText || !endText || rest.length > 0) return refused({ kind: 'unreadable', text: text.trim() });
  const start = parseTimeOfDay(startText);
  const end = parseTimeOfDay(endText);
  if (start === null || end === null)
    return refused({ kind: 'not-a-time', text: start === null ? startText : endText });
  if (start === end) return refused({ kind: 'same-start-and-end' });
  return { ok: true, value: { start, end } };
}

/** Round-trips through parseQuietHours. */
export function formatQuietHours(quiet: QuietHours): string {
  if (quiet.start === quiet.end) return 'off';
  return `${formatTimeOfDay(quiet.start)}-${formatTimeOfDay(quiet.end)}`;
}
