// What a schedule is, as zod schemas: weekly (days + HH:MM) or an RFC 5545 RRULE, plus an IANA
// zone. Every problem is a sentence a person can act on.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { fail, type Parsed } from './parsed.ts';
import { readRRule } from './rrule-rules.ts';
import { WEEKDAY_CODES } from './time-of-day.ts';
import { timeZoneProblem, ZONE_EXAMPLE } from './time-zones.ts';

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
