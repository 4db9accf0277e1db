// Issue 21: a flag notice held for the supervisor's quiet hours ("just noting it" may wait),
// whose supervisor loses the role before it goes. The flag is passed on (reroute.ts); the held
// notice is dropped by the delivery worker, audited, and the member hears in their language that
// it did not reach that person. Nothing of the note goes anywhere.
import { describe, expect, it } from 'vitest';
import { privateDeliveryCheck } from '../../../src/access/private-delivery.ts';
import { toPlainText } from '../../../src/chat/markup.ts';
import { createOutboxWorker } from '../../../src/scheduling/index.ts';
import { driveUntil } from '../../scheduling/support/drive.ts';
import { RecordingChatClient } from '../../scheduling/support/recording-chat-client.ts';
import { dm } from '../../support/chat-harness.ts';
import { standardTeamPerTest, type World } from './support/world.ts';

const HOUR = 60 * 60_000;
const note = 'NOTE-8zt a hard call today';

let w: World;
standardTeamPerTest((world) => {
  w = world;
});

describe('a held flag notice whose supervisor lost the role', () => {
  it('is dropped unsent and audited; the member is told in English that it did not reach them', async () => {
    await w.command('sam', ['quiet-hours'], { hours: '08:00-20:00' }, dm);
    await w.flag('maya', { level: 'noting', wish: 'just-noting', note });
    const flag = await w.prisma.triggerFlag.findFirstOrThrow();
    await w.command('alice', ['team', 'role'], { user: 'sam', role: 'supervisor', remove: true }, 'C-team');

    const delivered = new RecordingChatClient(w.clock, 'shell');
    const worker = createOutboxWorker({
      prisma: w.prisma,
      cipher: w.cipher,
      clientFor: () => delivered,
      instanceId: 'drop-test',
      clock: w.clock,
      privateDeliveries: privateDeliveryCheck(w.prisma),
    });
    worker.start();
    try {
      w.clock.advance(10 * HOUR);
      worker.notify();
      await driveUntil(w.clock, [worker], () =>
        delivered.deliveries.some((d) => d.key.startsWith('private-dropped:flag:')),
      );
    } finally {
      await worker.stop();
    }

    expect(delivered.deliveries.filter((d) => d.target === 'dm:sam')).toEqual([]);
    const toMaya = delivered.deliveries.find((d) => d.key.startsWith('private-dropped:flag:'));
    expect(toMaya?.target).toBe('dm:maya');
    expect(toPlainText(toMaya?.view.text ?? '')).toContain('Your private flag did not reach sam');
    for (const d of delivered.deliveries) expect(JSON.stringify(d.view)).not.toContain('NOTE-8zt');
    const audit = await w.prisma.auditLog.findMany({ where: { action: 'refused.private-delivery' } });
    expect(audit).toMatchObject([{ subjectType: 'TriggerFlag', subjectId: flag.id }]);
  });
});
