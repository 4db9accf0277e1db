// Option checks shared by the supervision commands: each returns the reader's words for what is
// wrong (a Wording, worded once the router knows who asked), or nothing.
import type { OptionCheck } from '../../chat/command-options.ts';
import { literal } from '../../chat/markup.ts';
import { wording } from '../../i18n/translate.ts';
import { checkZone as teamsCheckZone } from '../teams/index.ts';
import { isRef } from './context.ts';
import { dateTrouble, isTime, parseLocalSlot } from './time.ts';

export const checkDate: OptionCheck = (v) => {
  const trouble = dateTrouble(v);
  if (trouble === undefined) return undefined;
  return wording(trouble === 'not-real' ? 'supervision.checks.notRealDate' : 'supervision.checks.notDate', {
    value: literal(v),
  });
};
export const checkTime: OptionCheck = (v) =>
  isTime(v) ? undefined : wording('supervision.checks.notTime', { value: literal(v) });
/** The same zone check, and words, as `/peer timezone`. */
export const checkZone: OptionCheck = teamsCheckZone;
export const checkRef: OptionCheck = (v) =>
  isRef(v) ? undefined : wording('supervision.checks.notRef', { value: literal(v) });

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

export const checkSlots: OptionCheck = (text) => {
  const bad = splitSlots(text).find((s) => !parseLocalSlot(s));
  return bad === undefined ? undefined : wording('supervision.checks.notSlot', { value: literal(bad) });
};

/** `<#C123>`, `<#C123|name>` (Slack), `<#123>` (Discord), `#name` (shell). */
export function parseChannel(text: string): string | undefined {
  const tagged = /^<#([A-Za-z0-9]+)(\|[^>]*)?>$/.exec(text.trim());
  if (tagged) return tagged[1];
  const plain = /^#?([A-Za-z0-9._-]{1,80})$/.exec(text.trim());
  return plain?.[1];
}

export const checkChannel: OptionCheck = (v) =>
  parseChannel(v) ? undefined : wording('supervision.checks.notChannel', { value: literal(v) });

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

export const checkReminders: OptionCheck = (v) =>
  parseReminderList(v) ? undefined : wording('supervision.checks.notReminders', { value: literal(v) });
