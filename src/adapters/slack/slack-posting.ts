// The Web API calls that put a view in front of people, shared by replies (slack-reply.ts)
// and the outbox's client (slack-client.ts), which differ only in the WebClient they use.
import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { View } from '../../chat/views.ts';
import { renderSlackMessage, renderSlackMessages } from './render-blocks.ts';

type WebClient = webApi.WebClient;

/** The `event_type` of the message metadata that carries an outbox idempotency key. */
export const outboxMetadataType = 'peerbridge_outbox';

export interface PostOptions {
  readonly threadTs?: string;
  readonly idempotencyKey?: string;
}

export interface Posted {
  readonly channelId: string;
  readonly ts: string;
}

const postedSchema = z.object({ channel: z.string(), ts: z.string() });

/**
 * Posts the view, over as many messages as Block Kit's 50-block limit needs; the first one
 * stands for the whole. Every part carries the idempotency key, so finding any part after a
 * crash counts as delivered: a lost tail is better than the whole message twice.
 */
export async function postView(
  client: WebClient,
  channelId: string,
  view: View,
  options: PostOptions = {},
): Promise<Posted> {
  let first: Posted | undefined;
  for (const [part, message] of renderSlackMessages(view).entries()) {
    const result = await client.chat.postMessage({
      channel: channelId,
      text: message.text,
      blocks: message.blocks,
      ...(options.threadTs === undefined ? {} : { thread_ts: options.threadTs }),
      ...(options.idempotencyKey === undefined
        ? {}
        : {
            metadata: {
              event_type: outboxMetadataType,
              event_payload: { key: options.idempotencyKey, part },
            },
          }),
    });
    const posted = postedSchema.parse(result);
    first ??= { channelId: posted.channel, ts: posted.ts };
  }
  // renderSlackMessages always yields at least one message.
  return first!;
}

/** Visible only to `userId`; Slack keeps ephemeral messages out of history, so no key to carry. */
export async function postEphemeralView(
  client: WebClient,
  channelId: string,
  userId: string,
  view: View,
  threadTs?: string,
): Promise<void> {
  for (const message of renderSlackMessages(view)) {
    await client.chat.postEphemeral({
      channel: channelId,
      user: userId,
      text: message.text,
      blocks: message.blocks,
      ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
    });
  }
}

/** An update replaces one message, so a view too long for it is cut with "…and more". */
export async function updateView(
  client: WebClient,
  channelId: string,
  ts: string,
  view: View,
): Promise<void> {
  const message = renderSlackMessage(view);
  await client.chat.update({ channel: channelId, ts, text: message.text, blocks: message.blocks });
}

const openedSchema = z.object({ channel: z.object({ id: z.string() }) });

/**
 * The bot's DM channel with each person. Stable for the pair, so it is opened once per process
 * instead of once per message (conversations.open counts against its own rate limit).
 */
export class DirectChannels {
  readonly #known = new Map<string, string>();

  async open(client: WebClient, workspaceId: string, userId: string): Promise<string> {
    const key = `${workspaceId}:${userId}`;
    const known = this.#known.get(key);
    if (known !== undefined) return known;
    const opened = openedSchema.parse(await client.conversations.open({ users: userId }));
    this.#known.set(key, opened.channel.id);
    return opened.channel.id;
  }
}
