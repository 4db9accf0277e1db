// Issue 21, replayed end to end on Discord (the real discord.js against the fake Discord): words
// a member wrote reach the channel as the characters they typed, never as a masked link, a
// mention or a ping. An anonymous agenda topic posted when the session starts, a check-in
// answer shared live, and an approved resource's summary shown by `/peer find`. Each test
// builds its own world (fake Discord, app, database).
import { describe, expect, it, vi } from 'vitest';
import { featureList, type RunningApp } from '../../../src/app.ts';
import { ManualClock, type PeriodicJob } from '../../../src/scheduling/index.ts';
import { type DiscordRestCall, FakeDiscord, type SentInteraction } from '../../fakes/discord/index.ts';
import { startTestApp } from '../../support/app-harness.ts';
import { checkinJobsOnTestScheduler } from '../../support/checkin-jobs.ts';

const WAIT = 60_000;

interface World {
  readonly fake: FakeDiscord;
  readonly app: RunningApp;
  runJobs(): Promise<unknown>;
  tickCheckins(): Promise<unknown>;
  peer(user: string, group: string | undefined, subcommand: string, options?: Options): SentInteraction;
}
type Options = Record<string, string | number | boolean>;

async function inWorld(test: (world: World) => Promise<void>, clock?: ManualClock): Promise<void> {
  const fake = await FakeDiscord.start({
    token: 'fake-token',
    applicationId: '1187654321098765432',
    // A busy shared machine: Discord's 3 s deadline widened, so slowness is not a missing answer.
    ackDeadlineMs: 60_000,
  });
  let jobs: PeriodicJob[] = [];
  const checkinJobs = checkinJobsOnTestScheduler();
  let app: RunningApp | undefined;
  try {
    app = await startTestApp(
      {
        DISCORD_TOKEN: 'fake-token',
        DISCORD_APPLICATION_ID: '1187654321098765432',
        DISCORD_GUILD_ID: fake.world.guild().id,
        DISCORD_API_URL: fake.apiUrl,
      },
      {
        ...(clock ? { clock } : {}),
        features: (deps) => {
          const list = checkinJobs.features(deps);
          jobs = featureList(deps)
            .filter((feature) => feature.name !== 'checkins')
            .flatMap((feature) => feature.jobs ?? []);
          return list;
        },
      },
    );
    const running = app;
    const scheduler = checkinJobs.scheduler(running.storage.db.prisma);
    await vi.waitFor(() => expect(fake.registeredCommands(fake.world.guild().id)).toHaveLength(1), {
      timeout: WAIT,
    });
    await test({
      fake,
      app: running,
      runJobs: () =>
        Promise.all(jobs.map((job) => job.run({ instanceId: 'e2e', now: clock?.now() ?? new Date() }))),
      tickCheckins: () => scheduler.tick(),
      peer: (user, group, subcommand, options = {}) =>
        fake.slashCommand({
          name: 'peer',
          ...(group ? { group } : {}),
          subcommand,
          channel: 'peer-support',
          user,
          options,
        }),
    });
  } finally {
    await app?.stop();
    await fake.close();
  }
}

const shown = (call: DiscordRestCall) => JSON.stringify(call.body ?? {});
const contentOf = (call: DiscordRestCall): string =>
  String((call.body as { content?: unknown } | undefined)?.content ?? '');

/** What a person reads: Discord's backslash escapes and the zero-width spaces taken out. */
const readable = (markdown: string): string =>
  markdown.replaceAll('\u200b', '').replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** The markdown with every backslash-escaped character replaced by a neutral letter. */
function unescapedOnly(markdown: string): string {
  let out = '';
  for (let i = 0; i < markdown.length; i++) {
    if (markdown[i] === '\\' && /[!-/:-@[-`{-~]/.test(markdown[i + 1] ?? '')) {
      out += 'x';
      i++;
    } else out += markdown[i];
  }
  return out;
}

/** No masked link to the address, no mention, no @everyone/@here; nothing pings. */
function expectNoMarkupFrom(call: DiscordRestCall): void {
  const plain = unescapedOnly(contentOf(call));
  expect(plain).not.toMatch(/\[[^\]\n]*\]\(<?https:\/\/evil\.example/);
  expect(plain).not.toMatch(/<@!?&?\d+>|<#\d+>/);
  expect(plain).not.toMatch(/(?<!\u200b)@(everyone|here)\b/);
  expect((call.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
}

/**
 * What the person was answered: the direct response, or the edit or follow-up after a defer.
 * Waits a minute for each step: the machine running the tests is shared and busy.
 */
async function answered(world: World, sent: SentInteraction): Promise<string> {
  const first = await sent.reply(WAIT);
  if (first.type === 4) return String((first.data as { content?: unknown } | undefined)?.content ?? '');
  const later = await world.fake.rest.waitForCall(
    (c) =>
      (c.route === 'PATCH /webhooks/:appId/:token/messages/:messageId' ||
        c.route === 'POST /webhooks/:appId/:token') &&
      c.params.token === sent.token,
    WAIT,
  );
  return contentOf(later);
}

const channelPost = (world: World, text: string) =>
  world.fake.rest.waitForCall(
    (c) =>
      c.route === 'POST /channels/:channelId/messages' &&
      c.status === 200 &&
      readable(contentOf(c)).includes(text),
    WAIT,
  );

async function setUpTeam(world: World): Promise<void> {
  await answered(
    world,
    world.peer('alice', undefined, 'setup', { timezone: 'Europe/Berlin', name: 'Harbor' }),
  );
}

describe('member-written text on Discord', { timeout: 300_000 }, () => {
  it('posts an anonymous agenda topic at session start as the characters typed, not a masked link', () => {
    const clock = new ManualClock('2026-03-01T12:00:00Z');
    return inWorld(async (world) => {
      await setUpTeam(world);
      const alice = world.fake.world.user('alice');
      await answered(
        world,
        world.peer('alice', 'team', 'role', { user: `<@${alice.id}>`, role: 'supervisor' }),
      );
      await answered(world, world.peer('alice', 'supervision', 'settings', { agenda: true }));
      await answered(
        world,
        world.peer('alice', 'supervision', 'new', {
          title: 'Group supervision',
          date: '2026-03-02',
          time: '18:00',
          length: 90,
          timezone: 'Europe/Berlin',
          count: 1,
        }),
      );
      const added = await answered(
        world,
        world.peer('bob', 'supervision', 'topic', {
          text: '[Join the call](https://evil.example/t) @everyone',
          anonymous: true,
        }),
      );
      expect(added).toContain('anonymously');

      clock.advanceTo('2026-03-02T17:00:00Z');
      await world.runJobs();
      // The outbox worker sleeps on the injected clock between polls: move it on a second.
      await clock.advanceAsync(1_000);
      const agenda = await channelPost(world, 'Agenda for');
      expectNoMarkupFrom(agenda);
      expect(readable(contentOf(agenda))).toContain('[Join the call](https://evil.example/t) @everyone');
    }, clock);
  });

  it('shares a live check-in answer with a masked link and mentions as plain text', () =>
    inWorld(async (world) => {
      await setUpTeam(world);
      await world.tickCheckins();
      await answered(world, world.peer('alice', 'checkin', 'now'));
      await world.app.storage.db.prisma.checkinTemplate.updateMany({ data: { digestMode: 'live' } });
      const bob = world.fake.world.user('bob');
      const dm = world.fake.world.dmChannelFor(bob.id).id;
      const prompt = await world.fake.rest.waitForCall(
        (c) =>
          c.route === 'POST /channels/:channelId/messages' &&
          c.params.channelId === dm &&
          shown(c).includes('checkins:answer|'),
        WAIT,
      );
      const rows = (
        (prompt.body as { components?: { components?: { custom_id?: string }[] }[] }).components ?? []
      )
        .flatMap((r) => r.components ?? [])
        .map((c) => c.custom_id ?? '');
      const answerId = rows.find((id) => id.startsWith('checkins:answer|')) ?? '';
      const modal = await world.fake.button({ customId: answerId, user: 'bob', dm: true }).reply(WAIT);
      const carol = world.fake.world.user('carol');
      const typed = `Tea <@${carol.id}> @everyone [Join](https://evil.example/c) ||hidden||`;
      const between = await world.fake
        .modalSubmit({
          customId: String(modal.data?.custom_id),
          fields: { q1: ['4'], 'q1-who': ['team'], q2: typed, 'q2-who': ['team'] },
          user: 'bob',
          dm: true,
        })
        .reply(WAIT);
      const next = (between.data as { components?: { components?: { custom_id?: string }[] }[] })
        .components?.[0]?.components?.[0]?.custom_id;
      if (next?.startsWith('discord-form:open')) {
        const second = await world.fake.button({ customId: next, user: 'bob', dm: true }).reply(WAIT);
        await world.fake
          .modalSubmit({
            customId: String(second.data?.custom_id),
            fields: { q3: '', 'q3-who': [], q4: [] },
            user: 'bob',
            dm: true,
          })
          .reply(WAIT);
      }
      const live = await channelPost(world, 'Tea');
      expectNoMarkupFrom(live);
      expect(unescapedOnly(contentOf(live))).not.toContain('||');
      expect(readable(contentOf(live))).toContain(typed);
    }));

  it('shows an approved resource summary from /peer find as plain text', () =>
    inWorld(async (world) => {
      await setUpTeam(world);
      await world.app.storage.db.prisma.resource.create({
        data: {
          id: 'member-text-harbor',
          title: 'Harbor Listening Line',
          category: 'peer-support-organisation',
          summary: 'Call us @here [Join the call](https://evil.example/r) **free**',
          origin: 'suggestion',
        },
      });
      const sent = world.peer('bob', undefined, 'find', { words: 'Harbor Listening' });
      const answer = await answered(world, sent);
      expect(answer).toContain('Harbor Listening Line');
      const plain = unescapedOnly(answer);
      expect(plain).not.toMatch(/\[[^\]\n]*\]\(<?https:\/\/evil\.example/);
      expect(plain).not.toContain('**free**');
      expect(plain).not.toMatch(/(?<!\u200b)@here\b/);
      expect(readable(answer)).toContain('Call us @here [Join the call](https://evil.example/r) **free**');
    }));
});
