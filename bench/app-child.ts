// The app as production runs it (compiled by bench/support/app-process.ts with the same
// esbuild settings as dist/, run by plain node), plus a thin driver the benchmark talks to
// over IPC: report memory, enqueue a round of DMs through the app's own outbox, stop.
// A check-in round is being built on another branch; until then a round is its outbox rows,
// which is what a round writes (one DM per member, in one transaction).
import { startApp } from '../src/app.ts';
import { markup } from '../src/chat/markup.ts';
import { loadConfig } from '../src/config.ts';
import { english } from '../src/i18n/index.ts';
import { createLogger } from '../src/logger.ts';
import { enqueueOutboxMany, type OutboxMessageInput } from '../src/scheduling/index.ts';
import { useBaselineWasmCompiler } from '../src/wasm-compiler.ts';

export type ToChild =
  | { type: 'memory' }
  | { type: 'round'; members: number; prefix: string }
  | { type: 'stop' };
export type FromChild =
  | { type: 'ready'; startedMs: number }
  | { type: 'memory'; rss: number; heapUsed: number; external: number }
  | { type: 'enqueued'; ms: number }
  | { type: 'failed'; message: string };

useBaselineWasmCompiler();
const send = (message: FromChild) => process.send?.(message);
const started = performance.now();
const config = loadConfig(process.env);
const logger = createLogger({ ...config.log, format: 'json' }, process.stderr);
const app = await startApp({ config, logger, mode: 'auto' });
send({ type: 'ready', startedMs: performance.now() - started });

/** One DM per member, as a round writes them: in one transaction. */
async function round(members: number, prefix: string): Promise<void> {
  const { prisma } = app.storage.db;
  const messages: OutboxMessageInput[] = Array.from({ length: members }, (_, i) => ({
    idempotencyKey: `${prefix}:${i}`,
    platform: 'slack',
    workspaceExternalId: 'T0FAKETEAM1',
    target: { kind: 'dm', userId: `U${prefix.toUpperCase()}${i}` },
    view: {
      text: english('checkins.prompt.summary', { name: markup`Check-in` }),
      blocks: [{ type: 'text', text: english('checkins.prompt.private') }],
    },
    notBefore: new Date(),
  }));
  // One call, as the check-ins feature's openRound makes it (enqueueOutboxMany chunks it).
  await prisma.$transaction((tx) => enqueueOutboxMany(tx, app.storage.cipher, messages), {
    timeout: 120_000,
  });
}

process.on('message', (message: ToChild) => {
  void (async () => {
    try {
      if (message.type === 'memory') {
        const usage = process.memoryUsage();
        send({ type: 'memory', rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external });
      } else if (message.type === 'round') {
        const at = performance.now();
        await round(message.members, message.prefix);
        send({ type: 'enqueued', ms: performance.now() - at });
      } else {
        await app.stop();
        process.exit(0);
      }
    } catch (error) {
      send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  })();
});
