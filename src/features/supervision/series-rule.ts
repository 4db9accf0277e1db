// A series' recurrence: one of three presets or an RFC 5545 RRULE, always with an end. The
// rule is stored without times, DTSTART, COUNT or UNTIL (those are the first start, its zone
// and the last start), so the same text goes into the calendar file as it is. Occurrences come
// from src/scheduling, which owns the DST rules (a wall time in a gap is shifted by the gap, a
// repeated one is the earlier instant).
import { DateTime } from 'luxon';
import { literal, type MarkupText } from '../../chat/markup.ts';
import { english, type Translate } from '../../i18n/index.ts';
import {
  nextOccurrences,
  occurrencesBetween,
  parseSchedule,
  type ScheduleSpec,
} from '../../scheduling/index.ts';
import { localToInstant } from './time.ts';

export const repeatChoices = ['weekly', 'biweekly', 'monthly', 'rrule'] as const;
export type Repeat = (typeof repeatChoices)[number];

/** A series with no end given runs this long; the reply says so. */
export const DEFAULT_SPAN_MONTHS = 12;
export const MAX_SPAN_MONTHS = 24;
export const MAX_SESSIONS = 120;

export interface SeriesRuleInput {
  readonly repeat: Repeat;
  readonly rrule?: string;
  readonly firstDate: string;
  readonly time: string;
  readonly timeZone: string;
  /** Last date (local, inclusive) the series may meet on. */
  readonly until?: string;
  readonly count?: number;
}

export interface SeriesPlan {
  readonly rule: string;
  readonly firstStartLocal: string;
  readonly timeZone: string;
  readonly starts: readonly Date[];
  /** True when no end was given and the default span was used. */
  readonly capped: boolean;
}

export type Planned = { ok: true; value: SeriesPlan } | { ok: false; reason: MarkupText };

const DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const ALLOWED_KEYS = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'WKST']);
const ALLOWED_FREQ = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);

function presetRule(repeat: Exclude<Repeat, 'rrule'>, firstDate: string): string {
  const date = DateTime.fromISO(firstDate, { zone: 'utc' });
  const day = DAY_CODES[date.weekday - 1]!;
  if (repeat === 'weekly') return `FREQ=WEEKLY;BYDAY=${day}`;
  if (repeat === 'biweekly') return `FREQ=WEEKLY;INTERVAL=2;BYDAY=${day}`;
  // Monthly by weekday: "the 2nd Tuesday"; a 5th one means "the last".
  const nth = Math.ceil(date.day / 7);
  return `FREQ=MONTHLY;BYDAY=${nth === 5 ? -1 : nth}${day}`;
}

interface ReadRule {
  readonly rule: string;
  readonly count?: number;
  readonly until?: Date;
}

function readUntil(text: string, zone: string): Date | undefined {
  const utc = /^(\d{8})T(\d{6})Z$/.exec(text);
  if (utc) return DateTime.fromFormat(`${utc[1]}${utc[2]}`, 'yyyyLLddHHmmss', { zone: 'utc' }).toJSDate();
  const day = /^(\d{8})$/.exec(text);
  if (!day) return undefined;
  const date = DateTime.fromFormat(text, 'yyyyLLdd', { zone });
  return date.isValid ? date.endOf('day').toJSDate() : undefined;
}

/** The RRULE a person typed, split into the stored rule and its end. */
function readCustomRule(
  text: string,
  zone: string,
  t: Translate,
): { ok: true; value: ReadRule } | { ok: false; reason: MarkupText } {
  const parts = text
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')
    .filter((p) => p.trim() !== '');
  const kept: string[] = [];
  let count: number | undefined;
  let until: Date | undefined;
  for (const part of parts) {
    const [rawKey, value = ''] = part.split('=');
    const key = (rawKey ?? '').trim().toUpperCase();
    if (key === 'COUNT') {
      count = /^\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isSafeInteger(count) || count < 1)
        return { ok: false, reason: t('supervision.refuse.ruleCount') };
    } else if (key === 'UNTIL') {
      until = readUntil(value.trim(), zone);
      if (!until) return { ok: false, reason: t('supervision.refuse.ruleUntil', { value: literal(value) }) };
    } else if (['BYHOUR', 'BYMINUTE', 'BYSECOND', 'DTSTART'].includes(key)) {
      return { ok: false, reason: t('supervision.refuse.ruleFixedPart', { key: literal(key) }) };
    } else if (!ALLOWED_KEYS.has(key)) {
      return {
        ok: false,
        reason: key
          ? t('supervision.refuse.ruleUnknownPart', { key: literal(key) })
          : t('supervision.refuse.ruleEmptyPart'),
      };
    } else kept.push(`${key}=${value.trim().toUpperCase()}`);
  }
  const freq = kept.find((p) => p.startsWith('FREQ='))?.slice(5);
  if (!freq || !ALLOWED_FREQ.has(freq)) {
    return { ok: false, reason: t('supervision.refuse.ruleFreq') };
  }
  if (count === undefined && until === undefined) {
    return { ok: false, reason: t('supervision.refuse.ruleNoEnd') };
  }
  return {
    ok: true,
    value: { rule: kept.join(';'), ...(count === undefined ? {} : { count }), ...(until ? { until } : {}) },
  };
}

export function scheduleSpec(rule: string, firstStartLocal: string, timeZone: string): ScheduleSpec {
  const [hour, minute] = (firstStartLocal.split('T')[1] ?? '00:00').split(':').map(Number);
  const parsed = parseSchedule({
    kind: 'rrule',
    rrule: `${rule};BYHOUR=${hour};BYMINUTE=${minute};BYSECOND=0`,
    dtstart: firstStartLocal,
    timeZone,
  });
  if (!parsed.ok) throw new RangeError(parsed.reason);
  return parsed.value;
}

/** Every start of the series from its first, up to its end and never more than MAX_SESSIONS. */
export function planSeries(input: SeriesRuleInput, t: Translate = english): Planned {
  const first = localToInstant(input.firstDate, input.time, input.timeZone);
  const firstStartLocal = `${input.firstDate}T${input.time.padStart(5, '0')}`;
  let read: ReadRule;
  if (input.repeat === 'rrule') {
    if (!input.rrule) return { ok: false, reason: t('supervision.refuse.ruleMissing') };
    const custom = readCustomRule(input.rrule, input.timeZone, t);
    if (!custom.ok) return custom;
    read = custom.value;
  } else read = { rule: presetRule(input.repeat, input.firstDate) };
  if (input.count !== undefined) read = { ...read, count: input.count };
  if (input.until !== undefined)
    read = {
      ...read,
      until: DateTime.fromISO(input.until, { zone: input.timeZone }).endOf('day').toJSDate(),
    };

  const checked = parseSchedule({
    kind: 'rrule',
    rrule: read.rule,
    dtstart: firstStartLocal,
    timeZone: input.timeZone,
  });
  // The scheduler's own (English) words on what is wrong with the rule.
  if (!checked.ok)
    return { ok: false, reason: t('supervision.refuse.ruleInvalid', { reason: literal(checked.reason) }) };
  const spec = scheduleSpec(read.rule, firstStartLocal, input.timeZone);
  const maxEnd = DateTime.fromJSDate(first).plus({ months: MAX_SPAN_MONTHS }).toJSDate();
  if (read.until && read.until > maxEnd)
    return { ok: false, reason: t('supervision.refuse.ruleTooLong', { months: MAX_SPAN_MONTHS }) };
  if (read.until && read.until < first)
    return { ok: false, reason: t('supervision.refuse.ruleEndBeforeStart') };
  if (read.count !== undefined && read.count > MAX_SESSIONS)
    return { ok: false, reason: t('supervision.refuse.ruleTooMany', { max: MAX_SESSIONS }) };
  const capped = read.count === undefined && read.until === undefined;
  const end = read.until ?? DateTime.fromJSDate(first).plus({ months: DEFAULT_SPAN_MONTHS }).toJSDate();
  const starts =
    read.count !== undefined
      ? nextOccurrences(spec, new Date(first.getTime() - 1), read.count)
      : occurrencesBetween(spec, first, new Date(end.getTime() + 1)).slice(0, MAX_SESSIONS);
  if (starts[0]?.getTime() !== first.getTime()) {
    return { ok: false, reason: t('supervision.refuse.ruleFirstDate') };
  }
  return { ok: true, value: { rule: read.rule, firstStartLocal, timeZone: input.timeZone, starts, capped } };
}

/** "Every 2 weeks (MO)", for people; the RRULE stays the truth. */
export function describeRule(rule: string, t: Translate = english): MarkupText {
  const parts = Object.fromEntries(rule.split(';').map((p) => p.split('=') as [string, string]));
  const count = Number(parts.INTERVAL ?? '1');
  const freq = parts.FREQ ?? 'WEEKLY';
  const every =
    freq === 'DAILY'
      ? t('supervision.rule.daily', { count })
      : freq === 'WEEKLY'
        ? t('supervision.rule.weekly', { count })
        : freq === 'MONTHLY'
          ? t('supervision.rule.monthly', { count })
          : freq === 'YEARLY'
            ? t('supervision.rule.yearly', { count })
            : t('supervision.rule.repeating');
  return parts.BYDAY ? t('supervision.rule.withDays', { every, days: literal(parts.BYDAY) }) : every;
}
