// Prometheus metrics (prom-client), served at /metrics on HEALTH_PORT only (never on Slack's
// public PORT). Counts and durations, nothing else: the only labels are the platform, the
// event kind, a delivery result and a fixed state or event name (test/lifecycle/metrics.test.ts
// checks every label value against that allow-list). No team, member, channel or text, ever.
//
// Two sources:
// - this process: acknowledgement latency, deliveries by platform and result, and Node's own
//   (resident memory, heap, event-loop delay) from prom-client's default collectors;
// - the database, read at scrape time with one statement: the outbox's depth and its oldest
//   due row, scheduler lag, rounds opened and closed, flags raised and acknowledged in the last
//   24 hours. These describe the shared database, so every replica reports the same figures:
//   graph them with max(), not sum().
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ChatEvent, EventSink, Platform, Reply } from '../chat/index.ts';
import type { PrismaClient } from '../db/index.ts';
import type { Clock, DeliveryResult } from '../scheduling/index.ts';

export interface Metrics {
  /** The router, wrapped: the time from an event arriving to its first answer is observed. */
  timed(sink: EventSink): EventSink;
  /** The outbox worker's `onDelivery`. */
  delivery(platform: Platform, result: DeliveryResult): void;
  readonly contentType: string;
  /** The text exposition format. */
  scrape(): Promise<string>;
}

interface DatabaseFigures {
  readonly due: number;
  readonly waiting: number;
  readonly dead: number;
  readonly oldestDueSeconds: number;
  readonly schedulerLagSeconds: number;
  readonly roundsOpened: number;
  readonly roundsClosed: number;
  readonly flagsRaised: number;
  readonly flagsAcknowledged: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Scheduler lag looks at occurrences claimed this recently. */
const LAG_WINDOW_MS = 10 * 60 * 1000;

async function readFigures(prisma: PrismaClient, now: Date): Promise<DatabaseFigures> {
  const dayAgo = new Date(now.getTime() - DAY_MS);
  const lagSince = new Date(now.getTime() - LAG_WINDOW_MS);
  const [row] = await prisma.$queryRaw<Record<keyof DatabaseFigures, number | bigint | string | null>[]>`
    SELECT
      (SELECT count(*) FROM "OutboxMessage" WHERE status = 'pending' AND "notBefore" <= ${now}::timestamptz) AS due,
      (SELECT count(*) FROM "OutboxMessage" WHERE status = 'pending' AND "notBefore" > ${now}::timestamptz) AS waiting,
      (SELECT count(*) FROM "OutboxMessage" WHERE status = 'dead') AS dead,
      (SELECT COALESCE(EXTRACT(EPOCH FROM (${now}::timestamptz - min("notBefore"))), 0)
         FROM "OutboxMessage" WHERE status = 'pending' AND "notBefore" <= ${now}::timestamptz) AS "oldestDueSeconds",
      (SELECT COALESCE(max(EXTRACT(EPOCH FROM ("claimedAt" - "dueAt"))), 0)
         FROM "OccurrenceClaim" WHERE "claimedAt" >= ${lagSince}::timestamptz AND status <> 'missed') AS "schedulerLagSeconds",
      (SELECT count(*) FROM "CheckinRound" WHERE "createdAt" >= ${dayAgo}::timestamptz) AS "roundsOpened",
      (SELECT count(*) FROM "CheckinRound" WHERE status = 'closed' AND "digestPostedAt" >= ${dayAgo}::timestamptz) AS "roundsClosed",
      (SELECT count(*) FROM "TriggerFlag" WHERE "createdAt" >= ${dayAgo}::timestamptz) AS "flagsRaised",
      (SELECT count(*) FROM "FlagAcknowledgement" WHERE "acknowledgedAt" >= ${dayAgo}::timestamptz) AS "flagsAcknowledged"`;
  const figure = (key: keyof DatabaseFigures) => Math.max(0, Number(row?.[key] ?? 0));
  return {
    due: figure('due'),
    waiting: figure('waiting'),
    dead: figure('dead'),
    oldestDueSeconds: figure('oldestDueSeconds'),
    schedulerLagSeconds: figure('schedulerLagSeconds'),
    roundsOpened: figure('roundsOpened'),
    roundsClosed: figure('roundsClosed'),
    flagsRaised: figure('flagsRaised'),
    flagsAcknowledged: figure('flagsAcknowledged'),
  };
}

/** Marks the first answer to an event: any of Reply's methods, called for the first time. */
function firstAnswer(reply: Reply, answered: () => void): Reply {
  return new Proxy(reply, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        answered();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

export function createMetrics(options: { readonly prisma: PrismaClient; readonly clock: Clock }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const ack = new Histogram({
    name: 'peerbridge_ack_latency_seconds',
    help: 'Time from an event reaching PeerBridge to its first answer (or the end of its handling)',
    labelNames: ['platform', 'kind'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'peerbridge_outbox_deliveries_total',
    help: 'Outbox tries by platform and result: sent, 429 (asked to slow down), failed (retried later), dropped (given up)',
    labelNames: ['platform', 'result'] as const,
    registers: [registry],
  });

  // One database read per scrape, shared by every gauge below.
  let pending: Promise<DatabaseFigures> | undefined;
  const figures = () => {
    pending ??= readFigures(options.prisma, options.clock.now()).finally(() => {
      setImmediate(() => {
        pending = undefined;
      });
    });
    return pending;
  };
  const gauge = (
    name: string,
    help: string,
    read: (f: DatabaseFigures) => readonly (readonly [Record<string, string>, number])[],
    labelNames: readonly string[] = [],
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        for (const [labels, value] of read(await figures())) this.set(labels, value);
      },
    });
  gauge(
    'peerbridge_outbox_rows',
    'Outbox rows by state: due (the depth: waiting to be sent now), waiting (not due yet: quiet hours, back-off), dead',
    (f) => [
      [{ state: 'due' }, f.due],
      [{ state: 'waiting' }, f.waiting],
      [{ state: 'dead' }, f.dead],
    ],
    ['state'],
  );
  gauge('peerbridge_outbox_oldest_due_seconds', 'How long the oldest due outbox row has been due', (f) => [
    [{}, f.oldestDueSeconds],
  ]);
  gauge(
    'peerbridge_scheduler_lag_seconds',
    'The largest delay between an occurrence falling due and being claimed, over the last 10 minutes',
    (f) => [[{}, f.schedulerLagSeconds]],
  );
  // The `event` label names what happened to a round or flag (a fixed word), not a log event.
  const what = (name: 'opened' | 'closed' | 'raised' | 'acknowledged') => ({ event: name });
  gauge(
    'peerbridge_checkin_rounds_24h',
    'Check-in rounds opened and closed in the last 24 hours',
    (f) => [
      [what('opened'), f.roundsOpened],
      [what('closed'), f.roundsClosed],
    ],
    ['event'],
  );
  gauge(
    'peerbridge_flags_24h',
    'Trigger flags raised and acknowledged in the last 24 hours (counts only)',
    (f) => [
      [what('raised'), f.flagsRaised],
      [what('acknowledged'), f.flagsAcknowledged],
    ],
    ['event'],
  );

  return {
    contentType: registry.contentType,
    scrape: () => registry.metrics(),
    delivery: (platform, result) => deliveries.inc({ platform, result }),
    timed(sink) {
      return (event: ChatEvent, reply: Reply) => {
        const stop = ack.startTimer({ platform: event.actor.platform, kind: event.kind });
        let answered = false;
        const once = () => {
          if (answered) return;
          answered = true;
          stop();
        };
        return sink(event, firstAnswer(reply, once)).finally(once);
      };
    },
  };
}
