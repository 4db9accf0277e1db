// Private deliveries on Mattermost (issue 21 items 1, 2, 7, issue 23 item 6 and issue 25, as the
// Slack twin replays them), through the real @mattermost/client against the fake server, each
// test in its own world on a manual clock: supervisor DMs are notices (no private text; Open
// shows it), private deliveries are checked again when sent (a role removed while a flag waits
// out quiet hours, or before an admin's retry of a dead notice), re-pairing passes an open flag
// on, and an erase leaves no outbox row about the member and no escalation. Every private value
// carries a unique marker; no call to Mattermost but an ephemeral post (the author's own view, or
// a reader's Open) carries one. Presses on buttons the person was never shown are made with a
// valid MAC (the strongest forger): the feature decides.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionKey, signAction } from '../../../src/adapters/mattermost/action-mac.ts';
import { featureList } from '../../../src/app.ts';
import type { Database } from '../../../src/db/index.ts';
import { ManualClock, type PeriodicJob } from '../../../src/scheduling/index.ts';
import type { FakePost } from '../../fakes/mattermost/index.ts';
import { openPostgres, type PostgresSchema, postgresAvailable } from '../../support/database.ts';
import { migratedPostgresSchema } from '../../support/postgres-template.ts';
import { MM_TOKEN, shown, startMattermostApp } from './support.ts';
import { answerParts, formMark } from './support-journeys.ts';

const HOUR = 60 * 60_000;
const WAIT = 60_000;

async function mattermostWorld(database?: Database) {
  const clock = new ManualClock('2026-03-02T22:00:00Z');
  let jobs: PeriodicJob[] = [];
  let channel = '';
  const under = await startMattermostApp({
    clock,
    ...(database ? { database } : {}),
    features: (deps) => {
      const list = featureList(deps);
      jobs = list.flatMap((feature) => feature.jobs ?? []);
      return list;
    },
    before: (fake) => {
      const room = fake.world.addChannel(fake.world.team.id, 'peers');
      channel = room.id;
      for (const id of [
        fake.world.bot.id,
        ...['alice', 'sam', 'kim', 'lee', 'maya'].map((n) => fake.world.user(n).id),
      ])
        fake.world.joinChannel(room.id, id);
    },
  });
  const { fake, app } = under;
  const prisma = app.storage.db.prisma;
  const key = actionKey(undefined, MM_TOKEN);
  const userId = (name: string) => fake.world.user(name).id;

  /** The next post only `who` sees (ephemeral for them, or in their direct channel). */
  const nextTo = (who: string) => {
    const from = fake.posted.size;
    return (words = '') =>
      fake.waitForPost(
        (p) =>
          fake.posted.all().indexOf(p) >= from &&
          (p.ephemeralFor === userId(who) || (p.channel_id === fake.dmChannelOf(who) && !p.ephemeralFor)) &&
          shown(p).includes(words),
        `a private answer to ${who}${words ? ` saying "${words}"` : ''}`,
        WAIT,
      );
  };

  const w = {
    clock,
    fake,
    app,
    prisma,
    /** A `/peer` command in the team's channel, and the private answer it got. */
    async peer(text: string, who = 'alice'): Promise<FakePost> {
      const answer = nextTo(who);
      expect((await fake.slash(who, text, { channelId: channel })).status).toBe(200);
      return answer();
    },
    /** A press (signed, as the bot signs its buttons) in `who`'s direct channel, and the answer. */
    async press(who: string, actionId: string, value: string): Promise<FakePost> {
      const answer = nextTo(who);
      const context = signAction(key, { actionId, value });
      const url = `http://127.0.0.1:${under.port}/mattermost/action`;
      expect((await fake.forgedPress(url, { ...context }, who, fake.dmChannelOf(who))).status).toBe(200);
      return answer();
    },
    async flag(who: string, level: string, wish: string, note: string) {
      const before = await prisma.triggerFlag.count();
      const opened = formMark(fake, who);
      await fake.slash(who, 'flag', { channelId: channel });
      await answerParts(fake, who, opened, { level, wish, note });
      await vi.waitFor(async () => expect(await prisma.triggerFlag.count()).toBe(before + 1), {
        timeout: WAIT,
      });
      return prisma.triggerFlag.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    },
    async writePlan(who: string, section: string, text: string) {
      // A forged press carries no valid trigger: the form comes as an "is ready for you" button.
      const opened = formMark(fake, who);
      const url = `http://127.0.0.1:${under.port}/mattermost/action`;
      const context = signAction(key, { actionId: 'plans:edit', value: section });
      expect((await fake.forgedPress(url, { ...context }, who, fake.dmChannelOf(who))).status).toBe(200);
      await answerParts(fake, who, opened, { text });
      await vi.waitFor(async () => expect(await prisma.wellnessPlan.count()).toBeGreaterThan(0), {
        timeout: WAIT,
      });
    },
    /** The team: alice admin; sam primary and kim backup supervisors of maya; lee a supervisor too. */
    async team() {
      expect(
        (await fake.slash('alice', 'setup name:Peers timezone:UTC', { channelId: channel })).status,
      ).toBe(200);
      await fake.waitForPost(
        (p) => p.channel_id === channel && p.message.includes('now the team'),
        'set-up',
        WAIT,
      );
      for (const who of ['sam', 'kim', 'lee']) await w.peer(`team role user:@${who} role:supervisor`);
      await w.peer('team supervisor member:@maya supervisor:@sam');
      await w.peer('team supervisor member:@maya supervisor:@kim kind:backup');
    },
    /** Posts in `who`'s direct channel (not ephemeral) that say `words`. */
    dmsTo(who: string, words: string): FakePost[] {
      const dm = fake.dmChannelOf(who);
      return fake.posted
        .all()
        .filter((p) => p.channel_id === dm && !p.ephemeralFor && shown(p).includes(words));
    },
    dmTo(who: string, words: string): Promise<FakePost> {
      const dm = fake.dmChannelOf(who);
      return fake.waitForPost(
        (p) => p.channel_id === dm && !p.ephemeralFor && shown(p).includes(words),
        `a DM to ${who} saying "${words}"`,
        WAIT,
      );
    },
    /** Every call carrying `marker` is an ephemeral post (or a dialog its author opened). */
    expectOnlyPrivately(marker: string, options: { read: boolean } = { read: true }) {
      const carrying = fake.calls.all().filter((c) => JSON.stringify(c.body ?? null).includes(marker));
      if (options.read) expect(carrying.length, `someone read ${marker}`).toBeGreaterThan(0);
      for (const call of carrying)
        expect(
          ['/api/v4/posts/ephemeral', '/api/v4/actions/dialogs/open'],
          `${call.method} ${call.path}`,
        ).toContain(call.path);
    },
    async runJobs() {
      for (const job of jobs) await job.run({ instanceId: 'e2e', now: clock.now() });
    },
    stop: () => under.stop(),
  };
  return w;
}

type World = Awaited<ReturnType<typeof mattermostWorld>>;

/** A flag held for the supervisor's quiet hours; their role removed; the flag goes to the backup. */
async function heldThenRoleRemoved(w: World) {
  const NOTE = 'FLAG-NOTE-q8r1 the session with the twins';
  await w.team();
  await w.peer('quiet-hours hours:21:00-07:00', 'sam');
  const flag = await w.flag('maya', 'noting', 'just-noting', NOTE);
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
  await w.peer('team role user:@sam role:supervisor remove:yes');
  // Re-routed in the same transaction: kim (the backup) gets the notice now.
  const toKim = await w.dmTo('kim', 'A private flag from');
  expect(shown(toKim)).not.toContain('FLAG-NOTE');
  expect(shown(toKim)).toContain('Open');
  // Morning: sam's held notice comes due, is asked about again, and is dropped, never sent.
  w.clock.advance(9 * HOUR + 60_000);
  await vi.waitFor(
    async () =>
      expect(await w.prisma.auditLog.count({ where: { action: 'refused.private-delivery' } })).toBe(1),
    { timeout: WAIT },
  );
  expect(w.dmsTo('sam', 'A private flag')).toEqual([]);
  expect(await w.prisma.outboxMessage.count({ where: { recipientId: w.fake.world.user('sam').id } })).toBe(0);
  // kim opens it (the button on her notice): the note, privately; maya's `/peer flags` says kim has seen it.
  const opened = await w.fake.press('kim', toKim.id, 'Open');
  expect(opened.status).toBe(200);
  const note = await w.fake.waitForPost(
    (p) => p.message.includes('FLAG-NOTE-q8r1'),
    'the note, opened',
    WAIT,
  );
  expect(note.ephemeralFor).toBe(w.fake.world.user('kim').id);
  expect(shown(await w.peer('flags', 'maya'))).toMatch(/seen by kim \(Tue 07:0\d\)/i);
  // sam, no longer a supervisor, cannot open it.
  expect(shown(await w.press('sam', 'flags:open', flag.id))).not.toContain('FLAG-NOTE');
  w.expectOnlyPrivately('FLAG-NOTE-q8r1');
}

let world: World | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

describe('private deliveries on Mattermost (PGlite)', { timeout: 240_000 }, () => {
  it('drops a flag held for quiet hours once its supervisor role is removed, and passes it to the backup', async () => {
    world = await mattermostWorld();
    await heldThenRoleRemoved(world);
  });

  it("drops an admin's retry of a dead flag notice to a former supervisor", async () => {
    const w = await mattermostWorld();
    world = w;
    // A workspace admin (as Mattermost says: system_admin): the one who may retry a private message.
    w.fake.world.user('alice').roles = 'system_user system_admin';
    await w.team();
    // The server refuses the bot's post to sam's direct channel (a 403: given up on at once).
    const samDm = w.fake.dmChannelOf('sam');
    w.fake.failPosts(samDm);
    const flag = await w.flag('maya', 'talk-now', 'talk-now', 'FLAG-NOTE-d3ad call me');
    const row = await vi.waitFor(
      () =>
        w.prisma.outboxMessage.findFirstOrThrow({
          where: { idempotencyKey: { startsWith: `flag:${flag.id}:to:` }, status: 'dead' },
        }),
      { timeout: WAIT },
    );
    expect(row.recipientId).toBe(w.fake.world.user('sam').id);
    expect(row.lastError).toContain('403');
    await w.peer('team role user:@sam role:supervisor remove:yes');
    await w.dmTo('kim', 'A private flag from');
    // Dead rows are not asked about again on their own: nothing is refused until someone retries.
    expect(await w.prisma.auditLog.count({ where: { action: 'refused.private-delivery' } })).toBe(0);
    // alice opens `/peer admin outbox` and presses Retry on the failed row (the button she was shown).
    const listed = await w.peer('admin outbox');
    expect(shown(listed)).toContain('Retry');
    expect(shown(listed)).not.toContain('FLAG-NOTE');
    const answer = w.fake.waitForPost(
      (p) => p.ephemeralFor === w.fake.world.user('alice').id && shown(p).includes('Queued again'),
      'the retry, queued',
      WAIT,
    );
    expect((await w.fake.press('alice', listed.id, 'Retry')).status).toBe(200);
    expect(shown(await answer)).not.toContain('FLAG-NOTE');
    // Asked about again when due: sam is no supervisor now, so it is dropped (audited), never sent.
    await vi.waitFor(
      async () =>
        expect(await w.prisma.auditLog.count({ where: { action: 'refused.private-delivery' } })).toBe(1),
      { timeout: WAIT },
    );
    expect(w.dmsTo('sam', 'A private flag')).toEqual([]);
    expect(await w.prisma.outboxMessage.count({ where: { id: row.id } })).toBe(0);
    // The one post ever tried in sam's direct channel is the refused one.
    const toSam = w.fake.calls
      .all()
      .filter((c) => c.method === 'POST' && c.path === '/api/v4/posts')
      .filter((c) => (c.body as { channel_id?: string } | null)?.channel_id === samDm);
    expect(toSam.map((c) => c.status)).toEqual([403]);
    w.expectOnlyPrivately('FLAG-NOTE-d3ad', { read: false });
  });

  it('passes an open flag to the new primary supervisor on re-pairing; the former one cannot open it', async () => {
    const w = await mattermostWorld();
    world = w;
    await w.team();
    const flag = await w.flag('maya', 'weighing', 'talk-today', 'FLAG-NOTE-r3p4 a hard home visit');
    await w.dmTo('sam', 'A private flag from');
    await w.peer('team supervisor member:@maya supervisor:@lee');
    const toLee = await w.dmTo('lee', 'A private flag from');
    expect(shown(toLee)).toContain('supervisors changed');
    await w.dmTo('maya', 'now goes to');
    expect(shown(await w.press('lee', 'flags:open', flag.id))).toContain('FLAG-NOTE-r3p4');
    expect(shown(await w.press('sam', 'flags:open', flag.id))).not.toContain('FLAG-NOTE');
    // Every read by someone else is counted in maya's `/peer privacy`.
    // (Today the renderer writes the count as `\1.`, escaping a list marker mid-line: reported.)
    expect(shown(await w.peer('privacy', 'maya'))).toMatch(/exported your private text:\W* 1\./);
    w.expectOnlyPrivately('FLAG-NOTE-r3p4');
  });

  it('sends a plan share as a notice, and opens it only for the chosen supervisor', async () => {
    const w = await mattermostWorld();
    world = w;
    await w.team();
    await w.writePlan('maya', 'triggers', 'PLAN-TEXT-p7a2 loud rooms');
    await w.peer('plan action:share section:triggers', 'maya');
    const notice = await w.dmTo('sam', 'shared a part of their wellness plan');
    expect(shown(notice)).not.toContain('PLAN-TEXT');
    const share = await w.prisma.planShare.findFirstOrThrow({ orderBy: { sharedAt: 'desc' } });
    expect(shown(await w.press('sam', 'plans:open-share', share.id))).toContain('PLAN-TEXT-p7a2');
    expect(shown(await w.press('lee', 'plans:open-share', share.id))).not.toContain('PLAN-TEXT');
    w.expectOnlyPrivately('PLAN-TEXT-p7a2');
  });

  it('erases every outbox row about the member, closes their open flag and escalates nothing', async () => {
    const w = await mattermostWorld();
    world = w;
    await w.team();
    await w.peer('quiet-hours hours:21:00-07:00', 'sam');
    await w.writePlan('maya', 'triggers', 'PLAN-TEXT-e5e5 crowded buses');
    await w.peer('plan action:share section:triggers', 'maya');
    const flag = await w.flag('maya', 'noting', 'just-noting', 'FLAG-NOTE-e8a5 gone soon');
    const member = await w.prisma.member.findFirstOrThrow({
      where: { platformUserId: w.fake.world.user('maya').id },
    });
    expect(await w.prisma.outboxMessage.count({ where: { aboutMemberId: member.id } })).toBe(2);
    await w.peer('privacy action:erase', 'maya');
    await w.press('maya', 'privacy:erase', member.id);
    await vi.waitFor(
      async () => expect(await w.prisma.auditLog.count({ where: { action: 'privacy.erased' } })).toBe(1),
      { timeout: WAIT },
    );
    const mayaId = w.fake.world.user('maya').id;
    const aboutHer = (await w.prisma.outboxMessage.findMany()).filter(
      (row) =>
        row.aboutMemberId === member.id ||
        row.recipientMemberId === member.id ||
        row.idempotencyKey.includes(member.id) ||
        row.idempotencyKey.includes(flag.id) ||
        row.recipientId === mayaId,
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
    expect(w.fake.posted.all().filter((p) => shown(p).includes('Former member'))).toEqual([]);
    // Nobody opened these: they never left the database.
    w.expectOnlyPrivately('FLAG-NOTE-e8a5', { read: false });
    w.expectOnlyPrivately('PLAN-TEXT-e5e5', { read: false });
  });
});

const pgAvailable = await postgresAvailable();

describe.skipIf(!pgAvailable)('private deliveries on Mattermost (PostgreSQL)', { timeout: 240_000 }, () => {
  let schema: PostgresSchema | undefined;
  afterEach(async () => {
    await schema?.drop();
    schema = undefined;
  });

  it('drops a flag held for quiet hours once its supervisor role is removed, and passes it to the backup', async () => {
    const made = await migratedPostgresSchema('pb_mm_private');
    schema = made;
    const database = await openPostgres(made.url);
    world = await mattermostWorld(database);
    await heldThenRoleRemoved(world);
    await world.stop();
    world = undefined;
  });
});
