// "Import the N good rows" works for 30 minutes after the report (README, "Import and export"):
// within the window the button imports the good rows; after it the file is gone and the admin
// is told how to send it again. Each test has a world of its own (the file's database, emptied).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { badCsv } from './fixtures/bad-import.ts';
import { resourcesHarness } from './harness.ts';

let db: Database;
let h: ReturnType<typeof resourcesHarness>;
const MINUTE = 60_000;
const imported = () => db.prisma.resource.count({ where: { id: { in: ['tx-warmline', 'gb-listening'] } } });

beforeAll(async () => {
  db = await clonedDatabase();
});
beforeEach(async () => {
  await emptyDatabase(db);
  // ada set the team up and is the workspace's admin on the platform: chat imports are theirs.
  h = resourcesHarness(db, ['ada']);
  await h.command('ada', ['setup'], { region: 'US-TX', name: 'Peers' });
});
afterAll(async () => db?.close());

/** ada sends the file with bad rows; the report's button value. */
async function reportButton(): Promise<string> {
  const report = await h.directMessage('ada', 'here you go', [{ name: 'team-list.csv', content: badCsv }]);
  expect(report.text()).toContain('row(s) need a change');
  const button = report.seen
    .flatMap((r) => r.view?.blocks ?? [])
    .flatMap((b) => (b.type === 'actions' ? b.elements : []))
    .find((e) => e.type === 'button' && e.actionId === 'resources:import-good');
  if (button?.type !== 'button' || !button.value) throw new Error('no Import the good rows button');
  expect(await imported()).toBe(0);
  return button.value;
}

describe('importing the good rows from a report', () => {
  it('imports them when the button is pressed 29 minutes later', async () => {
    const value = await reportButton();
    h.clock.advance(29 * MINUTE);
    const pressed = await h.action('ada', 'resources:import-good', value);
    expect(pressed.text()).toContain('Imported: 2 added');
    expect(await imported()).toBe(2);
  });

  it('has let the file go 31 minutes later: nothing is imported and the admin is told how to send it again', async () => {
    const value = await reportButton();
    h.clock.advance(31 * MINUTE);
    const pressed = await h.action('ada', 'resources:import-good', value);
    expect(pressed.text()).toContain('I no longer have that file (I keep it for 30 minutes)');
    expect(await imported()).toBe(0);
  });
});
