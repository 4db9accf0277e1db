// Check-in definitions (CheckinTemplate rows) and the Schedule rows that make them recur.
// Team time: one schedule in the team's zone. Members' own time: one schedule per roster
// member in their zone, each payload naming the member. Schedules are updated in place (never
// deleted and re-made), so the claims of occurrences that already ran keep their schedule.
import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { type DbClient, encodeScheduleRule, type WeekdayCode } from '../../scheduling/index.ts';
import { zoneOf } from './context.ts';
import { parseStoredQuestions, type Question, supportCircle, supportCircleName } from './questions.ts';
import { rosterOf } from './roster.ts';
import type { CheckinDefinition } from './setup-form.ts';

export const SchedulePayloadSchema = z.object({ templateId: z.string(), memberId: z.string().optional() });

export async function saveDefinition(
  tx: DbClient,
  team: Db.Team,
  definition: CheckinDefinition,
  now: Date,
  existingId?: string,
): Promise<Db.CheckinTemplate> {
  const data = {
    name: definition.name,
    questions: definition.questions as unknown as Db.Prisma.InputJsonValue,
    days: definition.days,
    time: definition.time,
    timeMode: definition.timeMode,
    openHours: definition.openHours,
    digestMode: definition.digestMode,
  };
  const template = existingId
    ? await tx.checkinTemplate.update({ where: { id: existingId }, data })
    : await tx.checkinTemplate.create({ data: { ...data, teamId: team.id } });
  await syncSchedules(tx, team, template, now, definition.timeZone);
  return template;
}

function schedulesOf(tx: DbClient, templateId: string) {
  return tx.schedule.findMany({
    where: { kind: 'checkin', payload: { path: ['templateId'], equals: templateId } },
  });
}

/** Makes the template's Schedule rows match it (and the roster, for members' own time). */
export async function syncSchedules(
  tx: DbClient,
  team: Db.Team,
  template: Db.CheckinTemplate,
  now: Date,
  teamTimeZone?: string,
): Promise<void> {
  const existing = await schedulesOf(tx, template.id);
  const wanted = template.active && template.deletedAt === null && template.days.length > 0;
  const spec = { kind: 'weekly' as const, days: template.days as WeekdayCode[], time: template.time };
  const targets: { memberId?: string; timeZone: string }[] = !wanted
    ? []
    : template.timeMode === 'member'
      ? (await rosterOf(tx, team.id)).map((p) => ({
          memberId: p.member.id,
          timeZone: zoneOf(p.member, team),
        }))
      : [{ timeZone: teamTimeZone ?? existing.find((s) => s.memberId === null)?.timeZone ?? team.timeZone }];
  const kept = new Set<string>();
  for (const target of targets) {
    const found = existing.find((s) => (s.memberId ?? undefined) === target.memberId);
    const rule = encodeScheduleRule({ ...spec, timeZone: target.timeZone });
    const data = {
      rule: rule.rule,
      timeZone: rule.timeZone,
      windowMinutes: template.openHours * 60,
      active: true,
    };
    if (found) {
      kept.add(found.id);
      await tx.schedule.update({ where: { id: found.id }, data });
    } else {
      await tx.schedule.create({
        data: {
          ...data,
          teamId: team.id,
          memberId: target.memberId ?? null,
          kind: 'checkin',
          startsAt: now,
          payload: { templateId: template.id, ...(target.memberId ? { memberId: target.memberId } : {}) },
        },
      });
    }
  }
  const stale = existing.filter((s) => !kept.has(s.id) && s.active).map((s) => s.id);
  if (stale.length > 0)
    await tx.schedule.updateMany({ where: { id: { in: stale } }, data: { active: false } });
}

/** The team's check-ins, newest first, deleted ones left out. */
export function listDefinitions(tx: DbClient, teamId: string) {
  return tx.checkinTemplate.findMany({ where: { teamId, deletedAt: null }, orderBy: { createdAt: 'asc' } });
}

/** What `/peer checkin now` runs: the first active check-in, or the support circle made on the spot. */
export async function definitionForNow(tx: DbClient, teamId: string): Promise<Db.CheckinTemplate> {
  const found = await tx.checkinTemplate.findFirst({
    where: { teamId, deletedAt: null, active: true },
    orderBy: { createdAt: 'asc' },
  });
  if (found) return found;
  return tx.checkinTemplate.upsert({
    where: { teamId_name: { teamId, name: supportCircleName } },
    create: {
      teamId,
      name: supportCircleName,
      questions: supportCircle as unknown as Db.Prisma.InputJsonValue,
    },
    update: { deletedAt: null },
  });
}

export const questionsOf = (template: Db.CheckinTemplate): Question[] =>
  parseStoredQuestions(template.questions);
