// The must-show scenario on Slack, the whole app: a member flags "I need to talk now" with a
// note through the real Bolt and the fake Slack; the primary supervisor's DM arrives with the
// buttons; the note is in no channel call, no log line and no database column in clear text;
// the supervisor presses "I'll reach out" and the member is told who and when.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import {
  appHomeOpenedEvent,
  blockActionsPayload,
  DEFAULT_ACTOR,
  eventCallback,
  FakeSlackApi,
  memberJoinedChannelEvent,
  SlackRequestSender,
  viewSubmissionPayload,
} from '../../fakes/slack/index.ts';
import { startTestApp } from '../../support/app-harness.ts';
import { BOT_TOKEN, capturingLogger, freePort, SIGNING_SECRET, shownText } from './support.ts';

const channel = 'C0PEERS0001';
const sam = { userId: 'U0SAM000001', userName: 'sam' };
const maya = { userId: 'U0MAYA00001', userName: 'maya' };
const lee = { userId: 'U0LEE000001', userName: 'lee' };
const secret = 'SLACK-NOTE-4e1b my own father came up today';

let fake: FakeSlackApi;
let app: RunningApp;
let sender: SlackRequestSender;
// Every level, debug and trace too: the note must be in no line the app writes.
const { logger, lines } = capturingLogger('trace');

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  // users.info confirms the people the commands name (identities come from the platform).
  fake.setUser(sam.userId, { name: sam.userName, displayName: sam.userName });
  fake.setUser(maya.userId, { name: maya.userName, displayName: maya.userName });
  fake.setUser(lee.userId, { name: lee.userName, displayName: lee.userName });
  fake.setUser('U0HELPBOT01', { name: 'helper-bot', displayName: 'helper-bot', isBot: true });
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
  // The team every test uses: set up in the channel, sam supervising maya and lee, and sam and
  // maya met (first contact) through /peer privacy.
  await sender.slashCommand({ command: '/peer', text: 'setup name:Peers', channelId: channel });
  await fake.waitForCall('chat.postMessage', (call) => call.args.channel === channel);
  await peer(`team role user:<@${sam.userId}> role:supervisor`);
  await peer(`team supervisor member:<@${maya.userId}> supervisor:<@${sam.userId}>`);
  await peer(`team supervisor member:<@${lee.userId}> supervisor:<@${sam.userId}>`);
  await peer('privacy', sam);
  await peer('privacy', maya);
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

async function peer(text: string, actor = DEFAULT_ACTOR, channelId = channel) {
  const before = fake.calls().length;
  await sender.slashCommand({ command: '/peer', text, channelId, actor });
  await fake.waitForCall('response_url', (call) => call.index >= before).catch(() => undefined);
}

describe('flags on Slack', () => {
  it('delivers a "talk now" flag to the supervisor only, and tells the member who has seen it', async () => {
    // The form this command opens (another test may have opened one before, in any order).
    const opening = fake.calls().length;
    await sender.slashCommand({ command: '/peer', text: 'flag', channelId: channel, actor: maya });
    await fake.waitForCall(
      'views.open',
      (call) => call.index >= opening && shownText(call).includes('flags:submit'),
    );
    const form = fake.openedView('flags:submit');
    expect(JSON.stringify(form.blocks)).toContain('only sam');
    await sender.interactive(
      viewSubmissionPayload({
        view: form,
        actor: maya,
        answers: { level: 'talk-now', wish: 'talk-now', note: secret },
        urls: fake,
      }),
    );

    const samDm = fake.dmChannelFor(sam.userId);
    const dm = await fake.waitForCall(
      'chat.postMessage',
      (call) => call.args.channel === samDm && shownText(call).includes('A private flag from maya'),
    );
    // A notice (issue 21): no note in the DM; Open shows it privately.
    expect(shownText(dm)).not.toContain('SLACK-NOTE');
    expect(shownText(dm)).toContain('flags:open');
    expect(shownText(dm)).toContain("I'll reach out");
    expect(shownText(dm)).toContain('Noted');

    // The member's private answer: who it went to, never the note.
    const answer = await fake.waitForCall('chat.postEphemeral', (call) =>
      shownText(call).includes('went privately to'),
    );
    expect(shownText(answer)).not.toContain('SLACK-NOTE');

    const flag = await app.storage.db.prisma.triggerFlag.findFirstOrThrow();
    const blocks = JSON.stringify(dm.args.blocks);
    const actionId = /"action_id":"(flags:reach-out[^"]*)"/.exec(blocks)?.[1];
    expect(actionId).toBeDefined();
    await sender.interactive(
      blockActionsPayload({
        actionId: actionId ?? '',
        value: flag.id,
        actor: sam,
        message: { ts: String((dm.response as { ts: string }).ts), channelId: samDm },
        urls: fake,
      }),
    );
    const told = await fake.waitForCall(
      'chat.postMessage',
      (call) =>
        call.args.channel === fake.dmChannelFor(maya.userId) &&
        shownText(call).includes('has seen your flag'),
    );
    expect(shownText(told)).toMatch(/sam has seen your flag \(\w{3} \d{2}:\d{2}\) and will reach out to you/);

    // sam opens it: the note, to him only (ephemeral). That is the one call that carries it.
    const mark = fake.calls().length;
    await sender.interactive(
      blockActionsPayload({
        actionId: 'flags:open',
        value: flag.id,
        actor: sam,
        message: { ts: String((dm.response as { ts: string }).ts), channelId: samDm },
        urls: fake,
      }),
    );
    const opened = await fake.waitForCall('response_url', (call) => call.index >= mark);
    expect(shownText(opened)).toContain('SLACK-NOTE-4e1b');
    expect(opened.args.response_type).toBe('ephemeral');
    const carrying = fake.calls().filter((call) => shownText(call).includes('SLACK-NOTE-4e1b'));
    expect(carrying.map((call) => call.method)).toEqual(['response_url']);
    expect(lines.all().filter((line) => JSON.stringify(line).includes('SLACK-NOTE'))).toEqual([]);
    expect(lines.all().some((line) => line.event === 'flags.raised')).toBe(true);

    const prisma = app.storage.db.prisma;
    const tables = await prisma.$queryRawUnsafe<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    for (const { table_name } of tables) {
      const rows = await prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${table_name}" t WHERE t::text LIKE '%SLACK-NOTE%' OR t::text LIKE '%father%'`,
      );
      expect(rows[0]?.n, table_name).toBe(0);
    }
  });

  it('opens the flag form from the "Flag privately" global shortcut', async () => {
    const mark = fake.calls().length;
    const response = await sender.interactive({
      type: 'shortcut',
      callback_id: 'flags:start',
      trigger_id: fake.issueTriggerId(),
      action_ts: '1700000000.000100',
      team: { id: fake.identity.teamId, domain: 'peers' },
      user: { id: maya.userId, username: maya.userName, team_id: fake.identity.teamId },
      token: 'verification',
      is_enterprise_install: false,
    });
    expect(response.status).toBe(200);
    const opened = await fake.waitForCall(
      'views.open',
      (call) => call.index >= mark && shownText(call).includes('flags:submit'),
    );
    expect(shownText(opened)).toContain('only sam');
  });

  it('opens the flag form from the "Flag privately" button on the welcome DM and on App Home', async () => {
    await sender.event(
      eventCallback(memberJoinedChannelEvent({ actor: lee, channelId: channel }), fake.identity),
    );
    const leeDm = fake.dmChannelFor(lee.userId);
    const welcome = await fake.waitForCall(
      'chat.postMessage',
      (call) => call.args.channel === leeDm && shownText(call).includes('Welcome to Peers'),
    );
    const actionId = /"action_id":"(flags:start[^"]*)"/.exec(JSON.stringify(welcome.args.blocks))?.[1];
    expect(actionId).toBeDefined();
    let mark = fake.calls().length;
    await sender.interactive(
      blockActionsPayload({
        actionId: actionId ?? '',
        actor: lee,
        message: { ts: String((welcome.response as { ts: string }).ts), channelId: leeDm },
        urls: fake,
      }),
    );
    const fromWelcome = await fake.waitForCall(
      'views.open',
      (call) => call.index >= mark && shownText(call).includes('flags:submit'),
    );
    expect(shownText(fromWelcome)).toContain('only sam');

    await sender.event(eventCallback(appHomeOpenedEvent({ actor: lee, channelId: leeDm }), fake.identity));
    const home = await fake.waitForCall('views.publish', (call) => call.args.user_id === lee.userId);
    const homeAction = /"action_id":"(flags:start[^"]*)"/.exec(JSON.stringify(home.args.view))?.[1];
    expect(homeAction).toBeDefined();
    mark = fake.calls().length;
    await sender.interactive(
      blockActionsPayload({
        actionId: homeAction ?? '',
        actor: lee,
        view: { ...(home.response as { view: Parameters<typeof blockActionsPayload>[0]['view'] }).view! },
        urls: fake,
      }),
    );
    await fake.waitForCall(
      'views.open',
      (call) => call.index >= mark && shownText(call).includes('flags:submit'),
    );
  });

  it('shows the roster the platform lists, with roles, in /peer team show', async () => {
    fake.setChannelMembers(channel, [
      DEFAULT_ACTOR.userId,
      sam.userId,
      maya.userId,
      lee.userId,
      'U0HELPBOT01',
    ]);
    await peer('checkin roster');
    await peer('team escalation after:3h urgent:20m');
    const mark = fake.calls().length;
    await sender.slashCommand({ command: '/peer', text: 'team show', channelId: channel, actor: maya });
    const shown = await fake.waitForCall(
      'response_url',
      (call) => call.index >= mark && String(call.args.text).includes('Team "Peers"'),
    );
    const text = shownText(shown);
    expect(text).toContain('maya (member) — primary: sam');
    expect(text).toContain('sam (supervisor, member)');
    expect(text).toContain('lee (member) — primary: sam');
    expect(text).toMatch(/admin, member/);
    expect(text).not.toContain('helper-bot');
    expect(text).toContain('3 hours (20 minutes for');
  });
});
