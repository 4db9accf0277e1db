import type { IncomingHttpHeaders } from 'node:http';
import { FailureInjector, type FailurePolicy } from '../shared/failure-injector.ts';
import type { ParsedBody } from '../shared/http.ts';
import { DEFAULT_WAIT_MS, Recorder } from '../shared/recorder.ts';
import { discordLimitRefusal } from './discord-limits.ts';
import {
  buildRoutes,
  discordError,
  filesFrom,
  type RestRequest,
  type RestResult,
  type Route,
  type RouteContext,
  type UploadedFile,
} from './discord-rest-routes.ts';

/** One REST call as the fake saw it. `route` is e.g. "POST /channels/:channelId/messages". */
export interface DiscordRestCall {
  method: string;
  /** Path after /api/v10, e.g. "/channels/123/messages". */
  path: string;
  route: string;
  params: Record<string, string>;
  query: Record<string, string>;
  /** JSON body (for multipart requests: the parsed payload_json). */
  body: unknown;
  files: UploadedFile[];
  authorization: string | undefined;
  status: number;
  response: unknown;
  failure: DiscordRestFailure | undefined;
  index: number;
  at: number;
}

/**
 * An injected failure. 429s carry Discord's headers (Retry-After, X-RateLimit-Limit/Remaining/Reset/
 * Reset-After/Bucket/Scope, X-RateLimit-Global when global) and body {message, retry_after, global, code}.
 * `retryAfterSec` may be fractional (discord.js multiplies by 1000) to keep tests fast; default 0.1.
 */
export type DiscordRestFailure =
  | { status: 429; retryAfterSec?: number; global?: boolean; scope?: 'user' | 'global' | 'shared' }
  | { status: number; code: number; message: string };

export interface DiscordRestCallKey {
  method: string;
  path: string;
  route: string;
}

export type DiscordFailurePolicy = FailurePolicy<DiscordRestCallKey, DiscordRestFailure>;

function matchRoute(
  routes: Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  const parts = path.split('/').filter(Boolean);
  let best: { route: Route; params: Record<string, string>; literals: number } | undefined;
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.pattern.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    const matches = pattern.every((segment, index) => {
      const part = parts[index] ?? '';
      if (segment.startsWith(':')) {
        params[segment.slice(1)] = decodeURIComponent(part);
        return true;
      }
      literals += 1;
      return segment === part;
    });
    // Prefer the most specific pattern (/users/@me over /users/:userId).
    if (matches && (!best || literals > best.literals)) best = { route, params, literals };
  }
  return best;
}

/** The REST half of the fake Discord: routing, bot-token auth, recording and failure injection. */
export class FakeDiscordRest {
  readonly #routes: Route[];
  readonly #recorder = new Recorder<DiscordRestCall>(
    (call) =>
      `${call.method} ${call.path} → ${call.status}${call.failure ? ' (injected)' : ''} ${JSON.stringify(call.body ?? null).slice(0, 160)}`,
  );
  readonly #failures = new FailureInjector<DiscordRestCallKey, DiscordRestFailure>();

  constructor(
    private readonly token: string,
    context: RouteContext,
  ) {
    this.#routes = buildRoutes(context);
  }

  async handle(
    method: string,
    url: URL,
    headers: IncomingHttpHeaders,
    parsed: ParsedBody,
  ): Promise<RestResult> {
    const path = url.pathname.replace(/^\/api\/v10/, '') || '/';
    let body: unknown;
    let files: UploadedFile[] = [];
    if (parsed.kind === 'json') body = parsed.value;
    else if (parsed.kind === 'multipart') ({ payload: body, files } = filesFrom(parsed.fields));
    else if (parsed.kind === 'form') body = parsed.fields;

    const matched = url.pathname.startsWith('/api/v10/') ? matchRoute(this.#routes, method, path) : undefined;
    const routeName = matched ? `${method} ${matched.route.pattern}` : `${method} (unknown route)`;
    const authorization = headers.authorization;
    const request: RestRequest = {
      method,
      path,
      params: matched?.params ?? {},
      query: url.searchParams,
      body,
      files,
    };

    const failure = this.#failures.take(this.#recorder.size, { method, path, route: routeName });
    let result: RestResult;
    if (failure) result = this.#failureResult(failure, matched?.route.pattern ?? path);
    else if (!matched) {
      result = discordError(
        404,
        0,
        `404: Not Found (fake-discord has no route for ${method} ${url.pathname})`,
      );
    } else if (matched.route.botAuth && authorization !== `Bot ${this.token}`) {
      result = discordError(401, 0, '401: Unauthorized');
    } else result = discordLimitRefusal(routeName, body) ?? matched.route.handle(request);

    this.#recorder.add({
      method,
      path,
      route: routeName,
      params: request.params,
      query: Object.fromEntries(url.searchParams),
      body,
      files,
      authorization,
      status: result.status,
      response: result.body,
      failure,
      index: this.#recorder.size,
      at: Date.now(),
    });
    return result;
  }

  calls(filter?: string | ((call: DiscordRestCall) => boolean)): DiscordRestCall[] {
    return this.#recorder.all().filter(toPredicate(filter));
  }

  /** First call (past or future) matching a route name ("POST /channels/:channelId/messages") or predicate. */
  waitForCall(
    filter: string | ((call: DiscordRestCall) => boolean),
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<DiscordRestCall> {
    const predicate = toPredicate(filter);
    return this.#recorder.waitFor(
      (call) => call.failure === undefined && predicate(call),
      timeoutMs,
      typeof filter === 'string' ? filter : 'a matching REST call',
    );
  }

  /** The next `times` calls matching the route name (or predicate) fail with `failure`. */
  failNext(
    filter: string | ((key: DiscordRestCallKey) => boolean),
    failure: DiscordRestFailure,
    times = 1,
  ): void {
    this.#failures.failNext(
      typeof filter === 'string' ? (key) => key.route === filter : filter,
      failure,
      times,
    );
  }

  setFailurePolicy(policy: DiscordFailurePolicy | undefined): void {
    this.#failures.setPolicy(policy);
  }

  reset(): void {
    this.#recorder.clear();
    this.#failures.reset();
  }

  #failureResult(failure: DiscordRestFailure, bucketRoute: string): RestResult {
    if ('code' in failure) return discordError(failure.status, failure.code, failure.message);
    const limited = failure;
    const retryAfter = limited.retryAfterSec ?? 0.1;
    const global = limited.global === true;
    const headers: Record<string, string> = {
      'retry-after': String(retryAfter),
      'x-ratelimit-scope': limited.scope ?? (global ? 'global' : 'user'),
    };
    if (global) headers['x-ratelimit-global'] = 'true';
    else {
      Object.assign(headers, {
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String((Date.now() + retryAfter * 1000) / 1000),
        'x-ratelimit-reset-after': String(retryAfter),
        'x-ratelimit-bucket': Buffer.from(bucketRoute).toString('hex').slice(0, 32),
      });
    }
    return {
      status: 429,
      headers,
      body: {
        message: 'You are being rate limited.',
        retry_after: retryAfter,
        global,
        ...(global ? { code: 0 } : {}),
      },
    };
  }
}

function toPredicate(
  filter: string | ((call: DiscordRestCall) => boolean) | undefined,
): (call: DiscordRestCall) => boolean {
  if (filter === undefined) return () => true;
  if (typeof filter === 'string') return (call) => call.route === filter;
  return filter;
}
