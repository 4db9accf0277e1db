// Start-up asks, before anything reads private text: can this key open this database's
// envelopes? Each envelope names its key's fingerprint, so the newest envelope of each
// encrypted column says which key the running app last wrote with. When there are envelopes
// and none of those newest ones was made with a key of the ring, the key is the wrong one (a
// key file left behind by a rotation, a restored folder without its key): start-up stops with
// a sentence saying so, instead of answering every private read with "something went wrong".
import type { PrismaClient } from './connect.ts';
import { envelopeKeyId, type KeyRing } from './key-ring.ts';
import { type EncryptedColumn, encryptedColumns } from './key-rotation.ts';

export class KeyDoesNotFitError extends Error {
  constructor(
    readonly found: readonly string[],
    readonly configured: readonly string[],
  ) {
    super(
      `The encryption key cannot open this database's private text: it was written with key ${found.join(', ')}, ` +
        `and the key given is ${configured.join(', ')}. Set ENCRYPTION_KEY (or restore DATA_DIR/encryption.key) ` +
        'to the key this database was written with, then start again. Nothing was read or changed.',
    );
    this.name = 'KeyDoesNotFitError';
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function newestKeyId(prisma: PrismaClient, spec: EncryptedColumn): Promise<string | undefined> {
  const column = quote(spec.column);
  const rows = await prisma.$queryRawUnsafe<{ value: string }[]>(
    `SELECT ${column} AS value FROM ${quote(spec.table)}
      WHERE ${column} IS NOT NULL AND ${column} <> '' ${spec.where ? `AND ${spec.where}` : ''}
      ORDER BY id DESC LIMIT 1`,
  );
  const value = rows[0]?.value;
  return value === undefined ? undefined : envelopeKeyId(value);
}

/** Throws KeyDoesNotFitError when the database holds envelopes and the ring opens none of the newest. */
export async function assertKeyFits(
  prisma: PrismaClient,
  ring: Pick<KeyRing, 'keyIds'>,
  columns: readonly EncryptedColumn[] = encryptedColumns,
): Promise<void> {
  const found = new Set<string>();
  for (const spec of columns) {
    const id = await newestKeyId(prisma, spec);
    if (id === undefined) continue;
    if (ring.keyIds.includes(id)) return;
    found.add(id);
  }
  if (found.size > 0) throw new KeyDoesNotFitError([...found], ring.keyIds);
}
