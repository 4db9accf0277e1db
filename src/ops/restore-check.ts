// What a restored embedded database must show before it replaces the current one: it is a
// PeerBridge database (migrations recorded, so not an empty folder a damaged dump left), the
// migrations of this code apply, and the configured key reads its private text (one envelope
// decrypts, when it holds any).
import type { PGlite } from '@electric-sql/pglite';
import { type Database, encryptedColumns, type KeyRing, migrate } from '../db/index.ts';
import type { EncryptedColumn } from '../db/key-rotation.ts';
import { createPglite, databaseOnPglite } from '../db/pglite.ts';
import { restore } from './backup.ts';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function recordedMigrations(db: Database): Promise<number> {
  const [table] = await db.prisma.$queryRaw<{ name: string | null }[]>`
    SELECT to_regclass('_prisma_migrations')::text AS name`;
  if (!table?.name) return 0;
  const [row] = await db.prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
  return row?.count ?? 0;
}

async function newestEnvelope(db: Database, spec: EncryptedColumn) {
  const column = quote(spec.column);
  const extra = (spec.bindColumns ?? []).map((c) => `, ${quote(c)}`).join('');
  const rows = await db.prisma.$queryRawUnsafe<({ id: string; value: string } & Record<string, unknown>)[]>(
    `SELECT id, ${column} AS value${extra} FROM ${quote(spec.table)}
      WHERE ${column} IS NOT NULL AND ${column} <> '' ${spec.where ? `AND ${spec.where}` : ''}
      ORDER BY id DESC LIMIT 1`,
  );
  return rows[0];
}

/** Throws, saying what is wrong, unless `db` is a PeerBridge database this code and `ring` can run. */
export async function checkRestored(
  db: Database,
  ring: KeyRing,
  columns: readonly EncryptedColumn[] = encryptedColumns,
): Promise<void> {
  if ((await recordedMigrations(db)) === 0) {
    throw new Error(
      'it holds no PeerBridge database (no migration is recorded in it): it is empty or damaged',
    );
  }
  try {
    await migrate(db);
  } catch (error) {
    throw new Error(`its migrations do not apply (${(error as Error).message.split('\n')[0]})`);
  }
  let tried = 0;
  for (const spec of columns) {
    const row = await newestEnvelope(db, spec);
    if (!row) continue;
    tried++;
    try {
      const { context, row: binding } = spec.bind(row);
      ring.decrypt(row.value, context, binding);
      return;
    } catch {
      // A damaged envelope, or another key: the next column may still read.
    }
  }
  if (tried > 0) {
    throw new Error(
      `the configured key (${ring.keyIds.join(', ')}) reads none of its private text: it was written with another key, or it is damaged`,
    );
  }
}

/** `npm run restore`: restores `file` into `dataDir` through the checks above. */
export function restoreChecked(
  dataDir: string,
  file: string,
  ring: KeyRing,
  options: { readonly force?: boolean; readonly now?: Date } = {},
) {
  return restore(dataDir, file, (folder, dump) => createPglite(folder, { loadDataDir: dump }), {
    ...options,
    async check(pglite: PGlite) {
      const db = databaseOnPglite(pglite);
      try {
        await checkRestored(db, ring);
      } finally {
        await db.close();
      }
    },
  });
}
