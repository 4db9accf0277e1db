// Moving and cancelling one session. A session of a series becomes an exception (the calendar
// file gets a RECURRENCE-ID or an EXDATE) and the series' SEQUENCE grows; everyone who
// answered the RSVP hears about it by direct message, in their own zone.
import type { MarkupText } from '../../chat/markup.ts';
import type { Db, PrismaClient } from '../../db/index.ts';
import type { Translate } from '../../i18n/index.ts';
import type { DbClient, Outbox } from '../../scheduling/index.ts';
import { leads, type Outcome, ok, refuse, type TeamContext } from './context.ts';
import { dmMembers, teamWithWorkspace } from './delivery.ts';
import { clashingBooking, lockMember } from './slots.ts';
import { addMinutes, minutesBetween } from './time.ts';
import { sessionChangedView } from './views.ts';

type SessionWithPeople = Db.SupervisionSession & {
  readonly rsvps: readonly (Db.Rsvp & { member: Db.Member })[];
};

export function mayChange(context: TeamContext, session: Db.SupervisionSession): boolean {
  if (session.kind === 'one_on_one')
    return (
      session.supervisorId === context.member.id ||
      session.superviseeId === context.member.id ||
      leads(context)
    );
  return leads(context) || session.supervisorId === context.member.id;
}

async function bumpSequence(tx: DbClient, session: Db.SupervisionSession): Promise<void> {
  if (session.seriesId)
    await tx.supervisionSeries.update({
      where: { id: session.seriesId },
      data: { sequence: { increment: 1 } },
    });
  else
    await tx.supervisionSession.update({ where: { id: session.id }, data: { sequence: { increment: 1 } } });
}

async function peopleToTell(
  tx: DbClient,
  session: SessionWithPeople,
  exceptId: string,
): Promise<Db.Member[]> {
  const ids = new Set(session.rsvps.map((r) => r.memberId));
  if (session.supervisorId) ids.add(session.supervisorId);
  if (session.superviseeId) ids.add(session.superviseeId);
  ids.delete(exceptId);
  return tx.member.findMany({ where: { id: { in: [...ids] } } });
}

export async function moveSession(
  prisma: PrismaClient,
  outbox: Outbox,
  context: TeamContext,
  session: SessionWithPeople,
  newStart: Date,
  lengthMinutes: number | undefined,
  now: Date,
): Promise<Outcome<Db.SupervisionSession>> {
  const { t } = context;
  if (!mayChange(context, session)) return refuse(t('supervision.refuse.cannotChange'));
  if (session.status !== 'scheduled' || session.startsAt <= now)
    return refuse(t('supervision.refuse.cannotMove'));
  if (newStart <= now) return refuse(t('supervision.refuse.movePast'));
  const length = lengthMinutes ?? minutesBetween(session.startsAt, session.endsAt);
  const range = { startsAt: newStart, endsAt: addMinutes(newStart, length) };
  const moved = await prisma.$transaction(async (tx): Promise<Outcome<Db.SupervisionSession>> => {
    if (session.kind === 'one_on_one' && session.supervisorId) {
      const refusal = await checkOneToOneMove(tx, session, session.supervisorId, range, t);
      if (refusal) return refuse(refusal);
    }
    const updated = await tx.supervisionSession.update({
      where: { id: session.id },
      // A moved one-to-one no longer sits in its slot: the slot opens again for others.
      data: { ...range, attendanceAt: null, slotId: null },
    });
    await bumpSequence(tx, session);
    const team = await teamWithWorkspace(tx, session.teamId);
    const people = await peopleToTell(tx, session, context.member.id);
    await dmMembers(
      tx,
      outbox,
      team,
      people,
      `supervision-moved:${session.id}@${newStart.toISOString()}`,
      (_m, zone, t) => sessionChangedView(updated, zone, 'moved', t, session.startsAt),
    );
    return ok(updated);
  });
  if (moved.ok) outbox.notify();
  return moved;
}

/**
 * Under the supervisor's lock (the one booking takes, `slots.ts`), a one-to-one may move only
 * if it is still scheduled and the new time overlaps none of the supervisor's other bookings.
 */
async function checkOneToOneMove(
  tx: DbClient,
  session: Db.SupervisionSession,
  supervisorId: string,
  range: { startsAt: Date; endsAt: Date },
  t: Translate,
): Promise<MarkupText | undefined> {
  await lockMember(tx, supervisorId);
  const current = await tx.supervisionSession.findUnique({ where: { id: session.id } });
  if (current?.status !== 'scheduled') return t('supervision.refuse.cannotMove');
  if (await clashingBooking(tx, supervisorId, range, session.id)) return t('supervision.refuse.moveClash');
  return undefined;
}

export async function cancelSession(
  prisma: PrismaClient,
  outbox: Outbox,
  context: TeamContext,
  session: SessionWithPeople,
  now: Date,
): Promise<Outcome<Db.SupervisionSession>> {
  if (!mayChange(context, session)) return refuse(context.t('supervision.refuse.cannotChange'));
  if (session.status !== 'scheduled' || session.endsAt <= now)
    return refuse(context.t('supervision.refuse.cannotCancel'));
  const cancelled = await prisma.$transaction(async (tx) => {
    const updated = await tx.supervisionSession.update({
      where: { id: session.id },
      // Freeing the slot lets someone else book it; the booking stays as a cancelled session.
      data: { status: 'cancelled', slotId: null },
    });
    await bumpSequence(tx, session);
    const team = await teamWithWorkspace(tx, session.teamId);
    const people = await peopleToTell(tx, session, context.member.id);
    await dmMembers(tx, outbox, team, people, `supervision-cancelled:${session.id}`, (_m, zone, t) =>
      sessionChangedView(updated, zone, 'cancelled', t),
    );
    return updated;
  });
  outbox.notify();
  return ok(cancelled);
}
