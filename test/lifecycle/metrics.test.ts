// /metrics on HEALTH_PORT during a real fan-out: the whole app on Slack (HTTP mode, the fake
// Slack), a team of 30 whose check-in falls due, and a flag whose escalation is due. The fake
// refuses every post (429, Retry-After 1 s) until the test lets it go, so a scrape sees the
// round's prompts waiting in the outbox; then the outbox drains and the counters say so.
// Every label of every sample is checked against an allow-list: no team, member, channel or
// free text may ever become a label (and none of the seeded names appears anywhere).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningApp } from '../../src/app.ts';
import { freePort, SIGNING_SECRET } from '../e2e/slack/support.ts';
import { FakeSlackApi, SlackRequestSender } from '../fakes/slack/index.ts';
import {
  checkinDueNow,
  flagEscalationDue,
  type SeededTeam,
  seedTeam,
  TEAM_CHANNEL,
} from '../production/seed-team.ts';
import { startTestApp } from '../support/app-harness.ts';

const MEMBERS = 30;

/** Every label a metric may carry, and the values it may take. */
const ALLOWED_LABELS: Record<string, RegExp> = {
  // ours
  platform: /^(slack|discord|shell)$/,
  kind: /^(command|action|form|direct-message|member-joined|major|minor|incremental|weakcb)$/,
  result: /^(sent|429|failed|dropped)$/,
  state: /^(due|waiting|dead)$/,
  event: /^(opened|closed|raised|acknowledged)$/,
  le: /^(\+Inf|\d+(\.\d+)?(e[+-]?\d+)?)$/,
  // prom-client's default collectors (Node's own figures)
  space: /^[a-z_]+$/,
  type: /^[A-Za-z]+$/,
  version: /^v\d+\.\d+\.\d+$/,
  major: /^\d+$/,
  minor: /^\d+$/,
  patch: /^\d+$/,
  quantile: /^(0(\.\d+)?|1)$/,
};

interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** The text exposition format, one sample a line (prom-client escapes `"` and `\` in values). */
function parse(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`unreadable metrics line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[pair[1]!] = pair[2]!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

let fake: FakeSlackApi;
let app: RunningApp;
let seeded: SeededTeam;
let healthPort: number;
let port: number;
let refusing = true;

async function scrape(): Promise<{ text: string; samples: Sample[] }> {
  const res = await fetch(`http://127.0.0.1:${healthPort}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await res.text();
  return { text, samples: parse(text) };
}

const value = (samples: readonly Sample[], name: string, labels: Record<string, string> = {}) =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

function expectAllowedLabels(samples: readonly Sample[]): void {
  const offending = samples.flatMap((s) =>
    Object.entries(s.labels)
      .filter(([label, v]) => !ALLOWED_LABELS[label]?.test(v))
      .map(([label, v]) => `${s.name}{${label}="${v}"}`),
  );
  expect(offending).toEqual([]);
}

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  fake.setFailurePolicy((_index, method) =>
    method === 'chat.postMessage' && refusing ? { status: 429, retryAfterSec: 1 } : undefined,
  );
  port = await freePort();
  healthPort = await freePort();
  app = await startTestApp(
    {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      HEALTH_PORT: String(healthPort),
      SCHEDULER_CRON: '*/1 * * * * *',
    },
    {
      prepare: async (storage) => {
        seeded = await seedTeam(storage.db.prisma, fake.identity.teamId, MEMBERS);
        await checkinDueNow(storage.db.prisma, seeded.team, 'Morning');
        await flagEscalationDue(storage.db.prisma, seeded);
      },
    },
  );
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe('/metrics on HEALTH_PORT', () => {
  it('shows the round waiting in the outbox, then draining, with only allow-listed labels', {
    timeout: 90_000,
  }, async () => {
    // Refused by the platform: the round's prompts wait in the outbox, due.
    const waiting = await vi.waitFor(
      async () => {
        const { samples } = await scrape();
        expect(value(samples, 'peerbridge_checkin_rounds_24h', { event: 'opened' })).toBe(1);
        expect(value(samples, 'peerbridge_outbox_rows', { state: 'due' })).toBeGreaterThanOrEqual(MEMBERS);
        expect(
          value(samples, 'peerbridge_outbox_deliveries_total', { platform: 'slack', result: '429' }),
        ).toBeGreaterThan(0);
        return samples;
      },
      { timeout: 45_000, interval: 250 },
    );
    expect(value(waiting, 'peerbridge_outbox_oldest_due_seconds')).toBeGreaterThanOrEqual(0);
    expect(value(waiting, 'peerbridge_flags_24h', { event: 'raised' })).toBe(1);
    expect(waiting.some((s) => s.name === 'peerbridge_scheduler_lag_seconds')).toBe(true);
    expectAllowedLabels(waiting);

    // A command answered: its acknowledgement is timed, by platform and kind only.
    const sender = new SlackRequestSender(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, fake);
    await sender.slashCommand({ command: '/peer', text: 'help', channelId: TEAM_CHANNEL });

    refusing = false;
    const drained = await vi.waitFor(
      async () => {
        const { samples } = await scrape();
        expect(value(samples, 'peerbridge_outbox_rows', { state: 'due' })).toBe(0);
        // Every prompt, the round's note and the flag's DM to the backup supervisor.
        expect(
          value(samples, 'peerbridge_outbox_deliveries_total', { platform: 'slack', result: 'sent' }),
        ).toBeGreaterThanOrEqual(MEMBERS + 2);
        expect(
          value(samples, 'peerbridge_ack_latency_seconds_count', { platform: 'slack', kind: 'command' }),
        ).toBe(1);
        return samples;
      },
      { timeout: 45_000, interval: 250 },
    );
    expect(value(drained, 'peerbridge_outbox_oldest_due_seconds')).toBe(0);
    // Node's own figures: resident memory and event-loop delay.
    expect(value(drained, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(drained.some((s) => s.name === 'nodejs_eventloop_lag_p99_seconds')).toBe(true);
    expectAllowedLabels(drained);

    // Nothing that names a team, a person or a place, anywhere in the text.
    const { text } = await scrape();
    const names = [
      seeded.team.name,
      seeded.team.id,
      TEAM_CHANNEL,
      fake.identity.teamId,
      seeded.primary.displayName,
      ...seeded.members.flatMap((m) => [m.id, m.platformUserId, m.displayName]),
    ];
    expect(names.filter((name) => text.includes(name))).toEqual([]);

    // The example dashboard (docs/grafana-dashboard.json) graphs only metrics that exist.
    const dashboard = JSON.parse(
      await readFile(join(import.meta.dirname, '..', '..', 'docs', 'grafana-dashboard.json'), 'utf8'),
    ) as {
      panels: { targets: { expr: string }[] }[];
    };
    const exposed = new Set(parse(text).map((s) => s.name));
    const queried = dashboard.panels.flatMap((p) =>
      p.targets.flatMap((t) =>
        [...t.expr.matchAll(/\b(peerbridge_\w+|process_\w+|nodejs_\w+)\{/g)].map((m) => m[1]!),
      ),
    );
    expect(queried.length).toBeGreaterThan(5);
    expect(queried.filter((name) => !exposed.has(name))).toEqual([]);
  });
});
