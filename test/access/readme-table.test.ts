// README's "Who may do what" is the verb table, rendered: this fails when someone edits one and
// not the other. To update README, print the table with `npx tsx scripts/access-table.ts`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessTableMarkdown, readmeMarkers } from '../../src/access/index.ts';

const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');

describe('README "Who may do what"', () => {
  it('is the access policy’s own table, generated', () => {
    const start = readme.indexOf(readmeMarkers.start);
    const end = readme.indexOf(readmeMarkers.end);
    expect(start, 'README has the table’s start marker').toBeGreaterThanOrEqual(0);
    expect(end, 'README has the table’s end marker').toBeGreaterThan(start);
    const inReadme = readme.slice(start + readmeMarkers.start.length, end).trim();
    expect(inReadme).toBe(accessTableMarkdown());
  });
});
