// Group supervision series: create, edit (keeping moved and cancelled sessions), and the
// sessions people see. Every change raises the series' SEQUENCE, so calendar apps update.
import { DateTime } from 'luxon';
import type { Db, PrismaClient } from '../../db/index.ts';
import type { Translate } from '../../i18n/index.ts';
import type { DbClient, Outbox } from '../../scheduling/index.ts';
import { type Outcome, ok, refuse, type TeamContext } from './context.ts';
import { postInChannel, teamWithWorkspace } from './delivery.ts';
import { planSeries, type SeriesPlan, type SeriesRuleInput } from './series-rule.ts';
import { addMinutes } from './time.ts';
import { seriesAnnouncementView, teamTranslator } from './views.ts';

export interface NewSeries extends SeriesRuleInput {
  readonly title: string;
  readonly lengthMinutes: number;
  readonly facilitatorId: string;
  readonly channelId: string;
}

export type SeriesRow = Db.SupervisionSeries;
export type SessionRow = Db.SupervisionSession;

export interface CreatedSeries {
  readonly series: SeriesRow;
  readonly sessions: readonly SessionRow[];
  readonly capped: boolean;
}

export async function createSeries(
  prisma: PrismaClient,
  outbox: Outbox,
  context: TeamContext,
  input: NewSeries,
  now: Date,
): Promise<Outcome<CreatedSeries>> {
  const planned = planSeries(input, context.t);
  if (!planned.ok) return refuse(planned.reason);
  const plan = planned.value;
  if ((plan.starts[0] ?? now) <= now) return refuse(context.t('supervision.refuse.firstInPast'));
  const created = await prisma.$transaction(async (tx) => {
    const series = await tx.supervisionSeries.create({
      data: {
        teamId: context.team.id,
        title: input.title,
        durationMinutes: input.lengthMinutes,
        facilitatorId: input.facilitatorId,
        channelId: input.channelId,
        rule: plan.rule,
        firstStartLocal: plan.firstStartLocal,
        timeZone: plan.timeZone,
        lastStartsAt: plan.starts.at(-1) ?? now,
      },
    });
    await tx.supervisionSession.createMany({ data: sessionRows(series, plan.starts, input.title) });
    const sessions = await tx.supervisionSession.findMany({
      where: { seriesId: series.id },
      orderBy: { startsAt: 'asc' },
    });
    const team = await teamWithWorkspace(tx, context.team.id);
    const first = sessions[0];
    if (first) {
      await postInChannel(
        tx,
        outbox,
        team,
        input.channelId,
        `supervision-post:${first.id}@${first.startsAt.toISOString()}`,
        seriesAnnouncementView(series, first, plan.capped, teamTranslator(team)),
        now,
      );
    }
    return { series, sessions, capped: plan.capped };
  });
  outbox.notify();
  return ok(created);
}

function sessionRows(series: SeriesRow, starts: readonly Date[], title: string) {
  return starts.map((startsAt) => ({
    teamId: series.teamId,
    seriesId: series.id,
    kind: 'group' as const,
    title,
    startsAt,
    originalStartsAt: startsAt,
    endsAt: addMinutes(startsAt, series.durationMinutes),
    channelId: series.channelId,
    timeZone: series.timeZone,
    supervisorId: series.facilitatorId,
  }));
}

export interface SeriesEdit {
  readonly title?: string;
  readonly time?: string;
  readonly lengthMinutes?: number;
  readonly until?: string;
  readonly facilitatorId?: string;
}

const localDate = (instant: Date, zone: string): string =>
  DateTime.fromJSDate(instant, { zone }).toISODate() ?? '';

/**
 * Re-plans the series from its first date with the new time, length or end. Sessions already
 * past stay as they were; moved and cancelled ones (the exceptions) are kept; every other
 * future session keeps its row (RSVPs, topics) when the new plan meets on the same local date.
 */
export async function editSeries(
  prisma: PrismaClient,
  series: SeriesRow,
  edit: SeriesEdit,
  now: Date,
  t: Translate,
): Promise<Outcome<{ series: SeriesRow; removed: number; added: number }>> {
  const [firstDate, firstTime] = series.firstStartLocal.split('T') as [string, string];
  const planned = planSeries(
    {
      repeat: 'rrule',
      rrule: `${series.rule};UNTIL=${(edit.until ?? localDate(series.lastStartsAt, series.timeZone)).replaceAll('-', '')}`,
      firstDate,
      time: edit.time ?? firstTime,
      timeZone: series.timeZone,
    },
    t,
  );
  if (!planned.ok) return refuse(planned.reason);
  const result = await prisma.$transaction((tx) => reconcile(tx, series, planned.value, edit, now));
  return ok(result);
}

async function reconcile(tx: DbClient, series: SeriesRow, plan: SeriesPlan, edit: SeriesEdit, now: Date) {
  await tx.$executeRaw`SELECT 1 FROM "SupervisionSeries" WHERE id = ${series.id} FOR UPDATE`;
  const length = edit.lengthMinutes ?? series.durationMinutes;
  const title = edit.title ?? series.title;
  const updated = await tx.supervisionSeries.update({
    where: { id: series.id },
    data: {
      title,
      durationMinutes: length,
      firstStartLocal: plan.firstStartLocal,
      lastStartsAt: plan.starts.at(-1) ?? series.lastStartsAt,
      sequence: { increment: 1 },
      ...(edit.facilitatorId ? { facilitatorId: edit.facilitatorId } : {}),
    },
  });
  const existing = await tx.supervisionSession.findMany({
    where: { seriesId: series.id, startsAt: { gt: now } },
  });
  const future = plan.starts.filter((start) => start > now);
  const byDate = new Map(future.map((start) => [localDate(start, series.timeZone), start]));
  const used = new Set<number>();
  let removed = 0;
  for (const session of existing) {
    const original = session.originalStartsAt ?? session.startsAt;
    const target = byDate.get(localDate(original, series.timeZone));
    const isException = session.status === 'cancelled' || session.startsAt.getTime() !== original.getTime();
    if (target) used.add(target.getTime());
    if (isException) {
      await tx.supervisionSession.update({
        where: { id: session.id },
        data: { title, supervisorId: updated.facilitatorId, ...(target ? { originalStartsAt: target } : {}) },
      });
    } else if (target) {
      await tx.supervisionSession.update({
        where: { id: session.id },
        data: {
          title,
          startsAt: target,
          originalStartsAt: target,
          endsAt: addMinutes(target, length),
          supervisorId: updated.facilitatorId,
        },
      });
    } else {
      await tx.supervisionSession.delete({ where: { id: session.id } });
      removed += 1;
    }
  }
  const fresh = future.filter((start) => !used.has(start.getTime()));
  await tx.supervisionSession.createMany({ data: sessionRows(updated, fresh, title) });
  return { series: updated, removed, added: fresh.length };
}

export async function upcomingSessions(prisma: PrismaClient, teamId: string, now: Date, take = 8) {
  return prisma.supervisionSession.findMany({
    where: { teamId, startsAt: { gt: now }, status: 'scheduled' },
    orderBy: { startsAt: 'asc' },
    take,
    include: { rsvps: true, series: true },
  });
}

export async function findSessionByRef(prisma: PrismaClient, teamId: string, ref: string) {
  return prisma.supervisionSession.findFirst({
    where: { teamId, id: { endsWith: ref } },
    include: { series: true, rsvps: { include: { member: true } } },
  });
}

export async function findSeriesByRef(prisma: PrismaClient, teamId: string, ref: string) {
  return prisma.supervisionSeries.findFirst({ where: { teamId, id: { endsWith: ref } } });
}
