// Counts the events being handled, so a graceful shutdown can wait for them (and only them)
// before it closes the database under their feet. Each event also gets its request id here.
import type { EventSink } from '../chat/index.ts';
import { withRequestId } from './request-context.ts';

export interface InFlight {
  /** The router, wrapped: each event runs with a request id and is counted until it ends. */
  track(sink: EventSink): EventSink;
  readonly count: number;
  /** Resolves true when nothing is in flight, false when `ms` passed first. */
  drained(ms: number): Promise<boolean>;
}

export function createInFlight(): InFlight {
  const running = new Set<Promise<void>>();
  return {
    track(sink) {
      return (event, reply) => {
        const job = withRequestId(() => sink(event, reply)).finally(() => running.delete(job));
        running.add(job);
        return job;
      };
    },
    get count() {
      return running.size;
    },
    async drained(ms) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), ms);
      });
      try {
        while (running.size > 0) {
          const next = await Promise.race([Promise.allSettled([...running]).then(() => true), deadline]);
          if (!next) return false;
        }
        return true;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
