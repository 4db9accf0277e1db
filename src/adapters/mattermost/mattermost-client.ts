// The outbox's way to Mattermost: a ChatClient over REST v4 that never waits or retries on its
// own (the outbox worker owns pacing and retries; a 429 leaves here as `rate-limited` with the
// server's wait). Every failure leaves as a DeliveryError.
import { z } from 'zod';
import type { ChatClient, FileUpload, SendOptions } from '../../chat/outbound.ts';
import type { ChannelRef, MessageRef, UserRef } from '../../chat/refs.ts';
import type { View } from '../../chat/views.ts';
import { mattermostCapabilities } from './capabilities.ts';
import { toDeliveryError } from './mattermost-errors.ts';
import { lookupMattermostUser, mattermostChannelMembers } from './mattermost-people.ts';
import type { MattermostRest } from './mattermost-rest.ts';
import {
  escapeMattermost,
  type RenderOptions,
  renderMattermostPost,
  renderMattermostPosts,
} from './render-markdown.ts';

const postSchema = z.object({ id: z.string(), channel_id: z.string() });
const channelSchema = z.object({ id: z.string() });
const filesSchema = z.object({ file_infos: z.array(z.object({ id: z.string() })).min(1) });
const postListSchema = z.object({
  order: z.array(z.string()),
  posts: z.record(
    z.string(),
    z.object({
      id: z.string(),
      channel_id: z.string(),
      user_id: z.string(),
      root_id: z.string().default(''),
      create_at: z.number(),
      delete_at: z.number().default(0),
      props: z.record(z.string(), z.unknown()).nullish(),
    }),
  ),
});

/** Posts read per page when looking for an outbox key (the server's most). */
const FIND_PAGE = 200;
/** Pages read before the lookup gives up and says it cannot tell. */
const FIND_PAGES = 10;

/**
 * The bot's post in this channel that carries the outbox key, created at `since` or later.
 * Pages newest first (GET /channels/{id}/posts lists thread replies too, so a threaded send is
 * found as well) and stops at the first post older than `since`. A long view goes out as several
 * posts, each with the key: the first of them (the oldest) is the message's ref. Throws when it
 * read FIND_PAGES pages and still did not reach `since`: it cannot tell.
 */
export async function findPostByKey(
  session: MattermostSession,
  channelId: string,
  key: string,
  since?: Date,
): Promise<{ postId: string; rootId: string } | undefined> {
  const floor = since === undefined ? 0 : since.getTime() - 1_000;
  let found: { postId: string; rootId: string; at: number; part: number } | undefined;
  for (let page = 0; page < FIND_PAGES; page++) {
    const list = postListSchema.parse(await session.rest.getPosts(channelId, page, FIND_PAGE));
    let older = false;
    for (const id of list.order) {
      const post = list.posts[id];
      if (!post) continue;
      if (post.create_at < floor) {
        older = true;
        continue;
      }
      if (post.user_id !== session.botUserId() || post.delete_at > 0) continue;
      if (post.props?.[outboxKeyProp] !== key) continue;
      // The first part of a long view: by its part number (parts sent in one millisecond share
      // create_at), else (a post from before parts were numbered) the earliest.
      const part = typeof post.props[outboxPartProp] === 'number' ? post.props[outboxPartProp] : 0;
      if (!found || part < found.part || (part === found.part && post.create_at <= found.at))
        found = { postId: post.id, rootId: post.root_id, at: post.create_at, part };
    }
    if (older || list.order.length < FIND_PAGE)
      return found && { postId: found.postId, rootId: found.rootId };
  }
  throw new Error(`no post older than the outbox row within ${FIND_PAGES * FIND_PAGE} posts: cannot tell`);
}

/** The prop that carries an outbox idempotency key on every part of a send. */
export const outboxKeyProp = 'peerbridge_key';
/** Which part of a long view a post is (0 first), beside the key. */
export const outboxPartProp = 'peerbridge_part';

export interface MattermostSession {
  readonly rest: MattermostRest;
  readonly render: RenderOptions;
  /** The bot's own user id, known once the adapter started. */
  botUserId(): string;
  /** Ephemeral posts the bot made: they cannot be patched, only answered again. */
  readonly ephemeral: Set<string>;
}

/** The bot's direct channel with a person (POST /channels/direct), remembered once opened. */
export class DirectChannels {
  readonly #byUser = new Map<string, string>();
  async open(session: MattermostSession, userId: string): Promise<string> {
    const known = this.#byUser.get(userId);
    if (known) return known;
    const channel = channelSchema.parse(
      await session.rest.createDirectChannel([session.botUserId(), userId]),
    );
    this.#byUser.set(userId, channel.id);
    if (this.#byUser.size > 10_000) this.#byUser.delete(this.#byUser.keys().next().value ?? '');
    return channel.id;
  }
}

/** Posts a view (several posts when long) and answers with the first post's id. */
export async function postView(
  session: MattermostSession,
  channelId: string,
  view: View,
  options: SendOptions = {},
): Promise<{ postId: string; channelId: string }> {
  let first: { postId: string; channelId: string } | undefined;
  for (const [part, post] of renderMattermostPosts(view, session.render).entries()) {
    const props = {
      ...(post.props ?? {}),
      ...(options.idempotencyKey === undefined
        ? {}
        : { [outboxKeyProp]: options.idempotencyKey, [outboxPartProp]: part }),
    };
    const created = postSchema.parse(
      await session.rest.createPost({
        channel_id: channelId,
        message: post.message,
        ...(options.threadId === undefined ? {} : { root_id: options.threadId }),
        props,
      }),
    );
    first ??= { postId: created.id, channelId: created.channel_id };
  }
  if (!first) throw new Error('a view rendered to no post');
  return first;
}

export async function postEphemeral(
  session: MattermostSession,
  channelId: string,
  userId: string,
  view: View,
) {
  const post = renderMattermostPost(view, session.render);
  const created = postSchema.parse(
    await session.rest.createPostEphemeral(userId, {
      channel_id: channelId,
      message: post.message,
      ...(post.props ? { props: post.props } : {}),
    }),
  );
  session.ephemeral.add(created.id);
  if (session.ephemeral.size > 10_000)
    session.ephemeral.delete(session.ephemeral.values().next().value ?? '');
  return created.id;
}

export async function patchView(session: MattermostSession, postId: string, view: View): Promise<void> {
  const post = renderMattermostPost(view, session.render);
  // Props are replaced whole, so buttons the new view no longer has are gone.
  await session.rest.patchPost({
    id: postId,
    message: post.message,
    props: post.props ?? { attachments: [] },
  });
}

const isUser = (target: ChannelRef | UserRef): target is UserRef => 'userId' in target;

/** A `ChatClient` (src/chat/outbound.ts says what each method promises). */
export function createMattermostClient(session: MattermostSession, directs: DirectChannels): ChatClient {
  const channelOf = (target: ChannelRef | UserRef) =>
    isUser(target) ? directs.open(session, target.userId) : Promise.resolve(target.channelId);

  async function send(
    what: string,
    target: ChannelRef | UserRef,
    view: View,
    options?: SendOptions,
  ): Promise<MessageRef> {
    try {
      const posted = await postView(session, await channelOf(target), view, options);
      return {
        platform: 'mattermost',
        workspaceId: target.workspaceId,
        channelId: posted.channelId,
        messageId: posted.postId,
        ...(options?.threadId === undefined ? {} : { threadId: options.threadId }),
      };
    } catch (error) {
      throw toDeliveryError(error, what);
    }
  }

  return {
    platform: 'mattermost',
    capabilities: mattermostCapabilities,
    sendDirect: (user, view, options) => send('mattermost.sendDirect', user, view, options),
    postToChannel: (channel, view, options) => send('mattermost.postToChannel', channel, view, options),
    async findDelivered(target, idempotencyKey, since) {
      try {
        const channelId = await channelOf(target);
        const found = await findPostByKey(session, channelId, idempotencyKey, since);
        if (!found) return undefined;
        return {
          platform: 'mattermost',
          workspaceId: target.workspaceId,
          channelId,
          messageId: found.postId,
          ...(found.rootId === '' ? {} : { threadId: found.rootId }),
        };
      } catch (error) {
        throw toDeliveryError(error, 'mattermost.findDelivered');
      }
    },
    async postPrivately(channel, user, view) {
      try {
        await postEphemeral(session, channel.channelId, user.userId, view);
      } catch (error) {
        throw toDeliveryError(error, 'mattermost.postPrivately');
      }
    },
    async updateMessage(message, view) {
      try {
        await patchView(session, message.messageId, view);
      } catch (error) {
        throw toDeliveryError(error, 'mattermost.updateMessage');
      }
    },
    async uploadFile(target, file: FileUpload) {
      try {
        const channelId = await channelOf(target);
        const form = new FormData();
        form.append('channel_id', channelId);
        const bytes =
          typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content;
        form.append(
          'files',
          new Blob([bytes], { type: file.mimeType ?? 'application/octet-stream' }),
          file.filename,
        );
        const uploaded = filesSchema.parse(await session.rest.uploadFile(form));
        await session.rest.createPost({
          channel_id: channelId,
          message: escapeMattermost(file.title ?? ''),
          file_ids: uploaded.file_infos.map((info) => info.id),
        });
      } catch (error) {
        throw toDeliveryError(error, 'mattermost.uploadFile');
      }
    },
    lookupUser: (user) => lookupMattermostUser(session.rest, user.workspaceId, user.userId),
    listChannelMembers: (channel) => mattermostChannelMembers(session.rest, channel.channelId),
  };
}
