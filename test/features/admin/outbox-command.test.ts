import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noRoles } from '../../../src/chat/index.ts';
import { createFieldCipher, type Database } from '../../../src/db/index.ts';
import { createAdminFeature } from '../../../src/features/admin/index.ts';
import { createTeamsFeature } from '../../../src/features/teams/index.ts';
import { enqueueOutbox, ManualClock } from '../../../src/scheduling/index.ts';
import { featureHarness } from '../../support/chat-harness.ts';
import { clonedDatabase } from '../../support/database.ts';

let db: Database;
let chat: ReturnType<typeof featureHarness>;
let notified = 0;
const clock = new ManualClock('2026-11-23T10:00:00Z');
const cipher = createFieldCipher(randomBytes(32));

beforeAll(async () => {
  db = await clonedDatabase();
  const teams = createTeamsFeature({ prisma: db.prisma, defaults: { timeZone: 'UTC', crisisRegion: 'US' } });
  // As app.ts wires it: the teams feature answers who is an admin.
  const roles = { rolesOf: teams.rolesOf ?? (async () => noRoles) };
  const admin = createAdminFeature({ prisma: db.prisma, clock, notifyOutbox: () => notified++, roles });
  chat = featureHarness(db.prisma, [teams, admin]);
  await chat.command('alex', ['setup'], { name: 'Harbor' });
  await chat.command('blake', ['team', 'show']);
  for (const [i, status] of (['pending', 'dead'] as const).entries()) {
    await enqueueOutbox(db.prisma, cipher, {
      idempotencyKey: `test:${i}`,
      platform: 'shell',
      workspaceExternalId: 'local',
      target: { kind: 'dm', userId: 'blake' },
      view: { text: 'A private note that admins must never see', blocks: [] },
      isPrivate: true,
      notBefore: clock.now(),
    });
    if (status === 'dead') {
      await db.prisma.outboxMessage.update({
        where: { idempotencyKey: `test:${i}` },
        data: { status: 'dead', attempts: 8, lastError: 'channel_not_found' },
      });
    }
  }
});
afterAll(() => db.close());

describe('/peer admin outbox', () => {
  it('refuses, privately, someone who is not an admin', async () => {
    const reply = await chat.command('blake', ['admin', 'outbox']);
    expect(reply.seen.map((r) => r.how)).toEqual(['privately']);
    expect(reply.text()).toMatch(/Only team admins/);
  });

  it('shows admins what waits and what failed, with a retry button, never the text', async () => {
    const reply = await chat.command('alex', ['admin', 'outbox']);
    const text = reply.text();
    expect(text).toContain('Waiting: 1');
    expect(text).toContain('Failed: 1');
    expect(text).toContain('channel_not_found');
    expect(text).not.toContain('private note');
    const buttons =
      reply.seen[0]?.view?.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])) ?? [];
    expect(buttons).toHaveLength(1);
    expect(buttons[0]).toMatchObject({ actionId: 'outbox:retry', label: 'Retry' });
  });

  it('puts a failed message back in the queue when an admin presses retry', async () => {
    const dead = await db.prisma.outboxMessage.findFirstOrThrow({ where: { status: 'dead' } });
    const refused = await chat.action('blake', 'outbox:retry', dead.id);
    expect(refused.text()).toMatch(/Only team admins/);
    const reply = await chat.action('alex', 'outbox:retry', dead.id);
    expect(reply.text()).toMatch(/Queued again/);
    expect(await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({
      status: 'pending',
      attempts: 0,
    });
    expect(notified).toBe(1);
  });
});
