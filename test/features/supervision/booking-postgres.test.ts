// Two specialists, two connections (as two replicas would have), one slot, the same instant.

import { describe, expect, it } from 'vitest';
import type { SubjectKind } from '../../../src/access/index.ts';
import type { Database } from '../../../src/db/index.ts';
import type { TeamContext } from '../../../src/features/supervision/context.ts';
import { bookSlot, publishSlots } from '../../../src/features/supervision/slots.ts';
import { english } from '../../../src/i18n/index.ts';
import { postgresPair } from '../../scheduling/support/postgres-pair.ts';

const pair = await postgresPair('pb_booking');
const now = new Date('2026-03-01T08:00:00Z');
const hour = 3_600_000;

async function seed(db: Database) {
  const workspace = await db.prisma.workspace.create({
    data: { platform: 'shell', externalId: `w-${Date.now()}-${Math.random()}` },
  });
  const team = await db.prisma.team.create({
    data: {
      workspaceId: workspace.id,
      channelId: 'C1',
      name: 'Harbor',
      timeZone: 'Europe/Berlin',
      crisisRegion: 'DE',
    },
  });
  const person = async (name: string, roles: ('member' | 'supervisor')[]) => {
    const member = await db.prisma.member.create({
      data: { workspaceId: workspace.id, platformUserId: name, displayName: name },
    });
    await db.prisma.teamRole.createMany({
      data: roles.map((role) => ({ teamId: team.id, memberId: member.id, role })),
    });
    // What the access policy would resolve for these roles (src/access/standing.ts).
    const held = new Set<SubjectKind>(['anyone', 'team-member']);
    if (roles.includes('supervisor')) held.add('team-supervisor');
    return { team, member, held, zone: 'Europe/Berlin', t: english } satisfies TeamContext;
  };
  return {
    team,
    supervisor: await person('sam', ['supervisor']),
    ana: await person('ana', ['member']),
    ben: await person('ben', ['member']),
  };
}

describe.skipIf(!pair.available)('one-to-one booking on PostgreSQL', { timeout: 300_000 }, () => {
  it('two specialists booking the same slot at once: exactly one succeeds, the other is told kindly and offered other slots', async () => {
    const { supervisor, ana, ben } = await seed(pair.a);
    for (let round = 0; round < 5; round++) {
      const start = new Date(now.getTime() + (24 + round * 3) * hour);
      const published = await publishSlots(
        pair.a.prisma,
        supervisor,
        [start, new Date(start.getTime() + hour)],
        50,
        now,
      );
      if (!published.ok) throw new Error(published.reason);
      const wanted = published.value[0]!;
      const spare = published.value[1]!;
      const [first, second] = await Promise.all([
        bookSlot(pair.a.prisma, ana, wanted.id.slice(-6), now),
        bookSlot(pair.b.prisma, ben, wanted.id.slice(-6), now),
      ]);
      const outcomes = [first, second];
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      const refused = outcomes.find((o) => !o.ok);
      if (!refused || refused.ok) throw new Error('expected one refusal');
      expect(refused.reason).toMatch(/booked that slot a moment before you/);
      expect(refused.alternatives.map((s) => s.id)).toContain(spare.id);
      expect(await pair.b.prisma.supervisionSession.count({ where: { slotId: wanted.id } })).toBe(1);
    }
  });

  it('refuses a slot that overlaps one already offered, even when two are offered at once on two connections', async () => {
    const { supervisor } = await seed(pair.a);
    const start = new Date(now.getTime() + 72 * hour);
    expect((await publishSlots(pair.a.prisma, supervisor, [start], 60, now)).ok).toBe(true);
    const overlapping = await publishSlots(
      pair.b.prisma,
      supervisor,
      [new Date(start.getTime() + 30 * 60_000)],
      60,
      now,
    );
    expect(overlapping).toEqual({
      ok: false,
      reason: expect.stringMatching(/overlaps a slot you already offered/),
    });
    const later = new Date(start.getTime() + 10 * hour);
    const both = await Promise.all([
      publishSlots(pair.a.prisma, supervisor, [later], 60, now),
      publishSlots(pair.b.prisma, supervisor, [new Date(later.getTime() + 15 * 60_000)], 60, now),
    ]);
    expect(both.filter((o) => o.ok)).toHaveLength(1);
    expect(await pair.a.prisma.supervisionSlot.count({ where: { supervisorId: supervisor.member.id } })).toBe(
      2,
    );
  });

  it('a refused rebooking keeps the earlier booking', async () => {
    const { supervisor, ana, ben } = await seed(pair.a);
    const start = new Date(now.getTime() + 200 * hour);
    const slots = await publishSlots(
      pair.a.prisma,
      supervisor,
      [start, new Date(start.getTime() + 2 * hour)],
      50,
      now,
    );
    if (!slots.ok) throw new Error(slots.reason);
    const [mine, taken] = slots.value as [(typeof slots.value)[0], (typeof slots.value)[0]];
    const booked = await bookSlot(pair.a.prisma, ana, mine.id.slice(-6), now);
    expect((await bookSlot(pair.b.prisma, ben, taken.id.slice(-6), now)).ok).toBe(true);
    if (!booked.ok) throw new Error(booked.reason);
    const rebook = await bookSlot(pair.a.prisma, ana, taken.id.slice(-6), now, booked.session);
    expect(rebook.ok).toBe(false);
    expect(
      (await pair.a.prisma.supervisionSession.findUniqueOrThrow({ where: { id: booked.session.id } })).status,
    ).toBe('scheduled');
  });

  it('a rebooking moves the booking in place: the same code, and the old slot free again (issue 23, item 10)', async () => {
    const { supervisor, ana, ben } = await seed(pair.a);
    const start = new Date(now.getTime() + 300 * hour);
    const slots = await publishSlots(
      pair.a.prisma,
      supervisor,
      [start, new Date(start.getTime() + 2 * hour)],
      50,
      now,
    );
    if (!slots.ok) throw new Error(slots.reason);
    const [first, second] = slots.value as [(typeof slots.value)[0], (typeof slots.value)[0]];
    const booked = await bookSlot(pair.a.prisma, ana, first.id.slice(-6), now);
    if (!booked.ok) throw new Error(booked.reason);
    const moved = await bookSlot(pair.a.prisma, ana, second.id.slice(-6), now, booked.session);
    if (!moved.ok) throw new Error(moved.reason);
    expect(moved.session.id).toBe(booked.session.id);
    expect(moved.session.startsAt.toISOString()).toBe(second.startsAt.toISOString());
    expect(moved.session.sequence).toBe(booked.session.sequence + 1);
    expect(await pair.a.prisma.supervisionSession.count({ where: { superviseeId: ana.member.id } })).toBe(1);
    expect((await bookSlot(pair.b.prisma, ben, first.id.slice(-6), now)).ok).toBe(true);
  });
});
