// A member's own controls: away until a date, back again, out of and into check-ins, and
// support buddy on or off. They change only the member's own rows.
import type { OptionCheck } from '../../chat/command-options.ts';
import { literal } from '../../chat/markup.ts';
import type { Db, PrismaClient } from '../../db/index.ts';
import { wording } from '../../i18n/translate.ts';
import { instantAtLocalTime } from '../../scheduling/index.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A sentence when `until` is not a date from tomorrow to a year ahead; used as the option check. */
export const pauseDateProblem: OptionCheck = (text) => {
  const match = DATE.exec(text.trim());
  const [, y, m, d] = match ?? [];
  const date = match ? new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))) : undefined;
  if (!date || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d))
    return wording('checkins.commands.notPauseDate', { value: literal(text.slice(0, 20)) });
  return undefined;
};

/** The first instant after the given local date, in the member's zone. */
export function endOfLocalDay(text: string, zone: string): Date {
  const [y, m, d] = text.trim().split('-').map(Number);
  return instantAtLocalTime({ year: y ?? 2000, month: m ?? 1, day: (d ?? 1) + 1, hour: 0, minute: 0 }, zone);
}

export async function setPreference(
  prisma: PrismaClient,
  memberId: string,
  data: Partial<Pick<Db.CheckinPreference, 'pausedUntil' | 'buddy'>>,
) {
  return prisma.checkinPreference.upsert({
    where: { memberId },
    create: { memberId, ...data },
    update: data,
  });
}

export async function setOptOut(prisma: PrismaClient, member: Db.Member, out: boolean): Promise<void> {
  const others = member.optOuts.filter((o) => o !== 'checkins');
  await prisma.member.update({
    where: { id: member.id },
    data: { optOuts: out ? [...others, 'checkins'] : others },
  });
}
