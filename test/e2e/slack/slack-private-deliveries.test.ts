// Issue 21 items 1, 2, 7 and issue 23 item 6, replayed live through the real Bolt and the fake
// Slack, each in its own world: supervisor DMs are notices (no private text, Open shows it),
// private deliveries are checked again when sent (a role removed while a flag waits out quiet
// hours, an admin's retry of a dead row), re-pairing passes an open flag on, plan shares
// likewise, and an erase leaves no outbox row about the member and no escalation. Every
// private value carries a unique marker; at the end of each test, no platform call but the
// reader's own private (ephemeral) Open answer carries one.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { featureList, type RunningApp } from '../../../src/app.ts';
import type { Database } from '../../../src/db/index.ts';
import { ManualClock, type PeriodicJob } from '../../../src/scheduling/index.ts';
import {
  blockActionsPayload,
  DEFAULT_ACTOR,
  FakeSlackApi,
  type SlackActor,
  SlackRequestSender,
  viewSubmissionPayload,
} from '../../fakes/slack/index.ts';
import { startTestApp } from '../../support/app-harness.ts';
import { openPostgres, type PostgresSchema, postgresAvailable } from '../../support/database.ts';
import { migratedPostgresSchema } from '../../support/postgres-template.ts';
import { BOT_TOKEN, freePort, SIGNING_SECRET, shownText } from './support.ts';

const channel = 'C0PEERS0001';
const alice = DEFAULT_ACTOR;
const sam = { userId: 'U0SAM000001', userName: 'sam' };
const kim = { userId: 'U0KIM000001', userName: 'kim' };
const lee = { userId: 'U0LEE000001', userName: 'lee' };
const maya = { userId: 'U0MAYA00001', userName: 'maya' };
const HOUR = 60 * 60_000;
const WAIT = 60_000;

async function slackWorld(database?: Database) {
  const clock = new ManualClock('2026-03-02T22:00:00Z');
  const fake = await FakeSlackApi.start();
  for (const person of [alice, sam, kim, lee, maya])
    fake.setUser(person.userId, { name: person.userName, displayName: person.userName });
  let jobs: PeriodicJob[] = [];
  const port = await freePort();
  const app: RunningApp = await startTestApp(
    {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
    },
    {
      clock,
      ...(database ? { database } : {}),
      features: (deps) => {
        const list = featureList(deps);
        jobs = list.flatMap((feature) => feature.jobs ?? []);
        return list;
      },
    },
  );
  const sender = new SlackRequestSender(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, fake);
  const prisma = app.storage.db.prisma;

  const w = {
    clock,
    fake,
    app,
    prisma,
    /** A `/peer` command, and the private answer it got. */
    async peer(text: string, actor: SlackActor = alice) {
      const mark = fake.calls().length;
      await sender.slashCommand({ command: '/peer', text, channelId: channel, actor });
      return fake.waitForCall('response_url', (call) => call.index >= mark, WAIT);
    },
    /** Presses a button, and returns the private answer. */
    async press(
      actor: SlackActor,
      actionId: string,
      value: string,
      channelId = fake.dmChannelFor(actor.userId),
    ) {
      const mark = fake.calls().length;
      await w.pressOnly(actor, actionId, value, channelId);
      return fake.waitForCall('response_url', (call) => call.index >= mark, WAIT);
    },
    /** Presses a button (its answer may edit the message it sits on instead of answering). */
    async pressOnly(
      actor: SlackActor,
      actionId: string,
      value: string,
      channelId = fake.dmChannelFor(actor.userId),
    ) {
      await sender.interactive(
        blockActionsPayload({
          actionId,
          value,
          actor,
          message: { ts: '1700000000.000100', channelId },
          urls: fake,
        }),
      );
    },
    async flag(actor: SlackActor, level: string, wish: string, note: string) {
      const before = await prisma.triggerFlag.count();
      const mark = fake.calls().length;
      await sender.slashCommand({ command: '/peer', text: 'flag', channelId: channel, actor });
      await fake.waitForCall(
        'views.open',
        (c) => c.index >= mark && shownText(c).includes('flags:submit'),
        WAIT,
      );
      const form = fake.openedView('flags:submit');
      await sender.interactive(
        viewSubmissionPayload({ view: form, actor, answers: { level, wish, note }, urls: fake }),
      );
      await vi.waitFor(async () => expect(await prisma.triggerFlag.count()).toBe(before + 1), {
        timeout: WAIT,
      });
      return prisma.triggerFlag.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    },
    async writePlan(actor: SlackActor, section: string, text: string) {
      const mark = fake.calls().length;
      await sender.interactive(
        blockActionsPayload({ actionId: 'plans:edit', value: section, actor, urls: fake }),
      );
      await fake.waitForCall(
        'views.open',
        (c) => c.index >= mark && shownText(c).includes('plans:section'),
        WAIT,
      );
      const form = fake.openedView('plans:section');
      const saved = fake.calls().length;
      await sender.interactive(viewSubmissionPayload({ view: form, actor, answers: { text }, urls: fake }));
      await vi.waitFor(() => expect(fake.calls().length).toBeGreaterThan(saved), { timeout: WAIT });
      await vi.waitFor(async () => expect(await prisma.wellnessPlan.count()).toBeGreaterThan(0), {
        timeout: WAIT,
      });
    },
    /** The team: alice admin; sam primary and kim backup supervisors of maya; lee a supervisor too. */
    async team() {
      await sender.slashCommand({
        command: '/peer',
        text: 'setup name:Peers timezone:UTC',
        channelId: channel,
      });
      await fake.waitForCall('chat.postMessage', (call) => call.args.channel === channel, WAIT);
      for (const who of [sam, kim, lee]) await w.peer(`team role user:<@${who.userId}> role:supervisor`);
      await w.peer(`team supervisor member:<@${maya.userId}> supervisor:<@${sam.userId}>`);
      await w.peer(`team supervisor member:<@${maya.userId}> supervisor:<@${kim.userId}> kind:backup`);
    },
    /** Successful DMs to `person` that say `words`. */
    dmsTo(person: SlackActor, words: string) {
      const dm = fake.dmChannelFor(person.userId);
      return fake
        .calls('chat.postMessage')
        .filter((c) => c.failure === undefined && c.args.channel === dm && shownText(c).includes(words));
    },
    dmTo(person: SlackActor, words: string) {
      const dm = fake.dmChannelFor(person.userId);
      return fake.waitForCall(
        'chat.postMessage',
        (c) => c.args.channel === dm && shownText(c).includes(words),
        WAIT,
      );
    },
    /**
     * Every call carrying `marker` is private output (an ephemeral answer: the author's own view,
     * or a reader's Open), never a message, an edit or a published view; and each of `readers`
     * (by their DM's response) saw it at least once.
     */
    expectOnlyPrivately(marker: string) {
      const carrying = fake.calls().filter((c) => JSON.stringify(c.args).includes(marker));
      for (const call of carrying) {
        const what = `${call.method} ${JSON.stringify(call.args).slice(0, 160)}`;
        expect(['response_url', 'chat.postEphemeral'], what).toContain(call.method);
        if (call.method === 'response_url') expect(call.args.response_type, what).toBe('ephemeral');
      }
    },
    async runJobs() {
      for (const job of jobs) await job.run({ instanceId: 'e2e', now: clock.now() });
    },
    async stop() {
      await app.stop();
      await fake.close();
    },
  };
  return w;
}

type World = Awaited<ReturnType<typeof slackWorld>>;

/** A flag held for the supervisor's quiet hours; their role removed; the flag goes to the backup. */
async function heldThenRoleRemoved(w: World) {
  const NOTE = 'FLAG-NOTE-q8r1 the session with the twins';
  await w.team();
  await w.peer('quiet-hours hours:21:00-07:00', sam);
  const flag = await w.flag(maya, 'noting', 'just-noting', NOTE);
  // Held: given back until 07:00 UTC, sam's end of quiet hours.
  await vi.waitFor(
    async () => {
      const row = await w.prisma.outboxMessage.findFirstOrThrow({
        where: { idempotencyKey: { startsWith: `flag:${flag.id}:to:` } },
      });
      expect(row.notBefore.toISOString()).toBe('2026-03-03T07:00:00.000Z');
    },
    { timeout: WAIT },
  );
  await w.peer(`team role user:<@${sam.userId}> role:supervisor remove:yes`);
  // Re-routed in the same transaction: kim (the backup) gets the notice now.
  const toKim = await w.dmTo(kim, 'A private flag from maya');
  expect(shownText(toKim)).not.toContain('FLAG-NOTE');
  expect(shownText(toKim)).toContain('flags:open');
  // Morning: sam's held notice comes due, is asked about again, and is dropped, never sent.
  w.clock.advance(9 * HOUR + 60_000);
  await vi.waitFor(
    async () =>
      expect(await w.prisma.auditLog.count({ where: { action: 'refused.private-delivery' } })).toBe(1),
    { timeout: WAIT },
  );
  expect(w.dmsTo(sam, 'A private flag')).toEqual([]);
  expect(await w.prisma.outboxMessage.count({ where: { recipientId: sam.userId } })).toBe(0);
  // kim opens it: the note, privately; maya's `/peer flags` says kim has seen it, and when.
  const opened = await w.press(kim, 'flags:open', flag.id);
  expect(shownText(opened)).toContain('FLAG-NOTE-q8r1');
  const own = await w.peer('flags', maya);
  expect(shownText(own)).toMatch(/seen by kim \(Tue 07:0\d\)/);
  // sam, no longer a supervisor, cannot open it.
  const refused = await w.press(sam, 'flags:open', flag.id);
  expect(shownText(refused)).not.toContain('FLAG-NOTE');
  w.expectOnlyPrivately('FLAG-NOTE-q8r1');
}

let world: World | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

describe('private deliveries on Slack (PGlite)', { timeout: 240_000 }, () => {
  it('drops a flag held for quiet hours once its supervisor role is removed, and passes it to the backup', async () => {
    world = await slackWorld();
    await heldThenRoleRemoved(world);
  });

  it("drops an admin's retry of a dead flag notice to a former supervisor", async () => {
    const w = await slackWorld();
    world = w;
    // A workspace admin (as Slack says): the one who may retry a private message.
    w.fake.setUser(alice.userId, { name: alice.userName, displayName: alice.userName, isAdmin: true });
    await w.team();
    w.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    const flag = await w.flag(maya, 'talk-now', 'talk-now', 'FLAG-NOTE-d3ad call me');
    const row = await vi.waitFor(
      async () => {
        const dead = await w.prisma.outboxMessage.findFirstOrThrow({
          where: { idempotencyKey: { startsWith: `flag:${flag.id}:to:` }, status: 'dead' },
        });
        return dead;
      },
      { timeout: WAIT },
    );
    await w.peer(`team role user:<@${sam.userId}> role:supervisor remove:yes`);
    await w.dmTo(kim, 'A private flag from maya');
    const retried = await w.press(alice, 'outbox:retry', row.id, channel);
    expect(shownText(retried)).toContain('Queued again');
    expect(shownText(retried)).not.toContain('FLAG-NOTE');
    await vi.waitFor(
      async () =>
        expect(await w.prisma.auditLog.count({ where: { action: 'refused.private-delivery' } })).toBe(1),
      { timeout: WAIT },
    );
    expect(w.dmsTo(sam, 'A private flag')).toEqual([]);
    expect(await w.prisma.outboxMessage.count({ where: { id: row.id } })).toBe(0);
    w.expectOnlyPrivately('FLAG-NOTE-d3ad');
  });

  it('passes an open flag to the new primary supervisor on re-pairing; the former one cannot open it', async () => {
    const w = await slackWorld();
    world = w;
    await w.team();
    const flag = await w.flag(maya, 'weighing', 'talk-today', 'FLAG-NOTE-r3p4 a hard home visit');
    await w.dmTo(sam, 'A private flag from maya');
    await w.peer(`team supervisor member:<@${maya.userId}> supervisor:<@${lee.userId}>`);
    const toLee = await w.dmTo(lee, 'A private flag from maya');
    expect(shownText(toLee)).toContain('supervisors changed');
    await w.dmTo(maya, 'now goes to lee');
    expect(shownText(await w.press(lee, 'flags:open', flag.id))).toContain('FLAG-NOTE-r3p4');
    expect(shownText(await w.press(sam, 'flags:open', flag.id))).not.toContain('FLAG-NOTE');
    // Every read by someone else is counted in maya's `/peer privacy`.
    expect(shownText(await w.peer('privacy', maya))).toMatch(/exported your private text:\W* 1\./);
    w.expectOnlyPrivately('FLAG-NOTE-r3p4');
  });

  it('sends a plan share as a notice, drops one queued for a former supervisor, and opens only for the chosen one', async () => {
    const w = await slackWorld();
    world = w;
    await w.team();
    await w.writePlan(maya, 'triggers', 'PLAN-TEXT-p7a2 loud rooms');
    await w.peer('quiet-hours hours:21:00-07:00', sam);
    await w.peer('plan action:share section:triggers', maya);
    await vi.waitFor(
      async () => {
        const row = await w.prisma.outboxMessage.findFirstOrThrow({ where: { privateKind: 'plan-share' } });
        expect(row.notBefore.getTime()).toBeGreaterThan(w.clock.now().getTime());
      },
      { timeout: WAIT },
    );
    await w.peer(`team role user:<@${sam.userId}> role:supervisor remove:yes`);
    w.clock.advance(9 * HOUR + 60_000);
    await vi.waitFor(
      async () =>
        expect(await w.prisma.auditLog.count({ where: { action: 'refused.private-delivery' } })).toBe(1),
      { timeout: WAIT },
    );
    expect(w.dmsTo(sam, 'wellness plan')).toEqual([]);
    // kim is now the one to share with: the notice, then Open.
    await w.peer(`team supervisor member:<@${maya.userId}> supervisor:<@${kim.userId}>`);
    await w.peer('plan action:share section:triggers', maya);
    const notice = await w.dmTo(kim, 'shared a part of their wellness plan');
    expect(shownText(notice)).not.toContain('PLAN-TEXT');
    const share = await w.prisma.planShare.findFirstOrThrow({ orderBy: { sharedAt: 'desc' } });
    expect(shownText(await w.press(kim, 'plans:open-share', share.id))).toContain('PLAN-TEXT-p7a2');
    w.expectOnlyPrivately('PLAN-TEXT-p7a2');
  });

  it('erases every outbox row about the member, closes their open flag and escalates nothing', async () => {
    const w = await slackWorld();
    world = w;
    await w.team();
    await w.peer('quiet-hours hours:21:00-07:00', sam);
    await w.writePlan(maya, 'triggers', 'PLAN-TEXT-e5e5 crowded buses');
    await w.peer('plan action:share section:triggers', maya);
    const flag = await w.flag(maya, 'noting', 'just-noting', 'FLAG-NOTE-e8a5 gone soon');
    const member = await w.prisma.member.findFirstOrThrow({ where: { platformUserId: maya.userId } });
    expect(await w.prisma.outboxMessage.count({ where: { aboutMemberId: member.id } })).toBe(2);
    await w.peer('privacy action:erase', maya);
    await w.pressOnly(maya, 'privacy:erase', member.id);
    await vi.waitFor(
      async () => expect(await w.prisma.auditLog.count({ where: { action: 'privacy.erased' } })).toBe(1),
      { timeout: WAIT },
    );
    const left = await w.prisma.outboxMessage.findMany();
    const aboutHer = left.filter(
      (row) =>
        row.aboutMemberId === member.id ||
        row.recipientMemberId === member.id ||
        row.idempotencyKey.includes(member.id) ||
        row.idempotencyKey.includes(flag.id) ||
        row.recipientId === maya.userId,
    );
    expect(aboutHer).toEqual([]);
    expect(await w.prisma.planShare.count()).toBe(0);
    expect(await w.prisma.triggerFlag.findUniqueOrThrow({ where: { id: flag.id } })).toMatchObject({
      status: 'closed',
      escalateAt: null,
      noteEnc: null,
    });
    // Long past every escalation time: nobody is asked about a "Former member".
    w.clock.advance(30 * HOUR);
    await w.runJobs();
    expect(
      await w.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: `flag:${flag.id}` } } }),
    ).toBe(0);
    expect(w.fake.calls().filter((c) => shownText(c).includes('Former member'))).toEqual([]);
    w.expectOnlyPrivately('FLAG-NOTE-e8a5');
    w.expectOnlyPrivately('PLAN-TEXT-e5e5');
  });
});

const pgAvailable = await postgresAvailable();

describe.skipIf(!pgAvailable)('private deliveries on Slack (PostgreSQL)', { timeout: 240_000 }, () => {
  let schema: PostgresSchema | undefined;
  afterEach(async () => {
    await schema?.drop();
    schema = undefined;
  });

  it('drops a flag held for quiet hours once its supervisor role is removed, and passes it to the backup', async () => {
    const made = await migratedPostgresSchema('pb_private');
    schema = made;
    const database = await openPostgres(made.url);
    world = await slackWorld(database);
    await heldThenRoleRemoved(world);
    await world.stop();
    world = undefined;
  });
});
