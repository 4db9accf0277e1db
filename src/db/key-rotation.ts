// `npm run keys:rotate`: re-encrypts every envelope that was not made with the current key or
// is of an older envelope version (not bound to its row, field-crypto.ts), in batches, each
// batch its own transaction. Resumable by construction: it looks for envelopes whose key id or
// version is not the current one, so a run stopped half-way (a crash, a deploy) continues
// where it was on the next run, and a finished run finds nothing to do.
// Each row is written with a compare-and-set on its old envelope, so an app replica changing
// the same row meanwhile wins and nothing is overwritten with stale text.
// An empty value is no envelope (the daily prune clears sent outbox payloads to ''): it is
// passed over, never counted unreadable, or a pruned database could never finish a rotation.
import type { PrismaClient } from './connect.ts';
import { ENVELOPE_VERSION } from './field-crypto.ts';
import type { KeyRing } from './key-ring.ts';

export interface EncryptedColumn {
  readonly table: string;
  readonly column: string;
  /** Other columns than `id` the associated data needs (the outbox binds its key and recipient). */
  readonly bindColumns?: readonly string[];
  /**
   * The associated data the envelope is made with, for this row: the field's context and the
   * row binding, exactly as the code that writes the column gives them (a test decrypts every
   * column the features wrote through this table).
   */
  bind(row: Readonly<Record<string, unknown>>): { readonly context: string; readonly row: string };
  /** Extra SQL condition, when not every non-null value is an envelope. */
  readonly where?: string;
}

/** Bound to the row's own id (a trigger flag: its id is made before its note is encrypted). */
const byId = (table: string, column: string, context: string): EncryptedColumn => ({
  table,
  column,
  bind: (row) => ({ context, row: String(row.id) }),
});

/** A check-in answer: one a member and round (its unique key), checkins/answers.ts. */
const byAnswer = (column: string, context: string): EncryptedColumn => ({
  table: 'CheckinAnswer',
  column,
  bindColumns: ['roundId', 'memberId'],
  bind: (row) => ({ context, row: `${String(row.roundId)}:${String(row.memberId)}` }),
});

/** A wellness plan: one a member (its unique key), plans/plan-store.ts. */
const byPlanOwner = (column: string): EncryptedColumn => ({
  table: 'WellnessPlan',
  column,
  bindColumns: ['memberId'],
  bind: (row) => ({ context: `WellnessPlan.${column}`, row: String(row.memberId) }),
});

/**
 * Every encrypted column, in ONE place: add a row here with every new `...Enc` column (a
 * feature's) and with every change of what its associated data binds. A test fails when a
 * column ending in `Enc` in the schema has no row here.
 */
export const encryptedColumns: readonly EncryptedColumn[] = [
  // outbox-payload.ts: private payloads only (the others are plain JSON), bound to their row.
  {
    table: 'OutboxMessage',
    column: 'payload',
    bindColumns: ['idempotencyKey', 'target', 'recipientId'],
    bind: (row) => ({
      context: 'OutboxMessage.payload',
      row: `${String(row.idempotencyKey)}\u0000${String(row.target)}:${String(row.recipientId)}`,
    }),
    where: '"isPrivate" = true',
  },
  byAnswer('privateNoteEnc', 'CheckinAnswer.privateNote'),
  byAnswer('itemsEnc', 'CheckinAnswer.items'),
  byId('TriggerFlag', 'noteEnc', 'TriggerFlag.note'),
  byId('TriggerFlag', 'followUpEnc', 'TriggerFlag.followUp'),
  byId('PlanShare', 'textEnc', 'PlanShare.text'),
  ...[
    'dailyMaintenanceEnc',
    'triggersEnc',
    'earlyWarningSignsEnc',
    'breakingDownEnc',
    'supportPeopleEnc',
    'crisisPlanEnc',
    'postCrisisEnc',
  ].map(byPlanOwner),
];

export interface ColumnCounts {
  rotated: number;
  /** Changed by someone else between read and write; the next run looks again. */
  changedMeanwhile: number;
  /** Could not be decrypted with any configured key (wrong key, damaged): left as they are. */
  failed: number;
}

export interface RotationOptions {
  readonly batchSize?: number;
  /** Stop after this many batches in total (tests use it to stop half-way). */
  readonly maxBatches?: number;
  readonly columns?: readonly EncryptedColumn[];
  readonly onBatch?: (column: string, counts: Readonly<ColumnCounts>) => void;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function rotateKeys(
  prisma: PrismaClient,
  ring: KeyRing,
  options: RotationOptions = {},
): Promise<{ complete: boolean; counts: Record<string, ColumnCounts> }> {
  const batchSize = options.batchSize ?? 200;
  let batchesLeft = options.maxBatches ?? Number.POSITIVE_INFINITY;
  const counts: Record<string, ColumnCounts> = {};
  for (const spec of options.columns ?? encryptedColumns) {
    const name = `${spec.table}.${spec.column}`;
    const tally: ColumnCounts = { rotated: 0, changedMeanwhile: 0, failed: 0 };
    counts[name] = tally;
    const table = quote(spec.table);
    const column = quote(spec.column);
    const extra = (spec.bindColumns ?? []).map((c) => `, ${quote(c)}`).join('');
    const select = `SELECT id, ${column} AS value${extra} FROM ${table}
      WHERE ${column} IS NOT NULL AND ${column} <> '' AND id > $2
        AND (split_part(${column}, ':', 2) <> $1 OR split_part(${column}, ':', 1) <> $4)
      ${spec.where ? `AND ${spec.where}` : ''} ORDER BY id LIMIT $3`;
    const update = `UPDATE ${table} SET ${column} = $1 WHERE id = $2 AND ${column} = $3`;
    let after = '';
    for (;;) {
      if (batchesLeft <= 0) return { complete: false, counts };
      const rows = await prisma.$queryRawUnsafe<({ id: string; value: string } & Record<string, unknown>)[]>(
        select,
        ring.keyId,
        after,
        batchSize,
        ENVELOPE_VERSION,
      );
      if (rows.length === 0) break;
      batchesLeft--;
      await prisma.$transaction(async (tx) => {
        for (const row of rows) {
          let fresh: string;
          try {
            const { context, row: binding } = spec.bind(row);
            fresh = ring.encrypt(ring.decrypt(row.value, context, binding), context, binding);
          } catch {
            tally.failed++;
            continue;
          }
          const written = await tx.$executeRawUnsafe(update, fresh, row.id, row.value);
          if (written === 1) tally.rotated++;
          else tally.changedMeanwhile++;
        }
      });
      after = rows.at(-1)!.id;
      options.onBatch?.(name, tally);
    }
  }
  return { complete: true, counts };
}
