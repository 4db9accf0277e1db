// The store: resource rows <-> records, writes that change nothing when nothing changed (so a
// second import is a no-op), and who may see what (install-wide, workspace, team).
import { createHash } from 'node:crypto';
import type { Db, PrismaClient } from '../../db/index.ts';
import type { DbClient } from '../../scheduling/index.ts';
import { type Contact, ContactSchema, type ResourceRecord, ResourceRecordSchema } from './record.ts';

export type ResourceRow = Db.Resource;

/** Where an entry lives. Both null: shared by every workspace of this install. */
export interface Scope {
  readonly workspaceId: string | null;
  readonly teamId: string | null;
}

export const sharedScope: Scope = { workspaceId: null, teamId: null };

/** Whom a search serves: their workspace and the teams whose own entries they may see. */
export interface Viewer {
  readonly workspaceId: string | null;
  readonly teamIds: readonly string[];
}

/** A shared (install-wide) row: only the operator changes it (seed file, `npm run resources`). */
export const isShared = (row: { workspaceId: string | null; teamId: string | null }): boolean =>
  row.workspaceId === null && row.teamId === null;

/**
 * The id of a workspace's copy of a shared entry: stable (so two edits at once meet on one row),
 * a valid record id (so the copy's edit form validates), never the shared id itself.
 */
export function copyIdFor(sharedId: string, workspaceId: string): string {
  const tag = createHash('sha256').update(workspaceId).digest('hex').slice(0, 10);
  return `${sharedId.slice(0, 52)}.w${tag}`;
}

/**
 * What a viewer sees: shared entries their workspace has not replaced with its own copy (a
 * retired copy still hides the shared entry: that is how a workspace retires one), the
 * workspace's own entries and copies, and their teams' own entries.
 */
export function visibleTo(viewer: Viewer): Db.Prisma.ResourceWhereInput {
  return {
    archivedAt: null,
    OR: [
      {
        workspaceId: null,
        teamId: null,
        ...(viewer.workspaceId ? { copies: { none: { workspaceId: viewer.workspaceId } } } : {}),
      },
      ...(viewer.workspaceId ? [{ workspaceId: viewer.workspaceId, teamId: null }] : []),
      ...(viewer.teamIds.length > 0 ? [{ teamId: { in: [...viewer.teamIds] } }] : []),
    ],
  };
}

const dateOnly = (date: Date | null): string | undefined => date?.toISOString().slice(0, 10);

function contactsOf(json: unknown): Contact[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((item) => {
    const parsed = ContactSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export function rowToRecord(row: ResourceRow): ResourceRecord {
  const extras =
    typeof row.extras === 'object' && row.extras !== null && !Array.isArray(row.extras) ? row.extras : {};
  return ResourceRecordSchema.parse({
    id: row.id,
    title: row.title,
    category: row.category,
    organizationName: row.organizationName ?? undefined,
    summary: row.summary,
    status: row.status,
    regions: row.regions,
    city: row.city ?? undefined,
    contacts: contactsOf(row.contacts),
    hours: row.hours ?? undefined,
    languages: row.languages,
    tags: row.tags,
    cost: row.cost ?? undefined,
    source: row.source ?? undefined,
    verifiedOn: dateOnly(row.verifiedOn),
    verifiedBy: row.verifiedBy ?? undefined,
    extras,
  });
}

export function recordData(record: ResourceRecord) {
  return {
    title: record.title,
    category: record.category,
    organizationName: record.organizationName ?? null,
    summary: record.summary,
    status: record.status,
    regions: record.regions,
    city: record.city ?? null,
    contacts: record.contacts.map((c) => ({
      kind: c.kind,
      value: c.value,
      ...(c.note ? { note: c.note } : {}),
    })),
    hours: record.hours ?? null,
    languages: record.languages,
    tags: record.tags,
    cost: record.cost ?? null,
    source: record.source ?? null,
    verifiedOn: record.verifiedOn ? new Date(`${record.verifiedOn}T00:00:00Z`) : null,
    verifiedBy: record.verifiedBy ?? null,
    extras: record.extras as Db.Prisma.InputJsonObject,
  };
}

/** JSON with sorted keys: two records are the same entry exactly when these are equal. */
export function canonical(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v)
          .filter(([, inner]) => inner !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, inner]) => [k, sort(inner)]),
      );
    }
    return v;
  };
  return JSON.stringify(sort(value));
}

export interface WriteCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Entries an admin edited in chat, which a seed load leaves alone. */
  keptEdited: number;
}

export interface WriteOptions {
  readonly scope: Scope;
  readonly origin: 'seed' | 'import' | 'admin' | 'suggestion';
  /** Leave alone rows an admin changed in chat (counted as keptEdited). */
  readonly keepEdited: boolean;
  /** A change made in chat: when, and by whom (shown with the entry). */
  readonly editedAt?: Date;
  readonly editedBy?: string;
  /**
   * A workspace's import: a record naming a shared entry is written to this workspace's copy of
   * it (made when the record differs), never to the shared row.
   */
  readonly copySharedFor?: string;
}

/**
 * Records that name a shared entry, re-aimed at the workspace's copy of it: its existing copy,
 * or a new one when the record says something the shared entry does not. Returns the records to
 * write, which new ids are copies of what, and how many matched their shared entry unchanged.
 */
async function aimAtCopies(tx: DbClient, records: readonly ResourceRecord[], workspaceId: string) {
  const ids = records.map((r) => r.id);
  const shared = new Map(
    (await tx.resource.findMany({ where: { id: { in: ids }, workspaceId: null, teamId: null } })).map(
      (row) => [row.id, row],
    ),
  );
  const copies = new Map(
    (
      await tx.resource.findMany({
        where: { workspaceId, replacesId: { in: [...shared.keys()] } },
        select: { id: true, replacesId: true },
      })
    ).map((row) => [row.replacesId, row.id]),
  );
  const out: ResourceRecord[] = [];
  const replaces = new Map<string, string>();
  let sameAsShared = 0;
  for (const record of records) {
    const row = shared.get(record.id);
    if (!row) {
      out.push(record);
      continue;
    }
    const copyId = copies.get(record.id);
    if (!copyId && row.archivedAt === null && canonical(rowToRecord(row)) === canonical(record)) {
      sameAsShared++;
      continue;
    }
    const id = copyId ?? copyIdFor(record.id, workspaceId);
    replaces.set(id, record.id);
    out.push({ ...record, id });
  }
  return { records: out, replaces, sameAsShared };
}

/**
 * Writes each record: new ids are added, changed ones updated, identical ones left untouched
 * (their updatedAt too), so importing the same file twice changes nothing the second time.
 * Call inside a transaction; ids owned by another scope must have been refused before.
 */
export async function writeRecords(
  tx: DbClient,
  given: readonly ResourceRecord[],
  options: WriteOptions,
): Promise<WriteCounts> {
  const counts: WriteCounts = { added: 0, updated: 0, unchanged: 0, keptEdited: 0 };
  let records = given;
  let replaces = new Map<string, string>();
  if (options.copySharedFor) {
    const aimed = await aimAtCopies(tx, records, options.copySharedFor);
    records = aimed.records;
    replaces = aimed.replaces;
    counts.unchanged += aimed.sameAsShared;
  }
  const existing = new Map(
    (await tx.resource.findMany({ where: { id: { in: records.map((r) => r.id) } } })).map((row) => [
      row.id,
      row,
    ]),
  );
  const fresh: ResourceRecord[] = [];
  for (const record of records) {
    const row = existing.get(record.id);
    if (!row) {
      fresh.push(record);
      continue;
    }
    if (options.keepEdited && row.editedAt) {
      counts.keptEdited++;
      continue;
    }
    if (canonical(rowToRecord(row)) === canonical(record) && row.archivedAt === null) {
      counts.unchanged++;
      continue;
    }
    await tx.resource.update({
      where: { id: record.id },
      data: {
        ...recordData(record),
        archivedAt: null,
        // A change from a file or the seed is no one's edit in chat: the entry says so no longer.
        ...(options.editedAt
          ? { editedAt: options.editedAt, editedBy: options.editedBy ?? null }
          : { editedAt: null, editedBy: null }),
      },
    });
    counts.updated++;
  }
  if (fresh.length > 0) {
    const made = await tx.resource.createMany({
      data: fresh.map((record) => ({
        id: record.id,
        ...recordData(record),
        workspaceId: options.scope.workspaceId,
        teamId: options.scope.teamId,
        origin: options.origin,
        editedAt: options.editedAt ?? null,
        editedBy: options.editedAt ? (options.editedBy ?? null) : null,
        replacesId: replaces.get(record.id) ?? null,
      })),
      skipDuplicates: true,
    });
    counts.added += made.count;
  }
  return counts;
}

/** Ids among `ids` that already belong to another scope (a workspace cannot take them over). */
export async function idsOwnedElsewhere(
  prisma: DbClient | PrismaClient,
  ids: readonly string[],
  scope: Scope,
  installWideAllowed = false,
): Promise<Set<string>> {
  const rows = await prisma.resource.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, workspaceId: true, teamId: true },
  });
  return new Set(
    rows
      .filter((r) => !(installWideAllowed && r.workspaceId === null && r.teamId === null))
      .filter((r) => r.workspaceId !== scope.workspaceId || r.teamId !== scope.teamId)
      .map((r) => r.id),
  );
}
