// The occurrences of a schedule: the next few after an instant, or all in a window, as UTC
// instants. Rules run on wall-clock time (wall-clock.ts), so rrule never sees a time zone.
import type { IANAZone } from 'luxon';
import { anchorOf, iterationStart, optionsOf, RRule, withAnchorDefaults } from './rrule-rules.ts';
import type { RRuleSchedule, Schedule, WeeklySchedule } from './schedule-spec.ts';
import { parseTimeOfDay } from './time-of-day.ts';
import { zoneOrThrow } from './time-zones.ts';
import { DAY, instantAtWall, MINUTE, startOfWallDay, wallAt, weekdayOfWall } from './wall-clock.ts';

/** Wider than any DST shift, so windows padded by it never miss an occurrence moved by one. */
const SLACK = 2 * DAY;
/** occurrencesBetween refuses windows that would build absurd arrays. */
export const MAX_OCCURRENCES = 10_000;

/** Receives each occurrence in wall-time order; returns false to stop. */
type Visit = (instant: number, wall: number) => boolean;

function visitWeekly(spec: WeeklySchedule, zone: IANAZone, fromWall: number, visit: Visit): void {
  const minutes = parseTimeOfDay(spec.time);
  const days = new Set(spec.days);
  if (minutes === null || days.size === 0)
    throw new RangeError(`invalid weekly schedule ${JSON.stringify(spec)}`);
  for (let day = startOfWallDay(fromWall); ; day += DAY) {
    if (!days.has(weekdayOfWall(day))) continue;
    const wall = day + minutes * MINUTE;
    if (!visit(instantAtWall(wall, zone, 'shift-by-gap'), wall)) return;
  }
}

function visitRRule(spec: RRuleSchedule, zone: IANAZone, fromWall: number, visit: Visit): void {
  const anchor = anchorOf(spec);
  const options = withAnchorDefaults(optionsOf(spec), anchor);
  const rule = new RRule({ ...options, dtstart: new Date(iterationStart(options, anchor, fromWall)) });
  rule.all((date) => visit(instantAtWall(date.getTime(), zone, 'shift-by-gap'), date.getTime()));
}

function visitOccurrences(spec: Schedule, fromWall: number, visit: Visit): void {
  const zone = zoneOrThrow(spec.timeZone);
  if (spec.kind === 'weekly') visitWeekly(spec, zone, fromWall, visit);
  else visitRRule(spec, zone, fromWall, visit);
}

function sortedDates(instants: Set<number>): Date[] {
  return [...instants].sort((a, b) => a - b).map((ms) => new Date(ms));
}

/**
 * The first `count` occurrences strictly after `after`. Two wall times can land on the same
 * instant around a DST gap (02:30 shifted to 03:30 next to a real 03:30); such a pair counts once.
 */
export function nextOccurrences(spec: Schedule, after: Date, count: number): Date[] {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number, got ${count}`);
  if (count === 0) return [];
  const afterMs = after.getTime();
  const zone = zoneOrThrow(spec.timeZone);
  const found = new Set<number>();
  let stopWall = Number.POSITIVE_INFINITY;
  visitOccurrences(spec, wallAt(afterMs, zone) - SLACK, (instant, wall) => {
    if (wall > stopWall) return false;
    if (instant > afterMs) found.add(instant);
    // Gap shifts can reorder instants slightly, so look a little past the count-th one.
    if (found.size >= count && stopWall === Number.POSITIVE_INFINITY) stopWall = wall + SLACK;
    return true;
  });
  return sortedDates(found).slice(0, count);
}

/** Occurrences in the half-open window [from, to): a window's end is the next one's start. */
export function occurrencesBetween(spec: Schedule, from: Date, to: Date): Date[] {
  const fromMs = from.getTime();
  const toMs = to.getTime();
  if (!(fromMs < toMs)) return [];
  const zone = zoneOrThrow(spec.timeZone);
  const stopWall = wallAt(toMs, zone) + SLACK;
  const found = new Set<number>();
  visitOccurrences(spec, wallAt(fromMs, zone) - SLACK, (instant, wall) => {
    if (wall > stopWall) return false;
    if (instant >= fromMs && instant < toMs) found.add(instant);
    if (found.size > MAX_OCCURRENCES) {
      throw new RangeError(
        `more than ${MAX_OCCURRENCES} occurrences between ${from.toISOString()} and ${to.toISOString()}`,
      );
    }
    return true;
  });
  return sortedDates(found);
}
