import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAccess } from '../../../src/access/index.ts';
import { shellPerson } from '../../../src/adapters/shell/shell-client.ts';
import { parseMarkup, toPlainText } from '../../../src/chat/index.ts';
import { literal, markup } from '../../../src/chat/markup.ts';
import { createFieldCipher, type Database } from '../../../src/db/index.ts';
import { createAdminFeature } from '../../../src/features/admin/index.ts';
import { createTeamsFeature } from '../../../src/features/teams/index.ts';
import { enqueueOutbox, ManualClock } from '../../../src/scheduling/index.ts';
import { featureHarness } from '../../support/chat-harness.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { clientsFor, lookupOnlyClient } from '../../support/people.ts';

let db: Database;
let chat: ReturnType<typeof featureHarness>;
let notified = 0;
const clock = new ManualClock('2026-11-23T10:00:00Z');
const cipher = createFieldCipher(randomBytes(32));
// The shell's people, except that `wanda` is a workspace admin, as Slack's is_admin would say.
const people = lookupOnlyClient('shell', (userId) => {
  const person = shellPerson({ platform: 'shell', workspaceId: 'local', userId });
  return person && { ...person, isWorkspaceAdmin: userId === 'wanda' };
});

async function enqueue(
  key: string,
  teamId: string | undefined,
  dead: boolean,
  lastError = 'channel_not_found',
  isPrivate = false,
) {
  await enqueueOutbox(db.prisma, cipher, {
    idempotencyKey: key,
    platform: 'shell',
    workspaceExternalId: 'local',
    ...(teamId ? { teamId } : {}),
    target: { kind: 'dm', userId: isPrivate ? 'Usupervisor9' : 'blake' },
    view: { text: markup`${literal('A private note that admins must never see')}`, blocks: [] },
    isPrivate,
    notBefore: clock.now(),
  });
  if (dead) {
    await db.prisma.outboxMessage.update({
      where: { idempotencyKey: key },
      data: { status: 'dead', attempts: 8, lastError },
    });
  }
}

const teamId = async (channelId: string) =>
  (await db.prisma.team.findFirstOrThrow({ where: { channelId } })).id;

beforeAll(async () => {
  db = await clonedDatabase();
});

// Each test's world: an empty database with two teams (alex's Harbor, mallory's Mine) and five
// deliveries: two waiting and one failed for Harbor, one failed for Mine, one for no team.
beforeEach(async () => {
  await emptyDatabase(db);
  notified = 0;
  const clientFor = clientsFor(people);
  const teams = createTeamsFeature({
    prisma: db.prisma,
    defaults: { timeZone: 'UTC', crisisRegion: 'US' },
    clientFor,
  });
  const admin = createAdminFeature({
    prisma: db.prisma,
    clock,
    notifyOutbox: () => notified++,
    access: createAccess({ prisma: db.prisma, clientFor }),
    retention: { processedEventDays: 7, sentOutboxDays: 30 },
  });
  chat = featureHarness(db.prisma, [teams, admin], { clientFor });
  await chat.command('alex', ['setup'], { name: 'Harbor' });
  await chat.command('blake', ['team', 'show']);
  // Anyone can make a team of their own: mallory does, in her own channel.
  await chat.command('mallory', ['setup'], { name: 'Mine' }, 'C-mallory');
  const harbor = await teamId('C-team');
  await enqueue('harbor:0', harbor, false);
  await enqueue('harbor:1', harbor, true, 'channel_not_found [click](https://evil.example)');
  await enqueue('mine:0', await teamId('C-mallory'), true, 'user_not_found');
  await enqueue('workspace:0', undefined, true, 'no_team');
  // A member's urgent flag, waiting for a named supervisor: who it is for is itself private.
  await enqueue('harbor:private', harbor, false, undefined, true);
});
afterAll(() => db.close());

describe('/peer admin outbox', () => {
  it('refuses, privately, someone who is not an admin', async () => {
    const reply = await chat.command('blake', ['admin', 'outbox']);
    expect(reply.seen.map((r) => r.how)).toEqual(['privately']);
    expect(reply.text()).toMatch(/Only admins can see delivery status/);
  });

  it("shows a team admin their team's deliveries, with a retry button, never the text", async () => {
    const reply = await chat.command('alex', ['admin', 'outbox']);
    const text = toPlainText(reply.text());
    expect(text).toContain('Deliveries for this team');
    expect(text).toContain('Waiting: 2');
    // The private message is counted, never listed: not its recipient, not a button.
    expect(text).toContain('Private messages: 1 waiting, 0 failed');
    expect(text).not.toContain('Usupervisor9');
    expect(text).toContain('Failed: 1');
    expect(text).toContain('channel_not_found');
    expect(text).not.toContain('user_not_found');
    expect(text).not.toContain('no_team');
    expect(text).not.toContain('private note');
    // A platform's error text is shown literally, never as a link.
    expect(text).toContain('[click](https://evil.example)');
    expect(parseMarkup(reply.text()).filter((piece) => piece.kind === 'link')).toEqual([]);
    const buttons =
      reply.seen[0]?.view?.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])) ?? [];
    expect(buttons).toHaveLength(1);
    expect(buttons[0]).toMatchObject({ actionId: 'outbox:retry', label: 'Retry' });
  });

  it('speaks to a Spanish-speaking admin in Spanish, platform errors still literal', async () => {
    await chat.command('alex', ['language'], { choice: 'es' });
    const reply = await chat.command('alex', ['admin', 'outbox']);
    const text = toPlainText(reply.text());
    expect(text).toContain('Entregas de este equipo');
    expect(text).toContain('En espera: 2');
    expect(text).toContain('Mensajes privados: 1 en espera, 0 fallidos');
    expect(text).toContain('Último error: channel_not_found [click](https://evil.example)');
    expect(text).not.toContain('Deliveries for');
    expect(parseMarkup(reply.text()).filter((piece) => piece.kind === 'link')).toEqual([]);
    const buttons =
      reply.seen[0]?.view?.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])) ?? [];
    expect(buttons[0]).toMatchObject({ actionId: 'outbox:retry', label: 'Reintentar' });
  });

  it("keeps the admin of a team of one's own out of other teams' and the workspace's deliveries", async () => {
    const own = await chat.command('mallory', ['admin', 'outbox'], {}, 'C-mallory');
    expect(toPlainText(own.text())).toContain('Failed: 1');
    expect(toPlainText(own.text())).toContain('user_not_found');
    expect(toPlainText(own.text())).not.toContain('channel_not_found');
    const elsewhere = await chat.command('mallory', ['admin', 'outbox'], {}, 'C-team');
    expect(elsewhere.text()).toMatch(/Only admins can see delivery status/);
    const harborDead = await db.prisma.outboxMessage.findUniqueOrThrow({
      where: { idempotencyKey: 'harbor:1' },
    });
    const retry = await chat.action('mallory', 'outbox:retry', harborDead.id, 'C-mallory');
    expect(retry.text()).toMatch(/not in the outbox you can see/);
    expect((await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: harborDead.id } })).status).toBe(
      'dead',
    );
  });

  it('shows a workspace admin, as the platform names them, every delivery of the workspace', async () => {
    const reply = await chat.command('wanda', ['admin', 'outbox'], {}, 'C-random');
    expect(reply.text()).toContain('Deliveries for this workspace');
    expect(reply.text()).toContain('Failed: 3');
    // Only a workspace admin sees who a private message is for.
    expect(reply.text()).toContain('Usupervisor9');
  });

  it('puts a failed message back in the queue when an admin presses retry', async () => {
    const dead = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: 'harbor:1' } });
    const refused = await chat.action('blake', 'outbox:retry', dead.id);
    expect(refused.text()).toMatch(/Only admins can see delivery status/);
    const reply = await chat.action('alex', 'outbox:retry', dead.id);
    expect(reply.text()).toMatch(/Queued again/);
    expect(await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({
      status: 'pending',
      attempts: 0,
    });
    expect(notified).toBe(1);
  });
});
