// Resource files a person opens or sends back (issue 23 item 9, issue 21 item 6, issue 20 item 5):
// every export of the starting set imports again unchanged, whatever its notes hold; every bad
// date is named; a cell that a spreadsheet would run as a formula is written defused and read
// back as it was; an upload over any limit (its size, what a zip unpacks to, its files, its
// rows) is refused with the limit named, before it can fill the memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { parseCsv, writeCsv } from '../../../src/features/resources/formats/csv.ts';
import { exportContent, exportRecords } from '../../../src/features/resources/formats/export.ts';
import { bytesSource, importSource } from '../../../src/features/resources/formats/import.ts';
import { chatImportLimits } from '../../../src/features/resources/formats/limits.ts';
import { readZip, writeZip } from '../../../src/features/resources/formats/zip.ts';
import { loadSeed } from '../../../src/features/resources/index.ts';
import { type ResourceInput, ResourceRecordSchema } from '../../../src/features/resources/record.ts';
import { clonedDatabase } from '../../support/database.ts';
import { loadEntries } from './support.ts';

let db: Database;
beforeAll(async () => {
  db = await clonedDatabase();
  await loadSeed(db.prisma);
});
afterAll(async () => db?.close());

const awkward: ResourceInput = {
  id: 'awkward-notes',
  title: '=HYPERLINK("http://evil.example","Call us")',
  category: 'crisis-line',
  summary: '-2+3 people answer; @night a volunteer',
  regions: ['US'],
  // In the simple CSV's column order (phone, then text): it keeps one column per kind.
  contacts: [
    { kind: 'phone', value: '(512) 555-0199', note: 'TTY (ask (twice))' },
    { kind: 'phone', value: '+1 800 555 0100' },
    { kind: 'text', value: '435748', note: 'send your ZIP code (HELP4U), English only' },
  ],
  tags: ["'=already quoted"],
};

describe('every export imports again unchanged', () => {
  it.each(['simple-csv', 'hsds-json', 'hsds-csv'] as const)(
    '%s of the starting set plus awkward notes and formula-like text: nothing changes on re-import',
    async (format) => {
      await loadEntries(db, [awkward]);
      const records = await exportRecords(db.prisma);
      expect(records.length).toBeGreaterThan(20);
      const file = exportContent(records, format);
      const bytes = typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
      const report = await importSource(db.prisma, bytesSource(file.filename, bytes));
      expect(report.bad).toEqual([]);
      expect(report.written).toMatchObject({ added: 0, updated: 0, unchanged: records.length });
      expect(await exportRecords(db.prisma)).toEqual(records);
    },
  );

  it('writes a cell that would be a formula with a leading apostrophe, and reads it back as it was', () => {
    const cells = ['=1+1', '+1 800', '-2', '@SUM(A1)', '\tx', '\rx', "'=quoted", 'plain', "it's"];
    const text = writeCsv(
      ['v'],
      cells.map((v) => ({ v })),
    );
    const lines = text.split('\r\n');
    expect(lines[1]).toBe("'=1+1");
    expect(lines[2]).toBe("'+1 800");
    expect(lines[4]).toBe("'@SUM(A1)");
    expect(lines).toContain("''=quoted");
    // No cell of the file starts with a formula character.
    for (const line of lines) expect(line.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
    expect(parseCsv(text).rows.map((row) => row.values.v)).toEqual(cells);
  });
});

describe('every bad date is named', () => {
  it.each([
    ['2026-31-02', "the verified date '2026-31-02' is not a day of the calendar"],
    ['2026-02-31', "the verified date '2026-02-31' is not a day of the calendar"],
    ['31/12/2026', 'the verified date must look like 2026-11-23'],
  ])('%s is refused with its reason in the row report, and nothing is stored', async (date, reason) => {
    const csv = `id,name,category,phone,verified_on\ndated-${date.replace(/\W/g, '')},Dated line,crisis-line,988,${date}\n`;
    const report = await importSource(db.prisma, bytesSource('dated.csv', Buffer.from(csv)));
    expect(report.imported).toBe(false);
    expect(report.bad).toHaveLength(1);
    expect(report.bad[0]?.where).toBe('line 2');
    expect(report.bad[0]?.reason).toContain(reason);
    expect(await db.prisma.resource.count({ where: { title: 'Dated line' } })).toBe(0);
  });

  it('keeps a real date as it is', () => {
    const parsed = ResourceRecordSchema.parse({ ...awkward, verifiedOn: '2028-02-29' });
    expect(parsed.verifiedOn).toBe('2028-02-29');
  });
});

/** A data package whose services.csv is `size` bytes of one letter. */
const bomb = (size: number) =>
  writeZip(
    new Map<string, string | Uint8Array>([
      ['datapackage.json', '{}'],
      ['services.csv', Buffer.alloc(size, 0x61)],
    ]),
  );

describe('an upload cannot fill the memory', () => {
  const MB = 1024 * 1024;

  it('refuses a zip that says it unpacks to more than 20 MB before inflating anything', async () => {
    const zip = bomb(40 * MB);
    expect(zip.length).toBeLessThan(MB);
    await expect(importSource(db.prisma, bytesSource('bomb.zip', zip))).rejects.toThrow(
      'it unpacks to more than 20 MB, the most I unpack from one file',
    );
  });

  it('stops inflating at the budget when the zip lies about its sizes', () => {
    const zip = bomb(40 * MB);
    // Rewrite the declared size (central directory and local header) to a small number.
    const central = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(1000, central + 24);
    const local = zip.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), 1);
    zip.writeUInt32LE(1000, local + 22);
    expect(() =>
      readZip(zip, { inflatedBytes: chatImportLimits.inflatedBytes, entries: chatImportLimits.zipEntries }),
    ).toThrow('it unpacks to more than 20 MB');
  });

  it('refuses a zip of too many files, and a file of too many rows, naming each limit', async () => {
    const many = writeZip(new Map(Array.from({ length: 70 }, (_, i) => [`f${i}.csv`, 'x'] as const)));
    await expect(importSource(db.prisma, bytesSource('many.zip', many))).rejects.toThrow(
      'more than the 64 I read from one zip',
    );
    const rows = `id,name,category\n${'a,b,crisis-line\n'.repeat(chatImportLimits.rows + 1)}`;
    await expect(importSource(db.prisma, bytesSource('rows.csv', Buffer.from(rows)))).rejects.toThrow(
      'it has more than 20,000 rows, the most I import from one file',
    );
  });

  it('refuses a file over 10 MB', async () => {
    const big = Buffer.alloc(10 * MB + 1, 0x20);
    await expect(importSource(db.prisma, bytesSource('big.json', big))).rejects.toThrow(
      'more than the 10 MB I take',
    );
  });
});
