// The production lifecycle as app.ts uses it: the event counter (with request ids), the
// health endpoints, the embedded database's backup socket, and the graceful stop. Kept here
// so app.ts holds a handful of hook lines and the rules live in one folder.
import type { ChatAdapter, EventSink } from '../chat/index.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Storage } from '../open-storage.ts';
import { serveControlSocket } from '../ops/backup.ts';
import { createHealth, type Health } from './health.ts';
import { createInFlight } from './in-flight.ts';
import { shutDown } from './shutdown.ts';

export type { Health, HttpRoute } from './health.ts';
export { currentRequestId, requestIdMixin, withRequestId } from './request-context.ts';

export interface Lifecycle {
  readonly health: Health;
  /** The router, wrapped: a request id per event, counted until it ends. */
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
  /** The adapters this process runs (filled in as they are made). */
  readonly adapters: () => Iterable<ChatAdapter>;
}): Lifecycle {
  const { config, logger, storage } = options;
  const inFlight = createInFlight();
  const log = logger.child({ component: 'lifecycle' });
  const health = createHealth({
    database: async () => {
      await storage.db.prisma.$queryRaw`SELECT 1`;
      return true;
    },
    platforms: () =>
      Object.fromEntries([...options.adapters()].map((a) => [a.platform, a.connected?.() ?? true])),
  });
  const closers: (() => Promise<void>)[] = [];
  let port: number | undefined;
  return {
    health,
    track: (sink) => inFlight.track(sink),
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
