// The ChatClient the outbox delivers through: plain Discord REST calls, no gateway needed.
//
// Discord quirks that shape it:
// - Each part of a message carries a `nonce` (at most 25 characters, so the idempotency key
//   is hashed) with `enforce_nonce: true`: Discord then answers a resend with the message it
//   already created instead of posting it twice (for a few minutes after the first send).
// - A sent message's nonce is not returned when messages are fetched later, so there is no
//   reliable way to look one up after a crash: `findDelivered` is left out ("cannot tell"),
//   and enforce_nonce covers the common case of a quick resend.
// - Discord has no ephemeral messages outside an interaction, so `postPrivately` is a
//   direct message to the person.
// - A direct message needs the DM channel first (POST /users/@me/channels); its id is stable,
//   so it is remembered.
// - A thread started from a message has that message's id, so a `threadId` may name a message
//   with no thread yet: the post is tried in the thread, and on 404 (Unknown Channel) the thread
//   is started from the message (400 code 160004: another send started it first), then posted
//   in. Without Create Public Threads (403, 50013), or when the message was deleted (10008),
//   the post goes to the channel, and this is logged.

import { createHash } from 'node:crypto';
import { DiscordAPIError, HTTPError, RateLimitError, type REST, Routes } from 'discord.js';
import { z } from 'zod';
import {
  type ChannelRef,
  type ChatClient,
  DeliveryError,
  type FileUpload,
  type Logger,
  type MessageRef,
  type ScheduledEventInput,
  type ScheduledEventResult,
  type UserRef,
  type View,
  ViewLimitError,
} from '../../chat/index.ts';
import { discordCapabilities } from './capabilities.ts';
import { lookupDiscordUser } from './discord-people.ts';
import { discordChannelMembers } from './discord-roster.ts';
import { type DiscordMessage, renderDiscordMessage, renderDiscordMessages } from './render-components.ts';

const createdMessage = z.object({ id: z.string(), channel_id: z.string() });
const createdChannel = z.object({ id: z.string() });

/** Discord's nonce holds at most 25 characters; a hash keeps keys of any length distinct. */
export function discordNonce(idempotencyKey: string, part = 0): string {
  return createHash('sha256').update(`${idempotencyKey}#${part}`).digest('hex').slice(0, 25);
}

/** An edit must say what goes away too: without empty content and rows, old ones stay. */
function editBody(message: DiscordMessage): Required<DiscordMessage> {
  return { ...message, content: message.content ?? '', components: message.components ?? [] };
}

/** Sends a view to a channel over as many messages as it needs; returns the first. */
export async function sendView(
  rest: REST,
  channelId: string,
  view: View,
  idempotencyKey?: string,
): Promise<{ messageId: string; channelId: string }> {
  const parts = renderDiscordMessages(view);
  let first: { messageId: string; channelId: string } | undefined;
  for (const [index, part] of parts.entries()) {
    const body =
      idempotencyKey === undefined
        ? part
        : { ...part, nonce: discordNonce(idempotencyKey, index), enforce_nonce: true };
    const sent = createdMessage.parse(await rest.post(Routes.channelMessages(channelId), { body }));
    first ??= { messageId: sent.id, channelId: sent.channel_id };
  }
  if (!first) throw new Error('A Discord view rendered to no messages');
  return first;
}

/** Maps a discord.js REST failure to what the outbox needs to decide: retry, wait, or give up. */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof RateLimitError) {
    return new DeliveryError('rate-limited', `Discord rate limit on ${error.route}`, error.retryAfter, {
      cause: error,
    });
  }
  if (error instanceof DiscordAPIError) {
    const what = `Discord answered ${error.status} (code ${error.code}) to ${error.method.toUpperCase()}`;
    if (error.status === 429) {
      const retry = z.object({ retry_after: z.number() }).safeParse(error.rawError);
      return new DeliveryError(
        'rate-limited',
        what,
        retry.success ? retry.data.retry_after * 1000 : undefined,
        { cause: error },
      );
    }
    // 408 is a timeout on Discord's side; every other 4xx (403/50007: the person does not
    // accept direct messages, 404: the channel or message is gone) will not pass by retrying.
    return new DeliveryError(error.status === 408 ? 'transient' : 'permanent', what, undefined, {
      cause: error,
    });
  }
  if (error instanceof HTTPError) {
    return new DeliveryError('transient', `Discord answered ${error.status}`, undefined, { cause: error });
  }
  // A view over a platform limit is a bug: sending it again cannot help.
  if (error instanceof ViewLimitError)
    return new DeliveryError('permanent', error.message, undefined, { cause: error });
  // Network failures (reset, refused, the request timing out) may well pass.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown failure';
  return new DeliveryError('transient', message, undefined, { cause: error });
}

async function delivering<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw toDeliveryError(error);
  }
}

const missingPermissionCodes = new Set([50001, 50013]);
const UNKNOWN_CHANNEL = 10003;
const UNKNOWN_MESSAGE = 10008;
const THREAD_ALREADY_CREATED = 160004;

const apiCode = (error: unknown): number | undefined =>
  error instanceof DiscordAPIError ? Number(error.code) : undefined;

/** A thread's name: the view's one-line summary (e.g. "Weekly check-in: the digest"), cut to Discord's 100. */
const threadName = (view: View): string => view.text.trim().slice(0, 100) || 'Thread';

/**
 * Starts the thread from its starter message. Undefined when it exists now; otherwise why the
 * post goes to the channel: 50013 (the bot may not start threads) or 10008 (the message is gone).
 */
async function startThread(rest: REST, channelId: string, messageId: string, view: View) {
  try {
    await rest.post(Routes.threads(channelId, messageId), { body: { name: threadName(view) } });
    return undefined;
  } catch (error) {
    const code = apiCode(error);
    if (code === THREAD_ALREADY_CREATED) return undefined;
    if (code === 50013 || code === UNKNOWN_MESSAGE) return code;
    throw error;
  }
}

/**
 * Posts in the thread `threadId` of `channelId` (see the header), starting it when needed.
 * Resolves with where the message went: the thread, or the channel when no thread could start.
 */
async function sendInThread(
  rest: REST,
  channelId: string,
  threadId: string,
  view: View,
  idempotencyKey: string | undefined,
  logger: Logger | undefined,
): Promise<{ messageId: string; threadId?: string }> {
  try {
    return { ...(await sendView(rest, threadId, view, idempotencyKey)), threadId };
  } catch (error) {
    if (apiCode(error) !== UNKNOWN_CHANNEL) throw error;
  }
  const refused = await startThread(rest, channelId, threadId, view);
  if (refused === undefined) return { ...(await sendView(rest, threadId, view, idempotencyKey)), threadId };
  logger?.warn(
    { event: 'discord.thread.not-started', channelId, threadId, code: refused },
    'could not start a thread (no permission, or its message is gone): posted in the channel instead',
  );
  return sendView(rest, channelId, view, idempotencyKey);
}

/** The fields of an event as Discord takes them, cut to its limits. */
function eventBody(event: ScheduledEventInput) {
  return {
    name: event.name.slice(0, 100),
    ...(event.description ? { description: event.description.slice(0, 1000) } : {}),
    scheduled_start_time: event.startsAt.toISOString(),
    scheduled_end_time: event.endsAt.toISOString(),
    entity_metadata: { location: event.location.slice(0, 100) },
  };
}

/** A create or change of a guild event; a missing permission is an answer, anything else `failed`. */
async function guildEventCall(call: () => Promise<unknown>): Promise<ScheduledEventResult> {
  try {
    return { ok: true, eventId: createdChannel.parse(await call()).id };
  } catch (error) {
    if (error instanceof DiscordAPIError && missingPermissionCodes.has(Number(error.code))) {
      return { ok: false, reason: 'missing-permission' };
    }
    return { ok: false, reason: 'failed' };
  }
}

/**
 * A guild scheduled event of the "external" kind (entity type 3: a place as text, here the
 * team's channel). Without Manage Events Discord answers 403 (50013 Missing Permissions):
 * an answer for the admin, not a failure to retry.
 */
function createGuildEvent(rest: REST, guildId: string, event: ScheduledEventInput) {
  return guildEventCall(() =>
    rest.post(Routes.guildScheduledEvents(guildId), {
      body: { ...eventBody(event), privacy_level: 2, entity_type: 3 },
    }),
  );
}

/** Status 4 is CANCELED: the event stays in the server's list, marked cancelled. */
const canceledStatus = 4;

function changeGuildEvent(rest: REST, guildId: string, eventId: string, body: Record<string, unknown>) {
  return guildEventCall(() => rest.patch(Routes.guildScheduledEvent(guildId, eventId), { body }));
}

export interface DiscordChatClient extends ChatClient {
  /** The bot's DM channel with a person (created once, then remembered). */
  directChannel(userId: string): Promise<string>;
}

/**
 * `rest` should be built with `rejectOnRateLimit` so a 429 reaches the outbox (which waits it
 * out on its own clock and limiter) instead of being queued silently inside discord.js.
 */
/** A `ChatClient` (src/chat/outbound.ts says what each method promises). */
export function createDiscordChatClient(rest: REST, logger?: Logger): DiscordChatClient {
  const dmChannels = new Map<string, string>();

  async function directChannel(userId: string): Promise<string> {
    const known = dmChannels.get(userId);
    if (known) return known;
    const channel = createdChannel.parse(
      await rest.post(Routes.userChannels(), { body: { recipient_id: userId } }),
    );
    dmChannels.set(userId, channel.id);
    return channel.id;
  }

  async function sendDirect(user: UserRef, view: View, options?: { idempotencyKey?: string }) {
    return delivering(async (): Promise<MessageRef> => {
      const sent = await sendView(rest, await directChannel(user.userId), view, options?.idempotencyKey);
      return { platform: 'discord', workspaceId: user.workspaceId, ...sent };
    });
  }

  return {
    platform: 'discord',
    capabilities: discordCapabilities,
    directChannel,
    sendDirect,
    postToChannel(channel, view, options) {
      return delivering(async (): Promise<MessageRef> => {
        // A Discord thread is a channel of its own.
        const sent: { messageId: string; threadId?: string } = options?.threadId
          ? await sendInThread(
              rest,
              channel.channelId,
              options.threadId,
              view,
              options.idempotencyKey,
              logger,
            )
          : await sendView(rest, channel.channelId, view, options?.idempotencyKey);
        return {
          platform: 'discord',
          workspaceId: channel.workspaceId,
          channelId: channel.channelId,
          messageId: sent.messageId,
          ...(sent.threadId ? { threadId: sent.threadId } : {}),
        };
      });
    },
    listChannelMembers: (channel) =>
      delivering(() => discordChannelMembers(rest, channel.workspaceId, channel.channelId)),
    async postPrivately(_channel, user, view) {
      await sendDirect(user, view);
    },
    async updateMessage(message, view) {
      await delivering(() =>
        rest.patch(Routes.channelMessage(message.threadId ?? message.channelId, message.messageId), {
          body: editBody(renderDiscordMessage(view)),
        }),
      );
    },
    createScheduledEvent: (workspace, event) => createGuildEvent(rest, workspace.workspaceId, event),
    updateScheduledEvent: (workspace, eventId, event) =>
      changeGuildEvent(rest, workspace.workspaceId, eventId, eventBody(event)),
    cancelScheduledEvent: (workspace, eventId) =>
      changeGuildEvent(rest, workspace.workspaceId, eventId, { status: canceledStatus }),
    async uploadFile(target: ChannelRef | UserRef, file: FileUpload) {
      await delivering(async () => {
        const channelId = 'channelId' in target ? target.channelId : await directChannel(target.userId);
        const data = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
        await rest.post(Routes.channelMessages(channelId), {
          body: {
            ...(file.title ? { content: file.title.slice(0, 2_000) } : {}),
            allowed_mentions: { parse: [] },
          },
          files: [{ name: file.filename, data, ...(file.mimeType ? { contentType: file.mimeType } : {}) }],
        });
      });
    },
    lookupUser: (user) => lookupDiscordUser(rest, user),
  };
}
