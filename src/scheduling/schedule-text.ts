// Schedules in words: what people type in a command ("weekdays 17:00 Europe/Berlin") read into
// a weekly schedule, and any schedule described back ("Mondays and Fridays at 09:30 (UTC)").
import { fail, type Parsed } from './parsed.ts';
import { anchorOf, numbersIn, optionsOf, RRule, withAnchorDefaults } from './rrule-rules.ts';
import {
  type RRuleSchedule,
  type Schedule,
  type WeeklySchedule,
  WeeklyScheduleSchema,
} from './schedule-spec.ts';
import {
  DAY_NAMES,
  formatTimeOfDay,
  parseTimeOfDay,
  WEEKDAY_CODES,
  type WeekdayCode,
} from './time-of-day.ts';

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
