// Issue 23, item 10: the playground's banner says where the data really is (it said ./data
// whatever DATA_DIR held).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { banner } from '../../../src/adapters/shell/shell-banner.ts';
import { keptWhere } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';

describe('the banner names where the data is kept', () => {
  it('names the DATA_DIR folder, the memory, or the server', () => {
    const text = banner({
      person: 'alex',
      channel: 'team',
      kept: keptWhere(loadConfig({ DATA_DIR: '/srv/pb-data' })),
    });
    expect(text).toContain(`What you do is kept in the embedded database in ${resolve('/srv/pb-data')}.`);
    expect(text).not.toContain('./data');
    expect(keptWhere(loadConfig({ DATABASE_URL: 'memory://' }))).toContain('only in memory');
    expect(
      keptWhere(
        loadConfig({
          DATABASE_URL: 'postgres://u@h:5432/db',
          ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
        }),
      ),
    ).toContain('PostgreSQL');
  });
});
