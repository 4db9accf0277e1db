import type { ViewOutput } from '@slack/bolt';
import { asRecord, asString } from '../shared/http.ts';
import { channelMembersPage } from './slack-channel-members.ts';
import { nextTs, type SlackIdentity, slackId, triggerIdFor } from './slack-ids.ts';
import { DEFAULT_ACTOR } from './slack-payloads.ts';

/** What a Web API method answers: Slack always says 200 with `ok`, except for rate limits. */
export type SlackAnswer = Record<string, unknown> & { ok: boolean };

export interface StoredSlackMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  threadTs: string | undefined;
  updatedTimes: number;
  /** Message metadata (`{ event_type, event_payload }`) as posted; listed by conversations.history with include_all_metadata. */
  metadata?: unknown;
}

export interface SlackUserSeed {
  name?: string;
  realName?: string;
  displayName?: string;
  tz?: string;
  email?: string;
  isBot?: boolean;
  deleted?: boolean;
  /** Workspace admin / owner, as users.info reports them. */
  isAdmin?: boolean;
  isOwner?: boolean;
  /** The user's language as Slack reports it (`es-LA`, `en-US`): only with `include_locale`. */
  locale?: string;
}

export interface WorkspaceUrls {
  /** Absolute base for upload URLs, e.g. http://127.0.0.1:1234 */
  httpBase: string;
  /** Called by apps.connections.open. */
  socketModeUrl(): string;
}

const ERR = (error: string, extra: Record<string, unknown> = {}): SlackAnswer => ({
  ok: false,
  error,
  ...extra,
});

/**
 * The fake workspace's state and the answers of the Web API methods a bot uses.
 * Unknown methods answer `{ ok: true }` (the recording layer keeps what was sent).
 */
export class SlackWorkspace {
  readonly messages = new Map<string, StoredSlackMessage>();
  readonly views = new Map<string, ViewOutput>();
  readonly homeViews = new Map<string, ViewOutput>();
  readonly #dmChannels = new Map<string, string>();
  readonly #users = new Map<string, SlackUserSeed>();
  /** Member ids per channel, for conversations.members. */
  readonly channelMembers = new Map<string, string[]>();
  readonly #triggers = new Map<string, { issuedAt: number; used: boolean }>();
  readonly #uploads = new Map<string, { filename: string; length: number; bytes: number | undefined }>();

  constructor(
    readonly identity: SlackIdentity,
    private readonly urls: WorkspaceUrls,
    private readonly triggerTtlMs: number,
  ) {
    // Like a real workspace, users.info knows its people and no one else: the default actor of
    // the payload builders, the bot, and whoever a test adds with setUser.
    this.#users.set(DEFAULT_ACTOR.userId, { name: DEFAULT_ACTOR.userName });
    this.#users.set(identity.botUserId, { name: 'peerbridge', isBot: true });
  }

  setUser(userId: string, seed: SlackUserSeed): void {
    this.#users.set(userId, seed);
  }

  /**
   * Other people's chatter in a channel, written straight into the history (as if posted before
   * the test looked): tests of history paging need thousands of messages, not thousands of calls.
   */
  seedChatter(channel: string, count: number): void {
    for (let i = 0; i < count; i++) {
      const ts = nextTs();
      this.messages.set(`${channel}:${ts}`, {
        channel,
        ts,
        text: `chat ${i}`,
        blocks: [],
        threadTs: undefined,
        updatedTimes: 0,
      });
    }
  }

  /** The DM channel between the bot and `userId` (stable for the fake's lifetime). */
  dmChannelFor(userId: string): string {
    let channel = this.#dmChannels.get(userId);
    if (!channel) {
      channel = slackId('D');
      this.#dmChannels.set(userId, channel);
    }
    return channel;
  }

  issueTriggerId(): string {
    const id = triggerIdFor();
    this.#triggers.set(id, { issuedAt: Date.now(), used: false });
    return id;
  }

  recordUpload(fileId: string, bytes: number): boolean {
    const pending = this.#uploads.get(fileId);
    if (!pending) return false;
    pending.bytes = bytes;
    return true;
  }

  handle(method: string, args: Record<string, unknown>): SlackAnswer {
    switch (method) {
      case 'api.test':
        return { ok: true, args };
      case 'auth.test':
        return {
          ok: true,
          url: `https://${this.identity.teamDomain}.slack.com/`,
          team: 'PeerBridge Test',
          user: 'peerbridge',
          team_id: this.identity.teamId,
          user_id: this.identity.botUserId,
          bot_id: this.identity.botId,
          is_enterprise_install: false,
        };
      case 'chat.postMessage':
        return this.#postMessage(args);
      case 'chat.postEphemeral':
        if (!args.channel) return ERR('channel_not_found');
        if (!args.user) return ERR('user_not_in_channel');
        return { ok: true, message_ts: nextTs() };
      case 'chat.update':
        return this.#update(args);
      case 'chat.delete':
        if (!args.channel || !args.ts) return ERR('message_not_found');
        this.messages.delete(`${String(args.channel)}:${String(args.ts)}`);
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'chat.scheduleMessage':
        return {
          ok: true,
          channel: args.channel,
          scheduled_message_id: slackId('Ft'),
          post_at: Number(args.post_at),
        };
      case 'conversations.open':
        return this.#openConversation(args);
      case 'conversations.history':
        return this.#history(args);
      case 'conversations.info':
        return { ok: true, channel: this.#channelObject(String(args.channel ?? '')) };
      case 'users.info':
        return this.#userInfo(args);
      case 'conversations.members':
        return channelMembersPage(this.channelMembers, args);
      case 'views.open':
      case 'views.push':
        return this.#openView(method, args);
      case 'views.update':
        return this.#updateView(args);
      case 'views.publish':
        return this.#publishView(args);
      case 'files.getUploadURLExternal':
        return this.#uploadUrl(args);
      case 'files.completeUploadExternal':
        return this.#completeUpload(args);
      case 'apps.connections.open':
        return { ok: true, url: this.urls.socketModeUrl() };
      default:
        return { ok: true };
    }
  }

  #resolveChannel(channel: string): string {
    return /^[UW]/.test(channel) ? this.dmChannelFor(channel) : channel;
  }

  #postMessage(args: Record<string, unknown>): SlackAnswer {
    const requested = asString(args.channel);
    if (!requested) return ERR('channel_not_found');
    if (args.text === undefined && args.blocks === undefined && args.attachments === undefined)
      return ERR('no_text');
    const channel = this.#resolveChannel(requested);
    const ts = nextTs();
    const stored: StoredSlackMessage = {
      channel,
      ts,
      text: asString(args.text) ?? '',
      blocks: Array.isArray(args.blocks) ? args.blocks : [],
      threadTs: asString(args.thread_ts),
      updatedTimes: 0,
      ...(args.metadata === undefined ? {} : { metadata: args.metadata }),
    };
    this.messages.set(`${channel}:${ts}`, stored);
    return { ok: true, channel, ts, message: this.#messageObject(stored) };
  }

  /**
   * Like Slack: newest first, top-level messages only (thread replies need conversations.replies),
   * metadata only with include_all_metadata, only those after `oldest` (a ts), at most `limit`
   * (default 100, at most 999) a page, further pages by `response_metadata.next_cursor`.
   */
  #history(args: Record<string, unknown>): SlackAnswer {
    const channel = asString(args.channel);
    if (!channel) return ERR('channel_not_found');
    const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
    const limit = Math.max(1, Math.min(999, Number(args.limit ?? 100) || 100));
    const oldest = Number(asString(args.oldest) ?? 0) || 0;
    const cursor = asString(args.cursor);
    const start = cursor ? Number(Buffer.from(cursor, 'base64').toString('utf8').replace('offset:', '')) : 0;
    const all = [...this.messages.values()]
      .filter((m) => m.channel === channel && m.threadTs === undefined && Number(m.ts) > oldest)
      .sort((a, b) => (a.ts < b.ts ? 1 : a.ts > b.ts ? -1 : 0));
    const messages = all.slice(start, start + limit).map((message) => ({
      ...this.#messageObject(message),
      ...(withMetadata && message.metadata !== undefined ? { metadata: message.metadata } : {}),
    }));
    const more = start + limit < all.length;
    const next = more ? Buffer.from(`offset:${start + limit}`).toString('base64') : '';
    return { ok: true, messages, has_more: more, response_metadata: { next_cursor: next } };
  }

  #update(args: Record<string, unknown>): SlackAnswer {
    const channel = asString(args.channel);
    const ts = asString(args.ts);
    if (!channel || !ts) return ERR('message_not_found');
    const key = `${channel}:${ts}`;
    const previous = this.messages.get(key);
    const stored: StoredSlackMessage = {
      channel,
      ts,
      text: asString(args.text) ?? previous?.text ?? '',
      blocks: Array.isArray(args.blocks) ? args.blocks : (previous?.blocks ?? []),
      threadTs: previous?.threadTs,
      updatedTimes: (previous?.updatedTimes ?? 0) + 1,
    };
    this.messages.set(key, stored);
    return { ok: true, channel, ts, text: stored.text, message: this.#messageObject(stored) };
  }

  #messageObject(message: StoredSlackMessage): Record<string, unknown> {
    return {
      type: 'message',
      user: this.identity.botUserId,
      bot_id: this.identity.botId,
      app_id: this.identity.appId,
      team: this.identity.teamId,
      text: message.text,
      blocks: message.blocks,
      ts: message.ts,
      ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
      ...(message.updatedTimes > 0 ? { edited: { user: this.identity.botUserId, ts: nextTs() } } : {}),
    };
  }

  #openConversation(args: Record<string, unknown>): SlackAnswer {
    const users = (asString(args.users) ?? '')
      .split(',')
      .map((user) => user.trim())
      .filter(Boolean);
    const first = users[0];
    if (!first)
      return asString(args.channel)
        ? { ok: true, channel: { id: args.channel } }
        : ERR('users_list_not_supplied');
    const id = users.length === 1 ? this.dmChannelFor(first) : slackId('C').replace(/^C/, 'G');
    const full = args.return_im === true || args.return_im === 'true';
    return {
      ok: true,
      no_op: false,
      already_open: false,
      channel: full ? { ...this.#channelObject(id), user: first } : { id },
    };
  }

  #channelObject(id: string): Record<string, unknown> {
    const isIm = id.startsWith('D');
    return {
      id,
      created: Math.floor(Date.now() / 1000),
      is_im: isIm,
      is_channel: id.startsWith('C'),
      is_private: !id.startsWith('C'),
      is_archived: false,
      is_member: true,
      is_org_shared: false,
      context_team_id: this.identity.teamId,
      ...(isIm ? {} : { name: id === 'C0GENERAL01' ? 'general' : `channel-${id.toLowerCase()}` }),
    };
  }

  #userInfo(args: Record<string, unknown>): SlackAnswer {
    const id = asString(args.user);
    const seed = id === undefined ? undefined : this.#users.get(id);
    if (!id || !seed) return ERR('user_not_found');
    const name = seed.name ?? `user-${id.toLowerCase()}`;
    const realName = seed.realName ?? name;
    return {
      ok: true,
      user: {
        id,
        team_id: this.identity.teamId,
        name,
        deleted: seed.deleted ?? false,
        real_name: realName,
        tz: seed.tz ?? 'Europe/London',
        // Slack adds the locale only when asked (`include_locale=true`), as the real API does.
        ...(seed.locale && String(args.include_locale) === 'true' ? { locale: seed.locale } : {}),
        tz_label: 'Greenwich Mean Time',
        tz_offset: 0,
        is_bot: seed.isBot ?? false,
        is_admin: seed.isAdmin ?? false,
        is_owner: seed.isOwner ?? false,
        is_restricted: false,
        is_app_user: false,
        updated: Math.floor(Date.now() / 1000),
        profile: {
          real_name: realName,
          display_name: seed.displayName ?? name,
          real_name_normalized: realName,
          display_name_normalized: seed.displayName ?? name,
          ...(seed.email ? { email: seed.email } : {}),
          image_72: `https://avatars.slack-edge.com/fake/${id}_72.png`,
          team: this.identity.teamId,
        },
      },
    };
  }

  #checkTrigger(triggerId: string | undefined): SlackAnswer | undefined {
    if (!triggerId)
      return ERR('invalid_arguments', {
        response_metadata: { messages: ['[ERROR] missing required field: trigger_id'] },
      });
    const issued = this.#triggers.get(triggerId);
    if (!issued) return undefined; // not one of ours: accept (tests may build their own)
    if (issued.used) return ERR('exchanged_trigger_id');
    if (Date.now() - issued.issuedAt > this.triggerTtlMs) return ERR('expired_trigger_id');
    issued.used = true;
    return undefined;
  }

  #buildView(raw: unknown, base: Partial<ViewOutput> = {}): ViewOutput | SlackAnswer {
    const view = asRecord(raw);
    if (typeof view.type !== 'string' || !Array.isArray(view.blocks)) {
      return ERR('invalid_arguments', {
        response_metadata: { messages: ['[ERROR] view must have type and blocks'] },
      });
    }
    const id = base.id ?? slackId('V');
    const text = (value: unknown): ViewOutput['title'] | null => {
      const record = asRecord(value);
      return typeof record.text === 'string'
        ? { type: 'plain_text', text: record.text, emoji: record.emoji === true }
        : null;
    };
    return {
      id,
      team_id: this.identity.teamId,
      type: view.type,
      blocks: view.blocks as ViewOutput['blocks'],
      private_metadata: asString(view.private_metadata) ?? '',
      callback_id: asString(view.callback_id) ?? '',
      state: { values: {} },
      hash: `${Math.floor(Date.now() / 1000)}.${slackId('F').slice(2)}`,
      title: text(view.title) ?? { type: 'plain_text', text: '' },
      clear_on_close: view.clear_on_close === true,
      notify_on_close: view.notify_on_close === true,
      close: text(view.close),
      submit: text(view.submit),
      previous_view_id: base.previous_view_id ?? null,
      root_view_id: base.root_view_id ?? id,
      app_id: this.identity.appId,
      external_id: asString(view.external_id) ?? '',
      app_installed_team_id: this.identity.teamId,
      bot_id: this.identity.botId,
    };
  }

  #openView(method: string, args: Record<string, unknown>): SlackAnswer {
    const triggerProblem = this.#checkTrigger(asString(args.trigger_id));
    if (triggerProblem) return triggerProblem;
    const view = this.#buildView(args.view);
    if ('ok' in view) return view;
    if (method === 'views.push') {
      const root = [...this.views.values()].at(-1);
      view.previous_view_id = root?.id ?? null;
      view.root_view_id = root?.root_view_id ?? view.id;
    }
    this.views.set(view.id, view);
    return { ok: true, view };
  }

  #updateView(args: Record<string, unknown>): SlackAnswer {
    const viewId = asString(args.view_id);
    const externalId = asString(args.external_id);
    const existing = viewId
      ? this.views.get(viewId)
      : [...this.views.values()].find((view) => externalId && view.external_id === externalId);
    if (!existing) return ERR('not_found');
    const hash = asString(args.hash);
    if (hash && hash !== existing.hash) return ERR('hash_conflict');
    const view = this.#buildView(args.view, existing);
    if ('ok' in view) return view;
    this.views.set(view.id, view);
    return { ok: true, view };
  }

  #publishView(args: Record<string, unknown>): SlackAnswer {
    const userId = asString(args.user_id);
    if (!userId) return ERR('invalid_arguments');
    const view = this.#buildView(args.view, { id: this.homeViews.get(userId)?.id });
    if ('ok' in view) return view;
    this.homeViews.set(userId, view);
    return { ok: true, view };
  }

  #uploadUrl(args: Record<string, unknown>): SlackAnswer {
    const filename = asString(args.filename);
    const length = Number(args.length);
    if (!filename || !Number.isFinite(length) || length <= 0) return ERR('invalid_arguments');
    const fileId = slackId('F');
    this.#uploads.set(fileId, { filename, length, bytes: undefined });
    return { ok: true, upload_url: `${this.urls.httpBase}/upload/${fileId}`, file_id: fileId };
  }

  #completeUpload(args: Record<string, unknown>): SlackAnswer {
    const files = Array.isArray(args.files) ? args.files.map(asRecord) : [];
    if (files.length === 0) return ERR('invalid_arguments');
    const completed = [];
    for (const file of files) {
      const id = asString(file.id) ?? '';
      const pending = this.#uploads.get(id);
      if (!pending) return ERR('file_not_found');
      if (pending.bytes === undefined) return ERR('file_upload_not_completed');
      completed.push({
        id,
        name: pending.filename,
        title: asString(file.title) ?? pending.filename,
        size: pending.bytes,
        user: this.identity.botUserId,
        created: Math.floor(Date.now() / 1000),
        permalink: `https://${this.identity.teamDomain}.slack.com/files/${this.identity.botUserId}/${id}/${pending.filename}`,
      });
    }
    return { ok: true, files: completed };
  }
}
