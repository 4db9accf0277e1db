// Import and export from chat in the shell playground: the admin sends a file in the direct
// message with `/upload`, gets the report naming each bad row with nothing written, presses
// "Import the 2 good rows" (or writes "good rows only" with the file), and exports the list
// back to their direct messages. A member who
// is not an admin is refused kindly, and nothing lands.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import { buttonNumber, terminal, within } from '../../adapters/shell/shell-terminal.ts';
import { badCsv } from '../../features/resources/fixtures/bad-import.ts';
import { startTestApp } from '../../support/app-harness.ts';

let app: RunningApp | undefined;
let dir: string | undefined;

afterEach(async () => {
  await app?.stop();
  app = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('resource import and export in the shell playground', () => {
  it('an admin uploads a file, imports the good rows from the report, and exports to their DMs', async () => {
    dir = await mkdtemp(join(tmpdir(), 'pb-upload-'));
    const file = join(dir, 'team-list.csv');
    await writeFile(file, badCsv);
    const term = terminal();
    app = await startTestApp({}, { mode: 'shell', stdio: { input: term.input, output: term.output } });
    const prisma = app.storage.db.prisma;
    // Only an admin of this workspace can import resources: the playground's word for Slack's is_admin.
    term.type('/as alex --workspace-admin', '/peer setup region:US-TX name:Harbor', '/peer resources import');
    await term.waitFor('Send me the file in a direct message', { timeoutMs: 20_000 });

    const sam = term.mark();
    term.type('/as sam', '/dm', `/upload ${file}`);
    await term.waitFor('Only an admin of this workspace can import resources', {
      from: sam,
      timeoutMs: 20_000,
    });

    const upload = term.mark();
    term.type('/as alex --workspace-admin', '/dm', `/upload ${file}`);
    await term.waitFor('Nothing was imported', { from: upload, timeoutMs: 20_000 });
    const report = term.text().slice(upload);
    for (const where of ['line 3', 'line 4', 'line 5', 'line 7']) expect(report).toContain(where);
    expect(report).toContain('Import the 2 good rows');
    expect(await prisma.resource.count({ where: { id: { in: ['tx-warmline', 'gb-listening'] } } })).toBe(0);

    const press = term.mark();
    term.type(buttonNumber(term, 'Import the 2 good rows', upload));
    await term.waitFor('Imported: 2 added', { from: press, timeoutMs: 20_000 });
    const landed = await prisma.resource.findMany({ where: { id: { in: ['tx-warmline', 'gb-listening'] } } });
    expect(landed.map((r) => r.title).sort()).toEqual(['Listening Line', 'Texas Peer Warmline']);
    expect(landed.every((r) => r.workspaceId !== null && r.teamId === null)).toBe(true);

    // The words "good rows only" with the file import the good rows at once; the same rows
    // again change nothing.
    const again = term.mark();
    term.type(`/upload ${file} good rows only`);
    await term.waitFor('Imported: 0 added, 0 updated, 2 unchanged', { from: again, timeoutMs: 20_000 });
    expect(term.text().slice(again)).not.toContain('Import the 2 good rows');

    // A file that cannot be read is named with the reason, and nothing changes.
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '[{"id": "half-written"');
    const unreadable = term.mark();
    term.type(`/upload ${broken}`);
    await term.waitFor('I could not read broken.json: it is not valid JSON. Nothing was imported.', {
      from: unreadable,
      timeoutMs: 20_000,
    });

    const exported = term.mark();
    term.type('/peer resources export format:simple-csv');
    await term.waitFor('resources.csv', { from: exported, timeoutMs: 20_000 });
    await term.waitFor('to your direct messages', { from: exported, timeoutMs: 20_000 });
    term.end();
    await within(app.finished, 20_000, 'the playground finishing');
  }, 120_000);
});
