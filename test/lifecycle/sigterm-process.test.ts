// The real entry point as a child process, in Slack HTTP mode against the fake Slack: ready on
// PORT and HEALTH_PORT, then SIGTERM: /readyz stops saying ready, the process shuts down in
// order and exits 0. (In-flight work during the stop is shown in shutdown.test.ts, in-process.)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, SIGNING_SECRET } from '../e2e/slack/support.ts';
import { FakeSlackApi } from '../fakes/slack/index.ts';
import { migratedDataDir } from '../support/database.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
let fake: FakeSlackApi;
let dataDir: string;

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  // A migrated database to start on: the process under test spends its time starting and
  // stopping, not creating and migrating one (the first start is production-layout's subject).
  dataDir = await mkdtemp(join(tmpdir(), 'pb-sigterm-'));
  await migratedDataDir(dataDir);
});
afterAll(async () => {
  await fake?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function status(url: string): Promise<number> {
  try {
    return (await fetch(url)).status;
  } catch {
    return 0;
  }
}

async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('SIGTERM on the real process', () => {
  it('stops taking work, shuts down in order and exits 0', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const healthPort = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: dataDir,
        ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: String(port),
        HEALTH_PORT: String(healthPort),
        SHUTDOWN_GRACE_MS: '5000',
        LOG_FORMAT: 'json',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('close', (code, signal) => resolve({ code, signal })),
    );
    try {
      await until(async () => (await status(`http://127.0.0.1:${port}/readyz`)) === 200, 90_000, 'ready');
      expect(await status(`http://127.0.0.1:${healthPort}/readyz`)).toBe(200);
      expect(await status(`http://127.0.0.1:${healthPort}/healthz`)).toBe(200);
      child.kill('SIGTERM');
      const result = await exited;
      expect(result, stdout).toEqual({ code: 0, signal: null });
      const events = stdout
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => (JSON.parse(line) as { event?: string }).event);
      const order = ['app.stopping', 'shutdown.started', 'shutdown.finished', 'app.stopped'];
      expect(events.filter((e) => e !== undefined && order.includes(e))).toEqual(order);
      expect(stdout).toContain('"clean":true');
      expect(await status(`http://127.0.0.1:${healthPort}/readyz`)).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
