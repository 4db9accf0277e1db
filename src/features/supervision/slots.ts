// One-to-one supervision: supervisors publish open slots, specialists book, cancel and rebook.
// The database keeps the promises, not a check before an insert:
//   - a slot is booked at most once: SupervisionSession.slotId is unique;
//   - a supervisor is never in two overlapping bookings: publishing and booking lock the
//     supervisor's Member row (SELECT … FOR UPDATE) inside the transaction, so overlap checks
//     and inserts for one supervisor take turns across connections and replicas.
// Why a row lock and not an exclusion constraint: PostgreSQL needs btree_gist for
// `EXCLUDE USING gist (supervisorId WITH =, tstzrange(...) WITH &&)`. PGlite 0.5.16 ships it,
// but only when every PGlite is constructed with the extension (the app's database, the test
// template and each clone, the migration engine's shadow database), and Prisma's schema cannot
// describe the constraint for its drift check. The lock gives the same guarantee on both.
import type { Db, PrismaClient } from '../../db/index.ts';
import type { DbClient } from '../../scheduling/index.ts';
import { leads, type Outcome, offersSlots, ok, refuse, type TeamContext } from './context.ts';
import { addMinutes } from './time.ts';

export type SlotRow = Db.SupervisionSlot & { readonly supervisor: Db.Member };

async function lockMember(tx: DbClient, memberId: string): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM "Member" WHERE id = ${memberId} FOR UPDATE`;
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
  if (!offersSlots(context))
    return refuse(
      'Only supervisors can offer one-to-one slots. An admin can give you the role with `/peer team role`.',
    );
  if (starts.some((s) => s <= now))
    return refuse('one of the slots is in the past. Please offer times still ahead.');
  const wanted = starts.map((startsAt) => ({ startsAt, endsAt: addMinutes(startsAt, lengthMinutes) }));
  for (const [i, a] of wanted.entries()) {
    if (wanted.slice(i + 1).some((b) => overlaps(a, b)))
      return refuse('two of those slots overlap each other. Please offer times that don’t overlap.');
  }
  return prisma.$transaction(async (tx) => {
    await lockMember(tx, context.member.id);
    const mine = await tx.supervisionSlot.findMany({
      where: { supervisorId: context.member.id, withdrawnAt: null, endsAt: { gt: now } },
    });
    const clash = wanted.find((w) => mine.some((m) => overlaps(w, m)));
    if (clash)
      return refuse(
        'one of those slots overlaps a slot you already offered. Please pick a time that doesn’t overlap.',
      );
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
  | { readonly ok: false; readonly reason: string; readonly alternatives: readonly SlotRow[] };

const takenReason = 'Someone booked that slot a moment before you. I’m sorry; here are the slots still open.';

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code: unknown }).code === 'P2002'
  );
}

/** Books inside `tx`, which must already hold the supervisor's lock. */
async function bookLocked(tx: DbClient, context: TeamContext, slot: SlotRow, now: Date) {
  if (slot.withdrawnAt || slot.startsAt <= now)
    return { ok: false as const, reason: 'That slot is no longer on offer.' };
  const booked = await tx.supervisionSession.findUnique({ where: { slotId: slot.id } });
  if (booked) return { ok: false as const, reason: takenReason };
  const clash = await tx.supervisionSession.findFirst({
    where: {
      supervisorId: slot.supervisorId,
      kind: 'one_on_one',
      status: 'scheduled',
      startsAt: { lt: slot.endsAt },
      endsAt: { gt: slot.startsAt },
    },
  });
  if (clash)
    return {
      ok: false as const,
      reason: 'That time overlaps another booking with the same supervisor, so it can’t be booked.',
    };
  const session = await tx.supervisionSession.create({
    data: {
      teamId: slot.teamId,
      kind: 'one_on_one',
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
      reason: 'I can’t find that slot. Here are the ones open now.',
      alternatives: await alternatives(),
    };
  if (slot.supervisorId === context.member.id)
    return { ok: false, reason: 'That is your own slot.', alternatives: [] };
  try {
    const result = await prisma.$transaction(async (tx) => {
      const locks = [slot.supervisorId, ...(replacing?.supervisorId ? [replacing.supervisorId] : [])];
      // Same order everywhere, so two rebookings across two supervisors never deadlock.
      for (const id of [...new Set(locks)].sort()) await lockMember(tx, id);
      if (replacing) {
        const freed = await tx.supervisionSession.updateMany({
          where: { id: replacing.id, status: 'scheduled', superviseeId: context.member.id },
          data: { status: 'cancelled', slotId: null },
        });
        if (freed.count !== 1)
          return {
            ok: false as const,
            reason: 'Your earlier booking was already cancelled, so there is nothing to move.',
          };
      }
      const booked = await bookLocked(tx, context, slot, now);
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
        reason: `${error.message} Your earlier booking stays as it was.`,
        alternatives: await alternatives(),
      };
    if (isUniqueViolation(error))
      return { ok: false, reason: takenReason, alternatives: await alternatives() };
    throw error;
  }
}

class RebookRefused extends Error {}

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
