// compose.yaml and compose.embedded.yaml: read as YAML for what an operator relies on
// (PostgreSQL 16 with a pg_isready health check the app waits for, secrets only from the
// uncommitted .env, an optional second replica, the embedded file on its own volume), then
// checked by `docker-compose config` itself (the Debian package; .ci/run installs it), in a
// scratch folder with an .env made from deploy/compose/env.example.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SECRET_SETTINGS } from '../../src/config.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
type Json = Record<string, unknown>;
type Service = Json & { environment?: Record<string, string>; depends_on?: Json; env_file?: string };

const read = async (file: string) =>
  parse(await readFile(join(repoRoot, file), 'utf8'), { merge: true }) as {
    services: Record<string, Service>;
    volumes?: Json;
  };
const dockerCompose = spawnSync('docker-compose', ['version'], { encoding: 'utf8' });
const haveDockerCompose = dockerCompose.status === 0;

describe('compose files', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'pb-compose-'));
    for (const file of ['compose.yaml', 'compose.embedded.yaml'])
      await copyFile(join(repoRoot, file), join(scratch, file));
    const example = await readFile(join(repoRoot, 'deploy', 'compose', 'env.example'), 'utf8');
    await writeFile(
      join(scratch, '.env'),
      example.replace(/^POSTGRES_PASSWORD=$/m, 'POSTGRES_PASSWORD=example-only'),
    );
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it('runs PeerBridge on PostgreSQL 16, starting only once pg_isready says it is healthy', async () => {
    const { services } = await read('compose.yaml');
    const postgres = services.postgres!;
    expect(postgres.image).toMatch(/^postgres:16\b/);
    expect(JSON.stringify((postgres.healthcheck as Json).test)).toContain('pg_isready');
    for (const name of ['peerbridge', 'peerbridge-2']) {
      expect(services[name]!.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
      expect(services[name]!.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.*@postgres:5432\//);
    }
    // The second replica is there only when asked for.
    expect(services['peerbridge-2']!.profiles).toEqual(['two']);
    expect(services.peerbridge!.profiles).toBeUndefined();
  });

  it('takes secrets from the uncommitted .env only: no secret value is written in either file', async () => {
    const gitignore = await readFile(join(repoRoot, '.gitignore'), 'utf8');
    expect(gitignore.split('\n')).toContain('.env');
    for (const file of ['compose.yaml', 'compose.embedded.yaml']) {
      const { services } = await read(file);
      for (const service of Object.values(services)) {
        if (service.image === undefined || String(service.image).startsWith('peerbridge'))
          expect(service.env_file).toBe('.env');
        for (const [name, value] of Object.entries(service.environment ?? {})) {
          if ((SECRET_SETTINGS as readonly string[]).includes(name) || /PASSWORD/.test(name))
            expect(value, `${file}: ${name}`).not.toMatch(/^[^$]*$/);
        }
      }
    }
  });

  it('the embedded file runs one PeerBridge on its own volume, nothing else', async () => {
    const { services, volumes } = await read('compose.embedded.yaml');
    expect(Object.keys(services)).toEqual(['peerbridge']);
    expect(services.peerbridge!.environment?.DATA_DIR).toBe('/data');
    expect(services.peerbridge!.volumes).toEqual(['data:/data']);
    expect(Object.keys(volumes ?? {})).toEqual(['data']);
  });

  it.skipIf(!haveDockerCompose)(
    '`docker-compose config` accepts both files and the two-replica profile',
    () => {
      const run = (...args: string[]) =>
        spawnSync('docker-compose', args, { cwd: scratch, encoding: 'utf8' });
      const full = run('-f', 'compose.yaml', '--profile', 'two', 'config', '--services');
      expect(full.status, full.stderr).toBe(0);
      expect(full.stdout.split('\n').filter(Boolean).sort()).toEqual([
        'peerbridge',
        'peerbridge-2',
        'postgres',
      ]);
      const plain = run('-f', 'compose.yaml', 'config');
      expect(plain.status, plain.stderr).toBe(0);
      expect(plain.stdout).toContain('postgres://peerbridge:example-only@postgres:5432/peerbridge');
      const embedded = run('-f', 'compose.embedded.yaml', 'config', '--services');
      expect(embedded.status, embedded.stderr).toBe(0);
      expect(embedded.stdout.trim()).toBe('peerbridge');
    },
  );
  if (!haveDockerCompose)
    console.info(
      'compose.test: docker-compose is not installed (apt-get install docker-compose); its own check is skipped',
    );
});
