// docs/operations.md says what each log event means: every `event: '…'` name the code logs
// has a line there, so a new log event without an explanation for the operator fails here.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.parentPath.includes('generated'))
    .map((e) => join(e.parentPath, e.name));
}

describe('docs/operations.md', () => {
  it('explains every log event the code writes', async () => {
    const events = new Set<string>();
    for (const file of await sourceFiles(join(root, 'src'))) {
      for (const match of (await readFile(file, 'utf8')).matchAll(/\bevent: '([a-z0-9._-]+)'/g)) {
        events.add(match[1]!);
      }
    }
    expect(events.size).toBeGreaterThan(50);
    const doc = await readFile(join(root, 'docs', 'operations.md'), 'utf8');
    expect([...events].filter((event) => !doc.includes(`\`${event}\``)).sort()).toEqual([]);
  });
});
