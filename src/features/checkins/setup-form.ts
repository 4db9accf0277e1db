// The check-in set-up form (admins and supervisors): name, questions, days and time, whose
// clock, how long a round stays open, and how the digest comes. Every value goes through
// zod-backed parsing; a refusal names what to change and nothing is saved.
import { z } from 'zod';
import { type Form, type FormValues, literal } from '../../chat/index.ts';
import { english, type Translate } from '../../i18n/index.ts';
import { parseScheduleText, type WeekdayCode } from '../../scheduling/index.ts';
import type { Refusal } from './context.ts';
import {
  type Question,
  questionsFromText,
  questionsToText,
  supportCircle,
  supportCircleName,
} from './questions.ts';

export interface CheckinDefinition {
  readonly name: string;
  readonly questions: Question[];
  /** Empty: only by `/peer checkin now`. */
  readonly days: WeekdayCode[];
  readonly time: string;
  /** The zone of a team-time check-in (the team's, unless the text named one). */
  readonly timeZone: string;
  readonly timeMode: 'team' | 'member';
  readonly openHours: number;
  readonly digestMode: 'close' | 'live';
}

const DAY_NAMES: Record<WeekdayCode, string> = {
  MO: 'mon',
  TU: 'tue',
  WE: 'wed',
  TH: 'thu',
  FR: 'fri',
  SA: 'sat',
  SU: 'sun',
};
const HOURS_IN = { daily: 24, weekly: 168 };

export interface SetupDefaults {
  readonly name?: string;
  readonly questions?: readonly Question[];
  readonly days?: readonly string[];
  readonly time?: string;
  readonly timeMode?: string;
  readonly openHours?: number;
  readonly digestMode?: string;
}

export function setupForm(
  teamZone: string,
  existing?: SetupDefaults & { id: string },
  t: Translate = english,
): Form {
  const days = existing?.days?.length
    ? existing.days.map((d) => DAY_NAMES[d as WeekdayCode] ?? d).join(',')
    : 'mon';
  return {
    formId: 'checkins:setup',
    title: existing ? t('checkins.setup.titleEdit') : t('checkins.setup.titleNew'),
    submitLabel: t('checkins.setup.save'),
    ...(existing ? { context: existing.id } : {}),
    intro: t('checkins.setup.intro', { zone: literal(teamZone) }),
    inputs: [
      {
        id: 'name',
        type: 'text',
        label: t('checkins.setup.name'),
        initial: existing?.name ?? supportCircleName,
        maxLength: 60,
      },
      {
        id: 'questions',
        type: 'text',
        label: t('checkins.setup.questions'),
        multiline: true,
        hint: t('checkins.setup.questionsHint'),
        initial: questionsToText(existing?.questions ?? supportCircle),
        maxLength: 1000,
      },
      {
        id: 'when',
        type: 'text',
        label: t('checkins.setup.when'),
        hint: t('checkins.setup.whenHint'),
        initial: `${days} ${existing?.time ?? '09:00'}`,
      },
      {
        id: 'clock',
        type: 'select',
        label: t('checkins.setup.clock'),
        choices: [
          { label: t('checkins.setup.teamTime'), value: 'team' },
          { label: t('checkins.setup.memberTime'), value: 'member' },
        ],
        initial: existing?.timeMode ?? 'team',
      },
      {
        id: 'hours',
        type: 'text',
        label: t('checkins.setup.hours'),
        initial: String(existing?.openHours ?? 24),
        maxLength: 4,
        check: { kind: 'whole-number', min: 1, max: 336, unit: 'hours' },
      },
      {
        id: 'digest',
        type: 'select',
        label: t('checkins.setup.digest'),
        choices: [
          { label: t('checkins.setup.digestClose'), value: 'close' },
          { label: t('checkins.setup.digestLive'), value: 'live' },
        ],
        initial: existing?.digestMode ?? 'close',
      },
    ],
  };
}

const text = (values: FormValues, id: string): string => {
  const value = values[id];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).toString().trim();
};

/** The shortest gap between two occurrences of a weekly rule, in hours (a week for one day). */
function shortestGapHours(days: readonly WeekdayCode[]): number {
  const order = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  const indexes = days.map((d) => order.indexOf(d)).sort((a, b) => a - b);
  if (indexes.length <= 1) return HOURS_IN.weekly;
  let shortest = 7;
  for (const [i, day] of indexes.entries()) {
    const next = indexes[(i + 1) % indexes.length] ?? day;
    shortest = Math.min(shortest, (next - day + 7) % 7 || 7);
  }
  return shortest * HOURS_IN.daily;
}

export type SetupOutcome = { ok: true; value: CheckinDefinition } | { ok: false; reason: Refusal };

export function parseSetup(values: FormValues, teamZone: string): SetupOutcome {
  const name = z.string().min(1).max(60).safeParse(text(values, 'name'));
  if (!name.success) return { ok: false, reason: (t) => t('checkins.setup.badName') };
  const questions = questionsFromText(text(values, 'questions'));
  if (!questions.ok) return questions;
  const when = text(values, 'when');
  let days: WeekdayCode[] = [];
  let time = '09:00';
  let timeZone = teamZone;
  if (!/^(none|on demand)$/i.test(when)) {
    const schedule = parseScheduleText(when, teamZone);
    // The scheduler's reason is its own (English) sentence quoting what was typed: shown as
    // written, never read as markup.
    if (!schedule.ok) {
      const reason = literal(schedule.reason);
      return { ok: false, reason: (t) => t('checkins.setup.badSchedule', { reason }) };
    }
    days = schedule.value.days;
    time = schedule.value.time;
    timeZone = schedule.value.timeZone;
  }
  const clock = z.enum(['team', 'member']).safeParse(text(values, 'clock') || 'team');
  if (!clock.success) return { ok: false, reason: (t) => t('checkins.setup.badClock') };
  const hoursText = text(values, 'hours') || '24';
  const hours = /^\d{1,4}$/.test(hoursText) ? Number(hoursText) : Number.NaN;
  if (!Number.isInteger(hours) || hours < 1 || hours > 336)
    return {
      ok: false,
      reason: (t) => t('checkins.setup.badHours', { hours: literal(hoursText.slice(0, 20)) }),
    };
  const gap = shortestGapHours(days);
  if (days.length > 0 && hours > gap)
    return { ok: false, reason: (t) => t('checkins.setup.overlap', { hours, gap }) };
  const digest = z.enum(['close', 'live']).safeParse(text(values, 'digest') || 'close');
  if (!digest.success) return { ok: false, reason: (t) => t('checkins.setup.badDigest') };
  return {
    ok: true,
    value: {
      name: name.data,
      questions: questions.value,
      days,
      time,
      timeZone,
      timeMode: clock.data,
      openHours: hours,
      digestMode: digest.data,
    },
  };
}
