// Issue 23, item 8: a file the bot shares in the playground (an export) is saved to a folder
// the playground names, so a lead can look at it; a second one with the same name is kept too.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createShellDeliveries } from '../../../src/adapters/shell/shell-deliveries.ts';
import type { ShellOutput } from '../../../src/adapters/shell/shell-output.ts';
import { ShellWorld } from '../../../src/adapters/shell/shell-world.ts';

const folder = mkdtempSync(join(tmpdir(), 'pb-shell-files-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('files in the playground', () => {
  it('saves each shared file in the named folder and says where', () => {
    const written: string[] = [];
    const out = {
      write: (t: string) => void written.push(t),
      promptShown() {},
      promptHidden() {},
      markBroken() {},
    };
    const world = new ShellWorld({ person: 'alex', channelId: 'team' });
    let n = 0;
    const filesDir = join(folder, 'playground-files');
    const deliveries = createShellDeliveries({
      world,
      output: out as unknown as ShellOutput,
      nextMessageId: () => `m${++n}`,
      filesDir,
    });
    const target = { platform: 'shell', workspaceId: 'local', userId: 'alex' } as const;
    deliveries.file(target, { filename: 'resources.csv', content: 'name\nA line\n' });
    deliveries.file(target, { filename: '../resources.csv', content: 'second' });
    const first = join(filesDir, 'resources.csv');
    const second = join(filesDir, 'resources-2.csv');
    expect(written.join('')).toContain(`resources.csv, 12 bytes (saved as ${first})`);
    expect(written.join('')).toContain(`saved as ${second}`);
    expect(readFileSync(first, 'utf8')).toBe('name\nA line\n');
    expect(readFileSync(second, 'utf8')).toBe('second');
    expect(statSync(first).mode & 0o777).toBe(0o600);
  });
});
