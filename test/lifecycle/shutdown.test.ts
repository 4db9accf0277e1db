// Graceful shutdown in one process: /readyz turns 503 at once, an event already being handled
// finishes (its database write and its answer land) before the database closes, and every
// log line of one event carries the same request id.

import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../src/app.ts';
import { defineCommand } from '../../src/chat/index.ts';
import { markup } from '../../src/chat/markup.ts';
import type { Feature } from '../../src/features/feature.ts';
import { createTeamsFeature } from '../../src/features/teams/index.ts';
import { createLogger } from '../../src/logger.ts';
import { freePort, type LogLine, SIGNING_SECRET, waitForLog } from '../e2e/slack/support.ts';
import { Recorder } from '../fakes/shared/recorder.ts';
import { FakeSlackApi, SlackRequestSender } from '../fakes/slack/index.ts';
import { startTestApp } from '../support/app-harness.ts';

let fake: FakeSlackApi;
let app: RunningApp;
let sender: SlackRequestSender;
let port: number;
let healthPort: number;
let release: () => void = () => {};
let started: () => void = () => {};
const handlerStarted = new Promise<void>((resolve) => {
  started = resolve;
});
// The production logger (its request-id mixin is what is under test), writing JSON lines here.
const lines = new Recorder<LogLine>((line) => String(line.event));
const logger = createLogger(
  { level: 'info', format: 'json', levelGiven: true },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n'))
        if (text.trim()) lines.add(JSON.parse(text) as LogLine);
      done();
    },
  }),
);

/** A command that waits until the test lets it go, then writes a row and answers. */
function slowFeature(): Feature {
  const slow = defineCommand({
    name: 'slow',
    description: 'Takes its time',
    help: 'For the shutdown test.',
    who: 'everyone',
    verb: 'help',
    where: 'anywhere',
    handler: async ({ reply, actor, event }) => {
      started();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      await app.storage.db.prisma.processedEvent.create({
        data: { platform: 'slack', eventId: `slow-finished:${actor.userId}:${event.eventId}` },
      });
      await reply.privately({ text: markup`Finished after all`, blocks: [] });
    },
  });
  // Logs from inside the handler, two awaits in, as any feature code would: the line names no
  // event, so only the request-id mixin can tie it to the event.
  const noted = defineCommand({
    name: 'noted',
    description: 'Logs a line and answers',
    help: 'For the request id test.',
    who: 'everyone',
    verb: 'help',
    where: 'anywhere',
    handler: async ({ reply }) => {
      await app.storage.db.prisma.processedEvent.count();
      logger.info({ event: 'test.inside_handler' }, 'inside the handler');
      await reply.privately({ text: markup`Noted`, blocks: [] });
    },
  });
  return { name: 'slow', commands: [slow, noted] };
}

// Each test has an app of its own: one of them stops it.
beforeEach(async () => {
  fake = await FakeSlackApi.start();
  port = await freePort();
  healthPort = await freePort();
  app = await startTestApp(
    {
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      HEALTH_PORT: String(healthPort),
      SHUTDOWN_GRACE_MS: '20000',
    },
    {
      logger,
      features: ({ prisma, config, clientFor }) => [
        createTeamsFeature({ prisma, defaults: config.defaults, clientFor }),
        slowFeature(),
      ],
    },
  );
  sender = new SlackRequestSender(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, fake);
});

afterEach(async () => {
  release();
  await app?.stop();
  await fake?.close();
});

const get = async (url: string) => {
  try {
    const response = await fetch(url);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  } catch {
    return { status: 0, body: {} };
  }
};

describe('health and graceful shutdown', () => {
  it('answers /livez, /healthz and /readyz on PORT (Slack HTTP mode) and on HEALTH_PORT; /metrics only on HEALTH_PORT', async () => {
    for (const at of [port, healthPort]) {
      for (const probe of ['livez', 'healthz'])
        expect(await get(`http://127.0.0.1:${at}/${probe}`)).toEqual({
          status: 200,
          body: { status: 'alive' },
        });
    }
    const metrics = await fetch(`http://127.0.0.1:${healthPort}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('peerbridge_outbox_rows{state="due"}');
    // The public port (Slack's events URL, behind the reverse proxy) never shows metrics.
    const publicMetrics = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(publicMetrics.status).toBe(404);
    expect(await publicMetrics.text()).not.toContain('peerbridge_');
    const ready = await get(`http://127.0.0.1:${port}/readyz`);
    expect(ready).toEqual({
      status: 200,
      body: { status: 'ready', database: true, migrations: true, platforms: { slack: true } },
    });
    expect((await get(`http://127.0.0.1:${healthPort}/readyz`)).status).toBe(200);
    expect((await get(`http://127.0.0.1:${healthPort}/nothing`)).status).toBe(404);
  });

  it('gives every log line of one event the same request id', async () => {
    await sender.slashCommand({ command: '/peer', text: markup`noted`, channelId: 'C0HELP00001' });
    const handled = await waitForLog(
      lines,
      (l) => l.event === 'chat.event.handled' && l.command === 'noted',
      'noted handled',
    );
    expect(handled.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // The line written inside the handler carries the event's request id, and no line of
    // another event does.
    const inside = lines.all().filter((l) => l.event === 'test.inside_handler');
    expect(inside.map((l) => l.requestId)).toEqual([handled.requestId]);
    const sameId = lines.all().filter((l) => l.requestId === handled.requestId);
    expect(sameId.map((l) => l.event).sort()).toEqual(['chat.event.handled', 'test.inside_handler']);
  });

  it('on stop: /readyz says 503 at once, the event in flight finishes, then the database closes', async () => {
    await sender.slashCommand({ command: '/peer', text: markup`slow`, channelId: 'C0SLOW00001' });
    await handlerStarted;
    const stopped = app.stop();
    let stopDone = false;
    void stopped.then(() => {
      stopDone = true;
    });
    await waitForLog(lines, (l) => l.event === 'shutdown.started', 'shutdown started');
    const during = await get(`http://127.0.0.1:${healthPort}/readyz`);
    expect(during).toEqual({ status: 503, body: { status: 'stopping' } });
    expect(stopDone).toBe(false);

    release();
    await stopped;
    const finished = lines.all().find((l) => l.event === 'shutdown.finished');
    expect(finished?.clean).toBe(true);
    // The handler's answer reached Slack and its write is in the database (read before close).
    expect(fake.calls().some((c) => JSON.stringify(c.args).includes('Finished after all'))).toBe(true);
    expect(lines.all().some((l) => l.event === 'chat.event.handled' && l.command === 'slow')).toBe(true);
    expect((await get(`http://127.0.0.1:${healthPort}/healthz`)).status).toBe(0);
  });
});
