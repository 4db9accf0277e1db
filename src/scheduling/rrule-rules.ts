// RRULE text: reading and checking a rule (rrule accepts nonsense silently), anchoring it, and
// where to start iterating so an old anchor does not cost thousands of steps per query.
import { DateTime } from 'luxon';
import rrulePkg, { type Options as RRuleOptions } from 'rrule';
import { fail, type Parsed } from './parsed.ts';
import type { RRuleSchedule } from './schedule-spec.ts';
import { DAY, startOfWallDay, weekdayIndexOfWall } from './wall-clock.ts';

// rrule ships CommonJS without an exports map: Node's ESM loader only exposes a default export.
export const { RRule } = rrulePkg;

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

export function numbersIn(value: number | number[] | null | undefined): number[] {
  if (value == null) return [];
  return Array.isArray(value) ? value : [value];
}

export function readRRule(text: string): Parsed<Partial<RRuleOptions>> {
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

export function anchorOf(spec: RRuleSchedule): number {
  return spec.dtstart ? DateTime.fromISO(spec.dtstart, { zone: 'utc' }).toMillis() : DEFAULT_ANCHOR;
}

export function optionsOf(spec: RRuleSchedule): Partial<RRuleOptions> {
  const parsed = readRRule(spec.rrule);
  if (!parsed.ok) throw new RangeError(parsed.reason);
  return parsed.value;
}

/**
 * rrule fills omitted fields (hour, weekday, month day…) from dtstart. Copying those defaults in
 * explicitly lets us move dtstart later without changing what the rule means.
 */
export function withAnchorDefaults(options: Partial<RRuleOptions>, anchor: number): Partial<RRuleOptions> {
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
export function iterationStart(options: Partial<RRuleOptions>, anchor: number, windowStart: number): number {
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
