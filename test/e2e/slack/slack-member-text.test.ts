// Issue 21, replayed end to end on Slack (the real Bolt over signed requests against the fake
// Slack Web API): words a member wrote reach the channel as the characters they typed, never
// as a link with a hidden address, a mention or a ping. An anonymous agenda topic posted when
// the session starts, a check-in answer shared live, and an approved resource's summary shown
// by `/peer find`. Each test builds its own world (fake Slack, app, database).
import { describe, expect, it, vi } from 'vitest';
import { featureList, type RunningApp } from '../../../src/app.ts';
import { ManualClock, type PeriodicJob } from '../../../src/scheduling/index.ts';
import {
  blockActionsPayload,
  FakeSlackApi,
  type SlackCall,
  SlackRequestSender,
  viewSubmissionPayload,
} from '../../fakes/slack/index.ts';
import { startTestApp } from '../../support/app-harness.ts';
import { BOT_TOKEN, freePort, SIGNING_SECRET, shownText, waitForCalls } from './support.ts';

const TEAM = 'C0MEMBERTX1';
const sam = { userId: 'U0SAMTEXT01', userName: 'sam' };
const ana = { userId: 'U0ANATEXT01', userName: 'ana' };

interface World {
  readonly fake: FakeSlackApi;
  readonly app: RunningApp;
  /** Only for the world made with a clock: the others run on the wall clock. */
  readonly clock: ManualClock | undefined;
  runJobs(): Promise<unknown>;
  peer(actor: typeof sam, text: string): Promise<unknown>;
  interactive(payload: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

async function slackWorld(clock?: ManualClock): Promise<World> {
  const fake = await FakeSlackApi.start();
  for (const person of [sam, ana])
    fake.setUser(person.userId, { name: person.userName, displayName: person.userName, tz: 'Europe/Berlin' });
  fake.setChannelMembers(TEAM, [sam.userId, ana.userId]);
  let jobs: PeriodicJob[] = [];
  const port = await freePort();
  const app = await startTestApp(
    {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
    },
    {
      ...(clock ? { clock } : {}),
      features: (deps) => {
        const list = featureList(deps);
        jobs = list.flatMap((feature) => feature.jobs ?? []);
        return list;
      },
    },
  );
  const sender = new SlackRequestSender(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, fake);
  // Bolt closes idle keep-alive sockets after 5 s; a request caught by that is sent again.
  const resending = async <T>(send: () => Promise<T>): Promise<T> => {
    try {
      return await send();
    } catch (error) {
      if ((error as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw error;
      return send();
    }
  };
  return {
    fake,
    app,
    clock,
    runJobs: () =>
      Promise.all(jobs.map((job) => job.run({ instanceId: 'e2e', now: clock?.now() ?? new Date() }))),
    peer: (actor, text) =>
      resending(() => sender.slashCommand({ command: '/peer', text, channelId: TEAM, actor })),
    interactive: (payload) => resending(() => sender.interactive(payload)),
    stop: async () => {
      await app.stop();
      await fake.close();
    },
  };
}

async function inWorld(test: (world: World) => Promise<void>, clock?: ManualClock): Promise<void> {
  const world = await slackWorld(clock);
  try {
    await test(world);
  } finally {
    await world.stop();
  }
}

/** The machine may be busy: wait up to a minute for what a person would see. */
const seen = (world: World, method: string, predicate: (call: SlackCall) => boolean) =>
  world.fake.waitForCall(method, predicate, 60_000);

/** What a person reads: entities decoded and the zero-width spaces that break markup taken out. */
const readable = (call: SlackCall): string =>
  shownText(call)
    .replaceAll('\u200b', '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** Every mrkdwn string Slack would parse in a call: the fallback text and each block's text. */
function mrkdwnOf(call: SlackCall): string[] {
  const texts: string[] = [String(call.args.text ?? '')];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'mrkdwn' && typeof record.text === 'string') texts.push(record.text);
      for (const value of Object.values(record)) walk(value);
    }
  };
  walk(call.args.blocks);
  return texts;
}

/** No link to the address, no user mention, no special mention: Slack's `<…>` forms. */
function expectNoMarkupFrom(call: SlackCall, evil: RegExp): void {
  for (const text of mrkdwnOf(call)) {
    expect(text).not.toMatch(evil);
    expect(text).not.toMatch(/<@U0NOTREAL1>|<!here>|<!channel>|<!everyone>/);
    for (const angle of text.matchAll(/<([^<>]*)>/g)) expect(angle[1]).not.toMatch(/evil\.example/);
  }
}

async function setUpTeam(world: World): Promise<void> {
  await world.peer(sam, 'setup name:Harbor timezone:Europe/Berlin');
  await seen(
    world,
    'chat.postMessage',
    (c) => c.args.channel === TEAM && shownText(c).includes('now the team'),
  );
}

describe('member-written text on Slack', { timeout: 300_000 }, () => {
  it('posts an anonymous agenda topic at session start as the characters typed, not a link', () => {
    const clock = new ManualClock('2026-03-01T12:00:00Z');
    return inWorld(async (world) => {
      await setUpTeam(world);
      await world.peer(sam, `team role user:<@${sam.userId}> role:supervisor`);
      await seen(world, 'response_url', (c) => shownText(c).includes('now a supervisor'));
      await world.peer(sam, 'supervision settings agenda:yes');
      await seen(world, 'response_url', (c) => shownText(c).includes('posted in the channel at the start'));
      await world.peer(
        sam,
        'supervision new title:"Group supervision" date:2026-03-02 time:18:00 length:90 timezone:Europe/Berlin count:1',
      );
      await seen(world, 'response_url', (c) => shownText(c).includes('is planned'));
      await world.peer(ana, 'supervision topic anonymous:yes [Join the call](https://evil.example/t)');
      await seen(world, 'response_url', (c) => shownText(c).includes('anonymously'));

      clock.advanceTo('2026-03-02T17:00:00Z');
      await world.runJobs();
      // The outbox worker sleeps on the injected clock between polls: move it on a second.
      await clock.advanceAsync(1_000);
      const agenda = await seen(
        world,
        'chat.postMessage',
        (c) => c.args.channel === TEAM && shownText(c).includes('Agenda for'),
      );
      expectNoMarkupFrom(agenda, /<https:\/\/evil\.example\/t\|/);
      expect(readable(agenda)).toContain('[Join the call](https://evil.example/t)');
    }, clock);
  });

  it('shares a live check-in answer with a link and mentions as plain text', () =>
    inWorld(async (world) => {
      await setUpTeam(world);
      await world.peer(sam, 'checkin setup');
      await waitForCalls(world.fake, 'views.open', 1);
      await world.interactive(
        viewSubmissionPayload({
          view: world.fake.openedView('checkins:setup'),
          answers: {
            name: 'Live circle',
            questions: 'scale: How are you arriving?\nOne thing that went well',
            when: 'none',
            clock: 'team',
            hours: '8',
            digest: 'live',
          },
          actor: sam,
          urls: world.fake,
        }),
      );
      // Saved is said privately: an ephemeral message or the command's response URL.
      await vi.waitFor(
        () =>
          expect(
            world.fake
              .calls()
              .filter((c) => ['chat.postEphemeral', 'response_url'].includes(c.method))
              .some((c) => shownText(c).includes('Saved')),
          ).toBe(true),
        { timeout: 60_000, interval: 100 },
      );
      await world.peer(sam, 'checkin now');
      const prompt = await seen(
        world,
        'chat.postMessage',
        (c) =>
          c.args.channel === world.fake.dmChannelFor(ana.userId) && shownText(c).includes('checkins:answer'),
      );
      const blocks = (prompt.args.blocks ?? []) as { elements?: { action_id?: string; value?: string }[] }[];
      const value = blocks
        .flatMap((b) => b.elements ?? [])
        .find((e) => e.action_id === 'checkins:answer')?.value;
      const opened = world.fake.calls('views.open').length;
      await world.interactive(
        blockActionsPayload({
          actionId: 'checkins:answer',
          value: value ?? '',
          actor: ana,
          message: {
            ts: String((prompt.response as { ts: string }).ts),
            channelId: world.fake.dmChannelFor(ana.userId),
          },
          urls: world.fake,
        }),
      );
      await waitForCalls(world.fake, 'views.open', opened + 1);
      const typed =
        'Tea <@U0NOTREAL1> <!here> @channel [Join](https://evil.example/c) <https://evil.example/c|x>';
      await world.interactive(
        viewSubmissionPayload({
          view: world.fake.openedView('checkins:answer'),
          answers: { q1: '4', 'q1-who': 'team', q2: typed, 'q2-who': 'team' },
          actor: ana,
          urls: world.fake,
        }),
      );
      const shared = await seen(
        world,
        'chat.postMessage',
        (c) => c.args.channel === TEAM && readable(c).includes('Tea'),
      );
      expectNoMarkupFrom(shared, /<https:\/\/evil\.example\/c\|/);
      for (const text of mrkdwnOf(shared)) expect(text).not.toMatch(/(?<!\u200b)@channel/);
      expect(readable(shared)).toContain('[Join](https://evil.example/c) <https://evil.example/c|x>');
    }));

  it('shows an approved resource summary from /peer find as plain text', () =>
    inWorld(async (world) => {
      await setUpTeam(world);
      await world.app.storage.db.prisma.resource.create({
        data: {
          id: 'member-text-harbor',
          title: 'Harbor Listening Line',
          category: 'peer-support-organisation',
          summary: 'Call us <!here> [Join the call](https://evil.example/r) *free*',
          origin: 'suggestion',
        },
      });
      await world.peer(ana, 'find Harbor Listening');
      const answer = await seen(world, 'response_url', (c) => shownText(c).includes('Harbor Listening Line'));
      expectNoMarkupFrom(answer, /<https:\/\/evil\.example\/r\|/);
      for (const text of mrkdwnOf(answer)) expect(text).not.toContain('*free*');
      // `<!here>` reads as a harmless @here; the rest exactly as typed.
      expect(readable(answer)).toContain('Call us @here [Join the call](https://evil.example/r) *free*');
    }));
});
