// Two scheduler instances on one PostgreSQL server tick at the same moment: a flag nobody
// acknowledged escalates once, with one DM to the backup and one notice to the member. Counted
// where it lands: the two replicas' outbox workers deliver to one recording client, so a
// message sent twice shows even though its outbox row is unique.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { privateDeliveryCheck } from '../../../src/access/private-delivery.ts';
import { createFieldCipher } from '../../../src/db/index.ts';
import { createOutboxWorker, ManualClock } from '../../../src/scheduling/index.ts';
import { driveFor, driveUntil } from '../../scheduling/support/drive.ts';
import { postgresPair } from '../../scheduling/support/postgres-pair.ts';
import { RecordingChatClient } from '../../scheduling/support/recording-chat-client.ts';
import { flagsWorld } from './support/world.ts';

const pg = await postgresPair('pb_flags');

describe.skipIf(!pg.available)('escalation on PostgreSQL', () => {
  it('escalates once when two replicas tick together', async () => {
    const cipher = createFieldCipher(randomBytes(32));
    const clockA = new ManualClock('2026-03-02T10:00:00Z');
    const clockB = new ManualClock('2026-03-02T10:00:00Z');
    const a = await flagsWorld({ db: pg.a, cipher, clock: clockA });
    const b = await flagsWorld({ db: pg.b, cipher, clock: clockB });
    await a.standardTeam();
    await a.flag('maya', { level: 'talk-now', wish: 'talk-now', note: 'once only' });

    clockA.advance(16 * 60_000);
    clockB.advance(16 * 60_000);
    for (let round = 0; round < 3; round++) {
      await Promise.all([a.scheduler('replica-a').tick(), b.scheduler('replica-b').tick()]);
    }
    expect(await a.inbox('kim')).toHaveLength(1);
    const notices = (await a.inbox('maya')).filter((v) => v.key.includes(':escalated:'));
    expect(notices).toHaveLength(1);
    const claims = await a.prisma.occurrenceClaim.findMany({
      where: { key: { startsWith: 'flag-escalation:' } },
    });
    expect(claims).toHaveLength(1);
    expect(await a.prisma.triggerFlag.findFirstOrThrow()).toMatchObject({ step: 1, status: 'escalated' });

    // Both replicas' workers deliver what is due, run on past their claims, and stop.
    const delivered = new RecordingChatClient(clockA, 'shell');
    const workers = [pg.a, pg.b].map((db, i) =>
      createOutboxWorker({
        prisma: db.prisma,
        cipher,
        clientFor: () => delivered,
        instanceId: `worker-${i}`,
        clock: clockA,
        // The app's own check: private notices go only to whom the access policy allows.
        privateDeliveries: privateDeliveryCheck(db.prisma),
      }),
    );
    const due = await a.prisma.outboxMessage.count({ where: { notBefore: { lte: clockA.now() } } });
    try {
      for (const worker of workers) worker.start();
      await driveUntil(clockA, workers, () => delivered.deliveredKeys().size === due);
      await driveFor(clockA, workers);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
    const keys = delivered.deliveries.map((d) => d.key);
    expect(
      keys.filter((key, i) => keys.indexOf(key) !== i),
      'delivered twice',
    ).toEqual([]);
    expect(delivered.deliveries.filter((d) => d.target === 'dm:kim')).toHaveLength(1);
    expect(
      delivered.deliveries.filter((d) => d.target === 'dm:maya' && d.key.includes(':escalated:')),
    ).toHaveLength(1);
  });
});
