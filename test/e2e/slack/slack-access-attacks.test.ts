// Issue 20's attacks 1 and 4, replayed through the real Bolt against the fake Slack, as an
// attacker with nothing but an ordinary workspace account would: both are refused.
// 1. Mallory sets up a channel of her own (admin of that team, nothing more) and asks for the
//    export, then the erase, of a member who holds no team role: refused, nothing sent or erased.
// 4. A team admin who is not a supervisor opens `/peer admin outbox` while a member's private
//    urgent message waits for a named supervisor: the count shows, the recipient never does.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import { markup } from '../../../src/chat/index.ts';
import { enqueueOutbox } from '../../../src/scheduling/index.ts';
import {
  DEFAULT_ACTOR,
  DEFAULT_SLACK_IDENTITY,
  type FakeSlackApi,
  type SlackRequestSender,
} from '../../fakes/slack/index.ts';
import { type SlackWorld, startSlackWorld } from '../../support/slack-world.ts';
import { capturingLogger, shownText } from './support.ts';

const peers = 'C0PEERS0001';
const mine = 'C0MALLORY01';
const ada = DEFAULT_ACTOR; // sets up the team: its admin, not a supervisor
const sam = { userId: 'U0SAM000001', userName: 'sam' };
const vic = { userId: 'U0VIC000001', userName: 'vic' };
const mallory = { userId: 'U0MALLORY01', userName: 'mallory' };

let fake: FakeSlackApi;
let app: RunningApp;
let sender: SlackRequestSender;
let world: SlackWorld;
const { logger } = capturingLogger();

// Each test has a world of its own: a fresh fake Slack and the app on a fresh database.
beforeEach(async () => {
  world = await startSlackWorld({
    users: Object.fromEntries(
      [sam, vic, mallory].map((p) => [p.userId, { name: p.userName, displayName: p.userName }]),
    ),
    logger,
  });
  ({ fake, app, sender } = world);
}, 120_000);

afterEach(async () => {
  await world?.stop();
});

/** Ada sets up the Peers team in its channel (she is its admin, not a supervisor). */
async function setUpPeers() {
  await sender.slashCommand({ command: '/peer', text: 'setup name:Peers', channelId: peers, actor: ada });
  await fake.waitForCall('chat.postMessage', (call) => call.args.channel === peers);
}

/** Runs `/peer <text>` and returns what its response_url was told (the person's private answer). */
async function peer(text: string, actor: { userId: string; userName: string }, channelId: string) {
  const before = fake.calls().length;
  await sender.slashCommand({ command: '/peer', text, channelId, actor });
  const answer = await fake.waitForCall('response_url', (call) => call.index >= before);
  return shownText(answer);
}

describe('access attacks on Slack', () => {
  it('refuses a self-made team admin the export and the erase of someone else (attack 1)', async () => {
    await setUpPeers();
    // Vic is a member whose role an admin then took away: on no team, with data kept.
    await peer(`team role user:<@${vic.userId}> role:member`, ada, peers);
    await peer(`team role user:<@${vic.userId}> role:member remove:yes`, ada, peers);
    await peer('timezone zone:Europe/Berlin', vic, peers);
    await sender.slashCommand({ command: '/peer', text: 'setup name:Mine', channelId: mine, actor: mallory });
    await fake.waitForCall('chat.postMessage', (call) => call.args.channel === mine);
    const prisma = app.storage.db.prisma;
    const victim = await prisma.member.findFirstOrThrow({ where: { platformUserId: vic.userId } });

    const exported = await peer(`privacy export member:<@${vic.userId}>`, mallory, mine);
    expect(exported).toContain('An export goes only to the person it is about');
    const erased = await peer(`privacy erase member:<@${vic.userId}>`, mallory, mine);
    expect(erased).toContain('Only an admin of this workspace');

    expect(fake.calls().filter((call) => call.method.startsWith('files.'))).toEqual([]);
    expect(await prisma.auditLog.count({ where: { action: { startsWith: 'privacy.' } } })).toBe(0);
    expect(await prisma.member.findUniqueOrThrow({ where: { id: victim.id } })).toMatchObject({
      displayName: 'vic',
      timeZone: 'Europe/Berlin',
    });
  });

  it('shows a team admin only the count of a private message, never who it waits for (attack 4)', async () => {
    await setUpPeers();
    const prisma = app.storage.db.prisma;
    const team = await prisma.team.findFirstOrThrow({ where: { channelId: peers } });
    // A member's "talk now" flag waiting for their supervisor, as flags would queue it.
    await enqueueOutbox(prisma, app.storage.cipher, {
      idempotencyKey: `flag-urgent:${randomBytes(4).toString('hex')}`,
      platform: 'slack',
      workspaceExternalId: DEFAULT_SLACK_IDENTITY.teamId,
      teamId: team.id,
      target: { kind: 'dm', userId: sam.userId },
      view: { text: markup`A private flag`, blocks: [] },
      isPrivate: true,
      urgent: true,
      notBefore: new Date(Date.now() + 3_600_000),
    });
    const shown = await peer('admin outbox', ada, peers);
    expect(shown).toContain('1 waiting, 0 failed. Who they are for stays private');
    expect(shown).not.toContain(sam.userId);
    expect(shown).not.toContain('A private flag');
  });
});
