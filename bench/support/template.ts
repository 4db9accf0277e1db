// One migrated embedded database per bench run; every benchmark that wants an existing
// embedded database opens a copy (support/databases.ts), as a restart would find it.
import { migrate, openDatabase } from '../../src/db/index.ts';
import { newDataDir } from './databases.ts';

export async function embeddedTemplate(): Promise<string> {
  const dataDir = await newDataDir();
  const db = await openDatabase({ kind: 'pglite-dir', dataDir });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  return dataDir;
}
