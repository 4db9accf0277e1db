// Fan-out: a check-in round of one DM to each of 1,000 and 10,000 members, sent by the app
// (production build, its own process) through the real Slack Web API client to the fake
// Slack, which enforces Slack's limits for chat.postMessage with 429s: one a second per
// channel (burst 3) and a workspace-wide ceiling. Slack gives the ceiling only as "several
// hundred a minute"; we assume 100 a second (burst 100) so that 10,000 DMs have a floor of
// 99 s instead of half an hour. One DM per member means the per-channel limit never binds, so
// the floor is the ceiling's: (members - burst) / rate. Lost and doubled are counted from the
// fake's own log of accepted posts, by the idempotency key each message carries.
//
// The round is its outbox rows for now (bench/app-child.ts); when the check-ins feature lands,
// `startRound` is the one function to change to run a real round.
import { FakeSlackApi } from '../test/fakes/slack/index.ts';
import type { BenchContext, Benchmark, Figure } from './run.ts';
import { type AppProcess, startAppProcess } from './support/app-process.ts';
import type { BenchDatabase } from './support/databases.ts';
import { freePort, outboxKey, slackEnv } from './support/slack.ts';
import { megabytes, seconds } from './support/stats.ts';

const LIMITS = { perChannel: { burst: 3, intervalMs: 1000 }, workspace: { perSecond: 100, burst: 100 } };
const floorMs = (members: number) =>
  (Math.max(0, members - LIMITS.workspace.burst) / LIMITS.workspace.perSecond) * 1000;

function startRound(app: AppProcess, members: number, prefix: string): Promise<number> {
  return app.round(members, prefix);
}

/** Distinct keys accepted by the fake, and accepted posts in all (doubles = posts - keys). */
function delivered(
  fake: FakeSlackApi,
  prefix: string,
): { keys: Set<string>; posts: number; refused: number } {
  const keys = new Set<string>();
  let posts = 0;
  let refused = 0;
  for (const call of fake.calls('chat.postMessage')) {
    const key = outboxKey(call);
    if (!key?.startsWith(`${prefix}:`)) continue;
    if (call.failure) {
      refused++;
      continue;
    }
    posts++;
    keys.add(key);
  }
  return { keys, posts, refused };
}

async function until(done: () => boolean, limitMs: number): Promise<boolean> {
  const deadline = performance.now() + limitMs;
  while (performance.now() < deadline) {
    if (done()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return done();
}

async function fanOut(
  app: AppProcess,
  fake: FakeSlackApi,
  members: number,
  db: BenchDatabase,
): Promise<Figure> {
  const prefix = `r${members}`;
  const peakDuring = { value: 0 };
  const sampler = setInterval(() => {
    void app.memory().then((m) => {
      peakDuring.value = Math.max(peakDuring.value, m.rss);
    });
  }, 200);
  const started = performance.now();
  const enqueueMs = await startRound(app, members, prefix);
  // Where the peak comes from: writing the round, or sending it.
  const afterWrite = await app.memory();
  // A bound, so a run on a starved machine ends: what has not arrived by then counts as lost.
  const limitMs = floorMs(members) * 2 + 60_000;
  const finished = await until(() => delivered(fake, prefix).keys.size >= members, limitMs);
  const elapsed = performance.now() - started;
  // Late doubles would show up now.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  clearInterval(sampler);
  const { keys, posts, refused } = delivered(fake, prefix);
  const memory = await app.memory();
  const floor = floorMs(members);
  const ratio = elapsed / floor;
  const lost = members - keys.size;
  const doubled = posts - keys.size;
  const peak = Math.max(peakDuring.value, memory.rss);
  return {
    figure: `fan-out, ${members.toLocaleString('en')} members, ${db.label}`,
    value: `${seconds(elapsed)} vs floor ${seconds(floor)} (${ratio.toFixed(2)}×); ${lost} lost, ${doubled} doubled; peak RSS ${megabytes(peak)}`,
    target: 'within 5% of the floor, 0 lost, 0 doubled, peak RSS < 400 MB',
    met: members >= 10_000 ? ratio <= 1.05 && lost === 0 && doubled === 0 && peak < 400 * 2 ** 20 : undefined,
    notes: `${finished ? '' : `stopped waiting after ${seconds(limitMs)}; `}${refused} × 429; writing the round took ${seconds(enqueueMs)}, peak RSS by then ${megabytes(afterWrite.peak)}; RSS after ${megabytes(memory.rss)}`,
  };
}

async function onDatabase(db: BenchDatabase, sizes: readonly number[], ctx: BenchContext): Promise<Figure[]> {
  const fake = await FakeSlackApi.start({ rateLimits: LIMITS });
  const app = await startAppProcess({ ...db.env, ...slackEnv(fake.apiUrl, await freePort()) });
  try {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const atStart = await app.memory();
    const figures: Figure[] = [
      {
        figure: `RSS after start, ${db.label} (Slack configured)`,
        value: megabytes(atStart.rss),
        target: db.label === 'PGlite' ? '< 300 MB' : '< 130 MB',
        met: atStart.rss < (db.label === 'PGlite' ? 300 : 130) * 2 ** 20,
        notes: `process start to ready ${seconds(app.readyMs)}`,
      },
    ];
    for (const members of sizes) {
      ctx.log(`  fan-out to ${members} members on ${db.label}…`);
      figures.push(await fanOut(app, fake, members, db));
    }
    const after = await app.memory();
    figures.push({
      figure: `RSS after a ${Math.max(...sizes).toLocaleString('en')}-member round, ${db.label}`,
      value: `${megabytes(after.rss)} (peak ${megabytes(after.peak)})`,
      notes: 'the same process as above, after every round',
    });
    return figures;
  } finally {
    await app.stop();
    await fake.close();
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: 'fan-out',
    async run(ctx) {
      // BENCH_FANOUT_MEMBERS=10000: one size only (profiling memory).
      const only = process.env.BENCH_FANOUT_MEMBERS;
      const sizes = only ? only.split(',').map(Number) : ctx.quick ? [200] : [1_000, 10_000];
      const figures: Figure[] = [];
      for (const db of await ctx.databases('fanout')) {
        try {
          figures.push(...(await onDatabase(db, sizes, ctx)));
        } finally {
          await db.drop();
        }
      }
      return figures;
    },
  },
];
