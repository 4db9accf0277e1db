// Option checks shared by the supervision commands: each returns a plain sentence or nothing.
import { refProblem } from './context.ts';
import { dateProblem, parseLocalSlot, timeProblem, zoneProblem } from './time.ts';

export const checkDate = (v: string) => dateProblem(v);
export const checkTime = (v: string) => timeProblem(v);
export const checkZone = (v: string) => zoneProblem(v);
export const checkRef = (v: string) => refProblem(v);

export const lengthOption = {
  type: 'integer',
  description: 'Length in minutes (10 to 480)',
  min: 10,
  max: 480,
} as const;

/** "2026-03-02 18:00, 2026-03-03 09:30": slots as people type them. */
export function splitSlots(text: string): string[] {
  return text
    .split(/[,;\n]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function checkSlots(text: string): string | undefined {
  const bad = splitSlots(text).find((s) => !parseLocalSlot(s));
  return bad === undefined
    ? undefined
    : `'${bad}' is not a slot I can read. Write each like 2026-03-02 18:00, separated by commas.`;
}

/** `<#C123>`, `<#C123|name>` (Slack), `<#123>` (Discord), `#name` (shell). */
export function parseChannel(text: string): string | undefined {
  const tagged = /^<#([A-Za-z0-9]+)(\|[^>]*)?>$/.exec(text.trim());
  if (tagged) return tagged[1];
  const plain = /^#?([A-Za-z0-9._-]{1,80})$/.exec(text.trim());
  return plain?.[1];
}

export const checkChannel = (v: string) =>
  parseChannel(v)
    ? undefined
    : `I couldn't tell which channel '${v}' is. Please mention it, like #peer-support.`;

export function parseReminderList(text: string): number[] | undefined {
  const parts = text.split(/[,\s]+/).filter(Boolean);
  const minutes = parts.map((p) => {
    const m = /^(\d{1,4})\s*(m|min|h|d)?$/i.exec(p);
    if (!m) return Number.NaN;
    const n = Number(m[1]);
    const unit = (m[2] ?? 'm').toLowerCase();
    return unit === 'h' ? n * 60 : unit === 'd' ? n * 1440 : n;
  });
  if (
    minutes.length === 0 ||
    minutes.length > 3 ||
    minutes.some((m) => !Number.isInteger(m) || m < 5 || m > 10_080)
  )
    return undefined;
  return [...new Set(minutes)].sort((a, b) => b - a);
}

export const checkReminders = (v: string) =>
  parseReminderList(v)
    ? undefined
    : `'${v}' isn't a list of reminder times I can read. Try 24h,15m (one to three, each 5 minutes to 7 days).`;
