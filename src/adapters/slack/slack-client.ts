// The outbox's way to Slack: a ChatClient over a WebClient that never waits or retries on its
// own. The outbox worker owns retries, Retry-After waits and per-channel pacing; a client that
// also slept through 429s would hold a send slot for the whole wait and hide the rate limit
// from the worker. Every failure leaves here as a DeliveryError.
import { webApi } from '@slack/bolt';
import { z } from 'zod';
import {
  type ChatClient,
  type FileUpload,
  OUTBOX_REQUEST_TIMEOUT_MS,
  type SendOptions,
} from '../../chat/outbound.ts';
import type { ChannelRef, MessageRef, UserRef } from '../../chat/refs.ts';
import type { View } from '../../chat/views.ts';
import { slackCapabilities } from './capabilities.ts';
import { toDeliveryError } from './slack-errors.ts';
import { lookupSlackUser } from './slack-people.ts';
import {
  type DirectChannels,
  outboxMetadataType,
  postEphemeralView,
  postView,
  updateView,
} from './slack-posting.ts';
import { slackChannelMembers } from './slack-roster.ts';

type WebClient = webApi.WebClient;

export interface SlackClientOptions {
  readonly botToken: string;
  readonly apiUrl?: string;
  readonly logger: webApi.Logger;
  readonly directChannels: DirectChannels;
}

/** A WebClient that hands every 429 and failure straight back to the caller. */
export function createNonRetryingWebClient(options: Omit<SlackClientOptions, 'directChannels'>): WebClient {
  return new webApi.WebClient(options.botToken, {
    ...(options.apiUrl === undefined ? {} : { slackApiUrl: options.apiUrl }),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    // A request still out when its outbox claim lapses could arrive after another replica
    // looked it up and sent it again; the worker starts a send only while half the claim
    // (OUTBOX_LOCK_MS, default 12 s) is left, and this gives up inside that. A timed-out
    // send is an unknown outcome: looked up by its key before it is tried again.
    timeout: OUTBOX_REQUEST_TIMEOUT_MS,
    logger: options.logger,
  });
}

// A resend after an unknown outcome looks for its key in the channel's history since the
// outbox row was made (a little before, for clock skew), page by page: usually the message is
// among the newest, but after hours of back-off a busy channel may have moved on by hundreds.
const HISTORY_PAGE = 200;
const HISTORY_MAX_PAGES = 25;
const CLOCK_SKEW_S = 300;

const historySchema = z.object({
  has_more: z.boolean().optional(),
  response_metadata: z.object({ next_cursor: z.string().optional() }).optional(),
  messages: z
    .array(
      z.object({
        ts: z.string(),
        thread_ts: z.string().optional(),
        metadata: z
          .object({ event_type: z.string(), event_payload: z.record(z.string(), z.unknown()).optional() })
          .optional(),
      }),
    )
    .default([]),
});

/**
 * The ts of a message carrying `key` (postView gives every part of a long view the key),
 * searching newest first back to `since`.
 * Throws when the search ends before `since` without finding it: "cannot tell" must not read
 * as "not delivered", or the worker would send it again.
 */
async function findByKey(
  client: WebClient,
  channel: string,
  key: string,
  since: Date | undefined,
): Promise<string | undefined> {
  const oldest = since === undefined ? undefined : (since.getTime() / 1000 - CLOCK_SKEW_S).toFixed(6);
  let cursor: string | undefined;
  let found: string | undefined;
  for (let page = 0; page < HISTORY_MAX_PAGES; page++) {
    const history = historySchema.parse(
      await client.conversations.history({
        channel,
        include_all_metadata: true,
        limit: HISTORY_PAGE,
        ...(oldest === undefined ? {} : { oldest }),
        ...(cursor === undefined ? {} : { cursor }),
      }),
    );
    const match = history.messages.findLast(
      (m) => m.metadata?.event_type === outboxMetadataType && m.metadata.event_payload?.key === key,
    );
    found = match?.ts ?? found;
    cursor = history.response_metadata?.next_cursor || undefined;
    // Any part found means delivered; the ref names the oldest part on that page.
    if (found !== undefined || !history.has_more || cursor === undefined) return found;
  }
  throw new Error(`no message with this key in the newest ${HISTORY_PAGE * HISTORY_MAX_PAGES}`);
}

const isUser = (target: ChannelRef | UserRef): target is UserRef => 'userId' in target;

/** A `ChatClient` (src/chat/outbound.ts says what each method promises). */
export function createSlackClient(client: WebClient, directChannels: DirectChannels): ChatClient {
  const dm = (user: UserRef) => directChannels.open(client, user.workspaceId, user.userId);
  const channelOf = (target: ChannelRef | UserRef) => (isUser(target) ? dm(target) : target.channelId);

  async function send(
    what: string,
    workspaceId: string,
    channelId: () => Promise<string> | string,
    view: View,
    options: SendOptions | undefined,
  ): Promise<MessageRef> {
    try {
      const posted = await postView(client, await channelId(), view, {
        ...(options?.threadId === undefined ? {} : { threadTs: options.threadId }),
        ...(options?.idempotencyKey === undefined ? {} : { idempotencyKey: options.idempotencyKey }),
      });
      return {
        platform: 'slack',
        workspaceId,
        channelId: posted.channelId,
        messageId: posted.ts,
        ...(options?.threadId === undefined ? {} : { threadId: options.threadId }),
      };
    } catch (error) {
      throw toDeliveryError(error, what);
    }
  }

  return {
    platform: 'slack',
    capabilities: slackCapabilities,

    sendDirect: (user, view, options) =>
      send('slack.sendDirect', user.workspaceId, () => dm(user), view, options),

    postToChannel: (channel, view, options) =>
      send('slack.postToChannel', channel.workspaceId, () => channel.channelId, view, options),

    // Slack quirk: conversations.history lists only top-level messages (thread replies need
    // conversations.replies with the parent's ts, which this signature does not carry), so a
    // threaded send cannot be found again here and is reported as "cannot tell".
    async findDelivered(target, idempotencyKey, since) {
      try {
        const channelId = await channelOf(target);
        const found = await findByKey(client, channelId, idempotencyKey, since);
        if (!found) return undefined;
        return { platform: 'slack', workspaceId: target.workspaceId, channelId, messageId: found };
      } catch (error) {
        throw toDeliveryError(error, 'slack.findDelivered');
      }
    },

    async postPrivately(channel, user, view) {
      try {
        await postEphemeralView(client, channel.channelId, user.userId, view);
      } catch (error) {
        throw toDeliveryError(error, 'slack.postPrivately');
      }
    },

    async updateMessage(message, view) {
      try {
        await updateView(client, message.channelId, message.messageId, view);
      } catch (error) {
        throw toDeliveryError(error, 'slack.updateMessage');
      }
    },

    listChannelMembers: (channel) => slackChannelMembers(client, channel.channelId),

    async uploadFile(target, file: FileUpload) {
      try {
        const channelId = await channelOf(target);
        await client.filesUploadV2({
          channel_id: channelId,
          filename: file.filename,
          file:
            typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content),
          ...(file.title === undefined ? {} : { title: file.title }),
        });
      } catch (error) {
        throw toDeliveryError(error, 'slack.uploadFile');
      }
    },

    lookupUser: (user) => lookupSlackUser(client, user),
  };
}
