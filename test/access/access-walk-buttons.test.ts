// The access walk of the buttons and forms (access-walk-support.ts says what the walk proves):
// every action id and a few forms, as every role, in team A's channel. The commands:
// access-walk-commands.test.ts.
import { describe, expect, it } from 'vitest';
import {
  actions,
  forms,
  misjudged,
  openRoundForButtons,
  roles,
  uploads,
  userOf,
  useWalkWorld,
  walk,
} from './access-walk-support.ts';

useWalkWorld();

describe('access walk: buttons and forms', () => {
  it('allows or refuses every action as the table says, for every role', async () => {
    const wrong: string[] = [];
    await openRoundForButtons();
    for (const [id, row] of Object.entries(actions)) {
      for (const role of roles) {
        const value = row.fresh
          ? await row.fresh()
          : id === 'privacy:erase'
            ? walk.departedId
            : (row.value?.() ??
              (typeof row.options === 'object' ? (row.options.value as string) : undefined));
        const before = uploads.length;
        const reply = await walk.chat.action(userOf[role], id, value, 'C-a');
        const problem = misjudged(id, role, row, reply, before);
        if (problem) wrong.push(problem);
      }
    }
    expect(wrong).toEqual([]);
  }, 600_000);

  it('allows or refuses every form as the table says, for every role', async () => {
    const wrong: string[] = [];
    for (const [id, row] of Object.entries(forms)) {
      for (const role of roles) {
        const before = uploads.length;
        const reply = await walk.chat.form(userOf[role], id, row.values, 'C-a');
        const problem = misjudged(id, role, row, reply, before);
        if (problem) wrong.push(problem);
      }
    }
    expect(wrong).toEqual([]);
  }, 600_000);
});
