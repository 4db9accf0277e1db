// The probes, meaning what orchestrators expect (docs/deploy.md):
// - GET /livez: the event loop answers. Nothing else is asked, so a Slack or Discord outage or
//   a slow database never fails it and never causes a restart storm. /healthz is its alias.
// - GET /readyz: the database answers, no migration is half-applied, every configured platform
//   is connected, and we are not starting or stopping.
// Served by Slack's HTTP receiver on PORT in HTTP mode (as Bolt custom routes), and by a small
// server of its own on HEALTH_PORT, which alone also serves GET /metrics (Prometheus): metrics
// stay off the public port. Bodies carry names and booleans, never an error's text.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The shape Bolt's HTTPReceiver takes as `customRoutes`. */
export interface HttpRoute {
  readonly path: string;
  readonly method: string;
  readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
}

export interface HealthProbes {
  /** True when a trivial query answers in time. */
  database(): Promise<boolean>;
  /** Each configured platform: connected or not. */
  platforms(): Readonly<Record<string, boolean>>;
  /** True when no migration is recorded as started but unfinished (a replica mid-upgrade). */
  migrations?(): Promise<boolean>;
}

/** What the own server serves besides the probes: Prometheus's /metrics. */
export interface MetricsSource {
  readonly contentType: string;
  scrape(): Promise<string>;
}

export interface Health {
  readonly routes: readonly HttpRoute[];
  /** Set once start-up has connected everything; cleared for good by `stopping()`. */
  started(): void;
  stopping(): void;
  readiness(): Promise<{ ready: boolean; body: Record<string, unknown> }>;
  /** A server of its own on `port` (0: any free port); resolves with the port. */
  listen(port: number): Promise<number>;
  close(): Promise<void>;
}

const DB_TIMEOUT_MS = 2_000;

function withTimeout(check: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([check.catch(() => false), late]).finally(() => clearTimeout(timer));
}

function send(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

export function createHealth(probes: HealthProbes, metrics?: MetricsSource): Health {
  let phase: 'starting' | 'running' | 'stopping' = 'starting';
  let server: Server | undefined;

  async function readiness() {
    if (phase !== 'running') return { ready: false, body: { status: phase } };
    const database = await withTimeout(probes.database(), DB_TIMEOUT_MS);
    const migrations =
      database && (await withTimeout(probes.migrations?.() ?? Promise.resolve(true), DB_TIMEOUT_MS));
    const platforms = probes.platforms();
    const ready = database && migrations && Object.values(platforms).every(Boolean) && phase === 'running';
    return { ready, body: { status: ready ? 'ready' : 'not-ready', database, migrations, platforms } };
  }

  const livez = (_req: IncomingMessage, res: ServerResponse) => send(res, 200, { status: 'alive' });
  const readyz = (_req: IncomingMessage, res: ServerResponse) => {
    readiness().then(
      ({ ready, body }) => send(res, ready ? 200 : 503, body),
      () => send(res, 503, { status: 'not-ready' }),
    );
  };
  const routes: HttpRoute[] = [
    { path: '/livez', method: 'GET', handler: livez },
    { path: '/healthz', method: 'GET', handler: livez },
    { path: '/readyz', method: 'GET', handler: readyz },
  ];
  const metricsRoute = (res: ServerResponse) => {
    if (!metrics) return send(res, 404, { status: 'not-found' });
    metrics.scrape().then(
      (text) => {
        res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
        res.end(text);
      },
      () => send(res, 503, { status: 'metrics-unavailable' }),
    );
  };

  return {
    routes,
    started() {
      if (phase === 'starting') phase = 'running';
    },
    stopping() {
      phase = 'stopping';
    },
    readiness,
    listen(port) {
      server = createServer((req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        const route = routes.find((r) => r.path === path);
        if (!route && path !== '/metrics') return send(res, 404, { status: 'not-found' });
        if (req.method !== 'GET' && req.method !== 'HEAD')
          return send(res, 405, { status: 'method-not-allowed' });
        if (route) route.handler(req, res);
        else metricsRoute(res);
      });
      const listening = server;
      return new Promise((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, () => resolve((listening.address() as AddressInfo).port));
      });
    },
    async close() {
      const open = server;
      server = undefined;
      if (!open) return;
      open.closeAllConnections();
      await new Promise<void>((resolve) => open.close(() => resolve()));
    },
  };
}
