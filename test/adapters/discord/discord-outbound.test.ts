// The outbox's Discord client against the fake Discord REST API: what reaches Discord, and
// how each failure is told to the outbox.

import { createRequire } from 'node:module';
import { PermissionFlagsBits, Routes } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOutboundRest } from '../../../src/adapters/discord/discord-client.ts';
import { createDiscordChatClient, discordNonce } from '../../../src/adapters/discord/discord-outbound.ts';
import { renderDiscordMessages } from '../../../src/adapters/discord/render-components.ts';
import { DeliveryError, type Logger, type UserRef, view } from '../../../src/chat/index.ts';
import { markup } from '../../../src/chat/markup.ts';
import { longView } from '../../chat/sample-views.ts';
import { FakeDiscord } from '../../fakes/discord/index.ts';

const token = 'fake-token';
let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start({ token });
});

afterAll(async () => {
  await fake.close();
});

afterEach(() => fake.reset());

const clientFor = (apiUrl = fake.apiUrl) =>
  createDiscordChatClient(createOutboundRest({ token, applicationId: fake.world.applicationId, apiUrl }));

const hello = view(markup`Hello`, { type: 'text', text: markup`Hello, **team**.` });

function alice(): UserRef {
  return { platform: 'discord', workspaceId: fake.world.guild().id, userId: fake.world.user('alice').id };
}

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof DeliveryError)) throw new Error(`expected a DeliveryError, got ${String(error)}`);
  return error;
}

describe('Discord outbound client', () => {
  it('sends a direct message with a hashed nonce Discord enforces, opening the DM channel once', async () => {
    const client = clientFor();
    const sent = await client.sendDirect(alice(), hello, { idempotencyKey: 'checkin:round-1:alice' });
    await client.sendDirect(alice(), hello);

    const dm = fake.world.dmChannelFor(alice().userId);
    expect(sent).toMatchObject({ platform: 'discord', workspaceId: alice().workspaceId, channelId: dm.id });
    expect(fake.rest.calls('POST /users/@me/channels')).toHaveLength(1);
    const [first, second] = fake.rest.calls('POST /channels/:channelId/messages');
    expect(first?.params.channelId).toBe(dm.id);
    expect(first?.body).toMatchObject({
      content: 'Hello, **team**.',
      nonce: discordNonce('checkin:round-1:alice'),
      enforce_nonce: true,
      allowed_mentions: { parse: [] },
    });
    expect(discordNonce('checkin:round-1:alice')).toHaveLength(25);
    expect(second?.body).not.toHaveProperty('nonce');
    expect(fake.message(sent.messageId)?.content).toBe('Hello, **team**.');
  });

  it('posts a long view as several messages, each with a nonce of its own', async () => {
    const channel = {
      platform: 'discord' as const,
      workspaceId: 'g',
      channelId: fake.world.channel('general').id,
    };
    const sent = await clientFor().postToChannel(channel, longView(), { idempotencyKey: 'digest:7' });
    const calls = fake.rest.calls('POST /channels/:channelId/messages');
    expect(calls).toHaveLength(renderDiscordMessages(longView()).length);
    const nonces = calls.map((call) => (call.body as { nonce?: string }).nonce);
    expect(new Set(nonces).size).toBe(calls.length);
    expect(sent.messageId).toBe((calls[0]?.response as { id?: string } | undefined)?.id);
  });

  it('posts in the thread of a message, starting it once (named after the view) and reusing it', async () => {
    const general = fake.world.channel('general').id;
    const channel = { platform: 'discord' as const, workspaceId: 'g', channelId: general };
    const client = clientFor();
    const note = await client.postToChannel(channel, hello);
    const first = await client.postToChannel(
      channel,
      view(markup`Weekly: the digest`, { type: 'text', text: markup`One` }),
      {
        threadId: note.messageId,
        idempotencyKey: 'checkin-digest:1',
      },
    );
    const second = await client.postToChannel(channel, hello, { threadId: note.messageId });

    expect(fake.rest.calls('POST /channels/:channelId/messages/:messageId/threads')).toHaveLength(1);
    expect(fake.world.channels.get(note.messageId)).toMatchObject({
      name: 'Weekly: the digest',
      parentId: general,
    });
    expect(first).toMatchObject({ channelId: general, threadId: note.messageId });
    expect(fake.message(first.messageId)?.channel_id).toBe(note.messageId);
    expect(fake.message(second.messageId)?.channel_id).toBe(note.messageId);
    // Starting it again is refused the way Discord does (160004), which the client takes as "there".
    const rest = createOutboundRest({ token, applicationId: fake.world.applicationId, apiUrl: fake.apiUrl });
    const again = await rest
      .post(Routes.threads(general, note.messageId), { body: { name: 'x' } })
      .catch((e) => e);
    expect(again).toMatchObject({ status: 400, code: 160004 });
  });

  it('posts in the channel, and logs it, when the bot may not start threads (50013)', async () => {
    const everyone = fake.world.guild().roles[0]!;
    const before = everyone.permissions;
    everyone.permissions &= ~PermissionFlagsBits.CreatePublicThreads;
    try {
      const general = fake.world.channel('general').id;
      const channel = { platform: 'discord' as const, workspaceId: 'g', channelId: general };
      const warnings: unknown[] = [];
      const logger = { warn: (fields: unknown) => warnings.push(fields) } as unknown as Logger;
      const rest = createOutboundRest({
        token,
        applicationId: fake.world.applicationId,
        apiUrl: fake.apiUrl,
      });
      const client = createDiscordChatClient(rest, logger);
      const note = await client.postToChannel(channel, hello);
      const sent = await client.postToChannel(channel, hello, { threadId: note.messageId });

      expect(sent).not.toHaveProperty('threadId');
      expect(fake.message(sent.messageId)?.channel_id).toBe(general);
      expect(fake.world.channels.has(note.messageId)).toBe(false);
      expect(warnings).toEqual([
        expect.objectContaining({ event: 'discord.thread.not-started', code: 50013 }),
      ]);
    } finally {
      everyone.permissions = before;
    }
  });

  it('sends "private" messages outside an interaction as a direct message', async () => {
    const channel = {
      platform: 'discord' as const,
      workspaceId: 'g',
      channelId: fake.world.channel('general').id,
    };
    await clientFor().postPrivately(channel, alice(), hello);
    const [call] = fake.rest.calls('POST /channels/:channelId/messages');
    expect(call?.params.channelId).toBe(fake.world.dmChannelFor(alice().userId).id);
  });

  it('edits a message, clearing the buttons the new view no longer has', async () => {
    const client = clientFor();
    const channel = {
      platform: 'discord' as const,
      workspaceId: 'g',
      channelId: fake.world.channel('general').id,
    };
    const posted = await client.postToChannel(
      channel,
      view(markup`Ask`, { type: 'actions', elements: [{ type: 'button', actionId: 'x:y', label: 'Go' }] }),
    );
    await client.updateMessage(posted, hello);
    expect(fake.message(posted.messageId)).toMatchObject({ content: 'Hello, **team**.', components: [] });
  });

  it('uploads a file as an attachment', async () => {
    await clientFor().uploadFile(alice(), {
      filename: 'supervision.ics',
      content: 'BEGIN:VCALENDAR\nEND:VCALENDAR\n',
      title: 'Your supervision dates',
      mimeType: 'text/calendar',
    });
    const [call] = fake.rest.calls('POST /channels/:channelId/messages');
    expect(call?.files).toEqual([expect.objectContaining({ filename: 'supervision.ics' })]);
    expect(call?.body).toMatchObject({ content: 'Your supervision dates' });
  });

  it('uploads a file when the undici of Slack (loaded first) owns the process-wide dispatcher', async () => {
    // As in a process with Slack and Discord both configured: the Slack adapter loads first, and
    // its Socket Mode brings undici 7, which made the one dispatcher all copies of undici share.
    const from = (path: string) => createRequire(path);
    const bolt = from(import.meta.url).resolve('@slack/bolt');
    const socketMode = from(bolt).resolve('@slack/socket-mode');
    const slackUndici = from(socketMode)('undici') as {
      Agent: new () => { close(): Promise<void> };
    };
    const shared = Symbol.for('undici.globalDispatcher.1');
    const global = globalThis as unknown as Record<symbol, unknown>;
    const before = global[shared];
    const slacks = new slackUndici.Agent();
    global[shared] = slacks;
    try {
      await clientFor().uploadFile(alice(), {
        filename: 'export.json',
        content: '{}',
        mimeType: 'application/json',
      });
      const [call] = fake.rest.calls('POST /channels/:channelId/messages');
      expect(call?.files).toEqual([expect.objectContaining({ filename: 'export.json' })]);
    } finally {
      global[shared] = before;
      await slacks.close();
    }
  });

  it('hands a 429 to the outbox with its Retry-After instead of waiting inside discord.js', async () => {
    fake.rest.failNext('POST /channels/:channelId/messages', { status: 429, retryAfterSec: 0.2 });
    const error = await failure(clientFor().sendDirect(alice(), hello));
    expect(error.failure).toBe('rate-limited');
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(200);
    expect(fake.rest.calls('POST /channels/:channelId/messages').map((call) => call.status)).toEqual([429]);
  });

  it('reports 5xx answers as transient, without retrying inside discord.js', async () => {
    fake.rest.failNext('POST /channels/:channelId/messages', {
      status: 502,
      code: 0,
      message: 'Bad Gateway',
    });
    const error = await failure(clientFor().sendDirect(alice(), hello));
    expect(error.failure).toBe('transient');
    expect(fake.rest.calls('POST /channels/:channelId/messages')).toHaveLength(1);
  });

  it('reports a person who does not accept direct messages as permanent', async () => {
    fake.rest.failNext('POST /channels/:channelId/messages', {
      status: 403,
      code: 50007,
      message: 'Cannot send messages to this user',
    });
    const error = await failure(clientFor().sendDirect(alice(), hello));
    expect(error.failure).toBe('permanent');
    expect(error.message).toContain('50007');
  });

  it('reports a channel that is gone as permanent', async () => {
    const gone = { platform: 'discord' as const, workspaceId: 'g', channelId: '999999999999' };
    const error = await failure(clientFor().postToChannel(gone, hello));
    expect(error.failure).toBe('permanent');
  });

  it('reports a network failure as transient', async () => {
    const error = await failure(clientFor('http://127.0.0.1:9/api').sendDirect(alice(), hello));
    expect(error.failure).toBe('transient');
  });
});
