// The callback server Mattermost calls: the slash command (form-encoded or JSON), post-action
// presses and dialog submissions, each answered at once (the work goes on after: Mattermost
// waits for the answer before the person sees anything), plus /livez and /readyz. Bodies over
// 64 KB are refused before they are read whole.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRoute } from '../../lifecycle/health.ts';
import type { Verdict } from './mattermost-dispatch.ts';

export const mattermostPaths = {
  command: '/mattermost/command',
  action: '/mattermost/action',
  dialog: '/mattermost/dialog',
} as const;

const MAX_BODY = 64 * 1024;

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parse(req: IncomingMessage, text: string): unknown {
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export interface CallbackServerOptions {
  readonly routes: Readonly<Record<string, (body: unknown) => Verdict>>;
  readonly getRoutes: readonly HttpRoute[];
  /** Runs the accepted work after the answer went out (the adapter tracks it for stop). */
  readonly schedule: (work: () => Promise<void>) => void;
}

export function createCallbackServer(options: CallbackServerOptions): {
  listen(port: number): Promise<number>;
  close(): Promise<void>;
} {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const get = options.getRoutes.find((route) => route.path === path);
    if (get && (req.method === 'GET' || req.method === 'HEAD')) return get.handler(req, res);
    const handle = options.routes[path];
    if (!handle) return send(res, 404, { status: 'not-found' });
    if (req.method !== 'POST') return send(res, 405, { status: 'method-not-allowed' });
    readBody(req).then(
      (text) => {
        if (text === undefined) return send(res, 413, { status: 'too-large' });
        const verdict = handle(parse(req, text));
        send(res, verdict.status, {});
        if (verdict.work) options.schedule(verdict.work);
      },
      () => send(res, 400, {}),
    );
  });
  return {
    listen: (port) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, () => resolve((server.address() as AddressInfo).port));
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
