// Two scheduler instances, each with its own connection pool, on one PostgreSQL schema: a due
// check-in opens one round with one prompt each; its reminder and its digest go out once.
// Counted where they land too: both replicas' outbox workers deliver to one recording client,
// so a message sent twice shows even though its outbox row is unique.
import { randomBytes } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { privateDeliveryCheck } from '../../../src/access/private-delivery.ts';
import { createFieldCipher } from '../../../src/db/index.ts';
import { createOutboxWorker } from '../../../src/scheduling/index.ts';
import { driveFor, driveUntil } from '../../scheduling/support/drive.ts';
import { postgresPair } from '../../scheduling/support/postgres-pair.ts';
import { RecordingChatClient } from '../../scheduling/support/recording-chat-client.ts';
import { dm } from '../../support/chat-harness.ts';
import { checkinWorld } from './support.ts';

const pg = await postgresPair('pb_checkins');

describe.skipIf(!pg.available)('check-ins with two schedulers on PostgreSQL', () => {
  it('opens one round, reminds once and posts one digest when both tick together', async () => {
    const cipher = createFieldCipher(randomBytes(32));
    const a = await checkinWorld({ start: '2026-03-02T07:00:00Z', cipher }, pg.a);
    const b = await checkinWorld({ start: '2026-03-02T07:00:00Z', cipher }, pg.b);
    await a.team({ admin: 'sam', members: ['ana', 'ben'] });
    a.setChannel(['sam', 'ana', 'ben']);
    b.setChannel(['sam', 'ana', 'ben']);
    const opened = await a.command('sam', ['checkin', 'setup']);
    const context = opened.seen.find((s) => s.how === 'form')?.form?.context;
    const saved = await a.form(
      'sam',
      'checkins:setup',
      {
        name: 'Monday circle',
        questions: 'scale: How are you arriving?',
        when: 'mon 09:00',
        clock: 'team',
        hours: '8',
        digest: 'close',
      },
      dm,
      context,
    );
    expect(saved.text()).toContain('Saved');

    // Both replicas' outbox workers deliver what each tick wrote, to one recording client.
    const delivered = new RecordingChatClient(a.clock, 'shell');
    const workers = [pg.a, pg.b].map((db, i) =>
      createOutboxWorker({
        prisma: db.prisma,
        cipher,
        clientFor: () => delivered,
        instanceId: `worker-${i}`,
        clock: a.clock,
        privateDeliveries: privateDeliveryCheck(db.prisma),
      }),
    );
    onTestFinished(() => Promise.all(workers.map((worker) => worker.stop())).then(() => undefined));
    for (const worker of workers) worker.start();
    const pendingDue = () =>
      a.prisma.outboxMessage.count({ where: { status: 'pending', notBefore: { lte: a.clock.now() } } });
    const deliverDue = async (at: Date) => {
      a.clock.advanceTo(at);
      await driveUntil(a.clock, workers, async () => (await pendingDue()) === 0);
    };

    const due = new Date('2026-03-02T08:00:00Z');
    const [ra, rb] = await Promise.all([a.tick(due), b.tick(due)]);
    expect([...ra.ran, ...rb.ran]).toHaveLength(1);
    expect(await a.prisma.checkinRound.count()).toBe(1);
    expect((await a.outbox({ keyPrefix: 'checkin-prompt:' })).map((p) => p.recipientId).sort()).toEqual([
      'ana',
      'ben',
      'sam',
    ]);
    expect(await a.outbox({ keyPrefix: 'checkin-note:' })).toHaveLength(1);
    await deliverDue(due);

    const remind = new Date('2026-03-02T14:00:00Z');
    await Promise.all([a.tick(remind), b.tick(remind)]);
    expect(await a.outbox({ keyPrefix: 'checkin-reminder:' })).toHaveLength(3);
    await deliverDue(remind);

    const close = new Date('2026-03-02T16:00:00Z');
    await Promise.all([a.tick(close), b.tick(close), a.tick(close)]);
    expect(await a.outbox({ keyPrefix: 'checkin-digest:' })).toHaveLength(1);
    expect((await a.prisma.checkinRound.findFirstOrThrow()).status).toBe('closed');
    await deliverDue(close);

    // Everything due went out; the workers run on past their claims, then stop.
    await driveFor(a.clock, workers);
    await Promise.all(workers.map((worker) => worker.stop()));
    const keys = delivered.deliveries.map((d) => d.key);
    expect(
      keys.filter((key, i) => keys.indexOf(key) !== i),
      'delivered twice',
    ).toEqual([]);
    const to = (prefix: string) =>
      delivered.deliveries
        .filter((d) => d.key.startsWith(prefix))
        .map((d) => d.target)
        .sort();
    expect(to('checkin-prompt:')).toEqual(['dm:ana', 'dm:ben', 'dm:sam']);
    expect(to('checkin-reminder:')).toEqual(['dm:ana', 'dm:ben', 'dm:sam']);
    expect(to('checkin-note:')).toHaveLength(1);
    expect(to('checkin-digest:')).toHaveLength(1);
  }, 120_000);
});
