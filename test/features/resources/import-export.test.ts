// Import and export: a bad CSV is refused whole with a report naming each bad row; with
// --good-rows-only only the good rows land; HSDS JSON and the HSDS CSV data package round-trip
// with no difference; a second import of the same file changes nothing. Driven through the
// CLI entry (`npm run resources -- …`) in-process, on real databases.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { runResourcesCli } from '../../../src/features/resources/cli.ts';
import { importFile } from '../../../src/features/resources/formats/import.ts';
import { writeZip } from '../../../src/features/resources/formats/zip.ts';
import { loadSeed } from '../../../src/features/resources/index.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { badCsv } from './fixtures/bad-import.ts';

let dir: string;
let first: Database;
let second: Database;
/** A third store, for "import into an empty store". */
let third: Database;

beforeAll(async () => {
  [first, second, third] = await Promise.all([clonedDatabase(), clonedDatabase(), clonedDatabase()]);
});
// Each test's world: three empty stores and a folder of its own; a test that needs what an
// earlier step made (the good rows imported, the HSDS exports) makes it with the helpers below.
beforeEach(async () => {
  await Promise.all([emptyDatabase(first), emptyDatabase(second), emptyDatabase(third)]);
  dir = await mkdtemp(join(tmpdir(), 'pb-resources-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterAll(async () => {
  await Promise.all([first?.close(), second?.close(), third?.close()]);
});

function console_() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { log: (line: string) => out.push(line), error: (line: string) => err.push(line) } };
}

/** The starting set in the first store, then the bad CSV's two good rows imported with --good-rows-only. */
async function goodRowsImported(): Promise<string> {
  const path = join(dir, 'bad.csv');
  await writeFile(path, badCsv);
  await loadSeed(first.prisma);
  expect(await runResourcesCli(first.prisma, ['import', path, '--good-rows-only'], console_().io)).toBe(0);
  return path;
}

/**
 * The first store (starting set, the CSV's good rows, a foreign HSDS service) exported as
 * one.json, imported into the second store, and that exported as two.json.
 */
async function hsdsExports(): Promise<void> {
  await goodRowsImported();
  const { io } = console_();
  const foreign = join(dir, 'foreign.json');
  await writeFile(foreign, JSON.stringify([foreignService]));
  expect(await runResourcesCli(first.prisma, ['import', foreign], io)).toBe(0);
  expect(await runResourcesCli(first.prisma, ['export', join(dir, 'one.json')], io)).toBe(0);
  expect(await runResourcesCli(second.prisma, ['import', join(dir, 'one.json')], io)).toBe(0);
  expect(await runResourcesCli(second.prisma, ['export', join(dir, 'two.json')], io)).toBe(0);
}

describe('importing the simple CSV', () => {
  it('refuses the whole file when rows are bad, names each bad row, and changes nothing', async () => {
    const path = join(dir, 'bad.csv');
    await writeFile(path, badCsv);
    // A store with entries in it (the starting set), so "unchanged" means something.
    await loadSeed(first.prisma);
    const snapshot = () => first.prisma.resource.findMany({ orderBy: { id: 'asc' } });
    const before = await snapshot();
    expect(before.length).toBeGreaterThan(0);
    const { out, io } = console_();

    const code = await runResourcesCli(first.prisma, ['import', path], io);

    expect(code).toBe(1);
    const report = out.join('\n');
    expect(report).toContain('4 row(s) need a change');
    expect(report).toMatch(/line 3 \(id no-name\): the name is missing/);
    expect(report).toMatch(/line 4 \(id bad-phone\): 'call us anytime' is not a phone number/);
    expect(report).toMatch(/line 5 \(id odd-category\): 'astrology' is not a category I know/);
    expect(report).toMatch(/line 7 \(id tx-warmline\): the id 'tx-warmline' is already used by line 2/);
    expect(report).toContain('Nothing was imported: the store is unchanged');
    expect(await snapshot()).toEqual(before);
  });

  it('with --good-rows-only imports only the good rows', async () => {
    const path = join(dir, 'bad.csv');
    await writeFile(path, badCsv);
    await loadSeed(first.prisma);
    const { out, io } = console_();

    const code = await runResourcesCli(first.prisma, ['import', path, '--good-rows-only'], io);

    expect(code).toBe(0);
    expect(out.join('\n')).toContain('Imported: 2 added, 0 updated, 0 unchanged.');
    const ids = (
      await first.prisma.resource.findMany({ where: { origin: 'import' }, orderBy: { id: 'asc' } })
    ).map((r) => r.id);
    expect(ids).toEqual(['gb-listening', 'tx-warmline']);
    const warmline = await first.prisma.resource.findUniqueOrThrow({ where: { id: 'tx-warmline' } });
    expect(warmline).toMatchObject({
      title: 'Texas Peer Warmline',
      regions: ['US-TX'],
      countries: ['US'],
      languages: ['en', 'es'],
      tags: ['warmline', 'peer support'],
      hours: 'daily 4pm-10pm',
      verifiedBy: 'Sam',
    });
    expect(warmline.contacts).toEqual([{ kind: 'phone', value: '(512) 555-0100' }]);
  });

  it('a second import of the same file changes nothing', async () => {
    const path = await goodRowsImported();
    const before = await first.prisma.resource.findUniqueOrThrow({ where: { id: 'tx-warmline' } });
    const report = await importFile(first.prisma, path, { goodRowsOnly: true });
    expect(report.written).toEqual({ added: 0, updated: 0, unchanged: 2, keptEdited: 0 });
    const after = await first.prisma.resource.findUniqueOrThrow({ where: { id: 'tx-warmline' } });
    expect(after.updatedAt).toEqual(before.updatedAt);
  });

  it('shows progress on the console for a large file', async () => {
    const header = badCsv.split('\n')[0];
    // The fewest rows the CLI shows progress for (1000), in two of the import's 500-row chunks.
    const rows = Array.from(
      { length: 1000 },
      (_, i) =>
        `bulk-${i},Bulk Line ${i},referral-service,A generated entry,,US,,,,,https://bulk.example.org/${i},,,,,,,,,`,
    );
    const path = join(dir, 'large.csv');
    await writeFile(path, [header, ...rows].join('\n'));
    const { out, io } = console_();

    expect(await runResourcesCli(second.prisma, ['import', path], io)).toBe(0);

    const progress = out.filter((line) => /rows written/.test(line));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toContain('1000 of 1000 rows written');
    expect(out.at(-1)).toContain('Imported: 1000 added');
    await second.prisma.resource.deleteMany({ where: { id: { startsWith: 'bulk-' } } });
  });

  it('refuses unknown options and a missing file name with the usage', async () => {
    const { err, io } = console_();
    expect(await runResourcesCli(first.prisma, ['import', '--all-rows'], io)).toBe(2);
    expect(err.join('\n')).toContain("I don't know the option --all-rows");
    expect(err.join('\n')).toContain('Usage: npm run resources -- import <file|folder|package.zip>');
  });
});

// A small HSDS 3 service in the shape of the specification's examples, with fields PeerBridge
// does not model (alternate_name, eligibility, an organisation's website) that must survive.
const foreignService = {
  id: 'ac148810-d857-441c-9679-408f346de14b',
  name: 'Community Counselling',
  alternate_name: 'MyCity Counselling Services',
  description: 'Counselling Services provided by trained professionals.',
  url: 'http://example.com/counselling',
  email: 'email@example.com',
  status: 'active',
  eligibility_description: 'For people aged 12 and over in the MyCity area',
  organization: { id: 'd9d5e0f5', name: 'Example Organization Inc.', website: 'http://example.com' },
  phones: [{ id: '1554f2e2', number: '+44 1234 234567', type: 'voice', description: 'Reception' }],
  schedules: [{ id: '48102e86', description: 'Weekdays 10am to 6pm' }],
  service_areas: [{ id: '381c64f1', name: 'GB', extent: 'GB', extent_type: 'text' }],
  languages: [{ id: '2989d3ed', name: 'Urdu', code: 'ur' }],
  assured_date: '2025-01-01',
  attributes: [
    {
      id: 'a1',
      taxonomy_term: {
        id: 't1',
        code: 'referral-service',
        name: 'Referral service',
        taxonomy: 'peerbridge-category',
      },
    },
    {
      id: 'a2',
      taxonomy_term: { id: 't2', code: 'counselling', name: 'counselling', taxonomy: 'peerbridge-tag' },
    },
  ],
};

describe('HSDS round trips', () => {
  it('HSDS JSON: export, import into an empty store, export again: the two exports are identical', async () => {
    await goodRowsImported();
    const foreign = join(dir, 'foreign.json');
    await writeFile(foreign, JSON.stringify([foreignService]));
    const { io } = console_();
    expect(await runResourcesCli(first.prisma, ['import', foreign], io)).toBe(0);

    const one = join(dir, 'one.json');
    const two = join(dir, 'two.json');
    expect(await runResourcesCli(first.prisma, ['export', one], io)).toBe(0);
    expect(await runResourcesCli(second.prisma, ['import', one], io)).toBe(0);
    expect(await runResourcesCli(second.prisma, ['export', two], io)).toBe(0);

    const exported = await readFile(one, 'utf8');
    expect(await readFile(two, 'utf8')).toBe(exported);
    const services = JSON.parse(exported) as Record<string, unknown>[];
    // The seed, the CSV rows and the foreign service are all there.
    expect(services.map((s) => s.id)).toEqual(
      expect.arrayContaining(['us-988-lifeline', 'tx-warmline', foreignService.id]),
    );
    const kept = services.find((s) => s.id === foreignService.id);
    expect(kept).toMatchObject({
      alternate_name: 'MyCity Counselling Services',
      eligibility_description: 'For people aged 12 and over in the MyCity area',
      organization: { name: 'Example Organization Inc.', website: 'http://example.com' },
      url: 'http://example.com/counselling',
      email: 'email@example.com',
      assured_date: '2025-01-01',
    });
  });

  it('importing the export again changes nothing', async () => {
    await hsdsExports();
    const report = await importFile(second.prisma, join(dir, 'one.json'));
    expect(report.written.added + report.written.updated).toBe(0);
    expect(report.written.unchanged).toBe(report.rows);
  });

  it('HSDS CSV data package: export to a folder and back gives the same HSDS JSON', async () => {
    await hsdsExports();
    const { io } = console_();
    const folder = join(dir, 'package');
    expect(await runResourcesCli(second.prisma, ['export', folder, '--format', 'hsds-csv'], io)).toBe(0);
    const datapackage = JSON.parse(await readFile(join(folder, 'datapackage.json'), 'utf8')) as {
      resources: { path: string }[];
    };
    expect(datapackage.resources.map((r) => r.path)).toEqual(
      expect.arrayContaining(['services.csv', 'phones.csv', 'attributes.csv']),
    );

    expect(await runResourcesCli(third.prisma, ['import', folder], io)).toBe(0);
    const again = join(dir, 'three.json');
    expect(await runResourcesCli(third.prisma, ['export', again], io)).toBe(0);
    expect(await readFile(again, 'utf8')).toBe(await readFile(join(dir, 'two.json'), 'utf8'));
  });

  it('HSDS CSV data package as a zip: export to .zip and back gives the same HSDS JSON', async () => {
    await hsdsExports();
    const { io, out } = console_();
    const zipped = join(dir, 'package.zip');
    expect(await runResourcesCli(second.prisma, ['export', zipped], io)).toBe(0);
    expect(await runResourcesCli(third.prisma, ['import', zipped], io)).toBe(0);
    expect(out.at(-1)).toMatch(/Imported: \d+ added/);
    const again = join(dir, 'four.json');
    expect(await runResourcesCli(third.prisma, ['export', again], io)).toBe(0);
    expect(await readFile(again, 'utf8')).toBe(await readFile(join(dir, 'two.json'), 'utf8'));
  });

  it('reads a zip made by another tool, with the package inside a folder', async () => {
    await hsdsExports();
    const { io, err } = console_();
    const folder = join(dir, 'package');
    expect(await runResourcesCli(second.prisma, ['export', folder, '--format', 'hsds-csv'], io)).toBe(0);
    const zipped = join(dir, 'by-zip-tool.zip');
    execFileSync('zip', ['-q', '-r', zipped, 'package'], { cwd: dir });
    expect(await runResourcesCli(third.prisma, ['import', zipped], io)).toBe(0);
    const again = join(dir, 'five.json');
    expect(await runResourcesCli(third.prisma, ['export', again], io)).toBe(0);
    expect(await readFile(again, 'utf8')).toBe(await readFile(join(dir, 'two.json'), 'utf8'));
    await writeFile(join(folder, 'not-a-zip.zip'), 'hello');
    expect(await runResourcesCli(third.prisma, ['import', join(folder, 'not-a-zip.zip')], io)).toBe(1);
    expect(err.join('\n')).toContain('this is not a zip file I can read');
  });

  it('reads a package shaped like Open Referral’s own example (zipped in a folder, tables PeerBridge does not use, a quoted phone)', async () => {
    // The shape of examples/csv in github.com/openreferral/specification: the full services.csv
    // header, a phone number written with quotes inside the value, no PeerBridge category, and
    // tables (locations, contacts) PeerBridge leaves alone.
    const services = [
      'id,organization_id,program_id,name,alternate_name,description,url,email,status,interpretation_services,application_process,fees_description,wait_time,fees,accreditations,eligibility_description,minimum_age,maximum_age,assured_date,assurer_email,licenses,alert,last_modified',
      'ac148810-d857-441c-9679-408f346de14b,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,,Community Counselling,MyCity Counselling Services,"Counselling Services provided by trained professionals.",http://example.com/counselling,email@example.com,active,,,,,,,,,,2023-01-01,,,,2023-01-01T12:00:00Z',
    ].join('\n');
    const phones = [
      'id,location_id,service_id,organization_id,contact_id,service_at_location_id,number,extension,type,description',
      '1554f2e2-a373-45db-a3fa-9fc48a61c15e,,ac148810-d857-441c-9679-408f346de14b,,,,"""+44 1234 234567""",100,voice,Our main reception phone number.',
    ].join('\n');
    const zipped = join(dir, 'open-referral-shaped.zip');
    await writeFile(
      zipped,
      writeZip(
        new Map([
          ['csv/datapackage.json', '{"name": "example", "resources": []}'],
          ['csv/services.csv', services],
          ['csv/phones.csv', phones],
          [
            'csv/organizations.csv',
            'id,name\nd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,Example Organization Inc.',
          ],
          ['csv/locations.csv', 'id,name\n3a19ff88,Main office'],
        ]),
      ),
    );
    const { io, out } = console_();
    expect(await runResourcesCli(third.prisma, ['import', zipped], io)).toBe(0);
    expect(out.join('\n')).toContain('Imported: 1 added');
    const row = await third.prisma.resource.findUniqueOrThrow({
      where: { id: 'ac148810-d857-441c-9679-408f346de14b' },
    });
    expect(row).toMatchObject({
      title: 'Community Counselling',
      organizationName: 'Example Organization Inc.',
      category: 'referral-service',
    });
    expect(row.contacts).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'phone', value: '+44 1234 234567' })]),
    );
  });
});
