// One-to-one supervision: supervisors publish open slots, specialists book, cancel and rebook.
// The database keeps the promises, not a check before an insert:
//   - a slot is booked at most once: SupervisionSession.slotId is unique;
//   - a supervisor is never in two overlapping bookings: publishing, booking and moving a
//     one-to-one (`session-changes.ts`) lock the
//     supervisor's Member row (SELECT … FOR UPDATE) inside the transaction, so overlap checks
//     and inserts for one supervisor take turns across connections and replicas.
// Why a row lock and not an exclusion constraint: PostgreSQL needs btree_gist for
// `EXCLUDE USING gist (supervisorId WITH =, tstzrange(...) WITH &&)`. PGlite 0.5.16 ships it,
// but only when every PGlite is constructed with the extension (the app's database, the test
// template and each clone, the migration engine's shadow database), and Prisma's schema cannot
// describe the constraint for its drift check. The lock gives the same guarantee on both.
import type { MarkupText } from '../../chat/markup.ts';
import type { Db, PrismaClient } from '../../db/index.ts';
import type { DbClient } from '../../scheduling/index.ts';
import { leads, type Outcome, offersSlots, ok, refuse, type TeamContext } from './context.ts';
import { addMinutes } from './time.ts';

export type SlotRow = Db.SupervisionSlot & { readonly supervisor: Db.Member };

/** Every change to a supervisor's one-to-one time (publish, book, rebook, move) takes this first. */
export async function lockMember(tx: DbClient, memberId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Member" WHERE id = ${memberId} FOR UPDATE`;
}

/**
 * The supervisor's scheduled one-to-one that overlaps `range`, if any (`exceptId` leaves out
 * the session being moved). Call it only while holding `lockMember` for that supervisor.
 */
export async function clashingBooking(
  tx: DbClient,
  supervisorId: string,
  range: { startsAt: Date; endsAt: Date },
  exceptId?: string,
): Promise<Db.SupervisionSession | null> {
  return tx.supervisionSession.findFirst({
    where: {
      supervisorId,
      kind: 'one_on_one',
      status: 'scheduled',
      startsAt: { lt: range.endsAt },
      endsAt: { gt: range.startsAt },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
  });
}

const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) =>
  a.startsAt < b.endsAt && b.startsAt < a.endsAt;

export async function publishSlots(
  prisma: PrismaClient,
  context: TeamContext,
  starts: readonly Date[],
  lengthMinutes: number,
  now: Date,
): Promise<Outcome<Db.SupervisionSlot[]>> {
  if (!offersSlots(context)) return refuse(context.t('supervision.refuse.slotsLeadsOnly'));
  if (starts.some((s) => s <= now)) return refuse(context.t('supervision.refuse.slotsPast'));
  const wanted = starts.map((startsAt) => ({ startsAt, endsAt: addMinutes(startsAt, lengthMinutes) }));
  for (const [i, a] of wanted.entries()) {
    if (wanted.slice(i + 1).some((b) => overlaps(a, b)))
      return refuse(context.t('supervision.refuse.slotsOverlap'));
  }
  return prisma.$transaction(async (tx) => {
    await lockMember(tx, context.member.id);
    const mine = await tx.supervisionSlot.findMany({
      where: { supervisorId: context.member.id, withdrawnAt: null, endsAt: { gt: now } },
    });
    const clash = wanted.find((w) => mine.some((m) => overlaps(w, m)));
    if (clash) return refuse(context.t('supervision.refuse.slotsOverlapOffered'));
    const created: Db.SupervisionSlot[] = [];
    for (const w of wanted) {
      created.push(
        await tx.supervisionSlot.create({
          data: { teamId: context.team.id, supervisorId: context.member.id, ...w },
        }),
      );
    }
    return ok(created);
  });
}

export async function openSlots(db: DbClient, teamId: string, now: Date, take = 10): Promise<SlotRow[]> {
  return db.supervisionSlot.findMany({
    where: { teamId, withdrawnAt: null, startsAt: { gt: now }, booking: null },
    include: { supervisor: true },
    orderBy: { startsAt: 'asc' },
    take,
  });
}

export type BookingOutcome =
  | { readonly ok: true; readonly session: Db.SupervisionSession; readonly slot: SlotRow }
  | { readonly ok: false; readonly reason: MarkupText; readonly alternatives: readonly SlotRow[] };

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code: unknown }).code === 'P2002'
  );
}

/**
 * Books inside `tx`, which must already hold the supervisor's lock. A rebooking moves the
 * booking it replaces (`replacingId`) to the new slot in place: the same row, so the same
 * `#code` people were given, with its change counter raised for calendar files.
 */
async function bookLocked(
  tx: DbClient,
  context: TeamContext,
  slot: SlotRow,
  now: Date,
  replacingId?: string,
) {
  const { t } = context;
  if (slot.withdrawnAt || slot.startsAt <= now)
    return { ok: false as const, reason: t('supervision.refuse.slotWithdrawn') };
  const booked = await tx.supervisionSession.findUnique({ where: { slotId: slot.id } });
  if (booked && booked.id !== replacingId)
    return { ok: false as const, reason: t('supervision.refuse.slotTaken') };
  if (await clashingBooking(tx, slot.supervisorId, slot, replacingId))
    return { ok: false as const, reason: t('supervision.refuse.slotClash') };
  if (replacingId) {
    const session = await tx.supervisionSession.update({
      where: { id: replacingId },
      data: {
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        supervisorId: slot.supervisorId,
        slotId: slot.id,
        timeZone: context.zone,
        sequence: { increment: 1 },
      },
    });
    return { ok: true as const, session };
  }
  const session = await tx.supervisionSession.create({
    data: {
      teamId: slot.teamId,
      kind: 'one_on_one',
      // Stored in English; people read a one-to-one's title in their language (views' titleOf).
      title: 'One-to-one supervision',
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      supervisorId: slot.supervisorId,
      superviseeId: context.member.id,
      slotId: slot.id,
      timeZone: context.zone,
    },
  });
  return { ok: true as const, session };
}

export async function bookSlot(
  prisma: PrismaClient,
  context: TeamContext,
  slotRef: string,
  now: Date,
  replacing?: Db.SupervisionSession,
): Promise<BookingOutcome> {
  const slot = await prisma.supervisionSlot.findFirst({
    where: { teamId: context.team.id, id: { endsWith: slotRef } },
    include: { supervisor: true },
  });
  const alternatives = async () =>
    (await openSlots(prisma, context.team.id, now)).filter((s) => s.id !== slot?.id);
  if (!slot)
    return {
      ok: false,
      reason: context.t('supervision.refuse.slotUnknown'),
      alternatives: await alternatives(),
    };
  if (slot.supervisorId === context.member.id)
    return { ok: false, reason: context.t('supervision.refuse.ownSlot'), alternatives: [] };
  try {
    const result = await prisma.$transaction(async (tx) => {
      const locks = [slot.supervisorId, ...(replacing?.supervisorId ? [replacing.supervisorId] : [])];
      // Same order everywhere, so two rebookings across two supervisors never deadlock.
      for (const id of [...new Set(locks)].sort()) await lockMember(tx, id);
      if (replacing) {
        const still = await tx.supervisionSession.count({
          where: { id: replacing.id, status: 'scheduled', superviseeId: context.member.id },
        });
        if (still !== 1)
          return {
            ok: false as const,
            reason: context.t('supervision.refuse.bookingGone'),
          };
      }
      const booked = await bookLocked(tx, context, slot, now, replacing?.id);
      // A refused rebooking must keep the old booking: throwing rolls the cancellation back.
      if (!booked.ok && replacing) throw new RebookRefused(booked.reason);
      return booked;
    });
    if (result.ok) return { ok: true, session: result.session, slot };
    return { ok: false, reason: result.reason, alternatives: await alternatives() };
  } catch (error) {
    if (error instanceof RebookRefused)
      return {
        ok: false,
        reason: context.t('supervision.refuse.bookingStays', { reason: error.reason }),
        alternatives: await alternatives(),
      };
    if (isUniqueViolation(error))
      return {
        ok: false,
        reason: context.t('supervision.refuse.slotTaken'),
        alternatives: await alternatives(),
      };
    throw error;
  }
}

class RebookRefused extends Error {
  constructor(readonly reason: MarkupText) {
    super(reason);
  }
}

export async function myBookings(prisma: PrismaClient, context: TeamContext, now: Date) {
  return prisma.supervisionSession.findMany({
    where: {
      teamId: context.team.id,
      kind: 'one_on_one',
      status: 'scheduled',
      endsAt: { gt: now },
      OR: [{ superviseeId: context.member.id }, { supervisorId: context.member.id }],
    },
    include: { supervisor: true, supervisee: true },
    orderBy: { startsAt: 'asc' },
  });
}

export const mayWithdraw = (context: TeamContext, slot: Db.SupervisionSlot) =>
  slot.supervisorId === context.member.id || leads(context);
