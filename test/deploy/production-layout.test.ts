// The container image's production layout, proven without a container engine (podman cannot
// start containers on these machines): a scratch folder is filled exactly as the Dockerfile's
// final stage fills /app (package.json and the lock, `npm ci --omit=dev --ignore-scripts`,
// prisma/ for the migrations, a freshly built dist/), then started with the image's CMD and
// environment, on the embedded database (DATA_DIR) and on PostgreSQL (two copies at once on a
// fresh schema, the key by ENCRYPTION_KEY_FILE: migrations run once, under the lock). /livez,
// /readyz and /metrics answer; SIGTERM ends each cleanly.
//
// The install takes most of a minute, so this file runs on CI (CI=true) or when
// PB_TEST_CLEAN_INSTALL=1 asks for it; on a laptop it is skipped and says so.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort, SIGNING_SECRET } from '../e2e/slack/support.ts';
import { FakeSlackApi } from '../fakes/slack/index.ts';
import { freshPostgresSchema, isCi, openPostgres, postgresAvailable } from '../support/database.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
const wanted = isCi(process.env.CI) || process.env.PB_TEST_CLEAN_INSTALL === '1';
if (!wanted)
  console.info(
    'production-layout.test: skipped (set PB_TEST_CLEAN_INSTALL=1, or CI=true, to run the clean install)',
  );
const pgAvailable = wanted ? await postgresAvailable() : false;

/** The Dockerfile's CMD, and the environment its final stage sets. */
function imageCommand(): string[] {
  const dockerfile = spawnSync('grep', ['^CMD', join(repoRoot, 'Dockerfile')], { encoding: 'utf8' }).stdout;
  return JSON.parse(dockerfile.replace(/^CMD\s+/, '')) as string[];
}

interface Running {
  readonly child: ChildProcess;
  output(): string;
  readonly exited: Promise<number | null>;
}

function start(dir: string, env: Record<string, string>): Running {
  const [command, ...args] = imageCommand();
  expect(command).toBe('node');
  const child = spawn(process.execPath, args, {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => {
    output += c;
  });
  child.stderr?.setEncoding('utf8').on('data', (c: string) => {
    output += c;
  });
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** A child's exit code and what it wrote to stderr, once it ends. */
function finished(child: ChildProcess): Promise<{ status: number | null; stderr: string }> {
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stderr }));
  });
}

async function status(url: string): Promise<number> {
  return fetch(url).then(
    (r) => r.status,
    () => 0,
  );
}

/** /livez and /readyz answer 200 and /metrics carries PeerBridge's own figures. */
async function expectServing(healthPort: number, running: Running): Promise<void> {
  const base = `http://127.0.0.1:${healthPort}`;
  await vi.waitFor(
    async () => {
      if (running.child.exitCode !== null) throw new Error(`exited early:\n${running.output()}`);
      expect(await status(`${base}/readyz`)).toBe(200);
    },
    { timeout: 120_000, interval: 250 },
  );
  expect(await status(`${base}/livez`)).toBe(200);
  const metrics = await fetch(`${base}/metrics`);
  expect(metrics.status).toBe(200);
  const text = await metrics.text();
  expect(text).toContain('peerbridge_outbox_rows{state="due"} 0');
  expect(text).toContain('process_resident_memory_bytes');
}

async function stop(running: Running): Promise<void> {
  running.child.kill('SIGTERM');
  expect(await running.exited, running.output()).toBe(0);
}

describe.skipIf(!wanted)(
  'the image layout: a clean production install started as the image starts',
  {
    timeout: 300_000,
  },
  () => {
    let app: string;
    let fake: FakeSlackApi;
    const slack = () => ({
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
    });

    beforeAll(async () => {
      fake = await FakeSlackApi.start();
      app = await mkdtemp(join(tmpdir(), 'pb-image-'));
      // COPY package.json package-lock.json ./ ; RUN npm ci --omit=dev --ignore-scripts
      for (const file of ['package.json', 'package-lock.json'])
        await cp(join(repoRoot, file), join(app, file));
      // COPY prisma ./prisma ; COPY --from=build /app/dist ./dist (built fresh, as the build
      // stage does). The build runs while npm installs: neither reads what the other writes.
      await cp(join(repoRoot, 'prisma'), join(app, 'prisma'), { recursive: true });
      const [install, build] = await Promise.all([
        finished(
          spawn(
            'npm',
            ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'],
            {
              cwd: app,
              env: { ...process.env, npm_config_loglevel: 'error' },
              stdio: ['ignore', 'ignore', 'pipe'],
            },
          ),
        ),
        finished(
          spawn(process.execPath, ['scripts/build.mjs', '--out-dir', join(app, 'dist')], {
            cwd: repoRoot,
            stdio: ['ignore', 'ignore', 'pipe'],
          }),
        ),
      ]);
      expect(install.status, install.stderr).toBe(0);
      expect(build.status, build.stderr).toBe(0);
      // No development tool came along (typescript may: @prisma/client names it as an optional peer).
      for (const dev of ['vitest', 'tsx', '@biomejs/biome', 'kubernetes-models'])
        await expect(stat(join(app, 'node_modules', dev))).rejects.toThrow();
    }, 300_000);

    afterAll(async () => {
      await fake?.close();
      if (app) await rm(app, { recursive: true, force: true });
    });

    it('on the embedded database in DATA_DIR: serves the probes and metrics, keeps its key there, stops on SIGTERM', async () => {
      const data = join(app, 'data');
      await mkdir(data);
      const healthPort = await freePort();
      const running = start(app, {
        ...slack(),
        PORT: String(await freePort()),
        HEALTH_PORT: String(healthPort),
        DATA_DIR: data,
      });
      try {
        await expectServing(healthPort, running);
      } finally {
        await stop(running);
      }
      // The key file was made once, readable by its owner only.
      const files = spawnSync('ls', ['-A', data], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
      const key = files.find((f) => f.endsWith('.key'));
      expect(key, files.join(', ')).toBeDefined();
      expect((await stat(join(data, key!))).mode & 0o777).toBe(0o600);
    });

    it.skipIf(!pgAvailable)(
      'on PostgreSQL, two copies started together migrate once and both serve',
      async () => {
        const schema = freshPostgresSchema('pb_image');
        const keyFile = join(app, 'encryption_key');
        await writeFile(keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
        const ports = [await freePort(), await freePort()];
        const copies = await Promise.all(
          ports.map(async (healthPort, i) =>
            start(app, {
              ...slack(),
              DATABASE_URL: schema.url,
              ENCRYPTION_KEY_FILE: keyFile,
              INSTANCE_ID: `image-${i}`,
              PORT: String(await freePort()),
              HEALTH_PORT: String(healthPort),
            }),
          ),
        );
        try {
          await Promise.all(copies.map((running, i) => expectServing(ports[i]!, running)));
          const db = await openPostgres(schema.url);
          try {
            const rows = await db.prisma.$queryRaw<{ migration_name: string; n: number }[]>`
          SELECT migration_name, count(*)::int AS n FROM _prisma_migrations GROUP BY migration_name`;
            const folders = spawnSync('ls', [join(app, 'prisma', 'migrations')], { encoding: 'utf8' })
              .stdout.split('\n')
              .filter((name) => /^\d/.test(name));
            expect(rows.map((r) => r.migration_name).sort()).toEqual(folders.sort());
            expect(rows.every((r) => r.n === 1)).toBe(true);
          } finally {
            await db.close();
          }
        } finally {
          await Promise.all(copies.map(stop));
          await schema.drop();
        }
      },
    );

    it('the Dockerfile installs and starts it the way this test does', async () => {
      const dockerfile = await readFile(join(repoRoot, 'Dockerfile'), 'utf8');
      const final = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
      expect(final).toContain('npm ci --omit=dev --ignore-scripts');
      expect(final).toContain('COPY prisma ./prisma');
      expect(final).toContain('COPY --from=build /app/dist ./dist');
      expect(final).toMatch(/^USER 1000:1000$/m);
      expect(final).toMatch(/^HEALTHCHECK .*\n.*\/livez/m);
      expect(final).toMatch(/^VOLUME \["\/data"\]$/m);
      expect(final).toMatch(/org\.opencontainers\.image\.title/);
      expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20\.(19|[2-9]\d)[.\w-]*-bookworm/m);
    });
  },
);
