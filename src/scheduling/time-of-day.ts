// Days of the week and times of day as people write them: "09:30", "9:30 pm", MO..SU.

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

export const DAY_NAMES: Record<WeekdayCode, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

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
