// Issue 20's attacks 1 and 4 on Mattermost, through the real @mattermost/client against the fake
// server, as an attacker with nothing but an ordinary account would try them; and who counts as
// a workspace admin here (the access matrix's one platform-specific standing): the server's
// system_admin role, or team_admin of that Mattermost team only.
// 1. Mallory sets up a channel of her own (admin of that team, nothing more) and asks for the
//    export, then the erase, of a member who holds no team role: refused, nothing sent or erased.
// 4. A team admin who is not a supervisor opens `/peer admin outbox` while a member's private
//    urgent message waits for a named supervisor: the count shows, the recipient never does.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markup } from '../../../src/chat/markup.ts';
import { enqueueOutbox } from '../../../src/scheduling/index.ts';
import type { FakePost, FakeUser } from '../../fakes/mattermost/index.ts';
import { type MattermostWorldUnderTest, shown, startMattermostApp } from './support.ts';

const WAIT = 30_000;
let world: MattermostWorldUnderTest;
let peers = '';
let mine = '';
let elsewhere = '';

beforeAll(async () => {
  world = await startMattermostApp({
    before: (fake) => {
      const w = fake.world;
      for (const name of ['ada', 'sam', 'vic', 'mallory', 'plain']) w.user(name);
      w.user('wanda').roles = 'system_user system_admin';
      w.user('tara');
      w.team.members.set(w.user('tara').id, 'team_user team_admin');
      const room = (team: string, name: string, people: string[]) => {
        const channel = w.addChannel(team, name);
        for (const id of [w.bot.id, ...people.map((p) => w.user(p).id)]) w.joinChannel(channel.id, id);
        return channel.id;
      };
      peers = room(w.team.id, 'peers', ['ada', 'sam', 'vic', 'wanda', 'tara', 'plain']);
      mine = room(w.team.id, 'mallory-room', ['mallory']);
      // Another Mattermost team: tara is an ordinary member there.
      const other = w.addTeam('elsewhere');
      elsewhere = room(other.id, 'lobby', ['tara', 'wanda']);
    },
  });
  const { fake } = world;
  expect((await fake.slash('ada', 'setup name:Peers', { channelId: peers })).status).toBe(200);
  await fake.waitForPost((p) => p.channel_id === peers && p.message.includes('now the team'), 'set-up', WAIT);
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

const who = (name: string): FakeUser => world.fake.world.user(name);

/** Runs `/peer <text>` as `name` in `channelId` and returns the private answer that follows. */
async function peer(name: string, text: string, channelId: string): Promise<FakePost> {
  const { fake } = world;
  const from = fake.posted.size;
  expect((await fake.slash(name, text, { channelId })).status).toBe(200);
  return fake.waitForPost(
    (p) =>
      fake.posted.all().indexOf(p) >= from &&
      (p.ephemeralFor === who(name).id || p.channel_id === fake.dmChannelOf(name)),
    `the answer to ${name}'s /peer ${text}`,
    WAIT,
  );
}

describe('access attacks on Mattermost', { timeout: 120_000 }, () => {
  it('refuses a self-made team admin the export and the erase of someone else (attack 1)', async () => {
    const { fake, app } = world;
    // Vic is a member whose role an admin then took away: on no team, with data kept.
    await peer('ada', 'team role user:@vic role:member', peers);
    await peer('ada', 'team role user:@vic role:member remove:yes', peers);
    await peer('vic', 'timezone zone:Europe/Berlin', peers);
    expect((await fake.slash('mallory', 'setup name:Mine', { channelId: mine })).status).toBe(200);
    await fake.waitForPost(
      (p) => p.channel_id === mine && p.message.includes('now the team'),
      'her set-up',
      WAIT,
    );
    const prisma = app.storage.db.prisma;
    const victim = await prisma.member.findFirstOrThrow({ where: { platformUserId: who('vic').id } });
    const filesBefore = fake.world.files.size;

    expect(shown(await peer('mallory', 'privacy export member:@vic', mine))).toContain(
      'An export goes only to the person it is about',
    );
    expect(shown(await peer('mallory', 'privacy erase member:@vic', mine))).toContain(
      'Only an admin of this workspace',
    );

    expect(fake.world.files.size).toBe(filesBefore);
    expect(fake.calls.all().filter((c) => c.path === '/api/v4/files')).toEqual([]);
    expect(await prisma.auditLog.count({ where: { action: { startsWith: 'privacy.' } } })).toBe(0);
    expect(await prisma.member.findUniqueOrThrow({ where: { id: victim.id } })).toMatchObject({
      timeZone: 'Europe/Berlin',
    });
  });

  it('shows a team admin only the count of a private message, never who it waits for (attack 4)', async () => {
    const { app, fake } = world;
    const prisma = app.storage.db.prisma;
    const team = await prisma.team.findFirstOrThrow({ where: { channelId: peers } });
    const before = await prisma.outboxMessage.count({ where: { status: 'pending' } });
    // A member's "talk now" flag waiting for their supervisor, as flags would queue it.
    await enqueueOutbox(prisma, app.storage.cipher, {
      idempotencyKey: `flag-urgent:${randomBytes(4).toString('hex')}`,
      platform: 'mattermost',
      workspaceExternalId: fake.world.team.id,
      teamId: team.id,
      target: { kind: 'dm', userId: who('sam').id },
      view: { text: markup`A private flag`, blocks: [] },
      isPrivate: true,
      urgent: true,
      notBefore: new Date(Date.now() + 3_600_000),
    });
    const answer = shown(await peer('ada', 'admin outbox', peers));
    expect(answer).toContain(`${before + 1} waiting, 0 failed. Who they are for stays private`);
    expect(answer).not.toContain(who('sam').id);
    expect(answer).not.toContain('@sam');
    expect(answer).not.toContain('A private flag');
  });

  it('takes a workspace admin from the server: system_admin anywhere, team_admin in that team only', async () => {
    const allowed = 'Send me the file in a direct message';
    const refused = 'Only an admin of this workspace can import resources';
    // `resources import` is a workspace admin's verb.
    expect(shown(await peer('wanda', 'resources import', peers))).toContain(allowed);
    expect(shown(await peer('wanda', 'resources import', elsewhere))).toContain(allowed);
    expect(shown(await peer('tara', 'resources import', peers))).toContain(allowed);
    expect(shown(await peer('tara', 'resources import', elsewhere))).toContain(refused);
    expect(shown(await peer('plain', 'resources import', peers))).toContain(refused);
    // A team admin of PeerBridge's own (she ran setup) is not a workspace admin.
    expect(shown(await peer('ada', 'resources import', peers))).toContain(refused);
  });
});
