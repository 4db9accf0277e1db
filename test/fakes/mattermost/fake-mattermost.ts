// A fake Mattermost server: REST v4 for what PeerBridge calls, the WebSocket it listens on,
// and the server's own side of a person's actions (a slash command, a button press, a dialog
// submission, a direct message, someone added to a channel), each sent to the bot exactly as
// Mattermost sends it. Errors carry the server's AppError shape ({ id, message, status_code });
// a rate limit answers 429 with X-Ratelimit-* headers and a text body, as the server's
// throttling middleware does (so @mattermost/client's ClientError has no status_code).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';
import { listenOnRandomPort, parseBody, readBody, sendJson } from '../shared/http.ts';
import { DEFAULT_WAIT_MS, Recorder } from '../shared/recorder.ts';
import {
  type FakeDialog,
  type FakePost,
  type FakePostAction,
  type FakeUser,
  MattermostWorld,
  newId,
} from './mattermost-world.ts';

export interface MattermostCall {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly status: number;
  /** When the server answered (Date.now()). */
  readonly at: number;
}

export interface CallbackAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** A file's bytes, answered as they are (GET /files/{id}). */
class RawFile {
  constructor(
    readonly bytes: Uint8Array,
    readonly contentType: string,
  ) {}
}

class AppError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
  ) {
    super(message);
  }
}

const TRIGGER_TTL_MS = 3_000;

export class FakeMattermost {
  readonly world: MattermostWorld;
  readonly calls = new Recorder<MattermostCall>((c) => `${c.method} ${c.path} ${c.status}`);
  /** Every post and ephemeral post as it was made or patched, in order. */
  readonly posted = new Recorder<FakePost>((p) => `${p.channel_id} ${p.message.slice(0, 60)}`);
  readonly #server: Server;
  readonly #wss: WebSocketServer;
  readonly #sockets = new Set<{ ws: WebSocket; seq: number }>();
  readonly #limits: {
    match: (method: string, path: string) => boolean;
    left: number;
    resetSeconds: number;
  }[] = [];
  /** Queued failures for the bot's posts (POST /posts) to one channel: failPosts(). */
  readonly #postFailures: { channelId: string; error: AppError; left: number }[] = [];
  #port = 0;
  /** The server's own rate limiter (RateLimitSettings): a token bucket over every REST call. */
  #throttle: { perSecond: number; burst: number; tokens: number; at: number } | undefined;
  /** Whether the bot may make ephemeral posts (a role with create_post_ephemeral). */
  ephemeralAllowed = true;
  triggerTtlMs = TRIGGER_TTL_MS;

  private constructor(readonly token: string) {
    this.world = new MattermostWorld(token);
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => sendJson(res, 500, { message: String(error) }));
    });
    this.#wss = new WebSocketServer({ server: this.#server, path: '/api/v4/websocket' });
    this.#wss.on('connection', (ws) => this.#connected(ws));
  }

  static async start(options: { token: string }): Promise<FakeMattermost> {
    const fake = new FakeMattermost(options.token);
    fake.#port = await listenOnRandomPort(fake.#server);
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.ws.terminate();
    this.#wss.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** The next `count` calls matching answer 429, as the server's rate limiter does. */
  rateLimit(match: (method: string, path: string) => boolean, count: number, resetSeconds = 1): void {
    this.#limits.push({ match, left: count, resetSeconds });
  }

  /**
   * The bot's next `times` posts (POST /posts, not ephemeral ones) to this channel are refused
   * with the server's AppError: by default 403 `api.context.permissions.app_error`, as the
   * server answers a post it will not take (a 4xx the adapter gives up on; a 5xx it tries again).
   * Each refused call is recorded with its status; nothing is posted.
   */
  failPosts(
    channelId: string,
    times = 1,
    error: { status: number; id: string; message: string } = {
      status: 403,
      id: 'api.context.permissions.app_error',
      message: 'You do not have the appropriate permissions.',
    },
  ): void {
    this.#postFailures.push({
      channelId,
      error: new AppError(error.status, error.id, error.message),
      left: times,
    });
  }

  /**
   * Turns on the server's rate limiter, as RateLimitSettings does (PerSec, MaxBurst; the bot
   * is one caller): a call finding the bucket empty answers 429 with X-Ratelimit-* and
   * Retry-After (whole seconds until a call is allowed again).
   */
  throttle(settings: { perSecond: number; burst: number }): void {
    this.#throttle = { ...settings, tokens: settings.burst, at: Date.now() };
  }

  /** Whether the limiter lets a call through now; else the seconds to wait. */
  #throttled(): { limit: number; wait: number; resetSeconds: number } | undefined {
    const bucket = this.#throttle;
    if (!bucket) return undefined;
    const now = Date.now();
    bucket.tokens = Math.min(bucket.burst, bucket.tokens + ((now - bucket.at) / 1000) * bucket.perSecond);
    bucket.at = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return {
      limit: bucket.perSecond,
      wait: Math.max(1, Math.ceil((1 - bucket.tokens) / bucket.perSecond)),
      resetSeconds: Math.max(1, Math.ceil((bucket.burst - bucket.tokens) / bucket.perSecond)),
    };
  }

  /** Open WebSocket connections of the bot. */
  socketCount(): number {
    return this.#sockets.size;
  }

  /** Drops every WebSocket, as a server restart would. */
  dropSockets(): void {
    for (const socket of this.#sockets) socket.ws.terminate();
  }

  // ---- The REST API ----

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const parsed = await parseBody(req.headers, await readBody(req));
    const body =
      parsed.kind === 'json' ? parsed.value : parsed.kind === 'multipart' ? parsed.fields : undefined;
    const record = (status: number) =>
      this.calls.add({ method, path: url.pathname, body, status, at: Date.now() });
    const limit = this.#limits.find((l) => l.left > 0 && l.match(method, url.pathname));
    const throttled = limit ? undefined : this.#throttled();
    if (limit || throttled) {
      if (limit) limit.left -= 1;
      record(429);
      res.writeHead(429, {
        'content-type': 'text/plain; charset=utf-8',
        'x-ratelimit-limit': String(throttled?.limit ?? 10),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(throttled?.resetSeconds ?? limit?.resetSeconds ?? 1),
        'retry-after': String(throttled?.wait ?? limit?.resetSeconds ?? 1),
      });
      res.end('limit exceeded\n');
      return;
    }
    try {
      // The server reads the scheme case-insensitively; Client4 sends "BEARER".
      const [scheme, given] = (req.headers.authorization ?? '').split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || given !== this.token) {
        throw new AppError(
          401,
          'api.context.session_expired.app_error',
          'Invalid or expired session, please login again.',
        );
      }
      const answer = await this.#route(method, url, body);
      record(200);
      if (answer instanceof RawFile) {
        res.writeHead(200, {
          'content-type': answer.contentType,
          'content-length': String(answer.bytes.byteLength),
        });
        res.end(answer.bytes);
        return;
      }
      sendJson(
        res,
        method === 'POST' && /\/(posts|commands|channels\/direct)$/.test(url.pathname) ? 201 : 200,
        answer,
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      record(error.status);
      sendJson(res, error.status, {
        id: error.id,
        message: error.message,
        detailed_error: '',
        request_id: newId(),
        status_code: error.status,
      });
    }
  }

  #user(id: string): FakeUser {
    const user = this.world.users.get(id === 'me' ? this.world.bot.id : id);
    if (!user) throw new AppError(404, 'app.user.missing_account.const', 'Unable to find the user.');
    return user;
  }

  async #route(method: string, url: URL, body: unknown): Promise<unknown> {
    const path = url.pathname.replace(/^\/api\/v4/, '');
    const parts = path.split('/').filter(Boolean);
    const obj = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const world = this.world;
    // Users
    if (method === 'GET' && path === '/users') {
      const channel = world.channels.get(url.searchParams.get('in_channel') ?? '');
      if (!channel)
        throw new AppError(404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');
      const page = Number(url.searchParams.get('page') ?? 0);
      const perPage = Number(url.searchParams.get('per_page') ?? 60);
      return [...channel.members].map((id) => this.#user(id)).slice(page * perPage, (page + 1) * perPage);
    }
    if (method === 'GET' && parts[0] === 'users' && parts[1] === 'username' && parts[2]) {
      const found = [...world.users.values()].find((u) => u.username === parts[2]);
      if (!found)
        throw new AppError(
          404,
          'app.user.get_by_username.app_error',
          'Unable to find an existing account matching your username for this team.',
        );
      return found;
    }
    if (method === 'GET' && parts[0] === 'users' && parts[2] === 'teams' && parts[1]) {
      const id = this.#user(parts[1]).id;
      return [...world.teams.values()]
        .filter((t) => t.members.has(id))
        .map(({ members: _m, ...team }) => team);
    }
    if (method === 'GET' && parts[0] === 'users' && parts.length === 2 && parts[1])
      return this.#user(parts[1]);
    // Teams
    if (method === 'GET' && parts[0] === 'teams' && parts[2] === 'members' && parts[1] && parts[3]) {
      const team = world.teams.get(parts[1]);
      const roles = team?.members.get(parts[3]);
      if (!team || roles === undefined)
        throw new AppError(
          404,
          'app.team.get_member.missing.app_error',
          'No team member found for that user ID and team ID.',
        );
      return {
        team_id: team.id,
        user_id: parts[3],
        roles,
        delete_at: 0,
        scheme_user: true,
        scheme_admin: roles.includes('team_admin'),
      };
    }
    // Channels
    if (method === 'POST' && path === '/channels/direct') {
      const ids = Array.isArray(body) ? body.map(String) : [];
      const [a, b] = ids;
      if (ids.length !== 2 || !a || !b)
        throw new AppError(
          400,
          'api.context.invalid_body_param.app_error',
          'Invalid or missing user_ids in request body.',
        );
      this.#user(a);
      this.#user(b);
      const channel = world.directChannel(a, b);
      return { id: channel.id, type: 'D', name: channel.name, team_id: '' };
    }
    if (method === 'GET' && parts[0] === 'channels' && parts[2] === 'members' && parts[1]) {
      const channel = world.channels.get(parts[1]);
      if (!channel)
        throw new AppError(404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');
      return [...channel.members].map((user_id) => ({
        channel_id: channel.id,
        user_id,
        roles: 'channel_user',
      }));
    }
    // Posts
    if (method === 'GET' && parts[0] === 'channels' && parts[2] === 'posts' && parts[1])
      return this.#channelPosts(parts[1], url.searchParams);
    if (method === 'POST' && path === '/posts') {
      const failure = this.#postFailures.find((f) => f.left > 0 && f.channelId === obj.channel_id);
      if (failure) {
        failure.left -= 1;
        throw failure.error;
      }
      return this.#createPost(obj);
    }
    if (method === 'POST' && path === '/posts/ephemeral') {
      if (!this.ephemeralAllowed)
        throw new AppError(
          403,
          'api.context.permissions.app_error',
          'You do not have the appropriate permissions.',
        );
      const userId = String(obj.user_id ?? '');
      const post = (typeof obj.post === 'object' && obj.post !== null ? obj.post : {}) as Record<
        string,
        unknown
      >;
      this.#user(userId);
      return this.#createPost(post, userId);
    }
    if (method === 'PUT' && parts[0] === 'posts' && parts[2] === 'patch' && parts[1]) {
      const post = world.posts.get(parts[1]);
      if (!post || post.delete_at > 0)
        throw new AppError(404, 'app.post.get.app_error', 'Unable to get the post.');
      if (post.user_id !== world.bot.id)
        throw new AppError(
          403,
          'api.context.permissions.app_error',
          'You do not have the appropriate permissions.',
        );
      if (typeof obj.message === 'string') post.message = obj.message;
      if (typeof obj.props === 'object' && obj.props !== null)
        post.props = obj.props as Record<string, unknown>;
      post.update_at = Date.now();
      this.posted.add({ ...post });
      return post;
    }
    if (method === 'DELETE' && parts[0] === 'posts' && parts[1]) {
      const post = world.posts.get(parts[1]);
      if (!post) throw new AppError(404, 'app.post.get.app_error', 'Unable to get the post.');
      post.delete_at = Date.now();
      return { status: 'OK' };
    }
    // Files
    if (method === 'GET' && parts[0] === 'files' && parts[1] && parts.length === 2) {
      const file = world.files.get(parts[1]);
      const channel = file?.channelId ? world.channels.get(file.channelId) : undefined;
      if (!file) throw new AppError(404, 'app.file_info.get.app_error', 'Unable to get the file info.');
      if (channel && !channel.members.has(world.bot.id))
        throw new AppError(
          403,
          'api.context.permissions.app_error',
          'You do not have the appropriate permissions.',
        );
      this.fileDownloads.push(parts[1]);
      return new RawFile(file.bytes, file.mimeType ?? 'application/octet-stream');
    }
    if (method === 'POST' && path === '/files') {
      const fields = obj as Record<string, unknown>;
      const file = fields.files as { filename: string; bytes: Uint8Array } | undefined;
      if (!file || typeof fields.channel_id !== 'string')
        throw new AppError(
          400,
          'api.file.upload_file.incorrect_number_of_files.app_error',
          'Unable to upload files. Incorrect number of files specified.',
        );
      const id = newId();
      world.files.set(id, { name: file.filename, bytes: file.bytes, channelId: fields.channel_id });
      return { file_infos: [{ id, name: file.filename, size: file.bytes.length }], client_ids: [] };
    }
    // Commands
    if (method === 'GET' && path === '/commands') {
      const teamId = url.searchParams.get('team_id') ?? '';
      return [...world.commands.values()].filter((c) => c.team_id === teamId);
    }
    if (method === 'POST' && path === '/commands') {
      const teamId = String(obj.team_id ?? '');
      if (!world.teams.get(teamId)?.members.has(world.bot.id))
        throw new AppError(
          403,
          'api.context.permissions.app_error',
          'You do not have the appropriate permissions.',
        );
      const trigger = String(obj.trigger ?? '');
      if ([...world.commands.values()].some((c) => c.team_id === teamId && c.trigger === trigger))
        throw new AppError(
          400,
          'api.command.duplicate_trigger.app_error',
          'This trigger word is already in use. Please choose another word.',
        );
      const command = {
        id: newId(),
        token: newId(),
        team_id: teamId,
        trigger,
        url: String(obj.url ?? ''),
        method: String(obj.method ?? 'P'),
        creator_id: world.bot.id,
      };
      world.commands.set(command.id, command);
      return command;
    }
    // Interactive dialogs
    if (method === 'POST' && path === '/actions/dialogs/open') {
      const triggerId = String(obj.trigger_id ?? '');
      const trigger = world.triggers.get(triggerId);
      if (!trigger || trigger.used || Date.now() - trigger.issuedAt > this.triggerTtlMs)
        throw new AppError(
          400,
          'interactive_message.decode_trigger_id.expired',
          'Trigger ID for interactive dialog is expired.',
        );
      const dialog = obj.dialog as FakeDialog['dialog'] | undefined;
      if (
        !dialog ||
        typeof obj.url !== 'string' ||
        dialog.title.length > 24 ||
        dialog.elements.some((e) => e.display_name.length > 24)
      )
        throw new AppError(
          400,
          'api.context.invalid_body_param.app_error',
          'Invalid or missing dialog in request body.',
        );
      trigger.used = true;
      world.dialogs.push({
        trigger_id: triggerId,
        url: obj.url,
        user_id: trigger.userId,
        channel_id: trigger.channelId,
        team_id: trigger.teamId,
        dialog,
      });
      return { status: 'OK' };
    }
    throw new AppError(
      404,
      'api.context.404.app_error',
      `Sorry, we could not find the page (${method} ${path}).`,
    );
  }

  #createPost(input: Record<string, unknown>, ephemeralFor?: string): FakePost {
    const channel = this.world.channels.get(String(input.channel_id ?? ''));
    if (!channel)
      throw new AppError(404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');
    if (!channel.members.has(this.world.bot.id))
      throw new AppError(
        403,
        'api.context.permissions.app_error',
        'You do not have the appropriate permissions.',
      );
    const message = String(input.message ?? '');
    if ([...message].length > 16_383)
      throw new AppError(
        400,
        'model.post.is_valid.message_length.app_error',
        'Message property is longer than the maximum permitted length.',
      );
    const props = (typeof input.props === 'object' && input.props !== null ? input.props : {}) as Record<
      string,
      unknown
    >;
    for (const action of actionsOf({ props } as FakePost)) {
      if (!/^[A-Za-z0-9]+$/.test(action.id))
        throw new AppError(
          400,
          'model.post.is_valid.action_id.app_error',
          'Action id must be letters and digits.',
        );
    }
    const post: FakePost = {
      id: newId(),
      channel_id: channel.id,
      user_id: this.world.bot.id,
      root_id: String(input.root_id ?? ''),
      message,
      type: '',
      props,
      ...(Array.isArray(input.file_ids) ? { file_ids: input.file_ids.map(String) } : {}),
      create_at: Date.now(),
      update_at: Date.now(),
      delete_at: 0,
      ...(ephemeralFor ? { ephemeralFor } : {}),
    };
    if (!ephemeralFor) this.world.posts.set(post.id, post);
    else this.#ephemeral.set(post.id, post);
    this.posted.add({ ...post });
    return post;
  }

  readonly #ephemeral = new Map<string, FakePost>();

  /** Ids of the files the bot downloaded (GET /files/{id}), in order. */
  readonly fileDownloads: string[] = [];

  // GET /channels/{id}/posts: newest first, paged (per_page up to 200), or everything changed
  // since a time (`since`, milliseconds). Ephemeral posts are never stored, so never listed.
  #channelPosts(channelId: string, query: URLSearchParams): unknown {
    const channel = this.world.channels.get(channelId);
    if (!channel)
      throw new AppError(404, 'app.channel.get.existing.app_error', 'Unable to find the existing channel.');
    if (!channel.members.has(this.world.bot.id))
      throw new AppError(
        403,
        'api.context.permissions.app_error',
        'You do not have the appropriate permissions.',
      );
    const since = query.get('since');
    const all = [...this.world.posts.values()]
      .filter((p) => p.channel_id === channelId && (since === null ? p.delete_at === 0 : true))
      .sort((a, b) => b.create_at - a.create_at);
    const perPage = Math.min(200, Number(query.get('per_page') ?? 60));
    const page = Number(query.get('page') ?? 0);
    const chosen =
      since === null
        ? all.slice(page * perPage, (page + 1) * perPage)
        : all.filter((p) => Math.max(p.create_at, p.update_at, p.delete_at) > Number(since));
    return {
      order: chosen.map((p) => p.id),
      posts: Object.fromEntries(chosen.map((p) => [p.id, p])),
      next_post_id: '',
      prev_post_id: '',
      has_next: false,
    };
  }

  // ---- The WebSocket ----

  #connected(ws: WebSocket): void {
    const socket = { ws, seq: 0 };
    ws.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as { action: string; seq: number; data?: { token?: string } };
      if (message.action === 'authentication_challenge') {
        if (message.data?.token !== this.token) {
          ws.close(4001, 'unauthorized');
          return;
        }
        ws.send(JSON.stringify({ status: 'OK', seq_reply: message.seq }));
        this.#sockets.add(socket);
        this.#emit(socket, 'hello', { connection_id: newId(), server_version: '11.9.0' }, {});
        return;
      }
      ws.send(JSON.stringify({ status: 'OK', seq_reply: message.seq, data: { text: 'pong' } }));
    });
    ws.on('close', () => this.#sockets.delete(socket));
  }

  #emit(
    socket: { ws: WebSocket; seq: number },
    event: string,
    data: unknown,
    broadcast: Record<string, unknown>,
  ): void {
    socket.ws.send(
      JSON.stringify({
        event,
        data,
        broadcast: { omit_users: null, user_id: '', channel_id: '', team_id: '', ...broadcast },
        seq: socket.seq++,
      }),
    );
  }

  #broadcast(event: string, data: unknown, broadcast: Record<string, unknown>): void {
    for (const socket of this.#sockets) this.#emit(socket, event, data, broadcast);
  }

  // ---- What people do, as the server tells the bot ----

  /** A person types `/peer <text>` in a channel: the server posts the command to its URL. */
  async slash(
    username: string,
    text: string,
    where: { channelId?: string; trigger?: string; teamId?: string } = {},
  ): Promise<CallbackAnswer> {
    const user = this.world.user(username);
    const channel = this.world.channels.get(where.channelId ?? this.world.townSquare.id);
    if (!channel) throw new Error('no such channel');
    // A direct channel has no team: the command carries the team the person has open (`teamId`).
    const teamId = channel.team_id || where.teamId || this.world.team.id;
    const command = [...this.world.commands.values()].find(
      (c) => c.team_id === teamId && c.trigger === (where.trigger ?? 'peer'),
    );
    if (!command) throw new Error(`no /${where.trigger ?? 'peer'} command in the team`);
    const form = new URLSearchParams({
      channel_id: channel.id,
      channel_name: channel.name,
      command: `/${command.trigger}`,
      response_url: `${this.url}/hooks/commands/${newId()}`,
      team_domain: this.world.teams.get(teamId)?.name ?? '',
      team_id: teamId,
      text,
      token: command.token,
      trigger_id: this.world.issueTrigger(user.id, channel.id, teamId),
      user_id: user.id,
      user_name: user.username,
    });
    return post(command.url, 'application/x-www-form-urlencoded', form.toString());
  }

  /**
   * A press on a post's button (by its name, or the first action `actionName` picks when
   * several share a name) or select: the server calls the action's URL with a fresh trigger.
   */
  async press(
    username: string,
    postId: string | FakePost,
    actionName: string | ((action: FakePostAction) => boolean),
    selected?: string,
  ): Promise<CallbackAnswer> {
    const user = this.world.user(username);
    // A post given whole is that version of it, as a client that has not refreshed still shows it.
    const found =
      typeof postId === 'string' ? (this.world.posts.get(postId) ?? this.#ephemeral.get(postId)) : postId;
    if (!found || (found.ephemeralFor && found.ephemeralFor !== user.id))
      throw new Error('no such post for this person');
    const picks = typeof actionName === 'string' ? (a: FakePostAction) => a.name === actionName : actionName;
    const action = actionsOf(found).find(picks);
    if (!action?.integration?.url) throw new Error(`no action '${String(actionName)}' on the post`);
    const channel = this.world.channels.get(found.channel_id);
    const teamId = channel?.team_id ?? '';
    return post(
      action.integration.url,
      'application/json',
      JSON.stringify({
        user_id: user.id,
        user_name: user.username,
        channel_id: found.channel_id,
        channel_name: channel?.name ?? '',
        team_id: teamId,
        team_domain: this.world.teams.get(teamId)?.name ?? '',
        post_id: found.id,
        trigger_id: this.world.issueTrigger(user.id, found.channel_id, teamId),
        type: action.type === 'select' ? 'select' : '',
        data_source: '',
        context: {
          ...(action.integration.context ?? {}),
          ...(selected === undefined ? {} : { selected_option: selected }),
        },
      }),
    );
  }

  /** Anyone able to reach the bot posts a made-up press: no MAC, or a wrong one. */
  forgedPress(
    url: string,
    context: Record<string, unknown>,
    username = 'mallory',
    channelId = this.world.townSquare.id,
  ): Promise<CallbackAnswer> {
    const user = this.world.user(username);
    const channel = this.world.channels.get(channelId);
    return post(
      url,
      'application/json',
      JSON.stringify({
        user_id: user.id,
        channel_id: channelId,
        channel_name: channel?.name ?? '',
        team_id: channel?.team_id ?? this.world.team.id,
        post_id: newId(),
        trigger_id: newId(),
        context,
      }),
    );
  }

  /** A person submits a dialog that was opened for them. */
  async submitDialog(dialog: FakeDialog, submission: Record<string, unknown>): Promise<CallbackAnswer> {
    return post(
      dialog.url,
      'application/json',
      JSON.stringify({
        type: 'dialog_submission',
        url: dialog.url,
        callback_id: dialog.dialog.callback_id,
        state: dialog.dialog.state,
        user_id: dialog.user_id,
        channel_id: dialog.channel_id,
        team_id: dialog.team_id,
        submission,
        cancelled: false,
      }),
    );
  }

  /** The newest dialog opened for this person, once there is one after `after` dialogs. */
  async waitForDialog(username: string, after = 0, timeoutMs = DEFAULT_WAIT_MS): Promise<FakeDialog> {
    const userId = this.world.user(username).id;
    const started = Date.now();
    for (;;) {
      const mine = this.world.dialogs.filter((d) => d.user_id === userId);
      const dialog = mine.length > after ? mine.at(-1) : undefined;
      if (dialog) return dialog;
      if (Date.now() - started > timeoutMs) throw new Error(`no dialog opened for ${username}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /**
   * A person writes to the bot in their direct channel, with files attached if given: the
   * server stores each file (FileInfo), lists its id in `file_ids` and its info in
   * `metadata.files`, as a post with attachments arrives on the WebSocket.
   */
  directMessage(
    username: string,
    message: string,
    files: readonly { name: string; bytes: Uint8Array | string; mimeType?: string; size?: number }[] = [],
  ): FakePost {
    const user = this.world.user(username);
    const channel = this.world.directChannel(user.id, this.world.bot.id);
    const infos = files.map((file) => {
      const id = newId();
      const bytes = typeof file.bytes === 'string' ? new TextEncoder().encode(file.bytes) : file.bytes;
      const mimeType = file.mimeType ?? 'application/octet-stream';
      this.world.files.set(id, { name: file.name, bytes, channelId: channel.id, mimeType });
      return {
        id,
        user_id: user.id,
        channel_id: channel.id,
        name: file.name,
        extension: file.name.includes('.') ? (file.name.split('.').pop() ?? '') : '',
        size: file.size ?? bytes.byteLength,
        mime_type: mimeType,
        create_at: Date.now(),
      };
    });
    const created: FakePost = {
      id: newId(),
      channel_id: channel.id,
      user_id: user.id,
      root_id: '',
      message,
      type: '',
      props: {},
      ...(infos.length > 0 ? { file_ids: infos.map((i) => i.id), metadata: { files: infos } } : {}),
      create_at: Date.now(),
      update_at: Date.now(),
      delete_at: 0,
    };
    this.world.posts.set(created.id, created);
    this.#broadcast(
      'posted',
      {
        channel_type: 'D',
        channel_name: channel.name,
        channel_display_name: '',
        sender_name: `@${user.username}`,
        team_id: '',
        post: JSON.stringify(created),
      },
      { channel_id: channel.id },
    );
    return created;
  }

  /** Someone is added to a channel (or joins it). */
  addToChannel(username: string, channelId: string): FakeUser {
    const user = this.world.user(username);
    const channel = this.world.channels.get(channelId);
    if (!channel) throw new Error('no such channel');
    channel.members.add(user.id);
    this.#broadcast('user_added', { user_id: user.id, team_id: channel.team_id }, { channel_id: channel.id });
    return user;
  }

  /** Posts and ephemeral posts the bot made in a channel (the newest last). */
  postsIn(channelId: string, forUser?: string): FakePost[] {
    return this.posted
      .all()
      .filter(
        (p) =>
          p.channel_id === channelId &&
          (forUser === undefined || p.ephemeralFor === forUser || p.ephemeralFor === undefined),
      );
  }

  /** Waits for a post (or ephemeral post) the bot made that matches. */
  waitForPost(
    predicate: (post: FakePost) => boolean,
    what: string,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<FakePost> {
    return this.posted.waitFor(predicate, timeoutMs, what);
  }

  dmChannelOf(username: string): string {
    return this.world.directChannel(this.world.user(username).id, this.world.bot.id).id;
  }
}

export function actionsOf(post: Pick<FakePost, 'props'>): FakePostAction[] {
  const attachments = post.props.attachments;
  if (!Array.isArray(attachments)) return [];
  return attachments.flatMap((a: { actions?: FakePostAction[] }) => a.actions ?? []);
}

async function post(url: string, contentType: string, body: string): Promise<CallbackAnswer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Plain text stays text.
  }
  return { status: response.status, body: parsed };
}
