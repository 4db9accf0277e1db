// Supervision on Slack: the real Bolt over signed HTTP requests against the fake Slack Web API.
// A series is created, posted with RSVP buttons, answered, and reminders reach each person by
// DM at the right instants of an injected clock, in their own time zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureList, type RunningApp } from '../../../src/app.ts';
import { ManualClock, type PeriodicJob } from '../../../src/scheduling/index.ts';
import { blockActionsPayload, FakeSlackApi, SlackRequestSender } from '../../fakes/slack/index.ts';
import { startTestApp } from '../../support/app-harness.ts';
import { BOT_TOKEN, freePort, SIGNING_SECRET, shownText } from './support.ts';

const channelId = 'C0SUPERVIS1';
const sam = { userId: 'U0SAM000001', userName: 'sam' };
const riley = { userId: 'U0RILEY0001', userName: 'riley' };
const clock = new ManualClock('2026-03-01T12:00:00Z');
let jobs: PeriodicJob[] = [];
let fake: FakeSlackApi;
let app: RunningApp;
let sender: SlackRequestSender;
const runJobs = () => Promise.all(jobs.map((job) => job.run({ instanceId: 'e2e', now: clock.now() })));

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  // users.info confirms the people the commands name (identities come from the platform).
  fake.setUser(sam.userId, { name: sam.userName, displayName: sam.userName });
  fake.setUser(riley.userId, { name: riley.userName, displayName: riley.userName });
  const port = await freePort();
  app = await startTestApp(
    {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
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
  sender = new SlackRequestSender(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, fake);
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

/** The machine may be busy: wait up to a minute for what a person would see. */
const seen = (method: string, predicate: Parameters<FakeSlackApi['waitForCall']>[1]) =>
  fake.waitForCall(method, predicate, 60_000);
const peer = (actor: typeof sam, text: string) =>
  sender.slashCommand({ command: '/peer', text, channelId, actor });

describe('supervision on Slack', { timeout: 300_000 }, () => {
  it('creates a series, takes an RSVP by button, and reminds at 24 h and 15 min in the person’s zone', async () => {
    await peer(sam, 'setup timezone:Europe/Berlin name:Harbor');
    await seen('chat.postMessage', (c) => c.args.channel === channelId);
    await peer(sam, `team role user:<@${sam.userId}> role:supervisor`);
    await seen('response_url', (c) => shownText(c).includes('now a supervisor'));
    await peer(riley, 'timezone zone:America/New_York');
    await seen('response_url', (c) => shownText(c).includes('America/New_York'));

    await peer(
      sam,
      'supervision new title:"Group supervision" date:2026-03-02 time:18:00 length:90 timezone:Europe/Berlin count:3',
    );
    const confirmed = await seen('response_url', (c) => shownText(c).includes('is planned: 3 sessions'));
    expect(confirmed.args.response_type).toBe('ephemeral');
    const session = await app.storage.db.prisma.supervisionSession.findFirstOrThrow({
      orderBy: { startsAt: 'asc' },
    });
    const post = await seen(
      'chat.postMessage',
      (c) => c.args.channel === channelId && shownText(c).includes('supervision:rsvp'),
    );
    expect(shownText(post)).toContain('Going 0');
    const ts = String((post.response as { ts?: string }).ts);

    await sender.interactive(
      blockActionsPayload({
        actionId: 'supervision:rsvp',
        value: `${session.id}:going`,
        actor: riley,
        message: { ts, channelId },
        urls: fake,
      }),
    );
    await seen('response_url', (c) => shownText(c).includes('Going 1'));
    expect(
      await app.storage.db.prisma.rsvp.count({ where: { sessionId: session.id, response: 'yes' } }),
    ).toBe(1);

    const dm = fake.dmChannelFor(riley.userId);
    const reminders = () =>
      fake
        .calls('chat.postMessage')
        .filter((c) => c.args.channel === dm && shownText(c).includes('gentle reminder'));
    clock.advanceTo('2026-03-01T16:59:00Z');
    await runJobs();
    clock.advanceTo('2026-03-01T17:00:00Z');
    await runJobs();
    const dayBefore = await seen(
      'chat.postMessage',
      (c) => c.args.channel === dm && shownText(c).includes('gentle reminder'),
    );
    expect(shownText(dayBefore)).toContain('Mon 2 Mar 2026, 12:00–13:30 (America/New_York)');
    expect(reminders()).toHaveLength(1);
    clock.advanceTo('2026-03-02T16:45:00Z');
    await runJobs();
    await seen('chat.postMessage', (c) => c.args.channel === dm && shownText(c).includes('in 15 minutes'));
    await runJobs();
    expect(reminders()).toHaveLength(2);
  });
});
