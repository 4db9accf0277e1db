// Acknowledgement latency: signed Slack slash commands and button presses to the app's real
// Bolt HTTP receiver, and Discord slash commands and button presses through the fake gateway
// to the real discord.js, at 10, 50 and 200 events a second (30 s each; 2 s in --quick), on
// PGlite and on PostgreSQL. The app is the production build in its own process; the fakes and
// this sender share the bench process.
//
// Events are sent open-loop (on a fixed timetable, whether or not earlier ones were answered),
// so a slow app cannot slow the offered load. Kinds take turns: Slack command, Slack button,
// Discord command, Discord button. Measured:
// - Slack: request sent -> HTTP response (Bolt answers when the adapter calls ack()), and the
//   answer itself: request sent -> the adapter's POST to the response_url.
// - Discord: INTERACTION_CREATE dispatched -> the interaction callback at the fake REST API
//   (the acknowledgement, with the answer in it unless the adapter deferred).
import { FakeDiscord } from '../test/fakes/discord/index.ts';
import { blockActionsPayload, FakeSlackApi, SlackRequestSender } from '../test/fakes/slack/index.ts';
import type { BenchContext, Benchmark, Figure } from './run.ts';
import { type AppProcess, startAppProcess } from './support/app-process.ts';
import type { BenchDatabase } from './support/databases.ts';
import { freePort, SIGNING_SECRET, slackEnv } from './support/slack.ts';
import { pcts, percentile } from './support/stats.ts';

type Kind = 'slack command' | 'slack button' | 'discord command' | 'discord button';
const ALL_KINDS: readonly Kind[] = ['slack command', 'slack button', 'discord command', 'discord button'];
/** BENCH_ACK_KINDS='slack command,discord button': only those kinds (profiling one path). */
const KINDS: readonly Kind[] =
  process.env.BENCH_ACK_KINDS?.split(',').filter((k): k is Kind => ALL_KINDS.includes(k as Kind)) ??
  ALL_KINDS;
const APPLICATION_ID = '1187654321098765432';
const DISCORD_USERS = ['alice', 'bob', 'carol'] as const;

interface Samples {
  readonly ack: Map<Kind, number[]>;
  /** Slack only: until the answer reached the response_url. */
  readonly answer: number[];
  failures: number;
  /** Why events failed: the first message of each distinct reason, with its count. */
  readonly reasons: Map<string, number>;
  /** The app's CPU time per event at this rate (ms): what a loaded machine does not distort. */
  cpuPerEventMs: number;
  /** How late the sender itself fired, worst case (a loaded machine delays the timetable too). */
  senderLagMs: number;
}

interface Platforms {
  readonly slack: FakeSlackApi;
  readonly sender: SlackRequestSender;
  readonly discord: FakeDiscord;
}

async function sendOne(kind: Kind, i: number, p: Platforms, samples: Samples): Promise<void> {
  const actor = { userId: `UBENCH${i % 50}`, userName: `person${i % 50}` };
  const wallAt = Date.now();
  const at = performance.now();
  const record = (value: number) => samples.ack.get(kind)?.push(value);
  if (kind === 'slack command' || kind === 'slack button') {
    const responseUrl = p.slack.newResponseUrl();
    const response =
      kind === 'slack command'
        ? await p.sender.slashCommand({ command: '/peer', text: 'help', actor, responseUrl })
        : await p.sender.interactive({
            ...blockActionsPayload({ actionId: 'outbox:retry', value: 'none', actor, urls: p.slack }),
            response_url: responseUrl,
          });
    if (response.status !== 200) throw new Error(`Slack answered HTTP ${response.status}`);
    record(performance.now() - at);
    const answered = await p.slack.waitForCall(
      'response_url',
      (call) => call.args.url === responseUrl,
      30_000,
    );
    samples.answer.push(answered.at - wallAt);
    return;
  }
  // The fake Discord knows its seeded members only.
  const place = { user: DISCORD_USERS[i % DISCORD_USERS.length] as string, channel: 'general' };
  const sent =
    kind === 'discord command'
      ? p.discord.slashCommand({ name: 'peer', subcommand: 'help', ...place })
      : p.discord.button({ customId: 'outbox:retry', ...place });
  const reply = await sent.reply(30_000);
  record(reply.at - wallAt);
}

/** The first line of an error and of its cause (`fetch failed` says why only in its cause). */
function why(error: unknown): string {
  const line = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]?.slice(0, 100);
  const cause = error instanceof Error && error.cause !== undefined ? ` (${line(error.cause)})` : '';
  // Ids differ from event to event; without them, one reason counts all its events.
  return `${line(error)}${cause}`.replace(/\d{6,}/g, '…');
}

/** `rate` events a second for `durationMs`, on a fixed timetable. */
async function offer(rate: number, durationMs: number, p: Platforms, app?: AppProcess): Promise<Samples> {
  const cpuBefore = await app?.cpuMs();
  const samples: Samples = {
    ack: new Map(KINDS.map((k) => [k, []])),
    answer: [],
    failures: 0,
    reasons: new Map(),
    cpuPerEventMs: Number.NaN,
    senderLagMs: 0,
  };
  const total = Math.round((rate * durationMs) / 1000);
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    samples.senderLagMs = Math.max(samples.senderLagMs, performance.now() - due);
    const kind = KINDS[i % KINDS.length] as Kind;
    inFlight.push(
      sendOne(kind, i, p, samples).catch((error: unknown) => {
        samples.failures++;
        const reason = `${kind}: ${why(error)}`;
        samples.reasons.set(reason, (samples.reasons.get(reason) ?? 0) + 1);
      }),
    );
  }
  // Bounded: on a starved machine a backlog could take minutes to drain. Events still open
  // after a minute count as failed (and keep running into the next rate: noted in the docs).
  const drained = await Promise.race([
    Promise.all(inFlight).then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 60_000).unref()),
  ]);
  if (!drained) samples.failures += total - [...samples.ack.values()].flat().length;
  if (app && cpuBefore !== undefined) samples.cpuPerEventMs = ((await app.cpuMs()) - cpuBefore) / total;
  return samples;
}

function figures(rate: number, samples: Samples, db: BenchDatabase, quick: boolean): Figure[] {
  const all = [...samples.ack.values()].flat();
  const p99 = percentile(all, 99);
  const byKind = KINDS.map((kind) => `${kind} ${pcts(samples.ack.get(kind) ?? [])}`).join('; ');
  const why = [...samples.reasons.entries()].map(([reason, count]) => `${count} × ${reason}`).join('; ');
  return [
    {
      figure: `ack p50 / p95 / p99 at ${rate} events/s, ${db.label}`,
      value: pcts(all),
      ...(rate === 200 && !quick ? { target: 'p99 < 100 ms', met: p99 < 100 && samples.failures === 0 } : {}),
      notes: `${all.length} events, ${samples.failures} failed; app CPU ${samples.cpuPerEventMs.toFixed(1)} ms an event; ${byKind}; Slack answer at response_url ${pcts(samples.answer)}; sender lag up to ${Math.round(samples.senderLagMs)} ms${why ? `; failures: ${why}` : ''}`,
    },
  ];
}

/**
 * Rates and duration: the issue's (10, 50, 200 events/s for 30 s), 2 s of 10 and 50 in --quick.
 * While profiling one rate: BENCH_ACK_RATES=200 BENCH_ACK_SECONDS=10 (no verdict then).
 */
function plan(ctx: BenchContext): { rates: number[]; durationMs: number } {
  const rates = process.env.BENCH_ACK_RATES?.split(',').map(Number);
  const seconds = Number(process.env.BENCH_ACK_SECONDS ?? (ctx.quick ? 2 : 30));
  return { rates: rates ?? (ctx.quick ? [10, 50] : [10, 50, 200]), durationMs: seconds * 1000 };
}

async function onDatabase(db: BenchDatabase, ctx: BenchContext): Promise<Figure[]> {
  const slack = await FakeSlackApi.start();
  const discord = await FakeDiscord.start({ token: 'bench-token', applicationId: APPLICATION_ID });
  const port = await freePort();
  let app: AppProcess | undefined;
  try {
    app = await startAppProcess({
      ...db.env,
      ...slackEnv(slack.apiUrl, port),
      DISCORD_TOKEN: 'bench-token',
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_GUILD_ID: discord.world.guild().id,
      DISCORD_API_URL: discord.apiUrl,
    });
    const platforms = {
      slack,
      discord,
      sender: new SlackRequestSender(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, slack),
    };
    // Warm-up: first requests compile code paths and open connections.
    await offer(10, 1000, platforms);
    const out: Figure[] = [];
    const { rates, durationMs } = plan(ctx);
    for (const rate of rates) {
      ctx.log(`  ${rate} events/s on ${db.label}…`);
      const samples = await offer(rate, durationMs, platforms, app);
      out.push(...figures(rate, samples, db, ctx.quick || durationMs < 30_000));
      slack.reset();
      discord.reset();
    }
    return out;
  } finally {
    await app?.stop();
    await slack.close();
    await discord.close();
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: 'ack-latency',
    async run(ctx) {
      const out: Figure[] = [];
      for (const db of await ctx.databases('ack')) {
        try {
          out.push(...(await onDatabase(db, ctx)));
        } finally {
          await db.drop();
        }
      }
      return out;
    },
  },
];
