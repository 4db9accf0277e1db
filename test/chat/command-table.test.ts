import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type CommandContext,
  CommandTableError,
  createCommandTable,
  defineCommand,
  defineGroup,
} from '../../src/chat/index.ts';
import { sampleTable, setupCommand } from './sample-table.ts';

const simple = (name: string, extra: Partial<Parameters<typeof defineCommand>[0]> = {}) =>
  defineCommand({
    name,
    description: 'Does a thing',
    help: 'Does a thing, gently.',
    who: 'everyone',
    verb: 'help',
    where: 'anywhere',
    handler: async () => {},
    ...extra,
  });

function problemsOf(build: () => unknown): readonly string[] {
  try {
    build();
  } catch (error) {
    if (error instanceof CommandTableError) return error.problems;
    throw error;
  }
  throw new Error('expected a CommandTableError');
}

describe('command table', () => {
  it('finds commands by path, groups included, and adds help', () => {
    const table = sampleTable();
    expect(table.find(['setup'])?.name).toBe('setup');
    expect(table.find(['admin', 'outbox'])?.path).toEqual(['admin', 'outbox']);
    expect(table.find(['outbox'])).toBeUndefined();
    expect(table.find(['help'])?.who).toBe('everyone');
    expect(
      table.entries.map((e) => (e.kind === 'command' ? e.command.name : `group:${e.group.name}`)),
    ).toEqual(['setup', 'checkin', 'flag', 'group:topic', 'roster', 'group:admin', 'help']);
  });

  it('infers typed options for the handler from the declarations', () => {
    const command = defineCommand({
      name: 'demo',
      description: 'Demo',
      help: 'Demo.',
      who: 'everyone',
      verb: 'help',
      where: 'anywhere',
      options: {
        tz: { type: 'string', description: 'Zone', required: true },
        region: { type: 'choice', description: 'Region', choices: ['US', 'UK'] },
        weeks: { type: 'integer', description: 'Weeks' },
        quiet: { type: 'boolean', description: 'Quiet', required: true },
      },
      handler: async (context) => {
        expectTypeOf(context.options).toEqualTypeOf<{
          readonly tz: string;
          readonly quiet: boolean;
          readonly region?: 'US' | 'UK';
          readonly weeks?: number;
        }>();
      },
    });
    expectTypeOf(command.handler).parameter(0).toEqualTypeOf<
      CommandContext<{
        readonly tz: string;
        readonly quiet: boolean;
        readonly region?: 'US' | 'UK';
        readonly weeks?: number;
      }>
    >();
    expect(command.path).toEqual(['demo']);
  });

  it('rejects duplicate names, including a feature claiming help', () => {
    const problems = problemsOf(() =>
      createCommandTable({ commands: [simple('setup'), simple('setup'), simple('help')] }),
    );
    expect(problems).toEqual([
      "'setup' is declared twice (as a command and as a command).",
      "'help' is declared twice (as the built-in help command and as a command).",
    ]);
  });

  it("rejects names that break Discord's naming rule", () => {
    const problems = problemsOf(() =>
      createCommandTable({
        commands: [
          simple('Setup'),
          simple('check in'),
          simple('a'.repeat(33)),
          simple('ok', { options: { 'Time Zone': { type: 'string', description: 'Zone' } } }),
        ],
      }),
    );
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain("Command name 'Setup' must be 1-32 lowercase letters");
    expect(problems[3]).toContain("Option name 'Time Zone'");
  });

  it('accepts names in other scripts, as Discord does', () => {
    expect(() => createCommandTable({ commands: [simple('über'), simple('日記')] })).not.toThrow();
  });

  it('rejects a required option after an optional one', () => {
    const problems = problemsOf(() =>
      createCommandTable({
        commands: [
          simple('setup', {
            options: {
              region: { type: 'string', description: 'Region' },
              timezone: { type: 'string', description: 'Zone', required: true },
            },
          }),
        ],
      }),
    );
    expect(problems).toEqual([
      "Command 'setup' option 'timezone' is required but comes after optional 'region'; put required options first.",
    ]);
  });

  it('rejects more than 25 subcommands at one level', () => {
    const commands = Array.from({ length: 25 }, (_, i) => simple(`c${i}`));
    const problems = problemsOf(() => createCommandTable({ commands }));
    expect(problems).toEqual(['/peer has 26 subcommands and groups (help included); Discord allows 25.']);
  });

  it('rejects more than 25 subcommands in a group and more than 25 choices', () => {
    const group = defineGroup({ name: 'admin', description: 'Admin', help: 'Admin tools.' });
    const commands = Array.from({ length: 26 }, (_, i) => simple(`c${i}`, { group: 'admin' }));
    const tooManyChoices = simple('pick', {
      options: {
        what: { type: 'choice', description: 'What', choices: Array.from({ length: 26 }, (_, i) => `v${i}`) },
      },
    });
    const problems = problemsOf(() =>
      createCommandTable({ groups: [group], commands: [...commands, tooManyChoices] }),
    );
    expect(problems).toEqual([
      "Group 'admin' has 26 commands; Discord allows 25.",
      "Command 'pick' option 'what' has 26 choices; it needs 1 to 25.",
    ]);
  });

  it('rejects descriptions over 100 characters and undeclared or empty groups', () => {
    const problems = problemsOf(() =>
      createCommandTable({
        groups: [defineGroup({ name: 'empty', description: 'Nothing here', help: 'Nothing.' })],
        commands: [simple('long', { description: 'x'.repeat(101) }), simple('outbox', { group: 'admin' })],
      }),
    );
    expect(problems).toEqual([
      "Group 'empty' has no commands; Discord needs at least one.",
      "Command 'long' description is 101 characters; Discord allows 100.",
      "Command 'admin outbox' uses group 'admin', which is not declared with defineGroup.",
    ]);
  });

  it('names every problem in one clear error message', () => {
    expect(() => createCommandTable({ commands: [simple('Bad'), simple('Bad')] })).toThrow(
      /The command table has 3 problems:\n {2}- Command name 'Bad'/,
    );
  });

  it('keeps one command definition usable in a table built by a feature list', () => {
    const table = createCommandTable({ commands: [setupCommand] });
    expect(table.commands.map((c) => c.name)).toEqual(['setup', 'help']);
  });
});
