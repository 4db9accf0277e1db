// The access walk of the commands (access-walk-support.ts says what the walk proves): every
// command, as every role, in team A's channel; and the table has a row for every command, action
// prefix and action id a feature uses. The actions and forms: access-walk-buttons.test.ts.
import { describe, expect, it } from 'vitest';
import {
  actionIdsInSource,
  actions,
  commands,
  misjudged,
  roles,
  uploads,
  userOf,
  useWalkWorld,
  walk,
} from './access-walk-support.ts';

useWalkWorld();

describe('access walk: commands', () => {
  it('has a row for every command, every action prefix and every action id a feature uses', () => {
    const paths = walk.chat.table.commands.map((c) => c.path.join(' '));
    expect(paths.filter((p) => !Object.hasOwn(commands, p))).toEqual([]);
    expect(
      walk.actionPrefixes.filter((p) => !Object.keys(actions).some((id) => id.startsWith(`${p}:`))),
    ).toEqual([]);
    const { ids, unresolved } = actionIdsInSource();
    // An id built at run time cannot be read here: write it as a literal where the button is made.
    expect(unresolved).toEqual([]);
    // The reading found the buttons (39 ids when this was written), not nothing.
    expect(ids.length).toBeGreaterThanOrEqual(35);
    expect(ids.filter((id) => !Object.hasOwn(actions, id))).toEqual([]);
    // Every id's prefix is one a feature handles, and no row is for an id no button names.
    expect(ids.filter((id) => !walk.actionPrefixes.includes(id.split(':')[0] ?? ''))).toEqual([]);
    expect(Object.keys(actions).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('allows or refuses every command as the table says, for every role', async () => {
    const wrong: string[] = [];
    for (const [path, row] of Object.entries(commands)) {
      for (const role of roles) {
        const options = typeof row.options === 'function' ? row.options() : (row.options ?? {});
        const before = uploads.length;
        const reply = await walk.chat.command(userOf[role], path.split(' '), options, 'C-a');
        const problem = misjudged(path, role, row, reply, before);
        if (problem) wrong.push(problem);
      }
    }
    expect(wrong).toEqual([]);
  }, 600_000);
});
