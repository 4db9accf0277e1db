// The whole app in Slack HTTP mode: the real Bolt receives signed requests on /slack/events and
// talks to the fake Slack Web API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import {
  appHomeOpenedEvent,
  DEFAULT_ACTOR,
  eventCallback,
  FakeSlackApi,
  memberJoinedChannelEvent,
  SlackRequestSender,
} from '../../fakes/slack/index.ts';
import { startTestApp } from '../../support/app-harness.ts';
import { outboxBusy, untilIdle } from '../../support/idle.ts';
import {
  BOT_TOKEN,
  capturingLogger,
  freePort,
  type LogLine,
  SIGNING_SECRET,
  shownText,
  waitForLog,
} from './support.ts';

const channel = 'C0GENERAL01';
const bob = { userId: 'U0BOB000001', userName: 'bob' };

let fake: FakeSlackApi;
let app: RunningApp;
let sender: SlackRequestSender;
const { logger, lines } = capturingLogger();

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  const port = await freePort();
  app = await startTestApp(
    {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
    },
    { logger },
  );
  sender = new SlackRequestSender(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, fake);
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

const routed = (eventId: string, outcome: string) => (line: LogLine) =>
  line.event === `chat.event.${outcome}` && line.eventId === eventId;

/** Each test sets up its own team in its own channel. */
async function setUpTeam(channelId: string, name: string): Promise<void> {
  await sender.slashCommand({ command: '/peer', text: `setup name:"${name}"`, channelId });
  await fake.waitForCall('chat.postMessage', (call) => call.args.channel === channelId);
}

describe('Slack over HTTP, the whole app', () => {
  it('sets up a team with /peer setup and answers /peer help privately with the admin commands', async () => {
    const setup = await sender.slashCommand({
      command: '/peer',
      text: 'setup timezone:America/New_York region:US name:"Night Owls"',
      channelId: channel,
    });
    expect(setup.status).toBe(200);
    // An empty ack: Slack shows nothing, the answer follows as a message.
    expect(setup.body).toBe('');

    const announced = await fake.waitForCall('chat.postMessage', (call) =>
      shownText(call).includes('This channel is now the team \\"Night Owls\\"'),
    );
    expect(announced.args.channel).toBe(channel);
    expect(announced.token).toBe(BOT_TOKEN);
    expect(shownText(announced)).toContain('America/New_York');

    const team = await app.storage.db.prisma.team.findFirstOrThrow({ where: { channelId: channel } });
    expect(team).toMatchObject({ name: 'Night Owls', timeZone: 'America/New_York', crisisRegion: 'US' });

    await sender.slashCommand({ command: '/peer', text: 'help', channelId: channel });
    const help = await fake.waitForCall('response_url', (call) =>
      shownText(call).includes('What I can help with'),
    );
    expect(help.args.response_type).toBe('ephemeral');
    expect(shownText(help)).toContain('For team admins');
    expect(shownText(help)).toContain('/peer team role');
    expect(shownText(help)).toContain('/peer admin outbox');
    // Help is private: nothing about it was posted to the channel.
    expect(
      fake.calls('chat.postMessage').filter((call) => shownText(call).includes('What I can help with')),
    ).toEqual([]);
  });

  it('answers text it cannot parse privately, with the reason', async () => {
    await sender.slashCommand({ command: '/peer', text: 'sertup', channelId: channel });
    const answer = await fake.waitForCall('response_url', (call) => shownText(call).includes('sertup'));
    expect(answer.args.response_type).toBe('ephemeral');
    expect(shownText(answer)).toContain('Did you mean `/peer setup`?');
  });

  it('rejects a request with a bad signature or a stale timestamp, without running anything', async () => {
    const before = await app.storage.db.prisma.processedEvent.count();
    const posts = fake.calls('chat.postMessage').length;

    const forged = await sender.slashCommand(
      { command: '/peer', text: 'setup name:Forged', channelId: 'C0FORGED001' },
      { badSignature: true },
    );
    expect(forged.status).toBe(401);
    const stale = await sender.slashCommand(
      { command: '/peer', text: 'setup name:Stale', channelId: 'C0STALE0001' },
      { staleBySec: 6 * 60 },
    );
    expect(stale.status).toBe(401);
    const unsigned = await sender.slashCommand({ command: '/peer', text: 'help' }, { unsigned: true });
    expect(unsigned.status).toBe(401);

    // A valid request sent after them is handled; the rejected ones left no trace before it.
    await sender.slashCommand({ command: '/peer', text: 'privacy', channelId: channel });
    await waitForLog(
      lines,
      (line) => line.event === 'chat.event.handled' && line.command === 'privacy',
      'privacy',
    );
    expect(await app.storage.db.prisma.processedEvent.count()).toBe(before + 1);
    expect(fake.calls('chat.postMessage')).toHaveLength(posts);
    expect(
      await app.storage.db.prisma.team.count({
        where: { channelId: { in: ['C0FORGED001', 'C0STALE0001'] } },
      }),
    ).toBe(0);
  });

  it('handles a Slack retry of the same event once: one welcome for a member who joined', async () => {
    const teamChannel = 'C0RETRIES01';
    await setUpTeam(teamChannel, 'Early Birds');
    const joined = eventCallback(
      memberJoinedChannelEvent({ actor: bob, channelId: teamChannel }),
      fake.identity,
    );
    const first = await sender.event(joined);
    expect(first.status).toBe(200);
    const welcome = await fake.waitForCall(
      'chat.postMessage',
      (call) => call.args.channel === fake.dmChannelFor(bob.userId),
    );
    expect(shownText(welcome)).toContain('Early Birds');
    await waitForLog(lines, routed(joined.event_id, 'handled'), 'the first delivery handled');

    const retry = await sender.event(joined, { retryNum: 1, retryReason: 'http_timeout' });
    expect(retry.status).toBe(200);
    await waitForLog(lines, routed(joined.event_id, 'duplicate'), 'the retry dropped as a duplicate');
    // Counted once the outbox has sent everything due and Slack hears nothing more: a second
    // welcome sent late would show.
    await untilIdle({ busy: outboxBusy(app.storage.db.prisma), activity: () => fake.calls().length });

    expect(
      fake.calls('chat.postMessage').filter((call) => call.args.channel === fake.dmChannelFor(bob.userId)),
    ).toHaveLength(1);
    const member = await app.storage.db.prisma.member.findFirstOrThrow({
      where: { platformUserId: bob.userId },
    });
    expect(await app.storage.db.prisma.teamRole.count({ where: { memberId: member.id } })).toBe(1);
  });

  it("publishes the member's own summary on the Home tab", async () => {
    await setUpTeam('C0HOMETEAM1', 'Home Team');
    await sender.event(eventCallback(appHomeOpenedEvent({ actor: DEFAULT_ACTOR }), fake.identity));
    const published = await fake.waitForCall(
      'views.publish',
      (call) => call.args.user_id === DEFAULT_ACTOR.userId,
    );
    expect(published.args.view).toMatchObject({ type: 'home' });
    const shown = shownText(published);
    expect(shown).toContain('Home Team (admin, member)');
    expect(shown).toContain(`Hi ${DEFAULT_ACTOR.userName}`);
    expect(shown).toContain('Quiet hours');
    expect(fake.workspace.homeViews.get(DEFAULT_ACTOR.userId)?.type).toBe('home');
  });

  it('answers a malformed body with 400 and never writes the body into the log', async () => {
    const response = await sender.post('{"text": relapse}', 'application/json');
    expect(response.status).toBe(400);
    await waitForLog(lines, (line) => String(line.msg).startsWith('Malformed request body'), 'malformed');
    expect(JSON.stringify(lines.all())).not.toContain('relapse');
  });

  it('names people only by Slack mention, confirmed with users.info, and refuses typed names', async () => {
    const roles = 'C0ROLES0001';
    await setUpTeam(roles, 'Roles');
    fake.setUser('U0CASEY0001', { displayName: 'Casey R' });
    await sender.slashCommand({
      command: '/peer',
      text: 'team role user:casey role:admin',
      channelId: roles,
    });
    const refused = await fake.waitForCall('response_url', (call) =>
      shownText(call).includes("couldn't tell who"),
    );
    expect(shownText(refused)).toContain('Please mention them with @');
    await sender.slashCommand({
      command: '/peer',
      text: 'team role user:<@U0CASEY0001|casey> role:supervisor',
      channelId: roles,
    });
    await fake.waitForCall('response_url', (call) => shownText(call).includes('Casey R is now a supervisor'));
    expect(fake.calls('users.info').map((call) => call.args.user)).toContain('U0CASEY0001');
    const members = await app.storage.db.prisma.member.findMany({ select: { platformUserId: true } });
    expect(members.map((m) => m.platformUserId)).not.toContain('casey');
  });
});
