// Supervision on Discord with the real discord.js against the fake Discord: a series with its
// guild scheduled events (and the admin's note when the bot lacks Manage Events), an RSVP by
// button, and reminders by DM at the right instants on an injected clock.
import { PermissionFlagsBits } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { featureList, type RunningApp } from '../../../src/app.ts';
import { ManualClock, type PeriodicJob } from '../../../src/scheduling/index.ts';
import { FakeDiscord } from '../../fakes/discord/index.ts';
import { startTestApp } from '../../support/app-harness.ts';

// A fresh world per test (its own fake Discord, app, database and clock): the tests move the clock,
// grant and take away Manage Events and count every scheduled-event call, so nothing is shared and
// each test runs the earlier steps it builds on (the team, the series with its events) itself.
let fake: FakeDiscord;
let app: RunningApp;
let clock: ManualClock;
let jobs: PeriodicJob[] = [];
const runJobs = () => Promise.all(jobs.map((job) => job.run({ instanceId: 'e2e', now: clock.now() })));
const said = (text: string) => (call: { body: unknown }) => JSON.stringify(call.body ?? {}).includes(text);

beforeEach(async () => {
  clock = new ManualClock('2026-03-01T12:00:00Z');
  // The machine running the tests is shared and busy: Discord's 3 s answer deadline is widened so
  // a slow first answer is not mistaken for a missing one (the adapter's defer is tested elsewhere).
  fake = await FakeDiscord.start({
    token: 'fake-token',
    applicationId: '1187654321098765432',
    ackDeadlineMs: 60_000,
  });
  app = await startTestApp(
    {
      DISCORD_TOKEN: 'fake-token',
      DISCORD_APPLICATION_ID: '1187654321098765432',
      DISCORD_GUILD_ID: fake.world.guild().id,
      DISCORD_API_URL: fake.apiUrl,
    },
    {
      clock,
      features: (deps) => {
        const list = featureList(deps);
        jobs = list.flatMap((feature) => feature.jobs ?? []);
        return list;
      },
    },
  );
}, 180_000);

afterEach(async () => {
  await app?.stop();
  await fake?.close();
});

async function command(user: string, subcommand: string, options: Record<string, string | number | boolean>) {
  await fake
    .slashCommand({ name: 'peer', group: 'supervision', subcommand, channel: 'peer-support', user, options })
    .reply(60_000);
}

/** The team "Harbor" (Europe/Berlin) with alice as its supervisor. */
async function setUpTeam(): Promise<void> {
  const alice = fake.world.user('alice');
  await fake
    .slashCommand({
      name: 'peer',
      subcommand: 'setup',
      channel: 'peer-support',
      user: 'alice',
      options: { timezone: 'Europe/Berlin', name: 'Harbor' },
    })
    .reply(60_000);
  await fake
    .slashCommand({
      name: 'peer',
      group: 'team',
      subcommand: 'role',
      channel: 'peer-support',
      user: 'alice',
      options: { user: `<@${alice.id}>`, role: 'supervisor' },
    })
    .reply(60_000);
}

const eventsRoleId = '1290000000000000001';

/** The bot gets a role with Manage Events, so series get guild scheduled events. */
function grantManageEvents(): void {
  const guild = fake.world.guild();
  guild.roles.push({
    id: eventsRoleId,
    name: 'Bot events',
    permissions: PermissionFlagsBits.ManageEvents,
    position: 9,
  });
  guild.members.get(fake.world.botUser.id)?.roleIds.push(eventsRoleId);
}

/** Four weekly "Group supervision" sessions from Mon 2 Mar 18:00 Berlin; the next three get guild events. */
async function newGroupSeries(): Promise<void> {
  await command('alice', 'new', {
    title: 'Group supervision',
    date: '2026-03-02',
    time: '18:00',
    length: 90,
    timezone: 'Europe/Berlin',
    count: 4,
  });
  await fake.rest.waitForCall(said('in the server'), 60_000);
}

describe('supervision on Discord', { timeout: 300_000 }, () => {
  it('without Manage Events the admin gets a plain note and the series still works', async () => {
    await setUpTeam();
    await command('alice', 'new', {
      title: 'Case review',
      date: '2026-03-03',
      time: '10:00',
      length: 60,
      timezone: 'Europe/Berlin',
      count: 2,
    });
    await fake.rest.waitForCall(said('Manage Events'), 60_000);
    expect(fake.rest.calls('POST /guilds/:guildId/scheduled-events').map((c) => c.status)).toEqual([403]);
    expect(await app.storage.db.prisma.supervisionSession.count({ where: { title: 'Case review' } })).toBe(2);
    // The outbox worker sleeps on the injected clock between polls: move it on a second.
    await clock.advanceAsync(1_000);
    const announced = await fake.rest.waitForCall(
      (c) => c.route === 'POST /channels/:channelId/messages' && said('Case review')(c),
      60_000,
    );
    expect(announced.params.channelId).toBe(fake.world.channel('peer-support').id);
  });

  it('creates a series with guild scheduled events, takes an RSVP by button, and reminds by DM at the right instants', async () => {
    await setUpTeam();
    grantManageEvents();
    const bob = fake.world.user('bob');
    await fake
      .slashCommand({
        name: 'peer',
        subcommand: 'timezone',
        channel: 'peer-support',
        user: 'bob',
        options: { zone: 'America/New_York' },
      })
      .reply(60_000);

    await newGroupSeries();
    const events = [...fake.rest.calls('POST /guilds/:guildId/scheduled-events')].filter(
      (c) => c.status === 200,
    );
    expect(events.map((c) => (c.body as { scheduled_start_time: string }).scheduled_start_time)).toEqual([
      '2026-03-02T17:00:00.000Z',
      '2026-03-09T17:00:00.000Z',
      '2026-03-16T17:00:00.000Z',
    ]);
    expect(events[0]?.body).toMatchObject({
      name: 'Group supervision',
      entity_type: 3,
      entity_metadata: { location: '#Harbor' },
    });
    const session = await app.storage.db.prisma.supervisionSession.findFirstOrThrow({
      where: { title: 'Group supervision' },
      orderBy: { startsAt: 'asc' },
    });
    expect(session.discordEventId).toBe((events[0]?.response as { id?: string } | undefined)?.id);

    await clock.advanceAsync(1_000);
    const post = await fake.rest.waitForCall(
      (c) =>
        c.route === 'POST /channels/:channelId/messages' && said(`supervision:rsvp|${session.id}:going`)(c),
      60_000,
    );
    await fake
      .button({
        customId: `supervision:rsvp|${session.id}:going`,
        channel: 'peer-support',
        user: 'bob',
        messageId: (post.response as { id: string }).id,
      })
      .reply(60_000);
    await fake.rest.waitForCall(said('Going 1'), 60_000);
    const rsvp = await app.storage.db.prisma.rsvp.findFirstOrThrow({ where: { sessionId: session.id } });
    expect(rsvp.response).toBe('yes');

    const dm = fake.world.dmChannelFor(bob.id);
    const reminders = () =>
      fake.rest.calls(
        (c) =>
          c.route === 'POST /channels/:channelId/messages' &&
          c.params.channelId === dm.id &&
          said('gentle reminder')(c),
      );
    clock.advanceTo('2026-03-01T16:59:00Z');
    await runJobs();
    clock.advanceTo('2026-03-01T17:00:00Z');
    await runJobs();
    const dayBefore = await fake.rest.waitForCall(
      (c) => c.params.channelId === dm.id && said('gentle reminder')(c),
      60_000,
    );
    expect(JSON.stringify(dayBefore.body)).toContain('Mon 2 Mar 2026, 12:00–13:30 (America/New'); // Discord escapes the _
    clock.advanceTo('2026-03-02T16:45:00Z');
    await runJobs();
    await fake.rest.waitForCall((c) => c.params.channelId === dm.id && said('in 15 minutes')(c), 60_000);
    await runJobs();
    // A resend after a slow answer carries the same nonce, which Discord de-duplicates: count messages, not attempts.
    const delivered = new Set(reminders().map((c) => (c.body as { nonce?: string }).nonce));
    expect(delivered.size).toBe(2);
  });

  it("moves and cancels a session's guild scheduled event with the session, and says so when it may not", async () => {
    await setUpTeam();
    grantManageEvents();
    await newGroupSeries();
    const sessions = await app.storage.db.prisma.supervisionSession.findMany({
      where: { title: 'Group supervision' },
      orderBy: { startsAt: 'asc' },
    });
    const [, second, third, fourth] = sessions;
    expect(second?.discordEventId).toBeTruthy();
    expect(third?.discordEventId).toBeTruthy();
    const events = fake.store.scheduledEvents;
    const patches = () => fake.rest.calls('PATCH /guilds/:guildId/scheduled-events/:eventId');

    await command('alice', 'move', {
      session: `#${second?.id.slice(-6)}`,
      date: '2026-03-10',
      time: '19:30',
      timezone: 'Europe/Berlin',
    });
    await fake.rest.waitForCall(said('Moved to'), 60_000);
    expect(patches().map((c) => [c.params.eventId, c.status])).toEqual([[second?.discordEventId, 200]]);
    expect(events.get(second?.discordEventId ?? '')).toMatchObject({
      scheduled_start_time: '2026-03-10T18:30:00.000Z',
      scheduled_end_time: '2026-03-10T20:00:00.000Z',
      status: 1,
    });

    await command('alice', 'cancel', { session: `#${third?.id.slice(-6)}` });
    await fake.rest.waitForCall(said('is cancelled'), 60_000);
    expect(events.get(third?.discordEventId ?? '')).toMatchObject({
      status: 4,
      scheduled_start_time: '2026-03-16T17:00:00.000Z',
    });
    // The fourth session never got an event (only the next three do): cancelling it asks nothing of Discord.
    expect(fourth?.discordEventId).toBeNull();
    await command('alice', 'cancel', { session: `#${fourth?.id.slice(-6)}` });
    await fake.rest.waitForCall((c) => said('is cancelled')(c) && said('23 Mar')(c), 60_000);
    expect(patches()).toHaveLength(2);

    // A series edit: the first session's event moves and is renamed; the moved one keeps its
    // time and takes the new title; the cancelled one is left alone.
    const [first] = sessions;
    await command('alice', 'edit', {
      series: `#${first?.seriesId?.slice(-6)}`,
      title: 'Peer supervision',
      time: '18:30',
    });
    await fake.rest.waitForCall(said('is updated'), 60_000);
    expect(
      patches()
        .slice(2)
        .map((c) => c.params.eventId)
        .sort(),
    ).toEqual([first?.discordEventId, second?.discordEventId].sort());
    expect(events.get(first?.discordEventId ?? '')).toMatchObject({
      name: 'Peer supervision',
      scheduled_start_time: '2026-03-02T17:30:00.000Z',
    });
    expect(events.get(second?.discordEventId ?? '')).toMatchObject({
      name: 'Peer supervision',
      scheduled_start_time: '2026-03-10T18:30:00.000Z',
    });
    expect(events.get(third?.discordEventId ?? '')).toMatchObject({ status: 4, name: 'Group supervision' });

    // Manage Events taken away: the session still moves; the admin is told to fix the event by hand.
    const guild = fake.world.guild();
    const bot = guild.members.get(fake.world.botUser.id);
    if (bot) bot.roleIds.splice(bot.roleIds.indexOf(eventsRoleId), 1);
    await command('alice', 'move', {
      session: `#${second?.id.slice(-6)}`,
      date: '2026-03-11',
      time: '19:30',
      timezone: 'Europe/Berlin',
    });
    await fake.rest.waitForCall(said('change or cancel it in Events by hand'), 60_000);
    expect(patches().at(-1)?.status).toBe(403);
    const moved = await app.storage.db.prisma.supervisionSession.findUniqueOrThrow({
      where: { id: second?.id ?? '' },
    });
    expect(moved.startsAt.toISOString()).toBe('2026-03-11T18:30:00.000Z');
    expect(events.get(second?.discordEventId ?? '')).toMatchObject({
      scheduled_start_time: '2026-03-10T18:30:00.000Z',
    });
  });
});
