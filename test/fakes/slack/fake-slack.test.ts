import type { AddressInfo } from 'node:net';
import { App, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { WebAPIPlatformError, WebClient } from '@slack/web-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  blockActionsPayload,
  DEFAULT_ACTOR,
  directMessageEvent,
  eventCallback,
  FakeSlackApi,
  SlackRequestSender,
  slashCommandPayload,
  viewSubmissionPayload,
} from './index.ts';

const SIGNING_SECRET = 'fake-signing-secret';
const BOT_TOKEN = 'xoxb-fake-bot-token';
const APP_TOKEN = 'xapp-1-fake-app-token';

let fake: FakeSlackApi;

beforeAll(async () => {
  fake = await FakeSlackApi.start();
});

afterAll(async () => {
  await fake.close();
});

afterEach(() => {
  fake.reset();
});

describe('Bolt HTTP mode against the fake', () => {
  let app: App;
  let sender: SlackRequestSender;
  const seen: string[] = [];

  beforeAll(async () => {
    app = new App({
      token: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    app.command('/checkin', async ({ ack, command, client, respond }) => {
      await ack();
      await client.chat.postMessage({
        channel: command.user_id,
        text: `Hello ${command.text}`,
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `*Hello* ${command.text}` } }],
      });
      await respond({ text: 'Sent you a DM', response_type: 'ephemeral' });
    });
    app.command('/flag', async ({ ack, command, client }) => {
      await ack();
      await client.views.open({
        trigger_id: command.trigger_id,
        view: {
          type: 'modal',
          callback_id: 'flag_modal',
          private_metadata: 'meta-1',
          title: { type: 'plain_text', text: 'Flag' },
          submit: { type: 'plain_text', text: 'Send' },
          blocks: [
            {
              type: 'input',
              block_id: 'reason',
              label: { type: 'plain_text', text: 'Reason' },
              element: { type: 'plain_text_input', action_id: 'reason_input' },
            },
            {
              type: 'input',
              block_id: 'urgency',
              label: { type: 'plain_text', text: 'Urgency' },
              element: {
                type: 'static_select',
                action_id: 'urgency_select',
                options: [
                  { text: { type: 'plain_text', text: 'Low' }, value: 'low' },
                  { text: { type: 'plain_text', text: 'High' }, value: 'high' },
                ],
              },
            },
          ],
        },
      });
    });
    app.view('flag_modal', async ({ ack, view, body, client }) => {
      await ack();
      const reason = view.state.values.reason?.reason_input?.value ?? '';
      const urgency = view.state.values.urgency?.urgency_select?.selected_option?.value ?? '';
      await client.chat.postMessage({
        channel: body.user.id,
        text: `${reason}/${urgency}/${view.private_metadata}`,
      });
    });
    app.action('ack_button', async ({ ack, body }) => {
      // Record before ack(): the HTTP response (and so the test) may continue as soon as ack() answers.
      if (body.type === 'block_actions') seen.push(`button:${body.actions[0]?.action_id}`);
      await ack();
    });
    app.message(async ({ message, say }) => {
      if (message.channel_type === 'im' && 'text' in message) await say(`echo: ${message.text}`);
    });
    const server = await app.start(0);
    const { port } = server.address() as AddressInfo;
    sender = new SlackRequestSender(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, fake);
  });

  afterAll(async () => {
    await app.stop();
  });

  it('acks a signed slash command, posts via the Web API and answers the response_url', async () => {
    const response = await sender.slashCommand({ command: '/checkin', text: 'there' });
    expect(response.status).toBe(200);

    const post = await fake.waitForCall('chat.postMessage');
    expect(post.token).toBe(BOT_TOKEN);
    expect(post.args.channel).toBe(DEFAULT_ACTOR.userId);
    expect(post.args.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: '*Hello* there' } }]);
    expect(post.response).toMatchObject({ ok: true, channel: fake.dmChannelFor(DEFAULT_ACTOR.userId) });

    const reply = await fake.waitForCall('response_url');
    expect(reply.args).toMatchObject({ text: 'Sent you a DM', response_type: 'ephemeral' });
  });

  it('rejects bad, stale and missing signatures with 401', async () => {
    expect((await sender.slashCommand({ command: '/checkin' }, { badSignature: true })).status).toBe(401);
    expect((await sender.slashCommand({ command: '/checkin' }, { staleBySec: 6 * 60 })).status).toBe(401);
    expect((await sender.slashCommand({ command: '/checkin' }, { unsigned: true })).status).toBe(401);
    expect(fake.calls('chat.postMessage')).toHaveLength(0);
  });

  it('answers url_verification and passes retry headers through', async () => {
    const verification = await sender.urlVerification('abc123');
    expect(verification.status).toBe(200);
    expect(verification.json).toEqual({ challenge: 'abc123' });

    const event = eventCallback(directMessageEvent({ text: 'hi bot' }), fake.identity);
    const response = await sender.event(event, { retryNum: 1, retryReason: 'http_timeout' });
    expect(response.status).toBe(200);
    const say = await fake.waitForCall('chat.postMessage');
    expect(say.args).toMatchObject({ channel: 'D0ALICEDM01', text: 'echo: hi bot' });
  });

  it('opens a modal with a live trigger_id and handles its submission', async () => {
    await sender.slashCommand({ command: '/flag' });
    const open = await fake.waitForCall('views.open');
    expect(open.response).toMatchObject({ ok: true });

    const payload = viewSubmissionPayload({
      view: fake.openedView('flag_modal'),
      answers: { reason: 'overwhelmed', urgency: 'high' },
      urls: fake,
    });
    expect(() =>
      viewSubmissionPayload({ view: fake.openedView('flag_modal'), answers: { nope: 'x' } }),
    ).toThrow(/no input "nope"/);
    const response = await sender.interactive(payload);
    expect(response.status).toBe(200);
    const post = await fake.waitForCall('chat.postMessage');
    expect(post.args.text).toBe('overwhelmed/high/meta-1');
  });

  it('routes block_actions to the action handler', async () => {
    const response = await sender.interactive(
      blockActionsPayload({
        actionId: 'ack_button',
        value: 'v1',
        message: { ts: '1.000001', channelId: 'C1' },
      }),
    );
    expect(response.status).toBe(200);
    expect(seen).toContain('button:ack_button');
  });
});

describe('Bolt Socket Mode against the fake', () => {
  let app: App;

  beforeAll(async () => {
    const receiver = new SocketModeReceiver({
      appToken: APP_TOKEN,
      logLevel: LogLevel.ERROR,
      // Reconnect delay = clientPingTimeout × failures; keep it short so the reconnect test is quick.
      clientPingTimeout: 300,
      installerOptions: { clientOptions: { slackApiUrl: fake.apiUrl } },
    });
    app = new App({
      token: BOT_TOKEN,
      receiver,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    app.command('/checkin', async ({ ack, command, client }) => {
      await ack({ text: `Checking in ${command.text}` });
      await client.chat.postMessage({ channel: command.channel_id, text: 'checked in' });
    });
    await app.start();
  });

  afterAll(async () => {
    await app.stop();
  });

  it('connects through apps.connections.open and acks a slash_commands envelope', async () => {
    await fake.socketMode.waitForConnection();
    const ack = await fake.socketMode.sendEnvelope(
      'slash_commands',
      slashCommandPayload({ command: '/checkin', text: 'now', urls: fake, identity: fake.identity }),
    );
    expect(ack.payload).toEqual({ text: 'Checking in now' });
    const post = await fake.waitForCall('chat.postMessage');
    expect(post.args).toMatchObject({ channel: 'C0GENERAL01', text: 'checked in' });
  });

  it('reconnects after a disconnect request and keeps working', async () => {
    const before = fake.socketMode.connections.size;
    fake.socketMode.requestDisconnect('refresh_requested');
    await fake.socketMode.waitForConnection(before + 1);
    const opens = await fake.waitForCall('apps.connections.open');
    expect(opens.token).toBe(APP_TOKEN);
    const ack = await fake.socketMode.sendEnvelope(
      'slash_commands',
      slashCommandPayload({ command: '/checkin', text: 'again' }),
    );
    expect(ack.payload).toEqual({ text: 'Checking in again' });
    // The handler posts after acking: wait for it so it cannot leak into the next test.
    await fake.waitForCall('chat.postMessage');
  });
});

describe('WebClient against injected failures', () => {
  it('honours Retry-After on a 429 and then succeeds', async () => {
    const client = new WebClient(BOT_TOKEN, {
      logLevel: LogLevel.ERROR,
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 0 },
    });
    fake.failNext('chat.postMessage', { status: 429, retryAfterSec: 1 });
    const started = Date.now();
    const result = await client.chat.postMessage({ channel: 'C0GENERAL01', text: 'after the limit' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(result.ok).toBe(true);
    const attempts = fake.calls('chat.postMessage');
    expect(attempts).toHaveLength(2);
    expect(attempts[0]?.failure).toEqual({ status: 429, retryAfterSec: 1 });
    expect(attempts[1]?.failure).toBeUndefined();
  });

  it('applies a failure policy and Slack-style errors', async () => {
    const client = new WebClient(BOT_TOKEN, {
      logLevel: LogLevel.ERROR,
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 3, minTimeout: 0, maxTimeout: 0 },
    });
    fake.setFailurePolicy((index, method) =>
      method === 'users.info' && index % 2 === 0 ? { status: 429, retryAfterSec: 0 } : undefined,
    );
    const info = await client.users.info({ user: 'U0ALICE0001' });
    expect(info.user?.id).toBe('U0ALICE0001');
    expect(fake.calls('users.info').map((call) => call.failure?.status)).toEqual([429, undefined]);

    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    const failure = await client.chat
      .postMessage({ channel: 'C404', text: 'x' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WebAPIPlatformError);
    expect((failure as WebAPIPlatformError).data.error).toBe('channel_not_found');
  });

  it('rejects calls without a valid token like Slack does', async () => {
    const client = new WebClient('not-a-token', {
      logLevel: LogLevel.ERROR,
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
    });
    const failure = await client.auth.test().catch((error: unknown) => error);
    expect((failure as WebAPIPlatformError).data.error).toBe('invalid_auth');
  });

  it('runs the files.uploadV2 three-step flow', async () => {
    const client = new WebClient(BOT_TOKEN, {
      logLevel: LogLevel.ERROR,
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
    });
    await client.filesUploadV2({
      channel_id: 'C0GENERAL01',
      filename: 'notes.txt',
      content: 'hello file',
      title: 'Notes',
    });
    const upload = await fake.waitForCall('file_upload');
    expect(upload.args.bytes).toBeGreaterThan(0);
    const complete = await fake.waitForCall('files.completeUploadExternal');
    expect(complete.args).toMatchObject({ channel_id: 'C0GENERAL01', files: [{ title: 'Notes' }] });
    expect(complete.response).toMatchObject({ ok: true, files: [{ name: 'notes.txt', title: 'Notes' }] });
  });
});
