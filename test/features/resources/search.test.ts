// Search quality: the same table of queries, on PGlite and on PostgreSQL, against about 200
// entries. Each query's expected entry is in the top 3; a region filter never lets another
// region's entries through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccess } from '../../../src/access/index.ts';
import { toPlainText } from '../../../src/chat/markup.ts';
import { createFieldCipher, type Database } from '../../../src/db/index.ts';
import type { Category } from '../../../src/features/resources/categories.ts';
import { crisisLinesFor } from '../../../src/features/resources/crisis-lines.ts';
import { findView } from '../../../src/features/resources/find.ts';
import { coverageRank } from '../../../src/features/resources/regions.ts';
import { searchResources } from '../../../src/features/resources/search.ts';
import { ManualClock } from '../../../src/scheduling/index.ts';
import { postgresAvailable } from '../../support/database.ts';
import { fixture, queryTable } from './fixtures/search-fixture.ts';
import { everyone, loadEntries, onPgliteAndPostgres } from './support.ts';

const hasPostgres = await postgresAvailable();

// Someone in the US asking from a channel of no team: what `/peer find` runs with.
const asker = {
  memberId: 'm',
  displayName: 'm',
  workspaceId: 'w',
  viewer: everyone,
  region: 'US',
};
const actor = { platform: 'shell', workspaceId: 'local', userId: 'm', displayName: 'm' } as const;
const findDeps = (db: Database) => ({
  access: createAccess({ prisma: db.prisma, clientFor: () => undefined }),
  prisma: db.prisma,
  cipher: createFieldCipher(Buffer.alloc(32, 1)),
  clock: new ManualClock(new Date()),
  defaultRegion: 'US',
  notifyOutbox: () => {},
});

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

    it.each(['suicide prevention training', 'overdose', 'self-harm', 'crisis text'])(
      '“%s” puts the region’s crisis lines first, before whatever else matched',
      async (words) => {
        const view = await findView(findDeps(db), actor, asker, { words, offset: 0 });
        expect(view.blocks[0]).toEqual({ type: 'header', text: 'Crisis lines for US' });
        const lines = await crisisLinesFor(db.prisma, everyone, 'US');
        expect(lines.length).toBeGreaterThan(3);
        expect(lines.every((row) => row.category === 'crisis-line')).toBe(true);
        // Read as a person reads it: titles are the entries' own words, kept literal in the markup.
        const crisisText = toPlainText((view.blocks[1] as { text: string }).text);
        for (const row of lines) expect(crisisText).toContain(row.title);
        expect(crisisText).not.toContain('Ligne d');
        // For a query that also matches a course, the course comes after the crisis lines.
        const shown = view.blocks.map((b) => ('text' in b ? toPlainText(b.text) : '')).join('\n');
        if (words.includes('training')) {
          expect(shown.indexOf('QPR Suicide Prevention')).toBeGreaterThan(
            shown.indexOf(crisisText.slice(0, 20)),
          );
        }
      },
    );

    it('shows no crisis block for words that are not about a crisis', async () => {
      const view = await findView(findDeps(db), actor, asker, { words: 'grief', offset: 0 });
      expect(JSON.stringify(view.blocks)).not.toContain('Crisis lines for');
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

onPgliteAndPostgres(hasPostgres, searchSuite);
