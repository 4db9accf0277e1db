/**
 * Wall-clock time: a local date-time written as if it were UTC (a plain epoch number with no
 * zone), and the one place where such a time becomes an instant in a zone, with the DST policy.
 *
 * Schedules are evaluated on wall-clock time and each wall time is then placed in the zone. That
 * keeps rrule away from time zones entirely (its tzid support is fragile) and puts every DST
 * decision in one function, `instantAtWall`, with these rules:
 *
 * - Gap (spring forward): a wall time that does not exist fires ONCE, shifted forward by the
 *   size of the gap, i.e. read with the offset in force before the jump.
 *   Berlin 2026-03-29 02:30 -> 03:30 CEST = 01:30Z; New York 2026-03-08 02:30 -> 03:30 EDT = 07:30Z.
 * - Overlap (fall back): a wall time that happens twice fires ONCE, at the EARLIER instant.
 *   New York 2026-11-01 01:30 -> 01:30 EDT = 05:30Z (not 06:30Z).
 *   Luxon picks the later instant on its own (verified: 06:30Z), hence the explicit rule.
 *
 * Quiet hours need a different gap rule (the first instant the clock reads past the end,
 * i.e. the moment of the jump), so the gap policy is a parameter.
 */
import type { IANAZone } from 'luxon';
import { WEEKDAY_CODES, type WeekdayCode } from './time-of-day.ts';
import { zoneOrThrow } from './time-zones.ts';

export const MINUTE = 60_000;
export const DAY = 86_400_000;

/** Monday = 0, as in rrule and ISO. */
export function weekdayIndexOfWall(wall: number): number {
  return (new Date(wall).getUTCDay() + 6) % 7;
}

export function weekdayOfWall(wall: number): WeekdayCode {
  return WEEKDAY_CODES[weekdayIndexOfWall(wall)]!;
}

export function startOfWallDay(wall: number): number {
  return Math.floor(wall / DAY) * DAY;
}

/** See the file comment: which instant a nonexistent wall time becomes. */
export type GapPolicy = 'shift-by-gap' | 'end-of-gap';
/** Which of the two instants a wall time that happens twice becomes; schedules use 'earlier'. */
export type OverlapPolicy = 'earlier' | 'later';

// Luxon computes an offset with Intl's formatToParts, a few microseconds each; a tick evaluates
// hundreds of schedules at the same few instants in the same few zones, so the answers are kept
// (a zone's offset at an instant never changes within a process; the map is bounded).
const offsets = new Map<string, number>();
const OFFSETS_KEPT = 4096;

/** Minutes east of UTC in `zone` at `instant`. */
function offsetAt(zone: IANAZone, instant: number): number {
  const key = `${zone.name}@${instant}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const offset = zone.offset(instant);
  if (offsets.size >= OFFSETS_KEPT) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

export function wallAt(instant: number, zone: IANAZone): number {
  return instant + offsetAt(zone, instant) * MINUTE;
}

export function instantAtWall(
  wall: number,
  zone: IANAZone,
  gap: GapPolicy,
  overlap: OverlapPolicy = 'earlier',
): number {
  // Offsets a day either side bracket any single transition near this wall time.
  const before = offsetAt(zone, wall - DAY);
  const after = offsetAt(zone, wall + DAY);
  const fits = [wall - before * MINUTE, wall - after * MINUTE].filter((t) => wallAt(t, zone) === wall);
  if (fits.length > 0) return overlap === 'earlier' ? Math.min(...fits) : Math.max(...fits);
  const shifted = wall - before * MINUTE;
  return gap === 'shift-by-gap' ? shifted : firstInstantWithOffsetOf(zone, wall - after * MINUTE, shifted);
}

/** Binary search for the transition between `lo` (old offset) and `hi` (new offset). */
function firstInstantWithOffsetOf(zone: IANAZone, lo: number, hi: number): number {
  const target = offsetAt(zone, hi);
  let low = lo;
  let high = hi;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (offsetAt(zone, mid) === target) high = mid;
    else low = mid;
  }
  return high;
}

export interface LocalTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly weekday: WeekdayCode;
  /** Minutes after local midnight, fractional when seconds are not zero. */
  readonly minuteOfDay: number;
}

export function localTimeInZone(instant: Date, zone: string): LocalTime {
  const wall = wallAt(instant.getTime(), zoneOrThrow(zone));
  const d = new Date(wall);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: weekdayOfWall(wall),
    minuteOfDay: (wall - startOfWallDay(wall)) / MINUTE,
  };
}

export interface LocalDateTimeFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second?: number;
}

/**
 * The UTC instant of a local date-time in `zone`, by default with the schedule DST rules in the
 * file comment. Fields may overflow as in Date.UTC (day 32 is the next month's 1st).
 */
export function instantAtLocalTime(
  local: LocalDateTimeFields,
  zone: string,
  policy: { readonly gap?: GapPolicy; readonly overlap?: OverlapPolicy } = {},
): Date {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second ?? 0);
  return new Date(instantAtWall(wall, zoneOrThrow(zone), policy.gap ?? 'shift-by-gap', policy.overlap));
}
