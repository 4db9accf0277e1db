// Recurring schedules: a rule plus an IANA time zone, evaluated to UTC instants. Each job has
// its own file; this one only gathers what the rest of the code (and scheduling/index.ts)
// has always imported from here, so callers need not know the split:
//
//   time-of-day.ts     days of the week and times of day as people write them
//   time-zones.ts      real IANA zones, and "did you mean" for a mistyped one
//   wall-clock.ts      local wall-clock time -> UTC instants, with the DST policy
//   schedule-spec.ts   the zod schemas of a schedule (weekly or RRULE)
//   rrule-rules.ts     reading and checking RRULE text, anchoring, where to iterate from
//   occurrences.ts     the next occurrences, and those in a window
//   schedule-text.ts   schedules typed in words, and described back in words
export { MAX_OCCURRENCES, nextOccurrences, occurrencesBetween } from './occurrences.ts';
export type { Parsed } from './parsed.ts';
export {
  LocalDateTimeSchema,
  parseSchedule,
  type RRuleSchedule,
  RRuleScheduleSchema,
  type Schedule,
  ScheduleSchema,
  TimeOfDaySchema,
  TimeZoneSchema,
  type WeeklySchedule,
  WeeklyScheduleSchema,
} from './schedule-spec.ts';
export { describeSchedule, parseScheduleText } from './schedule-text.ts';
export { formatTimeOfDay, parseTimeOfDay, WEEKDAY_CODES, type WeekdayCode } from './time-of-day.ts';
export {
  isValidTimeZone,
  type TimeZoneTrouble,
  timeZoneProblem,
  typedTimeZoneProblem,
  typedTimeZoneTrouble,
} from './time-zones.ts';
export {
  type GapPolicy,
  instantAtLocalTime,
  type LocalDateTimeFields,
  type LocalTime,
  localTimeInZone,
  type OverlapPolicy,
} from './wall-clock.ts';
