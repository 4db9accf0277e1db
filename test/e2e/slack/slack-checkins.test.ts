// A whole check-in on Slack: the real Bolt and the app against the fake Slack. The roster is
// read with conversations.members (paged) and users.info; one member answers "the team
// without my name", one "only my supervisor", one skips, one does nothing; the reminder
// reaches only the one who did nothing; the digest holds exactly what each chose to share.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import type { Scheduler } from '../../../src/scheduling/index.ts';
import {
  blockActionsPayload,
  FakeSlackApi,
  type SlackActor,
  type SlackCall,
  SlackRequestSender,
  viewSubmissionPayload,
} from '../../fakes/slack/index.ts';
import { startTestApp } from '../../support/app-harness.ts';
import { checkinJobsOnTestScheduler } from '../../support/checkin-jobs.ts';
import { BOT_TOKEN, freePort, SIGNING_SECRET, shownText, waitForCalls } from './support.ts';

const TEAM = 'C0TEAM00001';
const people: Record<string, SlackActor & { name: string; tz: string }> = {
  sam: { userId: 'U0SAM000001', userName: 'sam', name: 'Sam Supervisor', tz: 'Europe/Berlin' },
  ana: { userId: 'U0ANA000001', userName: 'ana', name: 'Ana Anonymous', tz: 'America/New_York' },
  ben: { userId: 'U0BEN000001', userName: 'ben', name: 'Ben Private', tz: 'Asia/Kolkata' },
  cal: { userId: 'U0CAL000001', userName: 'cal', name: 'Cal Skipper', tz: 'Europe/London' },
};
const who = (name: keyof typeof people) => people[name] as SlackActor & { name: string };

let fake: FakeSlackApi;
let app: RunningApp;
let sender: SlackRequestSender;
let scheduler: Scheduler;
const checkinJobs = checkinJobsOnTestScheduler();

// Each test has a world of its own: a fresh fake Slack and the app on a fresh database.
beforeEach(async () => {
  fake = await FakeSlackApi.start();
  for (const p of Object.values(people))
    fake.setUser(p.userId, { name: p.userName, displayName: p.name, realName: p.name, tz: p.tz });
  fake.setUser('B0HELPER001', { name: 'helper', isBot: true });
  fake.setChannelMembers(TEAM, [...Object.values(people).map((p) => p.userId), 'B0HELPER001']);
  const port = await freePort();
  app = await startTestApp(
    {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
    },
    {
      // The check-in jobs run on the test's own scheduler (test/support/checkin-jobs.ts).
      features: checkinJobs.features,
    },
  );
  scheduler = checkinJobs.scheduler(app.storage.db.prisma);
  sender = new SlackRequestSender(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, fake);
}, 120_000);

afterEach(async () => {
  await app?.stop();
  await fake?.close();
});

/**
 * Bolt's HTTP server closes idle keep-alive sockets after 5 s; a request that fetch sends on
 * such a socket just as it closes fails with ECONNRESET before Bolt read it, so it is sent again.
 */
async function resending<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code !== 'ECONNRESET') throw error;
    return send();
  }
}

const command = (actor: SlackActor, text: string) =>
  resending(() => sender.slashCommand({ command: '/peer', text, channelId: TEAM, actor }));
const interactive = (payload: unknown) => resending(() => sender.interactive(payload));

/** Every message or ephemeral that reached the team channel (or a reply there). */
const channelCalls = () =>
  fake
    .calls()
    .filter(
      (c) =>
        (['chat.postMessage', 'chat.postEphemeral', 'chat.update'].includes(c.method) &&
          c.args.channel === TEAM) ||
        c.method === 'response_url',
    );

function buttonValue(call: SlackCall, actionId: string): string {
  const blocks = (call.args.blocks ?? []) as { elements?: { action_id?: string; value?: string }[] }[];
  const button = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId && e.value);
  if (!button?.value) throw new Error(`no ${actionId} button in ${JSON.stringify(call.args.blocks)}`);
  return button.value;
}

const dmTo = (name: keyof typeof people) => (call: SlackCall) =>
  call.args.channel === fake.dmChannelFor(who(name).userId);

async function answer(name: keyof typeof people, prompt: SlackCall, answers: Record<string, string>) {
  const opened = fake.calls('views.open').length;
  await interactive(
    blockActionsPayload({
      actionId: 'checkins:answer',
      value: buttonValue(prompt, 'checkins:answer'),
      actor: who(name),
      message: {
        ts: String((prompt.response as { ts: string }).ts),
        channelId: fake.dmChannelFor(who(name).userId),
      },
      urls: fake,
    }),
  );
  await waitForCalls(fake, 'views.open', opened + 1);
  await interactive(
    viewSubmissionPayload({
      view: fake.openedView('checkins:answer'),
      answers,
      actor: who(name),
      urls: fake,
    }),
  );
}

/** sam sets the team up in the team channel and the roster is read. */
async function setUp() {
  await command(who('sam'), 'setup name:Harbor timezone:Europe/Berlin');
  await fake.waitForCall('chat.postMessage', (c) => shownText(c).includes('now the team'));
  await scheduler.tick();
}

describe('a check-in on Slack, end to end', () => {
  it('reads the roster at set-up: four people, the bot left out', async () => {
    await setUp();
    expect(fake.calls('conversations.members').length).toBeGreaterThan(0);
    const roster = await app.storage.db.prisma.checkinRosterEntry.findMany({ include: { member: true } });
    expect(roster.map((r) => r.member.displayName).sort()).toEqual([
      'Ana Anonymous',
      'Ben Private',
      'Cal Skipper',
      'Sam Supervisor',
    ]);
    expect(roster.find((r) => r.member.platformUserId === who('ben').userId)?.member.timeZone).toBe(
      'Asia/Kolkata',
    );
  });

  it('runs a round: prompts, answers by audience, a skip, a reminder to the silent one, a digest', async () => {
    await setUp();
    await command(who('sam'), `team role user:<@${who('sam').userId}> role:supervisor`);
    await fake.waitForCall('response_url', (c) => shownText(c).includes('is now a supervisor'));
    await command(
      who('sam'),
      `team supervisor member:<@${who('ben').userId}> supervisor:<@${who('sam').userId}>`,
    );
    await fake.waitForCall('response_url', (c) => shownText(c).includes('primary supervisor for'));
    await command(who('sam'), 'checkin now');
    const prompts = await waitForCalls(fake, 'chat.postMessage', 4, (c) =>
      shownText(c).includes('Remind me in an hour'),
    );
    const note = await fake.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === TEAM && shownText(c).includes('is open'),
    );
    const promptFor = (name: keyof typeof people) => prompts.find(dmTo(name)) as SlackCall;

    await answer('ana', promptFor('ana'), {
      q1: '4',
      'q1-who': 'anonymous',
      q2: 'A client laughed at my terrible joke',
      'q2-who': 'anonymous',
    });
    await answer('ben', promptFor('ben'), {
      q1: '2',
      'q1-who': 'supervisor',
      q3: 'My sister is in hospital',
      'q3-who': 'supervisor',
    });
    await interactive(
      blockActionsPayload({
        actionId: 'checkins:skip',
        value: buttonValue(promptFor('cal'), 'checkins:skip'),
        actor: who('cal'),
        message: {
          ts: String((promptFor('cal').response as { ts: string }).ts),
          channelId: fake.dmChannelFor(who('cal').userId),
        },
        urls: fake,
      }),
    );
    await fake.waitForCall('response_url', (c) => shownText(c).includes('Skipped, no problem'));
    // The supervisor is told privately that something waits for them; the words do not travel.
    const notice = await fake.waitForCall(
      'chat.postMessage',
      (c) => dmTo('sam')(c) && shownText(c).includes('shared an answer'),
    );
    expect(shownText(notice)).not.toContain('hospital');

    await scheduler.tick(new Date(Date.now() + 20 * 3_600_000));
    const reminder = await fake.waitForCall('chat.postMessage', (c) =>
      shownText(c).includes('A gentle nudge'),
    );
    expect(reminder.args.channel).toBe(fake.dmChannelFor(who('sam').userId));

    await command(who('sam'), 'checkin close');
    const digest = await fake.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === TEAM && shownText(c).includes('the digest'),
    );
    expect(digest.args.thread_ts).toBe((note.response as { ts: string }).ts);
    const shown = shownText(digest);
    expect(shown).toContain('2 people took part');
    // Two took part: an answer "without my name" would be one of two, so it is not shown.
    expect(shown).not.toContain('A client laughed at my terrible joke');
    expect(shown).not.toContain('How we are arriving');

    const reminders = fake.calls('chat.postMessage').filter((c) => shownText(c).includes('A gentle nudge'));
    expect(reminders).toHaveLength(1);
    for (const call of channelCalls()) {
      const text = shownText(call);
      expect(text).not.toContain('hospital');
      expect(text).not.toContain('Ana Anonymous');
      expect(text).not.toContain(who('ana').userId);
      expect(text).not.toMatch(/Cal Skipper|Sam Supervisor.*did not/);
    }
  }, 120_000);

  it('leaves the posted digest exactly as it was when a member who answered erases her data', async () => {
    // A round in which ana answers without her name, closed with its digest posted.
    await setUp();
    await command(who('sam'), 'checkin now');
    const [prompt] = await waitForCalls(
      fake,
      'chat.postMessage',
      1,
      (c) => dmTo('ana')(c) && shownText(c).includes('Remind me in an hour'),
    );
    await answer('ana', prompt as SlackCall, {
      q1: '4',
      'q1-who': 'anonymous',
      q2: 'A client laughed at my terrible joke',
      'q2-who': 'anonymous',
    });
    await command(who('sam'), 'checkin close');
    const posted = await fake.waitForCall(
      'chat.postMessage',
      (c) => c.args.channel === TEAM && shownText(c).includes('the digest'),
    );
    const digestTs = String((posted.response as { ts: string }).ts);
    const digestRow = () =>
      app.storage.db.prisma.outboxMessage.findFirstOrThrow({
        where: { idempotencyKey: { startsWith: 'checkin-digest:' } },
      });
    const before = (await digestRow()).payload;
    await command(who('ana'), 'privacy erase');
    const confirm = await fake.waitForCall('response_url', (c) => shownText(c).includes('Erase your data?'));
    await interactive(
      blockActionsPayload({
        actionId: 'privacy:erase',
        value: buttonValue(confirm, 'privacy:erase'),
        actor: who('ana'),
        urls: fake,
      }),
    );
    // The confirmation message itself becomes the answer (chat.update of the pressed message).
    await fake.waitForCall('chat.update', (c) => shownText(c).includes('your data is erased'));
    // Ana shared nothing under her name, so there is nothing to take back; redrawing the digest
    // would show, by what changed, which answer was hers.
    expect(fake.calls('chat.update').filter((c) => c.args.channel === TEAM)).toEqual([]);
    expect((await digestRow()).payload).toBe(before);
    expect(digestTs).not.toBe('');
  }, 120_000);
});
