// The shared starting set is read-only from chat (issue 20 item 4) and crisis lines come in the
// right order (issue 22 item 5), through the real router with two workspaces on one database:
// a workspace's edit or retirement makes its own copy, which its teams see instead of the shared
// entry (and the crisis lines port gives check-ins and flags), marked with who and when; the
// other workspace keeps the shared entry; the seed restores a shared row changed behind its back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { exportContent, workspaceRecords } from '../../../src/features/resources/formats/export.ts';
import { bytesSource, importSource } from '../../../src/features/resources/formats/import.ts';
import { loadSeed } from '../../../src/features/resources/index.ts';
import { dm, featureHarness } from '../../support/chat-harness.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { resourcesHarness } from './harness.ts';

let db: Database;
let here: ReturnType<typeof resourcesHarness>;
let there: ReturnType<typeof featureHarness>;

beforeAll(async () => {
  db = await clonedDatabase();
});
// Each test's world: an empty database with the shared set loaded, a team in each workspace.
beforeEach(async () => {
  await emptyDatabase(db);
  here = resourcesHarness(db, ['wanda']);
  // Another workspace on the same install, with the same features.
  there = featureHarness(db.prisma, [...here.features], { workspaceId: 'elsewhere' });
  await here.runJobs();
  await here.command('ada', ['setup'], { region: 'US', name: 'Peers' });
  await there.command('otto', ['setup'], { region: 'US', name: 'Others' }, 'C-other');
});
afterAll(async () => db?.close());

const workspaceIdOf = async (externalId: string) =>
  (await db.prisma.workspace.findFirstOrThrow({ where: { externalId } })).id;

const editTo = {
  title: 'Veterans Crisis Line',
  category: 'crisis-line',
  summary: 'Our note: ask for the peer team at the VA clinic on Main Street too.',
  contacts: 'phone: 988 (then press 1)\ntext: 838255',
  regions: 'US',
  hours: '24/7',
  tags: 'veterans',
  source: 'https://www.veteranscrisisline.net',
};

/** wanda (a workspace admin) edits the Veterans Crisis Line: this workspace's copy. */
const wandaEditsVeterans = () =>
  here.form('wanda', 'resources:edit-form', editTo, dm, 'us-veterans-crisis-line');
/** wanda retires the Trans Lifeline in this workspace. */
const wandaRetiresTrans = () => here.action('wanda', 'resources:retire-yes', 'us-trans-lifeline');

describe('crisis lines in the right order', () => {
  it('puts 988 first in a US team, lines for particular groups after it', async () => {
    const lines = await here.resources.crisisLines.forRegion('US');
    const ids = lines.map((l) => l.id);
    expect(ids[0]).toBe('us-988-lifeline');
    expect(ids.indexOf('us-crisis-text-line')).toBeLessThan(ids.indexOf('us-veterans-crisis-line'));
    expect(ids.indexOf('us-crisis-text-line')).toBeLessThan(ids.indexOf('us-trevor-project'));
    const found = (await here.command('bo', ['find'], { words: 'crisis' })).text();
    expect(found.indexOf('988 Suicide')).toBeLessThan(found.indexOf('Veterans Crisis Line'));
    expect(found.indexOf('988 Suicide')).toBeLessThan(found.indexOf('The Trevor Project'));
  });

  it('puts the lines for a group first when the words name it', async () => {
    const found = (await here.command('bo', ['find'], { words: 'veteran crisis' })).text();
    expect(found.indexOf('Veterans Crisis Line')).toBeLessThan(found.indexOf('988 Suicide'));
  });
});

describe('the shared set is read-only from chat', () => {
  it('a team admin cannot change a crisis line at all, nor a shared entry for the workspace', async () => {
    const before = await db.prisma.resource.count();
    for (const action of ['resources:edit', 'resources:retire', 'resources:retire-yes', 'resources:verify']) {
      expect((await here.action('ada', action, 'us-988-lifeline')).text()).toContain(
        'Crisis lines can be changed only by an admin of this workspace',
      );
      expect((await here.action('ada', action, 'us-nami-helpline')).text()).toContain('Only team admins');
    }
    expect(await db.prisma.resource.count()).toBe(before);
  });

  it('a workspace admin’s edit of a crisis line makes this workspace’s copy, with who and when; the other workspace keeps the shared line', async () => {
    const shared = await db.prisma.resource.findUniqueOrThrow({ where: { id: 'us-veterans-crisis-line' } });
    const saved = await wandaEditsVeterans();
    expect(saved.text()).toContain('for this workspace');
    expect(await db.prisma.resource.findUniqueOrThrow({ where: { id: shared.id } })).toEqual(shared);
    const copy = await db.prisma.resource.findFirstOrThrow({ where: { replacesId: shared.id } });
    expect(copy).toMatchObject({ workspaceId: await workspaceIdOf('local'), editedBy: 'wanda' });

    const mine = (await here.command('bo', ['find'], { words: 'veterans' })).text();
    expect(mine).toContain('Our note: ask for the peer team');
    expect(mine).toContain('Edited in this workspace by wanda on 2026-12-01');
    expect(mine.split('Veterans Crisis Line').length - 1).toBeLessThanOrEqual(2);
    const theirs = (await there.command('otto', ['find'], { words: 'veterans' }, 'C-other')).text();
    expect(theirs).toContain('Veterans Crisis Line');
    expect(theirs).not.toContain('Our note');

    // Check-ins and flags get the same lines through the port, by workspace.
    const port = here.resources.crisisLines;
    const local = await port.forRegion('US', await workspaceIdOf('local'));
    const other = await port.forRegion('US', await workspaceIdOf('elsewhere'));
    expect(local.find((l) => l.title === 'Veterans Crisis Line')?.summary).toContain('Our note');
    expect(other.find((l) => l.title === 'Veterans Crisis Line')?.summary).not.toContain('Our note');
    expect(local.filter((l) => l.title === 'Veterans Crisis Line')).toHaveLength(1);
  });

  it('retiring a shared entry hides it in this workspace only', async () => {
    expect((await wandaRetiresTrans()).text()).toContain('in this workspace');
    expect(
      (await db.prisma.resource.findUniqueOrThrow({ where: { id: 'us-trans-lifeline' } })).archivedAt,
    ).toBeNull();
    expect((await here.command('bo', ['find'], { words: 'trans lifeline' })).text()).not.toContain(
      'Trans Lifeline',
    );
    expect((await there.command('otto', ['find'], { words: 'trans lifeline' }, 'C-other')).text()).toContain(
      'Trans Lifeline',
    );
  });

  it('the seed restores a shared row that was changed behind its back, and leaves copies alone', async () => {
    await wandaEditsVeterans();
    await db.prisma.resource.update({
      where: { id: 'us-988-lifeline' },
      data: { contacts: [{ kind: 'phone', value: '1-900-555-0100' }], editedAt: new Date(), editedBy: 'x' },
    });
    await loadSeed(db.prisma);
    const restored = await db.prisma.resource.findUniqueOrThrow({ where: { id: 'us-988-lifeline' } });
    expect(JSON.stringify(restored.contacts)).not.toContain('1-900');
    expect(restored.editedBy).toBeNull();
    expect(await db.prisma.resource.count({ where: { replacesId: 'us-veterans-crisis-line' } })).toBe(1);
  });

  it('an export holds the copy under the shared id, and imports again unchanged', async () => {
    await wandaEditsVeterans();
    await wandaRetiresTrans();
    const workspaceId = await workspaceIdOf('local');
    const records = await workspaceRecords(db.prisma, workspaceId);
    const veterans = records.filter((r) => r.id === 'us-veterans-crisis-line');
    expect(veterans).toHaveLength(1);
    expect(veterans[0]?.summary).toContain('Our note');
    expect(records.map((r) => r.id)).not.toContain('us-trans-lifeline');
    const file = exportContent(records, 'simple-csv');
    const report = await importSource(db.prisma, bytesSource(file.filename, Buffer.from(file.content)), {
      scope: { workspaceId, teamId: null },
      workspaceCopies: { workspaceId, by: 'wanda', at: new Date() },
    });
    expect(report.bad).toEqual([]);
    expect(report.written).toMatchObject({ added: 0, updated: 0 });
  });
});
