// /healthz and /readyz on HEALTH_PORT in the deployments with no HTTP server of their own:
// Discord only (the real discord.js against the fake Discord), Slack Socket Mode only (the
// real Bolt on the fake's WebSocket) and the shell. /readyz names each configured platform and
// says ready once it is connected and not ready while its connection is down (the fakes hold
// their handshake to make an outage); after stop the port is closed. (Slack HTTP mode on PORT and
// SIGTERM are in shutdown.test.ts and sigterm-process.test.ts.)
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunningApp } from '../../src/app.ts';
import { APP_TOKEN, BOT_TOKEN, freePort } from '../e2e/slack/support.ts';
import { FakeDiscord } from '../fakes/discord/index.ts';
import { FakeSlackApi } from '../fakes/slack/index.ts';
import { startTestApp } from '../support/app-harness.ts';

let app: RunningApp | undefined;
let closeFake: (() => Promise<void>) | undefined;

afterEach(async () => {
  await app?.stop();
  await closeFake?.();
  app = undefined;
  closeFake = undefined;
});

async function get(url: string): Promise<{ status: number; body?: Record<string, unknown> }> {
  try {
    const res = await fetch(url);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  } catch {
    return { status: 0 };
  }
}

/** Waits until /readyz answers `ready` (200) or `not-ready` (503) with these platforms. */
async function expectReadiness(port: number | undefined, ready: boolean, platforms: Record<string, boolean>) {
  const want = ready
    ? { status: 200, body: { status: 'ready', database: true, migrations: true, platforms } }
    : { status: 503, body: { status: 'not-ready', database: true, migrations: true, platforms } };
  await vi.waitFor(async () => expect(await get(`http://127.0.0.1:${port}/readyz`)).toEqual(want), {
    timeout: 20_000,
    interval: 100,
  });
}

/** Both endpoints on the app's HEALTH_PORT: alive, then ready with these platforms connected. */
async function expectHealthy(running: RunningApp, platforms: Record<string, boolean>) {
  const port = running.lifecycle.healthPort();
  expect(port).toBeGreaterThan(0);
  expect(await get(`http://127.0.0.1:${port}/healthz`)).toEqual({ status: 200, body: { status: 'alive' } });
  await expectReadiness(port, true, platforms);
  return port;
}

/** /readyz is 503 and names the platform that is down; /healthz still answers. */
async function expectNotReady(port: number | undefined, platforms: Record<string, boolean>) {
  await expectReadiness(port, false, platforms);
  expect((await get(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
}

async function expectClosedAfterStop(running: RunningApp, port: number | undefined) {
  await running.stop();
  app = undefined;
  expect((await get(`http://127.0.0.1:${port}/healthz`)).status).toBe(0);
}

describe('health on HEALTH_PORT', () => {
  it('Discord only: ready once the gateway is connected, not ready while it is down', {
    timeout: 60_000,
  }, async () => {
    const fake = await FakeDiscord.start({ token: 'fake-token', applicationId: '1187654321098765432' });
    closeFake = () => fake.close();
    app = await startTestApp({
      DISCORD_TOKEN: 'fake-token',
      DISCORD_APPLICATION_ID: '1187654321098765432',
      DISCORD_GUILD_ID: fake.world.guild().id,
      DISCORD_API_URL: fake.apiUrl,
      HEALTH_PORT: String(await freePort()),
    });
    const port = await expectHealthy(app, { discord: true });
    // An outage: the connection drops and Discord does not start a new session until released.
    fake.gateway.holdHello(true);
    await fake.gateway.dropConnection(4000);
    await expectNotReady(port, { discord: false });
    fake.gateway.holdHello(false);
    await expectHealthy(app, { discord: true });
    await expectClosedAfterStop(app, port);
  });

  it('Slack Socket Mode only: ready once the socket is open, not ready while it is down', {
    timeout: 60_000,
  }, async () => {
    const fake = await FakeSlackApi.start();
    closeFake = () => fake.close();
    app = await startTestApp({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: fake.apiUrl,
      // The client reconnects a dropped socket after its ping timeout (Bolt's 5 s): shorter here.
      SLACK_SOCKET_PING_TIMEOUT_MS: '500',
      HEALTH_PORT: String(await freePort()),
    });
    await fake.socketMode.waitForConnection();
    const port = await expectHealthy(app, { slack: true });
    // An outage: the socket drops and Slack does not say hello on the next one until released.
    fake.socketMode.holdHello(true);
    fake.socketMode.terminate();
    await expectNotReady(port, { slack: false });
    fake.socketMode.holdHello(false);
    await expectHealthy(app, { slack: true });
    await expectClosedAfterStop(app, port);
  });

  it('the shell playground: ready once the terminal is read', { timeout: 60_000 }, async () => {
    app = await startTestApp(
      { HEALTH_PORT: String(await freePort()) },
      { mode: 'shell', stdio: { input: new PassThrough(), output: new PassThrough() } },
    );
    const port = await expectHealthy(app, { shell: true });
    await expectClosedAfterStop(app, port);
  });
});
