// Issue 23, item 10: the README's command examples that plan ahead (a series start, a move, a
// pause, poll and slot times) use dates still ahead, so a new lead can type them as written.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('README example dates', () => {
  it('are all still in the future where a command plans ahead', async () => {
    const readme = await readFile(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const planned = [...readme.matchAll(/\b(?:date|until|slots|times):"?([^`|]*?)(?:"|\s|`)/g)]
      .flatMap((m) => [...(m[1] ?? '').matchAll(/\d{4}-\d{2}-\d{2}/g)].map((d) => d[0]))
      .sort();
    expect(planned.length).toBeGreaterThan(4);
    const today = new Date().toISOString().slice(0, 10);
    expect(planned.filter((date) => date <= today)).toEqual([]);
  });
});
