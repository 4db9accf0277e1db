// The house rule on size: no function in src/ with more than ~80 lines of its own code (nested
// functions counted apart), and no closure over ~250 lines in all. Past that, a function holds
// several jobs and a reader must keep them all in mind at once. Generated code is exempt.
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureFunctions } from './function-sizes.ts';
import { filesUnder } from './source-files.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
const maxOwnLines = 80;
const maxTotalLines = 250;

/**
 * Known debt, each named so it cannot grow unseen: functions that landed over the rule with the
 * four features and are to be split next (see the session note). Remove an entry once its file
 * is back under the rule; a new file over it fails at once.
 */
const notYet = new Set([
  'src/chat/router.ts',
  'src/features/supervision/commands-series.ts',
  'src/features/resources/feature.ts',
  'src/features/resources/forms.ts',
  'src/features/resources/formats/hsds-csv.ts',
]);

async function sourceFiles(): Promise<string[]> {
  return (await filesUnder(join(repoRoot, 'src')))
    .map((file) => relative(repoRoot, file))
    .filter((file) => file.endsWith('.ts') && !file.startsWith('src/db/generated/'));
}

describe('function sizes', () => {
  it('measures own lines without nested functions, comments or blank lines', () => {
    const source = `export function outer() {
  // a comment

  const a = 1;
  function inner() {
    return 2;
  }
  const b = [1].map((x) => x + 1);
  return a + inner() + b.length;
}`;
    const sizes = measureFunctions('sample.ts', source);
    expect(sizes.find((s) => s.name === 'outer')).toMatchObject({ own: 5, total: 8 });
    expect(sizes.find((s) => s.name === 'inner')).toMatchObject({ own: 3, total: 3 });
  });

  it(`keeps every function in src/ under ${maxOwnLines} lines of its own and every closure under ${maxTotalLines}`, async () => {
    const files = await sourceFiles();
    const over: string[] = [];
    for (const file of files) {
      if (notYet.has(file)) continue;
      for (const size of measureFunctions(file, await readFile(join(repoRoot, file), 'utf8'))) {
        if (size.own > maxOwnLines || size.total > maxTotalLines) {
          over.push(`${file}:${size.line} ${size.name}: ${size.own} own, ${size.total} in all`);
        }
      }
    }
    expect(files.length).toBeGreaterThan(50);
    expect(over).toEqual([]);
  });
});
