// The zip reader and writer for HSDS CSV data packages: what it writes, `unzip` and the reader
// read back; a zip that would unpack past the cap, and a file that is not a zip, are refused
// with a sentence.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isZip, readZip, writeZip } from '../../../src/features/resources/formats/zip.ts';

const files = new Map([
  ['datapackage.json', '{"name":"x"}\n'],
  ['services.csv', 'id,name\ns1,Café Ümlaut line\n'],
]);

describe('zip files for data packages', () => {
  it('writes a zip that unzip reads, and reads it back the same', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pb-zip-'));
    try {
      const zipped = writeZip(files);
      expect(isZip(zipped)).toBe(true);
      await writeFile(join(dir, 'p.zip'), zipped);
      execFileSync('unzip', ['-q', 'p.zip', '-d', 'out'], { cwd: dir });
      expect(await readFile(join(dir, 'out', 'services.csv'), 'utf8')).toBe(files.get('services.csv'));
      const back = readZip(zipped);
      expect(Object.fromEntries([...back].map(([name, bytes]) => [name, bytes.toString('utf8')]))).toEqual(
        Object.fromEntries(files),
      );
      expect(writeZip(files).equals(zipped)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to unpack past the cap, and says when a file is not a zip', () => {
    const big = writeZip(new Map([['services.csv', 'x'.repeat(100_000)]]));
    expect(big.length).toBeLessThan(2_000);
    expect(() => readZip(big, { inflatedBytes: 10_000, entries: 10 })).toThrow(/unpacks to more than/);
    expect(() => readZip(new TextEncoder().encode('id,name\n1,a\n'))).toThrow(/not a zip file/);
  });
});
