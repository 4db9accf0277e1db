// docs/promises.md is the map from each README promise to the tests that prove it. This test
// keeps the map honest: every promise quotes the README as it stands, names at least one test,
// and every test it names exists in the file it names.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
/** Line breaks and runs of spaces do not matter in a quote. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

interface Pledge {
  readonly title: string;
  readonly quotes: string[];
  readonly tests: { file: string; name: string }[];
}

function parsePromises(markdown: string): Pledge[] {
  return markdown
    .split(/^### /m)
    .slice(1)
    .map((block) => {
      const [title = '', ...lines] = block.split('\n');
      const quotes = lines.flatMap((l) => /^> README: "(.*)"\s*$/.exec(l)?.slice(1) ?? []);
      const tests = lines.flatMap((l) => {
        const m = /^- `([^`]+)` › (.+?)\s*$/.exec(l);
        return m?.[1] && m[2] ? [{ file: m[1], name: m[2] }] : [];
      });
      return { title: title.trim(), quotes, tests };
    });
}

/** The test names a file declares: the first argument of each it()/test(), unescaped. */
function testNames(source: string): string[] {
  const names: string[] = [];
  const call =
    /\b(?:it|test)(?:\.(?:each\([^)]*\)|skipIf\([^)]*\)|only|concurrent))*\(\s*(['"`])((?:\\.|(?!\1).)*)\1/gs;
  for (const m of source.matchAll(call)) names.push((m[2] ?? '').replace(/\\(.)/g, '$1'));
  return names;
}

const promises = parsePromises(read('docs/promises.md'));
const readme = flat(read('README.md'));

describe('docs/promises.md', () => {
  it('lists promises', () => {
    expect(promises.length).toBeGreaterThan(20);
  });

  it.each(promises.map((p) => [p.title, p] as const))(
    '"%s" quotes the README and names tests that exist',
    (_title, promise) => {
      expect(promise.quotes.length, 'a README quote').toBeGreaterThan(0);
      for (const quote of promise.quotes) expect(readme, 'the README still says it').toContain(flat(quote));
      expect(promise.tests.length, 'at least one test').toBeGreaterThan(0);
      for (const { file, name } of promise.tests) {
        expect(existsSync(join(root, file)), file).toBe(true);
        expect(testNames(read(file)), `${file} holds the test`).toContain(name);
      }
    },
  );

  it('catches a promise with no test, and a test name that does not exist', () => {
    const [none, missing] = parsePromises(
      [
        '### no test',
        '> README: "x"',
        '### a missing test',
        '> README: "x"',
        '- `test/docs/promises.test.ts` › no such test',
      ].join('\n'),
    );
    expect(none?.tests).toEqual([]);
    expect(testNames(read('test/docs/promises.test.ts'))).not.toContain(missing?.tests[0]?.name);
    expect(testNames(read('test/docs/promises.test.ts'))).toContain('lists promises');
  });
});
