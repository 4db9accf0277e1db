// Issue 7, point 7: delivery bookkeeping is pruned once a day, by one replica, keeping sent
// rows' metadata and dropping their payload.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccess } from '../../../src/access/index.ts';
import { literal, markup } from '../../../src/chat/markup.ts';
import { createFieldCipher, type Database } from '../../../src/db/index.ts';
import { createAdminFeature } from '../../../src/features/admin/index.ts';
import { enqueueOutbox, ManualClock } from '../../../src/scheduling/index.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { clientsFor } from '../../support/people.ts';

let db: Database;
const cipher = createFieldCipher(randomBytes(32));
let clock: ManualClock;
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(clock.now().getTime() - days * DAY);

async function sentRow(key: string, sentAt: Date) {
  await enqueueOutbox(db.prisma, cipher, {
    idempotencyKey: key,
    platform: 'slack',
    workspaceExternalId: 'T1',
    target: { kind: 'dm', userId: 'U1' },
    view: { text: markup`${literal('A private follow-up')}`, blocks: [] },
    isPrivate: true,
  });
  await db.prisma.outboxMessage.update({
    where: { idempotencyKey: key },
    data: { status: 'sent', sentAt, attempts: 1, platformMessageId: `ts-${key}` },
  });
}

beforeAll(async () => {
  db = await clonedDatabase();
});
// Each test starts on the same day with the same rows: two event records and two sent
// messages, one of each past its retention.
beforeEach(async () => {
  await emptyDatabase(db);
  clock = new ManualClock('2026-11-23T10:00:00Z');
  await db.prisma.processedEvent.createMany({
    data: [
      { platform: 'slack', eventId: 'old', receivedAt: daysAgo(8) },
      { platform: 'slack', eventId: 'recent', receivedAt: daysAgo(6) },
    ],
  });
  await sentRow('sent:old', daysAgo(31));
  await sentRow('sent:recent', daysAgo(29));
});
afterAll(() => db.close());

const jobOf = () => {
  const admin = createAdminFeature({
    prisma: db.prisma,
    clock,
    notifyOutbox: () => undefined,
    access: createAccess({ prisma: db.prisma, clientFor: clientsFor() }),
    retention: { processedEventDays: 7, sentOutboxDays: 30 },
  });
  const job = admin.jobs?.find((j) => j.name === 'retention.prune');
  if (!job) throw new Error('the admin feature has no retention job');
  return job;
};

describe('the daily prune of delivery records', () => {
  it('runs once a day across replicas, deletes old event records and clears old sent payloads', async () => {
    const [a, b] = [jobOf(), jobOf()];
    await Promise.all([
      a.run({ instanceId: 'replica-a', now: clock.now() }),
      b.run({ instanceId: 'replica-b', now: clock.now() }),
    ]);
    const claims = await db.prisma.occurrenceClaim.findMany({
      where: { key: { startsWith: 'retention-prune@' } },
    });
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ status: 'done', key: 'retention-prune@2026-11-23T00:00:00.000Z' });

    const events = await db.prisma.processedEvent.findMany({ select: { eventId: true } });
    expect(events.map((e) => e.eventId)).toEqual(['recent']);
    const old = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: 'sent:old' } });
    expect(old).toMatchObject({
      status: 'sent',
      payload: '',
      platformMessageId: 'ts-sent:old',
      isPrivate: true,
    });
    const recent = await db.prisma.outboxMessage.findUniqueOrThrow({
      where: { idempotencyKey: 'sent:recent' },
    });
    expect(recent.payload).toMatch(/^v3:/);
  });

  it('runs again the next day, when more has aged', async () => {
    await jobOf().run({ instanceId: 'replica-a', now: clock.now() });
    clock.advance(2 * DAY);
    await jobOf().run({ instanceId: 'replica-b', now: clock.now() });
    expect(
      await db.prisma.occurrenceClaim.count({ where: { key: { startsWith: 'retention-prune@' } } }),
    ).toBe(2);
    expect(await db.prisma.processedEvent.count()).toBe(0);
    const recent = await db.prisma.outboxMessage.findUniqueOrThrow({
      where: { idempotencyKey: 'sent:recent' },
    });
    expect(recent.payload).toBe('');
  });
});
