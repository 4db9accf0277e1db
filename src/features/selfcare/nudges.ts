// Storing a member's chosen prompts: one SelfCareNudge and one Schedule (kind `selfcare`, in
// the member's own zone) per prompt. Choosing again replaces the old ones in one transaction.
import type { Db, PrismaClient } from '../../db/index.ts';
import { encodeScheduleRule, type WeekdayCode } from '../../scheduling/index.ts';
import type { Topic } from './prompts.ts';

export interface Choice {
  readonly topics: readonly Topic[];
  readonly days: readonly WeekdayCode[];
  readonly weeklyDay: WeekdayCode;
  readonly time: string;
}

export async function replaceNudges(
  prisma: PrismaClient,
  member: Db.Member,
  choice: Choice,
  zone: string,
  now: Date,
): Promise<number> {
  return prisma.$transaction(async (tx) => {
    await stopAll(tx, member.id);
    for (const topic of choice.topics) {
      const days = topic === 'weekly' ? [choice.weeklyDay] : choice.days;
      const schedule = await tx.schedule.create({
        data: {
          ...encodeScheduleRule({ kind: 'weekly', days: [...days], time: choice.time, timeZone: zone }),
          kind: 'selfcare',
          memberId: member.id,
          startsAt: now,
          windowMinutes: 120,
          payload: { topic },
        },
      });
      await tx.selfCareNudge.create({
        data: { memberId: member.id, scheduleId: schedule.id, topic, createdAt: now },
      });
    }
    return choice.topics.length;
  });
}

export async function stopAll(tx: Db.Prisma.TransactionClient, memberId: string): Promise<number> {
  const nudges = await tx.selfCareNudge.findMany({ where: { memberId, active: true } });
  await tx.selfCareNudge.updateMany({ where: { memberId, active: true }, data: { active: false } });
  await tx.schedule.updateMany({
    where: { id: { in: nudges.map((n) => n.scheduleId) } },
    data: { active: false },
  });
  return nudges.length;
}
