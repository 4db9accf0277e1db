// Issue 21: a plan share held for the supervisor's quiet hours, whose supervisor loses the role
// before it goes. The delivery worker (with the app's access check) drops it: nothing reaches
// the former supervisor, the drop is audited, and the member is told by DM, in their own
// language, that it did not go to that person and how to share it again. The DM carries
// nothing of the section's text.
import { describe, expect, it } from 'vitest';
import { privateDeliveryCheck } from '../../../src/access/private-delivery.ts';
import { toPlainText } from '../../../src/chat/markup.ts';
import { createOutboxWorker, type OutboxWorker } from '../../../src/scheduling/index.ts';
import { driveUntil, settleAll } from '../../scheduling/support/drive.ts';
import { RecordingChatClient } from '../../scheduling/support/recording-chat-client.ts';
import { dm } from '../../support/chat-harness.ts';
import { standardTeamPerTest, type World } from '../flags/support/world.ts';

const HOUR = 60 * 60_000;
const marker = 'PLANTEXT-4kq walk by the river';

let w: World;
standardTeamPerTest((world) => {
  w = world;
});

async function withWorker<T>(run: (worker: OutboxWorker, delivered: RecordingChatClient) => Promise<T>) {
  const delivered = new RecordingChatClient(w.clock, 'shell');
  const worker = createOutboxWorker({
    prisma: w.prisma,
    cipher: w.cipher,
    clientFor: () => delivered,
    instanceId: 'drop-test',
    clock: w.clock,
    // The app's own check (app.ts): asked before each private delivery, told of each drop.
    privateDeliveries: privateDeliveryCheck(w.prisma),
  });
  worker.start();
  try {
    return await run(worker, delivered);
  } finally {
    await worker.stop();
  }
}

describe('a held plan share whose supervisor lost the role', () => {
  it('never reaches the former supervisor; the member hears why in their language, and the drop is audited', async () => {
    await w.command('maya', ['language'], { choice: 'es' }, dm);
    // sam's quiet hours cover now (10:00 UTC is 11:00 in Berlin, the team's zone).
    await w.command('sam', ['quiet-hours'], { hours: '08:00-20:00' }, dm);
    await w.form('maya', 'plans:section', { text: marker }, dm, 'triggers');
    await w.command('maya', ['plan'], { action: 'share', section: 'triggers' }, dm);
    const share = await w.prisma.planShare.findFirstOrThrow();

    await withWorker(async (worker, delivered) => {
      // The worker holds the notice for sam's quiet hours.
      await settleAll([worker]);
      const held = await w.prisma.outboxMessage.findFirstOrThrow({ where: { privateKind: 'plan-share' } });
      expect(held.notBefore.getTime()).toBeGreaterThan(w.clock.now().getTime());
      expect(delivered.deliveries.filter((d) => d.target === 'dm:sam')).toEqual([]);

      // alice takes sam's supervisor role away while it waits.
      await w.command('alice', ['team', 'role'], { user: 'sam', role: 'supervisor', remove: true }, 'C-team');

      w.clock.advance(10 * HOUR);
      worker.notify();
      await driveUntil(w.clock, [worker], () =>
        delivered.deliveries.some((d) => d.key.startsWith('private-dropped:plan-share:')),
      );

      expect(delivered.deliveries.filter((d) => d.target === 'dm:sam')).toEqual([]);
      expect(await w.prisma.outboxMessage.count({ where: { privateKind: 'plan-share' } })).toBe(0);
      const toMaya = delivered.deliveries.find((d) => d.key.startsWith('private-dropped:plan-share:'));
      expect(toMaya?.target).toBe('dm:maya');
      const said = toPlainText(toMaya?.view.text ?? '');
      expect(said).toContain('Tu sección "Desencadenantes y qué hacer" no le llegó a sam');
      expect(said).toContain('/peer plan share section:triggers');
      for (const d of delivered.deliveries) expect(JSON.stringify(d.view)).not.toContain('PLANTEXT-4kq');
    });

    const audit = await w.prisma.auditLog.findMany({ where: { action: 'refused.private-delivery' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ subjectType: 'Member', subjectId: share.memberId });
    expect(audit[0]?.detail).toMatchObject({ kind: 'plan-share' });
  });

  it('says nothing to the member when the share was erased before it went', async () => {
    await w.command('sam', ['quiet-hours'], { hours: '08:00-20:00' }, dm);
    await w.form('maya', 'plans:section', { text: marker }, dm, 'triggers');
    await w.command('maya', ['plan'], { action: 'share', section: 'triggers' }, dm);
    await w.prisma.planShare.deleteMany();

    await withWorker(async (worker, delivered) => {
      w.clock.advance(10 * HOUR);
      worker.notify();
      await driveUntil(
        w.clock,
        [worker],
        async () => (await w.prisma.outboxMessage.count({ where: { privateKind: 'plan-share' } })) === 0,
      );
      await settleAll([worker]);
      expect(
        delivered.deliveries.filter((d) => d.target === 'dm:sam' || d.key.startsWith('private-dropped:')),
      ).toEqual([]);
    });
    expect(await w.prisma.auditLog.count({ where: { action: 'refused.private-delivery' } })).toBe(1);
  });
});
