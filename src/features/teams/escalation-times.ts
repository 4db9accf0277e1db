// A team's escalation times: how long a private flag waits for its supervisor before it goes
// to the next person. The flags feature reads them from the Team row; admins set them with
// `/peer team escalation after:4h urgent:15m`. Durations are typed like 4h, 90m or 1h30m.
import type { OptionCheck } from '../../chat/command-options.ts';
import { literal, type MarkupText } from '../../chat/markup.ts';
import type { PrismaClient } from '../../db/index.ts';
import { english, type Translate, wording } from '../../i18n/index.ts';
import type { Member, Team } from './members.ts';
import { type Outcome, ok, refuse } from './outcome.ts';

/** Bounds in minutes: "talk now" 5 min to 2 h; everything else 30 min to 72 h. */
export const escalationBounds = {
  urgent: { min: 5, max: 120 },
  after: { min: 30, max: 72 * 60 },
} as const;

const units: Readonly<Record<string, number>> = {
  m: 1,
  min: 1,
  mins: 1,
  minute: 1,
  minutes: 1,
  h: 60,
  hr: 60,
  hrs: 60,
  hour: 60,
  hours: 60,
  d: 24 * 60,
  day: 24 * 60,
  days: 24 * 60,
};

/** Minutes in a duration like `4h`, `90m`, `1h30m` or `2 hours`; undefined when it is not one. */
export function parseDuration(text: string): number | undefined {
  const compact = text.trim().toLowerCase();
  const parts = [...compact.matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)\s*/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== compact) return undefined;
  let minutes = 0;
  for (const [, amount, unit] of parts) {
    const factor = unit ? units[unit] : undefined;
    if (factor === undefined) return undefined;
    minutes += Number(amount) * factor;
  }
  return Number.isInteger(minutes) && minutes > 0 ? minutes : undefined;
}

/** `4 hours`, `15 minutes`, `1 h 30 min`: how a stored time reads back, in the reader's language. */
export function minutesWords(minutes: number, t: Translate = english): MarkupText {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('teams.escalation.minutes', { count: rest });
  if (rest === 0) return t('teams.escalation.hours', { count: hours });
  return t('teams.escalation.hoursMinutes', { hours, minutes: rest });
}

function durationCheck(kind: keyof typeof escalationBounds): OptionCheck {
  const { min, max } = escalationBounds[kind];
  return (value) => {
    const minutes = parseDuration(value);
    const typed = literal(value);
    if (minutes === undefined)
      return kind === 'urgent'
        ? wording('teams.escalation.unreadableUrgent', { value: typed })
        : wording('teams.escalation.unreadableAfter', { value: typed });
    if (minutes < min || minutes > max)
      return (t) =>
        t('teams.escalation.outOfRange', {
          min: minutesWords(min, t),
          max: minutesWords(max, t),
          value: typed,
          given: minutesWords(minutes, t),
        });
    return undefined;
  };
}

export const checkEscalateAfter = durationCheck('after');
export const checkEscalateUrgent = durationCheck('urgent');

export interface EscalationChange {
  readonly after?: string;
  readonly urgent?: string;
}

/** Writes the checked times; refuses (writing nothing) when "talk now" would wait longer than the rest. */
export async function setEscalationTimes(
  prisma: PrismaClient,
  team: Team,
  admin: Member,
  change: EscalationChange,
): Promise<Outcome<Team>> {
  const after = change.after === undefined ? team.escalateAfterMinutes : parseDuration(change.after);
  const urgent = change.urgent === undefined ? team.escalateUrgentMinutes : parseDuration(change.urgent);
  if (after === undefined || urgent === undefined) return refuse(wording('teams.escalation.needLengths'));
  if (urgent > after)
    return refuse((t) =>
      t('teams.escalation.urgentLonger', { urgent: minutesWords(urgent, t), after: minutesWords(after, t) }),
    );
  // Like every team setting: written with its audit row, in one transaction.
  const updated = await prisma.$transaction(async (tx) => {
    const row = await tx.team.update({
      where: { id: team.id },
      data: { escalateAfterMinutes: after, escalateUrgentMinutes: urgent },
    });
    await tx.auditLog.create({
      data: {
        actorMemberId: admin.id,
        action: 'team.updated',
        subjectType: 'Team',
        subjectId: team.id,
        detail: { changed: ['escalateAfterMinutes', 'escalateUrgentMinutes'], after, urgent },
      },
    });
    return row;
  });
  return ok(updated);
}
