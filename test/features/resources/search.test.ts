// Search quality: the same table of queries, on PGlite and on PostgreSQL, against about 200
// entries. Each query's expected entry is in the top 3; a region filter never lets another
// region's entries through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import type { Category } from '../../../src/features/resources/categories.ts';
import { coverageRank } from '../../../src/features/resources/regions.ts';
import { searchResources } from '../../../src/features/resources/search.ts';
import { clonedDatabase, postgresAvailable } from '../../support/database.ts';
import { fixture, queryTable } from './fixtures/search-fixture.ts';
import { everyone, loadEntries, migratedPostgres } from './support.ts';

const hasPostgres = await postgresAvailable();

function searchSuite(name: string, open: () => Promise<{ db: Database; close(): Promise<void> }>) {
  describe(`resource search on ${name}`, () => {
    let db: Database;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ db, close } = await open());
      const counts = await loadEntries(db, fixture);
      expect(counts.added).toBe(fixture.length);
    });
    afterAll(async () => close?.());

    it('holds at least 200 entries and a table of at least 25 queries', () => {
      expect(fixture.length).toBeGreaterThanOrEqual(200);
      expect(queryTable.length).toBeGreaterThanOrEqual(25);
    });

    it.each(queryTable)('“$q” finds $expect in the top 3', async ({ q, expect: id, category, region }) => {
      const found = await searchResources(db.prisma, {
        words: q,
        viewer: everyone,
        limit: 3,
        ...(category ? { category: category as Category } : {}),
        ...(region ? { region } : {}),
      });
      expect(found.items.map((row) => row.id)).toContain(id);
      if (region) {
        for (const row of found.items) expect(coverageRank(row.regions, region), row.id).toBeDefined();
      }
    });

    it('a region filter keeps out every other region, even for words that match them', async () => {
      const found = await searchResources(db.prisma, {
        words: 'peer warmline',
        viewer: everyone,
        limit: 50,
        region: 'US-TX',
      });
      const ids = found.items.map((row) => row.id);
      expect(ids).toContain('us-tx-peer-warmline');
      expect(ids).not.toContain('us-ca-peer-warmline');
      expect(
        found.items.every(
          (row) => row.regions.length === 0 || row.regions.some((r) => r === 'US' || r === 'US-TX'),
        ),
      ).toBe(true);
    });

    it('says which words it searched for after correcting a typo', async () => {
      const found = await searchResources(db.prisma, { words: 'supprt group', viewer: everyone, limit: 3 });
      expect(found.correctedTo).toBe('support group');
    });

    it('finds nothing for words that match nothing, rather than everything', async () => {
      const found = await searchResources(db.prisma, {
        words: 'xylophone quasar',
        viewer: everyone,
        limit: 3,
      });
      expect(found.items).toEqual([]);
    });
  });
}

searchSuite('PGlite', async () => {
  const db = await clonedDatabase();
  return { db, close: () => db.close() };
});

describe.runIf(hasPostgres)('on PostgreSQL', () => {
  searchSuite('PostgreSQL', async () => {
    const { db, schema } = await migratedPostgres();
    return {
      db,
      async close() {
        await db.close();
        await schema.drop();
      },
    };
  });
});
