// Checks a form input declares, so every renderer can ask again at once when a value does not
// fit (the Slack modal shows the reason under the input, Discord offers "Try again", the
// playground asks the same question again) instead of after the whole form.
//
// A check is data, not a function: a Slack modal keeps nothing between opening and submitting
// except what it carries (src/adapters/slack/slack-modal.ts), so the checks travel in it and are
// read back with zod. The feature still validates the submission itself: a check is the early,
// kind answer, never the only one.
import { z } from 'zod';
import { english, type Translate } from '../i18n/translate.ts';
import { literal, type MarkupText } from './markup.ts';
import type { FormInput, FormValues } from './views.ts';

export const InputCheckSchema = z.discriminatedUnion('kind', [
  /** A time of day: 17:30, 9:00, 5pm, 5:30 pm. */
  z.object({ kind: z.literal('time') }),
  /** A calendar date written 2026-03-14, that exists (no 2026-02-31). */
  z.object({ kind: z.literal('date') }),
  /** An IANA time zone, like Europe/Berlin. */
  z.object({ kind: z.literal('time-zone') }),
  /** A whole number from `min` to `max`, with what it counts (`hours`). */
  z.object({
    kind: z.literal('whole-number'),
    min: z.number().int(),
    max: z.number().int(),
    unit: z.string().max(30),
  }),
]);

export type InputCheck = z.infer<typeof InputCheckSchema>;

const timeOfDay = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i;

function isTimeOfDay(text: string): boolean {
  const match = timeOfDay.exec(text);
  if (!match) return false;
  const [, h, m, suffix] = match;
  // A bare number is more likely a date or a typo than a time.
  if (m === undefined && suffix === undefined) return false;
  if (m !== undefined && Number(m) > 59) return false;
  const hour = Number(h);
  return suffix === undefined ? hour <= 23 : hour >= 1 && hour <= 12;
}

function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isTimeZone(text: string): boolean {
  if (!text.includes('/') && text !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: text });
    return true;
  } catch {
    return false;
  }
}

const shown = (text: string) => literal(text.length > 30 ? `${text.slice(0, 30)}…` : text);

/** Why `value` does not fit `check`, in the reader's words; undefined when it fits. */
export function checkValue(check: InputCheck, value: string, t: Translate = english): MarkupText | undefined {
  const typed = value.trim();
  switch (check.kind) {
    case 'time':
      return isTimeOfDay(typed) ? undefined : t('chat.inputs.time', { value: shown(typed) });
    case 'date':
      return isDate(typed) ? undefined : t('chat.inputs.date', { value: shown(typed) });
    case 'time-zone':
      return isTimeZone(typed) ? undefined : t('chat.inputs.timeZone', { value: shown(typed) });
    case 'whole-number': {
      const n = /^\d{1,9}$/.test(typed) ? Number(typed) : Number.NaN;
      return Number.isInteger(n) && n >= check.min && n <= check.max
        ? undefined
        : t('chat.inputs.wholeNumber', {
            value: shown(typed),
            // The unit is the form's own word (`hours`), given by the feature that declared the check.
            unit: literal(check.unit),
            min: check.min,
            max: check.max,
          });
    }
  }
}

/** Each input's reason, by input id, for the values that fail their input's check. Empty values are not checked. */
export function checkFormValues(
  inputs: readonly FormInput[],
  values: FormValues,
  t: Translate = english,
): Readonly<Record<string, MarkupText>> {
  const problems: Record<string, MarkupText> = {};
  for (const input of inputs) {
    if (input.type !== 'text' || !input.check) continue;
    const value = values[input.id];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const reason = checkValue(input.check, value, t);
    if (reason) problems[input.id] = reason;
  }
  return problems;
}
