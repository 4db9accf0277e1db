// A whole check-in on Discord: the real discord.js and the app against the fake Discord. The
// roster is the guild's members who can view the team channel (a bot and a member the
// channel hides are left out); answers by audience, a skip, a reminder only to the silent
// one, and a digest with exactly what each chose to share.
import { PermissionFlagsBits } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import type { Scheduler } from '../../../src/scheduling/index.ts';
import { type DiscordRestCall, FakeDiscord } from '../../fakes/discord/index.ts';
import { startTestApp } from '../../support/app-harness.ts';
import { checkinJobsOnTestScheduler } from '../../support/checkin-jobs.ts';
import { answerSeen } from './answers.ts';

let fake: FakeDiscord;
let app: RunningApp;
let scheduler: Scheduler;
const checkinJobs = checkinJobsOnTestScheduler();
let teamChannel: string;

// Each test has a world of its own: a fresh fake Discord and the app on a fresh database.
beforeEach(async () => {
  fake = await FakeDiscord.start({
    token: 'fake-token',
    applicationId: '1187654321098765432',
    // The adapter defers after 2 s; on a machine shared by many test runs a callback can still
    // arrive after Discord's 3 s, which is about load, not about check-ins.
    ackDeadlineMs: 30_000,
    guilds: [
      {
        name: 'Harbor guild',
        channels: [{ name: 'general' }, { name: 'peer-support' }],
        members: [
          { username: 'sam', globalName: 'Sam Supervisor' },
          { username: 'ana', globalName: 'Ana Anonymous' },
          { username: 'ben', globalName: 'Ben Private' },
          { username: 'cal', globalName: 'Cal Skipper' },
          { username: 'dan', globalName: 'Dan Elsewhere' },
          { username: 'helperbot', bot: true },
        ],
      },
    ],
  });
  const channel = fake.world.channel('peer-support');
  teamChannel = channel.id;
  channel.overwrites = [
    { id: fake.world.user('dan').id, type: 1, allow: 0n, deny: PermissionFlagsBits.ViewChannel },
  ];
  app = await startTestApp(
    {
      DISCORD_TOKEN: 'fake-token',
      DISCORD_APPLICATION_ID: '1187654321098765432',
      DISCORD_GUILD_ID: fake.world.guild().id,
      DISCORD_API_URL: fake.apiUrl,
    },
    {
      // The check-in jobs run on the test's own scheduler (test/support/checkin-jobs.ts).
      features: checkinJobs.features,
    },
  );
  scheduler = checkinJobs.scheduler(app.storage.db.prisma);
}, 120_000);

afterEach(async () => {
  await app?.stop();
  await fake?.close();
});

const peer = (
  user: string,
  group: string | undefined,
  subcommand: string,
  options: Record<string, string> = {},
) =>
  fake.slashCommand({
    name: 'peer',
    ...(group ? { group } : {}),
    subcommand,
    channel: 'peer-support',
    user,
    options,
  });
const WAIT = 30_000;

const idOf = (name: string) => fake.world.user(name).id;
const dmOf = (name: string) => fake.world.dmChannelFor(idOf(name)).id;
const posts = () => fake.rest.calls((c) => c.route === 'POST /channels/:channelId/messages');
const shown = (c: DiscordRestCall) => JSON.stringify(c.body);

/** A message Discord accepted (a 404 before the thread was started does not count) in a channel or thread. */
const postedIn = (channelId: string, text: string) =>
  fake.rest.waitForCall(
    (c) =>
      c.route === 'POST /channels/:channelId/messages' &&
      c.params.channelId === channelId &&
      c.status === 200 &&
      shown(c).includes(text),
    WAIT,
  );

function customIdIn(call: DiscordRestCall, prefix: string): string {
  const rows = (
    (call.body as { components?: { components?: { custom_id?: string }[] }[] }).components ?? []
  ).flatMap((r) => r.components ?? []);
  const found = rows.find((c) => c.custom_id?.startsWith(prefix))?.custom_id;
  if (!found) throw new Error(`no ${prefix} in ${shown(call)}`);
  return found;
}

async function answer(
  name: string,
  prompt: DiscordRestCall,
  part1: Record<string, string | string[]>,
  part2: Record<string, string | string[]>,
) {
  const modal = await fake
    .button({ customId: customIdIn(prompt, 'checkins:answer|'), user: name, dm: true })
    .reply(WAIT);
  expect(modal.type).toBe(9);
  const modalId = String(modal.data?.custom_id);
  const between = await fake
    .modalSubmit({ customId: modalId, fields: part1, user: name, dm: true })
    .reply(WAIT);
  const next = (between.data as { components?: { components?: { custom_id?: string }[] }[] }).components?.[0]
    ?.components?.[0]?.custom_id;
  const second = await fake.button({ customId: String(next), user: name, dm: true }).reply(WAIT);
  return fake
    .modalSubmit({ customId: String(second.data?.custom_id), fields: part2, user: name, dm: true })
    .reply(WAIT);
}

/** sam sets the team up in #peer-support and the roster is read. */
async function setUp() {
  await answerSeen(fake, peer('sam', undefined, 'setup', { name: 'Harbor' }), 'public');
  await scheduler.tick();
}

const promptTo = (name: string) =>
  fake.rest.waitForCall(
    (c) =>
      c.route === 'POST /channels/:channelId/messages' &&
      c.params.channelId === dmOf(name) &&
      shown(c).includes('Remind me in an hour'),
    WAIT,
  );

/** The id of the thread started from the open round's note, once the note is sent. */
async function noteThread() {
  const note = await vi.waitFor(
    () =>
      app.storage.db.prisma.outboxMessage.findFirstOrThrow({
        where: { idempotencyKey: { startsWith: 'checkin-note:' }, status: 'sent' },
      }),
    { timeout: WAIT, interval: 100 },
  );
  return String(note.platformMessageId);
}

describe('a check-in on Discord, end to end', () => {
  it('reads the roster: the four who can view the channel, the bots left out', async () => {
    await setUp();
    const roster = await app.storage.db.prisma.checkinRosterEntry.findMany({ include: { member: true } });
    expect(roster.map((r) => r.member.displayName).sort()).toEqual([
      'Ana Anonymous',
      'Ben Private',
      'Cal Skipper',
      'Sam Supervisor',
    ]);
  });

  it('runs a round with answers by audience, a skip, one reminder, live posts and a digest in the note thread', async () => {
    await setUp();
    await answerSeen(
      fake,
      peer('sam', 'team', 'role', { user: `<@${idOf('sam')}>`, role: 'supervisor' }),
      'private',
    );
    await answerSeen(
      fake,
      peer('sam', 'team', 'supervisor', { member: `<@${idOf('ben')}>`, supervisor: `<@${idOf('sam')}>` }),
      'private',
    );
    const now = await answerSeen(fake, peer('sam', 'checkin', 'now'), 'private');
    expect(now.content).toContain('4 private prompts');
    const [ana, ben, cal] = await Promise.all([
      promptTo('ana'),
      promptTo('ben'),
      promptTo('cal'),
      promptTo('sam'),
    ]);

    // Shared answers as they come as well (what the setup form's digest choice sets), so the live
    // post and the digest must both land in the thread started from the round's note.
    await app.storage.db.prisma.checkinTemplate.updateMany({ data: { digestMode: 'live' } });
    const thread = await noteThread();
    expect(fake.message(thread)?.channel_id).toBe(teamChannel);

    const thanks = await answer(
      'ana',
      ana,
      { q1: ['4'], 'q1-who': ['anonymous'], q2: 'Tea with the night shift', 'q2-who': ['team'] },
      { q3: '', 'q3-who': [], q4: [] },
    );
    expect(JSON.stringify(thanks.data)).toContain('Thank you for checking in');
    // Her named answer goes out alone in its post; her mood, shared without her name, does not.
    const live = await postedIn(thread, 'Tea with the night shift');
    expect(shown(live)).toContain('Ana Anonymous');
    expect(shown(live)).not.toContain('doing well');
    await answer(
      'ben',
      ben,
      { q1: ['2'], 'q1-who': ['supervisor'], q2: '', 'q2-who': [] },
      { q3: 'A hard court date on Friday', 'q3-who': ['supervisor'], q4: [] },
    );
    const skipped = await fake
      .button({ customId: customIdIn(cal, 'checkins:skip|'), user: 'cal', dm: true })
      .reply(WAIT);
    expect(JSON.stringify(skipped.data)).toContain('Skipped');

    await scheduler.tick(new Date(Date.now() + 20 * 3_600_000));
    const reminder = await fake.rest.waitForCall(
      (c) => c.route === 'POST /channels/:channelId/messages' && shown(c).includes('A gentle nudge'),
      WAIT,
    );
    expect(reminder.params.channelId).toBe(dmOf('sam'));

    await answerSeen(fake, peer('sam', 'checkin', 'close'), 'private');
    // The digest goes in the thread started from the round's note (a thread has its starter's id).
    const digest = await postedIn(thread, 'the digest');
    expect(fake.world.channels.get(thread)).toMatchObject({ parentId: teamChannel });
    expect(fake.rest.calls('POST /channels/:channelId/messages/:messageId/threads')).toHaveLength(1);
    expect(posts().filter((c) => c.status === 200 && shown(c).includes('the digest'))).toHaveLength(1);
    expect(
      fake.message(digest.response ? String((digest.response as { id: string }).id) : '')?.channel_id,
    ).toBe(thread);
    expect(shown(digest)).toContain('2 people took part');
    expect(shown(digest)).not.toContain('Tea with the night shift');
    expect(shown(digest)).not.toContain('Ana Anonymous');
    expect(shown(digest)).not.toContain('How we are arriving');

    expect(posts().filter((c) => shown(c).includes('A gentle nudge'))).toHaveLength(1);
    const inChannel = [
      ...posts().filter((c) => c.params.channelId === teamChannel || c.params.channelId === thread),
      ...fake
        .interactionReplies()
        .filter((r) => ((r.data as { flags?: number } | undefined)?.flags ?? 0) === 0)
        .map((r) => ({ body: r.data })),
    ];
    for (const call of inChannel) {
      const text = JSON.stringify(call.body);
      expect(text).not.toContain('court date');
      expect(text).not.toContain(idOf('ana'));
      expect(text).not.toMatch(/Cal Skipper|Sam Supervisor/);
    }
  }, 300_000);

  it('takes ana’s named post back when she erases her data, and leaves the digest as it was', async () => {
    // A round with live posts in which ana shares an answer under her name, then its digest.
    await setUp();
    await answerSeen(
      fake,
      peer('sam', 'team', 'role', { user: `<@${idOf('sam')}>`, role: 'supervisor' }),
      'private',
    );
    await answerSeen(fake, peer('sam', 'checkin', 'now'), 'private');
    const prompt = await promptTo('ana');
    await app.storage.db.prisma.checkinTemplate.updateMany({ data: { digestMode: 'live' } });
    const thread = await noteThread();
    await answer(
      'ana',
      prompt,
      { q1: ['4'], 'q1-who': ['anonymous'], q2: 'Tea with the night shift', 'q2-who': ['team'] },
      { q3: '', 'q3-who': [], q4: [] },
    );
    const named = await postedIn(thread, 'Tea with the night shift');
    await answerSeen(fake, peer('sam', 'checkin', 'close'), 'private');
    const digest = await postedIn(thread, 'the digest');
    const posted = {
      thread,
      live: String((named.response as { id: string }).id),
      digest: String((digest.response as { id: string }).id),
    };

    const asked = await peer('ana', undefined, 'privacy', { action: 'erase' }).reply(WAIT);
    expect(asked.type).toBe(4);
    const confirm = { body: asked.data } as DiscordRestCall;
    expect(shown(confirm)).toContain('Erase your data?');
    await fake
      .button({ customId: customIdIn(confirm, 'privacy:erase'), user: 'ana', channel: 'peer-support' })
      .reply(WAIT);
    const live = await fake.rest.waitForCall(
      (c) =>
        c.route === 'PATCH /channels/:channelId/messages/:messageId' &&
        c.params.channelId === posted.thread &&
        c.params.messageId === posted.live,
      WAIT,
    );
    expect(shown(live)).toContain('has taken it back');
    expect(shown(live)).not.toMatch(/Tea with the night shift|Ana Anonymous/);
    // The digest is never redrawn: what changed would show which anonymous answers were hers.
    expect(
      fake.rest.calls(
        (c) =>
          c.route === 'PATCH /channels/:channelId/messages/:messageId' &&
          c.params.messageId === posted.digest,
      ),
    ).toEqual([]);
  }, 300_000);
});
