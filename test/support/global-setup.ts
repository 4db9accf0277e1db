// Migrate once, clone per test file: a new PGlite takes seconds to create and migrate, a clone
// of a dumped, migrated data folder well under one. The dump goes to a temp file whose path
// is handed to every test file through vitest's `provide`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/db/index.ts';
import { createPglite, databaseOnPglite } from '../../src/db/pglite.ts';
import { reachable } from './database.ts';
import { migrateTemplateSchema } from './postgres-template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'peerbridge-test-'));
  // The PostgreSQL template (test/support/postgres-template.ts) migrates in a child process
  // meanwhile. No server: no template; the PostgreSQL suites skip, or fail loudly on CI.
  const postgres = (await reachable('127.0.0.1', 5432)) ? migrateTemplateSchema() : undefined;
  const db = databaseOnPglite(await createPglite());
  await migrate(db);
  const dump = await db.pglite!.dumpDataDir('none');
  const path = join(dir, 'template.tar');
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  await db.close();
  project.provide('pgliteTemplatePath', path);
  const template = await postgres;
  project.provide('postgresTemplateSchema', template?.schema ?? '');
  return async () => {
    await rm(dir, { recursive: true, force: true });
    await template?.drop();
  };
}
