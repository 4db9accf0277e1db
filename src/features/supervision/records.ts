// Attendance and hours: the facilitator confirms who came (pre-filled from RSVPs); a CSV of
// sessions and attendance for a date range; each specialist's own hours by month, for their
// certification records.
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import { toPlainText } from '../../chat/markup.ts';
import type { Db, PrismaClient } from '../../db/index.ts';
import { leads, type Outcome, ok, refuse, shortRef, type TeamContext } from './context.ts';
import { minutesBetween } from './time.ts';

export async function attendanceChoices(prisma: PrismaClient, context: TeamContext, sessionId: string) {
  const session = await prisma.supervisionSession.findFirst({
    where: { id: sessionId, teamId: context.team.id },
    include: { rsvps: true },
  });
  if (!session) return refuse(context.t('supervision.refuse.sessionGone'));
  if (session.supervisorId !== context.member.id && !leads(context))
    return refuse(context.t('supervision.refuse.onlyFacilitatorAttendance'));
  const roles = await prisma.teamRole.findMany({
    where: { teamId: context.team.id },
    include: { member: true },
    distinct: ['memberId'],
  });
  const people = roles.map((r) => r.member).sort((a, b) => a.displayName.localeCompare(b.displayName));
  const ticked = session.rsvps
    .filter((r) => (r.attended === null ? r.response !== 'no' : r.attended))
    .map((r) => r.memberId);
  return ok({ session, people, ticked });
}

export async function confirmAttendance(
  prisma: PrismaClient,
  context: TeamContext,
  sessionId: string,
  attendeeIds: readonly string[],
  now: Date,
): Promise<Outcome<{ count: number }>> {
  const choices = await attendanceChoices(prisma, context, sessionId);
  if (!choices.ok) return choices;
  if (choices.value.session.startsAt > now) return refuse(context.t('supervision.refuse.notStarted'));
  const allowed = new Set(choices.value.people.map((p) => p.id));
  const present = attendeeIds.filter((id) => allowed.has(id));
  await prisma.$transaction(async (tx) => {
    await tx.rsvp.updateMany({ where: { sessionId }, data: { attended: false } });
    for (const memberId of present) {
      await tx.rsvp.upsert({
        where: { sessionId_memberId: { sessionId, memberId } },
        create: { sessionId, memberId, response: 'yes', attended: true, respondedAt: now },
        update: { attended: true },
      });
    }
    await tx.supervisionSession.update({
      where: { id: sessionId },
      data: { attendanceAt: now, status: 'done' },
    });
  });
  return ok({ count: present.length });
}

export async function reportCsv(
  prisma: PrismaClient,
  context: TeamContext,
  from: Date,
  to: Date,
): Promise<Outcome<{ csv: string; sessions: number }>> {
  if (!leads(context)) return refuse(context.t('supervision.refuse.reportLeadsOnly'));
  const sessions = await prisma.supervisionSession.findMany({
    where: { teamId: context.team.id, startsAt: { gte: from, lt: to } },
    include: { supervisor: true, supervisee: true, rsvps: { include: { member: true } } },
    orderBy: { startsAt: 'asc' },
  });
  // A spreadsheet is plain text: the catalog's words without markup, in the reader's language.
  const { t } = context;
  const status: Record<Db.SessionStatus, string> = {
    scheduled: toPlainText(t('supervision.report.scheduled')),
    cancelled: toPlainText(t('supervision.report.cancelled')),
    done: toPlainText(t('supervision.report.done')),
  };
  const rows: string[][] = [];
  for (const s of sessions) {
    const base = [
      shortRef(s.id),
      s.kind === 'group'
        ? toPlainText(t('supervision.report.group'))
        : toPlainText(t('supervision.report.oneToOne')),
      s.kind === 'group' ? s.title : toPlainText(t('supervision.oneToOne.title')),
      s.startsAt.toISOString(),
      DateTime.fromJSDate(s.startsAt, { zone: context.team.timeZone }).toFormat('yyyy-LL-dd HH:mm'),
      String(minutesBetween(s.startsAt, s.endsAt)),
      status[s.status],
      s.supervisor?.displayName ?? '',
    ];
    const attendees =
      s.kind === 'one_on_one'
        ? s.supervisee && s.status !== 'cancelled'
          ? [s.supervisee.displayName]
          : []
        : s.rsvps.filter((r) => r.attended).map((r) => r.member.displayName);
    if (attendees.length === 0) rows.push([...base, '']);
    for (const name of attendees) rows.push([...base, name]);
  }
  const csv = stringify(rows, {
    header: true,
    // A title or a name that starts with = + - @ would run as a formula in a spreadsheet.
    escape_formulas: true,
    columns: [
      toPlainText(t('supervision.report.session')),
      toPlainText(t('supervision.report.kind')),
      toPlainText(t('supervision.report.title')),
      toPlainText(t('supervision.report.startsAtUtc')),
      `${toPlainText(t('supervision.report.startsLocal'))}_${context.team.timeZone}`,
      toPlainText(t('supervision.report.minutes')),
      toPlainText(t('supervision.report.status')),
      toPlainText(t('supervision.report.facilitator')),
      toPlainText(t('supervision.report.attendee')),
    ],
  });
  return ok({ csv, sessions: sessions.length });
}

export interface MonthHours {
  readonly month: string;
  readonly groupMinutes: number;
  readonly oneToOneMinutes: number;
}

/** The member's own supervision time by month in their zone: confirmed group attendance, and one-to-ones that took place. */
export async function hoursByMonth(
  prisma: PrismaClient,
  member: Db.Member,
  zone: string,
  now: Date,
): Promise<MonthHours[]> {
  const group = await prisma.rsvp.findMany({
    where: { memberId: member.id, attended: true, session: { status: { not: 'cancelled' } } },
    include: { session: true },
  });
  const oneToOne = await prisma.supervisionSession.findMany({
    where: {
      superviseeId: member.id,
      kind: 'one_on_one',
      status: { not: 'cancelled' },
      endsAt: { lte: now },
    },
  });
  const months = new Map<string, { group: number; one: number }>();
  const add = (s: Db.SupervisionSession, key: 'group' | 'one') => {
    const month = DateTime.fromJSDate(s.startsAt, { zone }).toFormat('yyyy-LL');
    const entry = months.get(month) ?? { group: 0, one: 0 };
    entry[key] += minutesBetween(s.startsAt, s.endsAt);
    months.set(month, entry);
  };
  for (const r of group) add(r.session, 'group');
  for (const s of oneToOne) add(s, 'one');
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => ({ month, groupMinutes: m.group, oneToOneMinutes: m.one }));
}
