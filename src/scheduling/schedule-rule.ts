// How a Schedule row's `rule` column holds its recurrence. Two forms are read:
//   - JSON of a recurrence.ts spec without its zone:
//       {"kind":"weekly","days":["MO","TH"],"time":"09:30"}
//       {"kind":"rrule","rrule":"FREQ=DAILY;BYHOUR=9;BYMINUTE=0","dtstart":"2026-03-02T09:00"}
//   - a bare RRULE, for hand-written rows: FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0
// The zone is always the row's `timeZone` column (one source of truth, queryable), never the
// rule. encodeScheduleRule writes the JSON form.
import type { Parsed } from './parsed.ts';
import { parseSchedule, type Schedule as RecurrenceSpec } from './schedule-spec.ts';

export function encodeScheduleRule(spec: RecurrenceSpec): { rule: string; timeZone: string } {
  const { timeZone, ...rest } = spec;
  return { rule: JSON.stringify(rest), timeZone };
}

export function decodeScheduleRule(row: {
  readonly rule: string;
  readonly timeZone: string;
}): Parsed<RecurrenceSpec> {
  const text = row.rule.trim();
  if (!text.startsWith('{')) return parseSchedule({ kind: 'rrule', rrule: text, timeZone: row.timeZone });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the rule is neither JSON nor an RRULE' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, reason: 'the rule must be a JSON object or an RRULE' };
  }
  return parseSchedule({ ...data, timeZone: row.timeZone });
}
