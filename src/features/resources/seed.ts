// The starting set (seed/resources-seed.yaml): national crisis lines of several countries and
// peer-support references. Loaded on every start and idempotent: new entries are added,
// changed ones updated. Chat never changes these rows (workspaces edit their own copies), so
// the file is the truth for the shared set.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import type { PrismaClient } from '../../db/index.ts';
import { type ResourceRecord, ResourceRecordSchema, reasonsOf } from './record.ts';
import { sharedScope, type WriteCounts, writeRecords } from './store.ts';

export const defaultSeedPath = join(dirname(fileURLToPath(import.meta.url)), 'seed', 'resources-seed.yaml');

const CoverageSchema = z
  .object({
    country: z.string().optional(),
    subdivision: z.string().optional(),
    also: z.array(z.string()).default([]),
    international: z.boolean().optional(),
  })
  .default({ also: [] });

const SeedEntrySchema = z
  .looseObject({ id: z.unknown(), coverage: CoverageSchema, verifiedOn: z.unknown() })
  .transform(({ coverage, verifiedOn, ...rest }) => {
    const main = coverage.country
      ? coverage.subdivision
        ? `${coverage.country}-${coverage.subdivision}`
        : coverage.country
      : undefined;
    // YAML reads 2026-11-23 as a date; the record wants the text.
    const verified = verifiedOn instanceof Date ? verifiedOn.toISOString().slice(0, 10) : verifiedOn;
    return { ...rest, regions: [...(main ? [main] : []), ...coverage.also], verifiedOn: verified };
  });

const SeedFileSchema = z.object({ resources: z.array(z.unknown()) });

export function parseSeed(text: string): ResourceRecord[] {
  const file = SeedFileSchema.parse(parse(text));
  return file.resources.map((entry, index) => {
    const shaped = SeedEntrySchema.safeParse(entry);
    const parsed = ResourceRecordSchema.safeParse(shaped.success ? shaped.data : entry);
    if (!parsed.success) throw new Error(`Seed entry ${index + 1} is not valid: ${reasonsOf(parsed.error)}`);
    return parsed.data;
  });
}

// The file ships with the code, so a process reads and checks it once: a bot starts once, but
// the test suite starts the app hundreds of times in one worker, and parsing and checking the
// file is a fifth of a start. A file that fails to load is read again next time.
const seedsByPath = new Map<string, Promise<readonly ResourceRecord[]>>();
function seedRecords(path: string): Promise<readonly ResourceRecord[]> {
  let records = seedsByPath.get(path);
  if (!records) {
    records = readFile(path, 'utf8').then(parseSeed);
    seedsByPath.set(path, records);
    records.catch(() => seedsByPath.delete(path));
  }
  return records;
}

/** Loads the starting set into the install-wide store; safe to call on every start. */
export async function loadSeed(prisma: PrismaClient, path: string = defaultSeedPath): Promise<WriteCounts> {
  const records = await seedRecords(path);
  return prisma.$transaction((tx) =>
    // The shared set is the operator's: chat changes go to workspace copies, never here. A shared
    // row changed from chat before that rule (or by hand in the database) is restored.
    writeRecords(tx, records, { scope: sharedScope, origin: 'seed', keepEdited: false }),
  );
}
