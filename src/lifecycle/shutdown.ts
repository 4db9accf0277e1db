// Graceful shutdown, in the order that loses nothing: say "not ready" (load balancers stop
// sending), stop the scheduler's ticks, close the platform connections (no new events; Slack
// and Discord deliver to another replica), let the events already being handled finish, let
// the outbox finish the sends it started and give back the rows it claimed but did not send,
// then close the database. All of it within SHUTDOWN_GRACE_MS: past it, the outbox is stopped
// like a crash (its claimed rows come back to the other replicas when their lock expires).
import type { ChatAdapter } from '../chat/index.ts';
import { errorFields } from '../chat/index.ts';
import type { LogPort } from '../scheduling/index.ts';
import type { Health } from './health.ts';
import type { InFlight } from './in-flight.ts';

export interface ShutdownParts {
  readonly health: Health;
  readonly scheduler: { stop(): Promise<void> };
  readonly worker: { stop(): Promise<void>; kill(): Promise<void> };
  readonly adapters: readonly ChatAdapter[];
  readonly inFlight: InFlight;
  readonly database: { close(): Promise<void> };
  /** Anything else to close before the database (the backup control socket). */
  readonly closers?: readonly (() => Promise<void>)[];
  readonly graceMs: number;
  readonly logger: LogPort;
}

function within<T>(work: Promise<T>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
  });
  return Promise.race([work.then(() => true), late]).finally(() => clearTimeout(timer));
}

export async function shutDown(parts: ShutdownParts): Promise<void> {
  const { logger } = parts;
  const deadline = Date.now() + parts.graceMs;
  const left = () => Math.max(0, deadline - Date.now());
  parts.health.stopping();
  logger.info({ event: 'shutdown.started', inFlight: parts.inFlight.count, graceMs: parts.graceMs });

  await within(parts.scheduler.stop(), left());
  const stopped = await Promise.allSettled(parts.adapters.map((adapter) => adapter.stop()));
  for (const [i, result] of stopped.entries()) {
    if (result.status === 'rejected') {
      logger.warn({
        event: 'shutdown.adapter_failed',
        platform: parts.adapters[i]?.platform,
        err: errorFields(result.reason),
      });
    }
  }
  const handlersDone = await parts.inFlight.drained(left());
  if (!handlersDone) {
    logger.warn({ event: 'shutdown.handlers_unfinished', inFlight: parts.inFlight.count });
  }
  const sendsDone = await within(parts.worker.stop(), left());
  if (!sendsDone) {
    logger.warn({ event: 'shutdown.outbox_unfinished' });
    await parts.worker.kill();
  }
  for (const close of parts.closers ?? []) {
    await close().catch((error: unknown) =>
      logger.warn({ event: 'shutdown.close_failed', err: errorFields(error) }),
    );
  }
  await parts.database.close();
  await parts.health.close();
  logger.info({ event: 'shutdown.finished', clean: handlersDone && sendsDone });
}
