// Issue 23, item 10: `/peer find region:GB` with no words lists that region's entries instead
// of answering with the usage text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { clonedDatabase } from '../../support/database.ts';
import { resourcesHarness } from './harness.ts';

let db: Database;
let h: ReturnType<typeof resourcesHarness>;

beforeAll(async () => {
  db = await clonedDatabase();
  h = resourcesHarness(db);
  await h.runJobs(); // loads the starting set
});
afterAll(async () => db?.close());

describe('/peer find with a region alone', () => {
  it("lists the region's entries, not the usage text", async () => {
    const reply = await h.command('bo', ['find'], { region: 'GB' });
    expect(reply.text()).toContain('Samaritans');
    expect(reply.text()).not.toContain('988 Suicide & Crisis Lifeline');
  });

  it('still answers an empty search with help', async () => {
    const reply = await h.command('bo', ['find'], {});
    expect(reply.text()).not.toContain('Samaritans');
  });
});
