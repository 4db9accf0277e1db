// The whole app in Slack Socket Mode: the real Bolt opens the fake's WebSocket (through
// apps.connections.open with the app token) and receives envelopes over it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import {
  eventCallback,
  FakeSlackApi,
  memberJoinedChannelEvent,
  slashCommandPayload,
} from '../../fakes/slack/index.ts';
import { startTestApp } from '../../support/app-harness.ts';
import { outboxBusy, untilIdle } from '../../support/idle.ts';
import { APP_TOKEN, BOT_TOKEN, capturingLogger, shownText, waitForLog } from './support.ts';

const carol = { userId: 'U0CAROL0001', userName: 'carol' };

let fake: FakeSlackApi;
let app: RunningApp;
const { logger, lines } = capturingLogger();

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  app = await startTestApp(
    { SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: fake.apiUrl },
    { logger },
  );
  await fake.socketMode.waitForConnection();
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

const command = (text: string, channelId: string) =>
  slashCommandPayload({ command: '/peer', text, channelId, urls: fake, identity: fake.identity });

describe('Slack over Socket Mode, the whole app', () => {
  it('connects with the app token and listens on no HTTP port', async () => {
    const opened = await fake.waitForCall('apps.connections.open');
    expect(opened.token).toBe(APP_TOKEN);
    expect(fake.socketMode.connected).toBe(true);
  });

  it('sets up a team and answers /peer help privately with the admin commands', async () => {
    const channel = 'C0SOCKET001';
    const ack = await fake.socketMode.sendEnvelope(
      'slash_commands',
      command('setup timezone:America/New_York region:US name:"Socket Crew"', channel),
    );
    expect(ack.payload).toEqual({});

    const announced = await fake.waitForCall('chat.postMessage', (call) => call.args.channel === channel);
    expect(shownText(announced)).toContain('This channel is now the team \\"Socket Crew\\"');
    expect(announced.token).toBe(BOT_TOKEN);
    const team = await app.storage.db.prisma.team.findFirstOrThrow({ where: { channelId: channel } });
    expect(team).toMatchObject({ name: 'Socket Crew', timeZone: 'America/New_York', crisisRegion: 'US' });

    await fake.socketMode.sendEnvelope('slash_commands', command('help', channel));
    const help = await fake.waitForCall('response_url', (call) =>
      shownText(call).includes('What I can help with'),
    );
    expect(help.args.response_type).toBe('ephemeral');
    expect(shownText(help)).toContain('For team admins');
    expect(shownText(help)).toContain('/peer admin outbox');
  });

  it('handles a re-sent envelope of the same event once', async () => {
    const channel = 'C0SOCKET002';
    await fake.socketMode.sendEnvelope('slash_commands', command('setup name:"Second Shift"', channel));
    await fake.waitForCall('chat.postMessage', (call) => call.args.channel === channel);

    const joined = eventCallback(
      memberJoinedChannelEvent({ actor: carol, channelId: channel }),
      fake.identity,
    );
    await fake.socketMode.sendEnvelope('events_api', joined);
    const dm = fake.dmChannelFor(carol.userId);
    const welcome = await fake.waitForCall('chat.postMessage', (call) => call.args.channel === dm);
    expect(shownText(welcome)).toContain('Second Shift');

    await fake.socketMode.sendEnvelope('events_api', joined, { retryAttempt: 1, retryReason: 'timeout' });
    await waitForLog(
      lines,
      (line) => line.event === 'chat.event.duplicate' && line.eventId === joined.event_id,
      'the re-sent envelope dropped as a duplicate',
    );
    // Counted once the outbox has sent everything due and Slack hears nothing more: a second
    // welcome sent late would show.
    await untilIdle({ busy: outboxBusy(app.storage.db.prisma), activity: () => fake.calls().length });
    expect(fake.calls('chat.postMessage').filter((call) => call.args.channel === dm)).toHaveLength(1);
  });
});
