// Arrows point one way: adapters -> chat <- features -> db. Only src/adapters/ may know a
// platform SDK; if a feature, the chat layer, scheduling or the database code imported one,
// adding a platform would mean touching them, and their tests would need the SDK's network.
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, importSpecifiers } from './source-files.ts';

const repoRoot = join(import.meta.dirname, '..', '..');
const guarded = ['src/features', 'src/chat', 'src/scheduling', 'src/db'];
const platformSdk = /^(@slack\/|discord\.js$|discord\.js\/|@discordjs\/|@mattermost\/)/;

// Generated code is included: it must not pull an SDK in either.
function platformImports(source: string): string[] {
  return importSpecifiers(source).filter((specifier) => platformSdk.test(specifier));
}

describe('no platform SDK outside the adapters', () => {
  it('finds such imports in a sample, in every form they can take', () => {
    const sample = [
      "import { App } from '@slack/bolt';",
      'import type { WebClient } from "@slack/web-api";',
      "export { Client } from 'discord.js';",
      "import 'discord.js/typings';",
      "const rest = await import('@discordjs/rest');",
      "const bolt = require('@slack/bolt');",
      "import { Client4 } from '@mattermost/client';",
      "import { view } from '../../chat/index.ts';",
      "import { z } from 'zod';",
      '// talks about discord.js in a comment, which is fine',
      "const name = 'discord.js';",
    ].join('\n');
    expect(platformImports(sample).sort()).toEqual([
      '@discordjs/rest',
      '@mattermost/client',
      '@slack/bolt',
      '@slack/web-api',
      'discord.js',
      'discord.js/typings',
    ]);
  });

  it('src/features, src/chat, src/scheduling and src/db import no @slack/*, discord.js, @discordjs/* or @mattermost/*', async () => {
    const offenders: string[] = [];
    let checked = 0;
    for (const dir of guarded) {
      for (const file of await filesUnder(join(repoRoot, dir))) {
        checked++;
        const found = platformImports(await readFile(file, 'utf8'));
        if (found.length > 0) offenders.push(`${relative(repoRoot, file)}: ${found.join(', ')}`);
      }
    }
    // An empty walk (a moved folder) would pass silently otherwise.
    expect(checked).toBeGreaterThan(20);
    expect(offenders).toEqual([]);
  });
});
