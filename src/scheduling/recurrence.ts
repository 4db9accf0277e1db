/**
 * Recurring schedules: a rule plus an IANA time zone, evaluated to UTC instants.
 *
 * Rules are evaluated on "wall-clock" time, a local date-time written as if it were UTC
 * (a plain epoch number with no zone), and each wall time is then placed in the zone. That
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
import { DateTime, IANAZone } from 'luxon';
import rrulePkg, { type Options as RRuleOptions } from 'rrule';
import { z } from 'zod';

// rrule ships CommonJS without an exports map: Node's ESM loader only exposes a default export.
const { RRule } = rrulePkg;

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Wider than any DST shift, so windows padded by it never miss an occurrence moved by one. */
const SLACK = 2 * DAY;
/** occurrencesBetween refuses windows that would build absurd arrays. */
export const MAX_OCCURRENCES = 10_000;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });

// ---------------------------------------------------------------------------------------------
// Days and times of day

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

const DAY_NAMES: Record<WeekdayCode, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

/** Monday = 0, as in rrule and ISO. */
function weekdayIndexOfWall(wall: number): number {
  return (new Date(wall).getUTCDay() + 6) % 7;
}

function weekdayOfWall(wall: number): WeekdayCode {
  return WEEKDAY_CODES[weekdayIndexOfWall(wall)]!;
}

function startOfWallDay(wall: number): number {
  return Math.floor(wall / DAY) * DAY;
}

/** Minutes after midnight from "09:30", "9:30", "9am", "9:30 pm"; null when it is not a time. */
export function parseTimeOfDay(text: string): number | null {
  const match = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(text.trim());
  if (!match) return null;
  const [, h, m, suffix] = match;
  // A bare number is more likely a date or a typo than a time.
  if (m === undefined && suffix === undefined) return null;
  const minute = m === undefined ? 0 : Number(m);
  let hour = Number(h);
  if (minute > 59) return null;
  if (suffix === undefined) return hour <= 23 ? hour * 60 + minute : null;
  if (hour < 1 || hour > 12) return null;
  hour = (hour % 12) + (suffix.toLowerCase() === 'pm' ? 12 : 0);
  return hour * 60 + minute;
}

export function formatTimeOfDay(minutes: number): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

// ---------------------------------------------------------------------------------------------
// Time zones

const ZONE_EXAMPLE = 'for example Europe/Berlin or America/New_York';

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** A sentence for a person who typed a zone we do not know, with the closest real one if any. */
export function timeZoneProblem(zone: string): string | null {
  if (isValidTimeZone(zone)) return null;
  const guess = closestZone(zone);
  return guess
    ? `time zone '${zone}' is not a known IANA zone, for example ${guess}`
    : `time zone '${zone}' is not a known IANA zone, ${ZONE_EXAMPLE}`;
}

function closestZone(input: string): string | undefined {
  const wanted = input.trim().toLowerCase().replaceAll(' ', '_');
  if (wanted.length < 3) return undefined;
  let best: { zone: string; distance: number } | undefined;
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    const lower = zone.toLowerCase();
    const city = lower.slice(lower.lastIndexOf('/') + 1);
    const distance = Math.min(editDistance(wanted, lower), editDistance(wanted, city));
    if (!best || distance < best.distance) best = { zone, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(wanted.length / 4)) ? best.zone : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function zoneOrThrow(zone: string): IANAZone {
  const iana = IANAZone.create(zone);
  if (!iana.isValid) throw new RangeError(timeZoneProblem(zone) ?? `time zone '${zone}' is not usable`);
  return iana;
}

// ---------------------------------------------------------------------------------------------
// Wall-clock time <-> instants

/** See the file comment: which instant a nonexistent wall time becomes. */
export type GapPolicy = 'shift-by-gap' | 'end-of-gap';
/** Which of the two instants a wall time that happens twice becomes; schedules use 'earlier'. */
export type OverlapPolicy = 'earlier' | 'later';

function wallAt(instant: number, zone: IANAZone): number {
  return instant + zone.offset(instant) * MINUTE;
}

function instantAtWall(
  wall: number,
  zone: IANAZone,
  gap: GapPolicy,
  overlap: OverlapPolicy = 'earlier',
): number {
  // Offsets a day either side bracket any single transition near this wall time.
  const before = zone.offset(wall - DAY);
  const after = zone.offset(wall + DAY);
  const fits = [wall - before * MINUTE, wall - after * MINUTE].filter((t) => wallAt(t, zone) === wall);
  if (fits.length > 0) return overlap === 'earlier' ? Math.min(...fits) : Math.max(...fits);
  const shifted = wall - before * MINUTE;
  return gap === 'shift-by-gap' ? shifted : firstInstantWithOffsetOf(zone, wall - after * MINUTE, shifted);
}

/** Binary search for the transition between `lo` (old offset) and `hi` (new offset). */
function firstInstantWithOffsetOf(zone: IANAZone, lo: number, hi: number): number {
  const target = zone.offset(hi);
  let low = lo;
  let high = hi;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (zone.offset(mid) === target) high = mid;
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

// ---------------------------------------------------------------------------------------------
// Schemas

export const TimeZoneSchema = z
  .string({ error: `a time zone is required, ${ZONE_EXAMPLE}` })
  .superRefine((zone, ctx) => {
    const problem = timeZoneProblem(zone);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const TimeOfDaySchema = z
  .string({ error: 'a time is required, as HH:MM on a 24-hour clock, for example 09:30' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
    error: (issue) => `time '${String(issue.input)}' must be HH:MM on a 24-hour clock, for example 09:30`,
  });

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** A local date-time without offset: the zone comes from the schedule. */
export const LocalDateTimeSchema = z.string().superRefine((text, ctx) => {
  if (!LOCAL_DATE_TIME.test(text) || !DateTime.fromISO(text, { zone: 'utc' }).isValid) {
    ctx.addIssue({
      code: 'custom',
      message: `dtstart '${text}' must be a local date-time like 2026-03-02T09:00, without a zone or offset`,
    });
  }
});

const WeekdayCodeSchema = z.enum(WEEKDAY_CODES, {
  error: (issue) => `'${String(issue.input)}' is not a day; use MO, TU, WE, TH, FR, SA or SU`,
});

export const WeeklyScheduleSchema = z.object({
  kind: z.literal('weekly'),
  days: z
    .array(WeekdayCodeSchema, { error: 'days must be a list such as ["MO", "WE"]' })
    .min(1, 'pick at least one day')
    .refine((days) => new Set(days).size === days.length, 'each day may appear only once'),
  time: TimeOfDaySchema,
  timeZone: TimeZoneSchema,
});

export const RRuleScheduleSchema = z
  .object({
    kind: z.literal('rrule'),
    rrule: z.string({ error: 'an rrule is required' }).superRefine((text, ctx) => {
      const parsed = readRRule(text);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason });
    }),
    timeZone: TimeZoneSchema,
    dtstart: LocalDateTimeSchema.optional(),
  })
  .superRefine((spec, ctx) => {
    const parsed = readRRule(spec.rrule);
    if (!parsed.ok || spec.dtstart !== undefined) return;
    if (parsed.value.count != null || (parsed.value.interval ?? 1) > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['dtstart'],
        message: 'an rrule with COUNT or INTERVAL needs a dtstart, so we know where counting starts',
      });
    }
  });

export const ScheduleSchema = z.discriminatedUnion('kind', [WeeklyScheduleSchema, RRuleScheduleSchema], {
  error: "a schedule's kind must be 'weekly' or 'rrule'",
});

export type WeeklySchedule = z.infer<typeof WeeklyScheduleSchema>;
export type RRuleSchedule = z.infer<typeof RRuleScheduleSchema>;
export type Schedule = z.infer<typeof ScheduleSchema>;

/** For stored or submitted data: every problem as one sentence a person can act on. */
export function parseSchedule(data: unknown): Parsed<Schedule> {
  const result = ScheduleSchema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  return fail(result.error.issues.map((issue) => issue.message).join('; '));
}

// ---------------------------------------------------------------------------------------------
// RRULE text

const RRULE_EXAMPLE = 'for example FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0';

/** rrule accepts out-of-range numbers silently and yields nothing, so we check them ourselves. */
const RRULE_RANGES = [
  ['byhour', 'BYHOUR', 0, 23],
  ['byminute', 'BYMINUTE', 0, 59],
  ['bysecond', 'BYSECOND', 0, 59],
  ['bymonth', 'BYMONTH', 1, 12],
  ['bymonthday', 'BYMONTHDAY', -31, 31],
  ['byyearday', 'BYYEARDAY', -366, 366],
  ['byweekno', 'BYWEEKNO', -53, 53],
  ['bysetpos', 'BYSETPOS', -366, 366],
] as const;

function numbersIn(value: number | number[] | null | undefined): number[] {
  if (value == null) return [];
  return Array.isArray(value) ? value : [value];
}

function readRRule(text: string): Parsed<Partial<RRuleOptions>> {
  const body = text.trim().replace(/^RRULE:/i, '');
  if (body === '') return fail(`the rrule is empty; write one, ${RRULE_EXAMPLE}`);
  if (/[\r\n]/.test(body) || /(^|;)\s*(DTSTART|TZID)\b/i.test(body)) {
    return fail('put the start in dtstart and the zone in timeZone; the rrule holds only the RRULE part');
  }
  let options: Partial<RRuleOptions>;
  try {
    options = RRule.parseString(body);
  } catch (error) {
    return fail(`rrule '${text}' could not be read (${errorMessage(error)}); ${RRULE_EXAMPLE}`);
  }
  const problem = rruleOptionsProblem(options);
  return problem ? fail(`rrule '${text}': ${problem}`) : { ok: true, value: options };
}

function rruleOptionsProblem(options: Partial<RRuleOptions>): string | null {
  if (options.freq == null) return `FREQ is missing or unknown, ${RRULE_EXAMPLE}`;
  if (options.freq > RRule.DAILY) {
    return 'schedules repeat at most daily; for several times a day use FREQ=DAILY;BYHOUR=9,17';
  }
  if (options.interval != null && !(Number.isInteger(options.interval) && options.interval >= 1)) {
    return 'INTERVAL must be a whole number of at least 1';
  }
  for (const [key, name, min, max] of RRULE_RANGES) {
    const bad = numbersIn(options[key]).find(
      (n) => !Number.isInteger(n) || n < min || n > max || (n === 0 && min < 0),
    );
    if (bad !== undefined)
      return `${name}=${bad} is out of range (${min < 0 ? `±1..${max}` : `${min}..${max}`})`;
  }
  const days = options.byweekday;
  if (Array.isArray(days) && days.some((d) => d == null)) {
    return 'BYDAY has an unknown day; use MO, TU, WE, TH, FR, SA or SU';
  }
  try {
    const first = new RRule({ ...options, dtstart: new Date(DEFAULT_ANCHOR) }).after(
      new Date(DEFAULT_ANCHOR),
      true,
    );
    // Also keeps out rules like BYMONTH=2;BYMONTHDAY=30 that make every query scan to year 9999.
    if (first === null) return 'it never fires; check the BY… parts and UNTIL';
  } catch (error) {
    return `it is not a valid rule (${errorMessage(error)})`;
  }
  return null;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Without dtstart a rule is anchored here: Monday 2001-01-01 00:00 local, so an omitted BYHOUR
 * or BYMINUTE means 00, an omitted weekly BYDAY means Monday, an omitted monthly day means the 1st.
 */
const DEFAULT_ANCHOR = Date.UTC(2001, 0, 1);

function anchorOf(spec: RRuleSchedule): number {
  return spec.dtstart ? DateTime.fromISO(spec.dtstart, { zone: 'utc' }).toMillis() : DEFAULT_ANCHOR;
}

function optionsOf(spec: RRuleSchedule): Partial<RRuleOptions> {
  const parsed = readRRule(spec.rrule);
  if (!parsed.ok) throw new RangeError(parsed.reason);
  return parsed.value;
}

/**
 * rrule fills omitted fields (hour, weekday, month day…) from dtstart. Copying those defaults in
 * explicitly lets us move dtstart later without changing what the rule means.
 */
function withAnchorDefaults(options: Partial<RRuleOptions>, anchor: number): Partial<RRuleOptions> {
  const probe = new RRule({ ...options, dtstart: new Date(anchor) }).options;
  const explicit = { ...options, byhour: probe.byhour, byminute: probe.byminute, bysecond: probe.bysecond };
  if (options.bymonthday == null && probe.bymonthday.length > 0) explicit.bymonthday = probe.bymonthday;
  if (options.bymonth == null && probe.bymonth) explicit.bymonth = probe.bymonth;
  if (options.byweekday == null && probe.byweekday) explicit.byweekday = probe.byweekday;
  return explicit;
}

/**
 * rrule always iterates from dtstart, which makes a daily rule anchored years ago cost thousands
 * of steps per query. Starting instead at the first day of a period a whole number of INTERVALs
 * later (and before the window) gives the same occurrences. COUNT counts from the real start,
 * so those rules are never moved.
 */
function iterationStart(options: Partial<RRuleOptions>, anchor: number, windowStart: number): number {
  if (options.count != null) return anchor;
  const interval = options.interval ?? 1;
  const skip = (periods: number): number => Math.max(0, Math.floor(periods / interval) - 1) * interval;
  const a = new Date(anchor);
  const w = new Date(windowStart);
  switch (options.freq) {
    case RRule.YEARLY: {
      const k = skip(w.getUTCFullYear() - a.getUTCFullYear());
      return k > 0 ? Date.UTC(a.getUTCFullYear() + k, 0, 1) : anchor;
    }
    case RRule.MONTHLY: {
      const months = (d: Date): number => d.getUTCFullYear() * 12 + d.getUTCMonth();
      const k = skip(months(w) - months(a));
      return k > 0 ? Date.UTC(a.getUTCFullYear(), a.getUTCMonth() + k, 1) : anchor;
    }
    case RRule.WEEKLY: {
      const wkst = typeof options.wkst === 'number' ? options.wkst : (options.wkst?.weekday ?? 0);
      const weekStart = (wall: number): number =>
        startOfWallDay(wall) - ((weekdayIndexOfWall(wall) - wkst + 7) % 7) * DAY;
      const k = skip(Math.round((weekStart(windowStart) - weekStart(anchor)) / (7 * DAY)));
      return k > 0 ? weekStart(anchor) + k * 7 * DAY : anchor;
    }
    default: {
      const k = skip(Math.round((startOfWallDay(windowStart) - startOfWallDay(anchor)) / DAY));
      return k > 0 ? startOfWallDay(anchor) + k * DAY : anchor;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Occurrences

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

// ---------------------------------------------------------------------------------------------
// Friendly text

const ALL_DAYS: readonly WeekdayCode[] = WEEKDAY_CODES;
const WORKDAYS: readonly WeekdayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR'];
const WEEKEND: readonly WeekdayCode[] = ['SA', 'SU'];

const DAY_GROUPS: Record<string, readonly WeekdayCode[]> = {
  daily: ALL_DAYS,
  everyday: ALL_DAYS,
  day: ALL_DAYS,
  days: ALL_DAYS,
  weekday: WORKDAYS,
  weekdays: WORKDAYS,
  weekend: WEEKEND,
  weekends: WEEKEND,
};

const FILLER = new Set(['every', 'each', 'on', 'at', 'and']);
const TEXT_EXAMPLE =
  "for example 'mon,wed,fri 09:30', 'weekdays 17:00' or 'every monday 10:00 Europe/Berlin'";

function dayFromWord(word: string): WeekdayCode | undefined {
  const candidates = word.endsWith('s') ? [word, word.slice(0, -1)] : [word];
  return WEEKDAY_CODES.find((code) =>
    candidates.some((w) => w.length >= 2 && DAY_NAMES[code].toLowerCase().startsWith(w)),
  );
}

function daysFromWord(word: string): readonly WeekdayCode[] | undefined {
  const group = DAY_GROUPS[word];
  if (group) return group;
  const [first, last, ...rest] = word.split('-');
  if (last === undefined) {
    const day = dayFromWord(word);
    return day ? [day] : undefined;
  }
  const start = first === undefined ? undefined : dayFromWord(first);
  const end = dayFromWord(last);
  if (!start || !end || rest.length > 0) return undefined;
  const from = WEEKDAY_CODES.indexOf(start);
  const length = ((WEEKDAY_CODES.indexOf(end) - from + 7) % 7) + 1;
  return Array.from({ length }, (_, i) => WEEKDAY_CODES[(from + i) % 7]!);
}

function looksLikeZone(token: string): boolean {
  return token.includes('/') || /^(utc|gmt)$/i.test(token);
}

const LOOKS_LIKE_TIME = /^\d{1,2}(:\d{2})?(am|pm)$|^\d{1,2}:\d{2}$/;

interface TextParts {
  readonly days: Set<WeekdayCode>;
  readonly times: number[];
  timeZone: string | undefined;
}

/** Files one token under days, time or zone; returns a reason when it is none of them. */
function readToken(token: string, parts: TextParts): string | null {
  const word = token.toLowerCase();
  if (FILLER.has(word)) return null;
  const time = parseTimeOfDay(word);
  if (time !== null) {
    parts.times.push(time);
    return null;
  }
  const days = daysFromWord(word);
  if (days) {
    for (const day of days) parts.days.add(day);
    return null;
  }
  if (looksLikeZone(token)) {
    parts.timeZone = token;
    return null;
  }
  return LOOKS_LIKE_TIME.test(word)
    ? `'${token}' is not a time of day; use 24-hour HH:MM such as 09:30, or 9:30am`
    : `I didn't understand '${token}'; write the days and a time, ${TEXT_EXAMPLE}`;
}

function missingPart(parts: TextParts): string | null {
  if (parts.days.size === 0) return `say which days, ${TEXT_EXAMPLE}`;
  if (parts.times.length === 0) return `add a time such as 09:30 (24-hour), ${TEXT_EXAMPLE}`;
  if (parts.times.length > 1)
    return 'one time per schedule, please; add a second schedule for the other time';
  if (parts.timeZone === undefined)
    return 'add a time zone at the end, for example "mon 09:30 Europe/Berlin"';
  return null;
}

/**
 * The form people type in commands: "mon,wed,fri 09:30", "weekdays 17:00", "daily 8am",
 * "every monday 10:00 Europe/Berlin", "mon-fri 9:00". A zone in the text wins over the default.
 */
export function parseScheduleText(text: string, defaultTimeZone?: string): Parsed<WeeklySchedule> {
  const parts: TextParts = { days: new Set(), times: [], timeZone: defaultTimeZone };
  // "9 am" is one token to a person, so glue it before splitting on spaces.
  const tokens = text.replace(/(\d)\s+(am|pm)\b/gi, '$1$2').split(/[\s,&+]+/);
  for (const token of tokens.filter((t) => t !== '')) {
    const problem = readToken(token, parts);
    if (problem) return fail(problem);
  }
  const missing = missingPart(parts);
  if (missing) return fail(missing);
  const result = WeeklyScheduleSchema.safeParse({
    kind: 'weekly',
    days: WEEKDAY_CODES.filter((d) => parts.days.has(d)),
    time: formatTimeOfDay(parts.times[0] ?? 0),
    timeZone: parts.timeZone,
  });
  return result.success
    ? { ok: true, value: result.data }
    : fail(result.error.issues.map((i) => i.message).join('; '));
}

function joinWithAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

function sameDays(a: readonly WeekdayCode[], b: readonly WeekdayCode[]): boolean {
  return a.length === b.length && b.every((d) => a.includes(d));
}

function describeDays(days: readonly WeekdayCode[]): string {
  if (sameDays(days, ALL_DAYS)) return 'Every day';
  if (sameDays(days, WORKDAYS)) return 'Weekdays';
  if (sameDays(days, WEEKEND)) return 'Weekends';
  return joinWithAnd(WEEKDAY_CODES.filter((d) => days.includes(d)).map((d) => `${DAY_NAMES[d]}s`));
}

function describeRRule(spec: RRuleSchedule): string {
  const options = withAnchorDefaults(optionsOf(spec), anchorOf(spec));
  const times = numbersIn(options.byhour).flatMap((h) => numbersIn(options.byminute).map((m) => h * 60 + m));
  // rrule's own text renders times as "at 9"; we drop them there and add HH:MM ourselves.
  const dateOnly = {
    ...options,
    byhour: null,
    byminute: null,
    bysecond: null,
    dtstart: new Date(anchorOf(spec)),
  };
  const dateText = new RRule(dateOnly).toText();
  const timeText = joinWithAnd([...new Set(times)].sort((a, b) => a - b).map(formatTimeOfDay));
  return `${dateText.charAt(0).toUpperCase()}${dateText.slice(1)} at ${timeText}`;
}

/** "Mondays, Wednesdays and Fridays at 09:30 (Europe/Berlin)". */
export function describeSchedule(spec: Schedule): string {
  const what = spec.kind === 'weekly' ? `${describeDays(spec.days)} at ${spec.time}` : describeRRule(spec);
  return `${what} (${spec.timeZone})`;
}
