import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ViewOutput } from '@slack/bolt';
import { FailureInjector, type FailurePolicy } from '../shared/failure-injector.ts';
import {
  closeServer,
  listenOnRandomPort,
  type ParsedBody,
  parseBody,
  readBody,
  sendJson,
} from '../shared/http.ts';
import { DEFAULT_WAIT_MS, Recorder } from '../shared/recorder.ts';
import { FakeSocketMode } from './fake-socket-mode.ts';
import { DEFAULT_SLACK_IDENTITY, type SlackIdentity } from './slack-ids.ts';
import { slackLimitRefusal } from './slack-limits.ts';
import type { SlackFileObject, SlackUrlSource } from './slack-payloads.ts';
import { SlackRateLimiter, type SlackRateLimits } from './slack-rate-limits.ts';
import { type SlackAnswer, type SlackUserSeed, SlackWorkspace } from './slack-workspace.ts';

/**
 * One recorded HTTP call. `method` is the Web API method ("chat.postMessage"), or the pseudo-methods
 * "response_url" (a POST to a URL from newResponseUrl()) and "file_upload" (bytes sent to an upload URL).
 */
export interface SlackCall {
  method: string;
  /** Body fields; JSON-valued form fields (blocks, view, attachments, files, …) are already decoded. */
  args: Record<string, unknown>;
  /** Bearer token (header) or `token` body field, whichever was sent. */
  token: string | undefined;
  at: number;
  /** 0-based position among all calls since start/reset (what a failure policy sees). */
  index: number;
  /** Set when the fake answered with an injected failure instead of the normal answer. */
  failure: SlackFailure | undefined;
  /** What the fake answered (body). */
  response: unknown;
}

/**
 * An injected failure. `status: 429` answers HTTP 429 with `Retry-After: retryAfterSec` (default 1);
 * `error` alone answers HTTP 200 `{ok:false, error}` like Slack does (e.g. 'channel_not_found');
 * any other status answers that HTTP status with a plain-text body.
 */
export interface SlackFailure {
  status?: number;
  retryAfterSec?: number;
  error?: string;
}

export type SlackFailurePolicy = FailurePolicy<string, SlackFailure>;

export interface FakeSlackApiOptions {
  identity?: Partial<SlackIdentity>;
  /** How long a trigger_id from issueTriggerId() stays valid for views.open (Slack: 3 s). */
  triggerTtlMs?: number;
  users?: Record<string, SlackUserSeed>;
  /** Enforce Slack's chat.postMessage limits with 429s (benchmarks); off by default. */
  rateLimits?: SlackRateLimits;
}

const TOKEN_PATTERN = /^(xox[abpe]|xapp)-/;

function decodeJsonFields(fields: Record<string, unknown>): Record<string, unknown> {
  const decoded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && /^\s*[[{]/.test(value)) {
      try {
        decoded[key] = JSON.parse(value) as unknown;
        continue;
      } catch {
        // not JSON after all: keep the string
      }
    }
    decoded[key] = value;
  }
  return decoded;
}

function argsOf(body: ParsedBody, query: URLSearchParams): Record<string, unknown> {
  const fromQuery = Object.fromEntries(query);
  switch (body.kind) {
    case 'json':
      return { ...fromQuery, ...(typeof body.value === 'object' && body.value !== null ? body.value : {}) };
    case 'form':
    case 'multipart':
      return decodeJsonFields({ ...fromQuery, ...body.fields });
    default:
      return decodeJsonFields(fromQuery);
  }
}

/**
 * A Slack Web API on 127.0.0.1 for the real @slack/web-api / Bolt clients.
 * Point a client at it with `clientOptions: { slackApiUrl: fake.apiUrl }`.
 * Also serves response_url posts (/response/…), file upload URLs (/upload/…) and the Socket Mode
 * WebSocket (/socket-mode) that apps.connections.open hands out.
 */
export class FakeSlackApi implements SlackUrlSource {
  readonly identity: SlackIdentity;
  readonly socketMode: FakeSocketMode;
  readonly workspace: SlackWorkspace;
  readonly #recorder = new Recorder<SlackCall>(
    (call) =>
      `${call.method}${call.failure ? ` [failed: ${JSON.stringify(call.failure)}]` : ''} ${JSON.stringify(call.args).slice(0, 200)}`,
  );
  readonly #failures = new FailureInjector<string, SlackFailure>();
  readonly #rateLimiter: SlackRateLimiter | undefined;
  #responseCounter = 0;
  #ticketCounter = 0;
  readonly #hostedFiles = new Map<string, Buffer>();
  #holdWhen: ((call: SlackCall) => boolean) | undefined;
  readonly #heldAnswers: (() => void)[] = [];

  private constructor(
    private readonly server: Server,
    readonly port: number,
    options: FakeSlackApiOptions,
  ) {
    this.identity = { ...DEFAULT_SLACK_IDENTITY, ...options.identity };
    this.socketMode = new FakeSocketMode(this.identity.appId);
    this.workspace = new SlackWorkspace(
      this.identity,
      {
        httpBase: this.baseUrl,
        socketModeUrl: () => {
          this.#ticketCounter += 1;
          return `ws://127.0.0.1:${this.port}/socket-mode?ticket=${this.#ticketCounter}`;
        },
      },
      options.triggerTtlMs ?? 3_000,
    );
    for (const [id, seed] of Object.entries(options.users ?? {})) this.workspace.setUser(id, seed);
    this.#rateLimiter = options.rateLimits ? new SlackRateLimiter(options.rateLimits) : undefined;
  }

  static async start(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
    const server = createServer();
    const port = await listenOnRandomPort(server);
    const fake = new FakeSlackApi(server, port, options);
    server.on('request', (req, res) => {
      fake.#onRequest(req, res).catch((error: unknown) => {
        sendJson(res, 500, { ok: false, error: 'fake_internal_error', detail: String(error) });
      });
    });
    server.on('upgrade', (req, socket, head) => {
      if ((req.url ?? '').startsWith('/socket-mode')) fake.socketMode.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** For `clientOptions.slackApiUrl`. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A fresh response_url; POSTs to it are recorded as method 'response_url' (args.url tells which). */
  newResponseUrl(): string {
    this.#responseCounter += 1;
    return `${this.baseUrl}/response/${this.#responseCounter}`;
  }

  /** A trigger_id that views.open accepts once, within `triggerTtlMs`. */
  issueTriggerId(): string {
    return this.workspace.issueTriggerId();
  }

  /**
   * A file a person shares (for `directMessageEvent({ files })`): served at its `url_private`
   * to a request with a bot token, as Slack serves files.slack.com/files-pri/…; recorded as
   * the pseudo-method 'file_download'.
   */
  hostFile(name: string, content: string | Uint8Array): SlackFileObject {
    const id = `F${String(this.#hostedFiles.size + 1).padStart(8, '0')}`;
    const bytes = Buffer.from(content);
    this.#hostedFiles.set(id, bytes);
    const url = `${this.baseUrl}/files-pri/${this.identity.teamId}-${id}/${encodeURIComponent(name)}`;
    return {
      id,
      name,
      title: name,
      size: bytes.length,
      mimetype: 'application/octet-stream',
      url_private: url,
      url_private_download: `${url}?download=1`,
    };
  }

  dmChannelFor(userId: string): string {
    return this.workspace.dmChannelFor(userId);
  }

  setUser(userId: string, seed: SlackUserSeed): void {
    this.workspace.setUser(userId, seed);
  }

  /** Who conversations.members lists for a channel (seed each with setUser for users.info). */
  setChannelMembers(channelId: string, userIds: readonly string[]): void {
    this.workspace.channelMembers.set(channelId, [...userIds]);
  }

  /** The latest view opened/pushed via the API (optionally by callback_id): what Slack echoes on submit. */
  openedView(callbackId?: string): ViewOutput {
    const views = [...this.workspace.views.values()].filter(
      (view) => callbackId === undefined || view.callback_id === callbackId,
    );
    const view = views.at(-1);
    if (!view)
      throw new Error(`fake-slack: no view opened${callbackId ? ` with callback_id ${callbackId}` : ''}`);
    return view;
  }

  /** All calls (including failed attempts), optionally for one method. */
  calls(method?: string): SlackCall[] {
    return this.#recorder.all().filter((call) => method === undefined || call.method === method);
  }

  /** First *successful* call of `method` matching `predicate`, already made or yet to come. */
  waitForCall(
    method: string,
    predicate: (call: SlackCall) => boolean = () => true,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<SlackCall> {
    return this.#recorder.waitFor(
      (call) => call.method === method && call.failure === undefined && predicate(call),
      timeoutMs,
      `a successful ${method} call`,
    );
  }

  /** The next `times` calls of `method` fail with `failure`. */
  failNext(method: string, failure: SlackFailure, times = 1): void {
    this.#failures.failNext((candidate) => candidate === method, failure, times);
  }

  /** e.g. `(i) => (i % 10 === 9 ? { status: 429, retryAfterSec: 1 } : undefined)`. */
  setFailurePolicy(policy: SlackFailurePolicy | undefined): void {
    this.#failures.setPolicy(policy);
  }

  /**
   * From now on, a successful call that `when` matches is recorded and carried out (a message is
   * stored) but its answer is held back until releaseAnswers(): the request reached Slack and
   * the client has not heard back, the moment a crash turns into "delivered, never recorded".
   */
  holdAnswers(when: (call: SlackCall) => boolean): void {
    this.#holdWhen = when;
  }

  /** Stops holding answers and sends the held ones; returns how many there were. */
  releaseAnswers(): number {
    this.#holdWhen = undefined;
    const held = this.#heldAnswers.splice(0);
    for (const answer of held) answer();
    return held.length;
  }

  /** Forgets recorded calls, injected failures and held answers (workspace state such as views is kept). */
  reset(): void {
    this.releaseAnswers();
    this.#recorder.clear();
    this.#failures.reset();
  }

  async close(): Promise<void> {
    this.releaseAnswers();
    await this.socketMode.close();
    await closeServer(this.server);
  }

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const bytes = await readBody(req);
    const authorization = req.headers.authorization;
    const bearer = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;

    if (url.pathname.startsWith('/files-pri/')) {
      this.#serveFile(url, bearer, res);
      return;
    }

    if (url.pathname.startsWith('/upload/')) {
      const fileId = url.pathname.slice('/upload/'.length);
      const known = this.workspace.recordUpload(fileId, bytes.length);
      this.#record(
        'file_upload',
        { file_id: fileId, bytes: bytes.length, content_type: req.headers['content-type'], body: bytes },
        bearer,
        undefined,
        known ? 'OK' : 'unknown upload',
      );
      res.writeHead(known ? 200 : 404, { 'content-type': 'text/plain' });
      res.end(known ? `OK - ${bytes.length}` : 'Not Found');
      return;
    }

    const body = await parseBody(req.headers, bytes);
    const args = argsOf(body, url.searchParams);

    if (url.pathname.startsWith('/response/')) {
      // Slack answers a response_url post over its limits with HTTP 400 and the error's name.
      const refused = slackLimitRefusal('response_url', args);
      this.#record('response_url', { url: url.href, ...args }, bearer, undefined, refused ?? 'ok');
      res.writeHead(refused ? 400 : 200, { 'content-type': 'text/plain' });
      res.end(refused ? refused.error : 'ok');
      return;
    }

    if (!url.pathname.startsWith('/api/')) {
      sendJson(res, 404, { ok: false, error: 'unknown_path' });
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);

    const failure = this.#failures.take(this.#recorder.size, method) ?? this.#rateLimited(method, args);
    if (failure) {
      this.#answerFailure(res, method, args, token, failure);
      return;
    }
    const answer =
      this.#authorize(method, token) ??
      slackLimitRefusal(method, args) ??
      this.workspace.handle(method, args);
    const call = this.#record(method, args, token, undefined, answer);
    if (this.#holdWhen?.(call)) this.#heldAnswers.push(() => sendJson(res, 200, answer));
    else sendJson(res, 200, answer);
  }

  #serveFile(url: URL, bearer: string | undefined, res: ServerResponse): void {
    const id = /^\/files-pri\/[^/-]+-([^/]+)\//.exec(url.pathname)?.[1] ?? '';
    const bytes = this.#hostedFiles.get(id);
    const allowed = bearer?.startsWith('xoxb-') === true;
    this.#record('file_download', { file_id: id }, bearer, undefined, allowed && bytes ? 'OK' : 'refused');
    // Slack answers a request without the token with its sign-in page, not the file.
    if (!allowed || !bytes) {
      res.writeHead(allowed ? 404 : 302, allowed ? {} : { location: 'https://slack.com/signin' });
      res.end();
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(bytes.length),
    });
    res.end(bytes);
  }

  #rateLimited(method: string, args: Record<string, unknown>): SlackFailure | undefined {
    if (!this.#rateLimiter || method !== 'chat.postMessage') return undefined;
    const retryAfterSec = this.#rateLimiter.check(String(args.channel ?? ''));
    return retryAfterSec === undefined ? undefined : { status: 429, retryAfterSec };
  }

  #authorize(method: string, token: string | undefined): SlackAnswer | undefined {
    if (method === 'api.test') return undefined;
    if (!token) return { ok: false, error: 'not_authed' };
    if (!TOKEN_PATTERN.test(token)) return { ok: false, error: 'invalid_auth' };
    const isAppToken = token.startsWith('xapp-');
    if (method === 'apps.connections.open' && !isAppToken)
      return { ok: false, error: 'not_allowed_token_type' };
    if (method !== 'apps.connections.open' && isAppToken)
      return { ok: false, error: 'not_allowed_token_type' };
    return undefined;
  }

  #answerFailure(
    res: ServerResponse,
    method: string,
    args: Record<string, unknown>,
    token: string | undefined,
    failure: SlackFailure,
  ): void {
    if (failure.status === 429) {
      const retryAfter = failure.retryAfterSec ?? 1;
      const body = { ok: false, error: 'ratelimited' };
      this.#record(method, args, token, failure, body);
      sendJson(res, 429, body, { 'retry-after': String(retryAfter) });
      return;
    }
    if (failure.status !== undefined && failure.status !== 200) {
      this.#record(method, args, token, failure, `HTTP ${failure.status}`);
      res.writeHead(failure.status, { 'content-type': 'text/plain' });
      res.end(failure.error ?? 'fake failure');
      return;
    }
    const body = { ok: false, error: failure.error ?? 'fatal_error' };
    this.#record(method, args, token, failure, body);
    sendJson(res, 200, body);
  }

  #record(
    method: string,
    args: Record<string, unknown>,
    token: string | undefined,
    failure: SlackFailure | undefined,
    response: unknown,
  ): SlackCall {
    const call = {
      method,
      args,
      token,
      at: Date.now(),
      index: this.#recorder.size,
      failure,
      response,
    };
    this.#recorder.add(call);
    return call;
  }
}
