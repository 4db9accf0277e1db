// The production lifecycle as app.ts uses it: the event counter (with request ids), the
// health endpoints, the embedded database's backup socket, and the graceful stop. Kept here
// so app.ts holds a handful of hook lines and the rules live in one folder.
import type { ChatAdapter, EventSink } from '../chat/index.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Storage } from '../open-storage.ts';
import { serveControlSocket } from '../ops/backup.ts';
import type { Clock } from '../scheduling/index.ts';
import { createHealth, type Health } from './health.ts';
import { createInFlight } from './in-flight.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { shutDown } from './shutdown.ts';

export type { Health, HttpRoute } from './health.ts';
export type { Metrics } from './metrics.ts';
export { currentRequestId, requestIdMixin, withRequestId } from './request-context.ts';

export interface Lifecycle {
  readonly health: Health;
  /** Prometheus metrics, served at /metrics on HEALTH_PORT; the outbox worker reports to it. */
  readonly metrics: Metrics;
  /** The router, wrapped: a request id per event, counted until it ends, its answer timed. */
  track(sink: EventSink): EventSink;
  /** Once everything is connected: serve health on HEALTH_PORT, open the backup socket, say ready. */
  started(): Promise<void>;
  /** HEALTH_PORT's actual port once listening (0 in config picks one; tests read it here). */
  healthPort(): number | undefined;
  stop(parts: {
    scheduler: { stop(): Promise<void> };
    worker: { stop(): Promise<void>; kill(): Promise<void> };
    adapters: readonly ChatAdapter[];
  }): Promise<void>;
}

export function createLifecycle(options: {
  readonly config: Config;
  readonly logger: Logger;
  readonly storage: Storage;
  readonly clock: Clock;
  /** The adapters this process runs (filled in as they are made). */
  readonly adapters: () => Iterable<ChatAdapter>;
}): Lifecycle {
  const { config, logger, storage } = options;
  const inFlight = createInFlight();
  const log = logger.child({ component: 'lifecycle' });
  const metrics = createMetrics({ prisma: storage.db.prisma, clock: options.clock });
  const health = createHealth(
    {
      database: async () => {
        await storage.db.prisma.$queryRaw`SELECT 1`;
        return true;
      },
      // Start-up migrated this database before anything listens; a row started but not
      // finished means another replica is applying a migration right now (or one failed).
      migrations: async () => {
        const [row] = await storage.db.prisma.$queryRaw<{ unfinished: number }[]>`
          SELECT count(*)::int AS unfinished FROM _prisma_migrations
          WHERE finished_at IS NULL AND rolled_back_at IS NULL`;
        return (row?.unfinished ?? 0) === 0;
      },
      platforms: () =>
        Object.fromEntries([...options.adapters()].map((a) => [a.platform, a.connected?.() ?? true])),
    },
    metrics,
  );
  const closers: (() => Promise<void>)[] = [];
  let port: number | undefined;
  return {
    health,
    metrics,
    track: (sink) => inFlight.track(metrics.timed(sink)),
    healthPort: () => port,
    async started() {
      if (config.healthPort !== undefined) {
        port = await health.listen(config.healthPort);
        log.info({ event: 'health.listening', port }, `Health endpoints on port ${port}`);
      }
      const { pglite, target } = storage.db;
      if (pglite && target.kind === 'pglite-dir') {
        closers.push(
          await serveControlSocket(pglite, target.dataDir, (bytes) =>
            log.info({ event: 'backup.written', bytes }, 'Backup written'),
          ),
        );
      }
      health.started();
    },
    stop: (parts) =>
      shutDown({
        ...parts,
        health,
        inFlight,
        database: storage.db,
        closers,
        graceMs: config.shutdownGraceMs,
        logger: log,
      }),
  };
}
