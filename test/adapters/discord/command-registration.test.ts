import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { buildDiscordCommand } from '../../../src/adapters/discord/command-registration.ts';
import { CommandTableError, createCommandTable, defineCommand } from '../../../src/chat/index.ts';
import { sampleTable } from '../../chat/sample-table.ts';

describe('Discord command registration', () => {
  it('turns the table into one /peer command with subcommands, groups and typed options', () => {
    const body: RESTPostAPIChatInputApplicationCommandsJSONBody = buildDiscordCommand(sampleTable());
    expect(body).toMatchObject({ type: 1, name: 'peer', contexts: [0, 1], integration_types: [0] });
    const options = body.options ?? [];
    expect(options.map((o) => [o.type, o.name])).toEqual([
      [1, 'setup'],
      [1, 'checkin'],
      [1, 'flag'],
      [2, 'topic'],
      [1, 'roster'],
      [2, 'admin'],
      [1, 'help'],
    ]);
    expect(options[0]).toEqual({
      type: 1,
      name: 'setup',
      description: 'Set your time zone and region',
      options: [
        { type: 3, name: 'timezone', description: 'Your time zone, like Europe/Berlin', required: true },
        {
          type: 3,
          name: 'region',
          description: 'Where you are',
          choices: [
            { name: 'US', value: 'US' },
            { name: 'UK', value: 'UK' },
            { name: 'CA', value: 'CA' },
            { name: 'DE', value: 'DE' },
          ],
        },
      ],
    });
    expect(options[3]).toMatchObject({
      type: 2,
      options: [
        {
          type: 1,
          name: 'add',
          options: [
            { type: 3, name: 'text', required: true, max_length: 300 },
            { type: 5, name: 'anonymous' },
          ],
        },
      ],
    });
    expect(options[4]).toMatchObject({ options: [{ type: 4, name: 'weeks', min_value: 1, max_value: 12 }] });
    expect(options[5]).toEqual({
      type: 2,
      name: 'admin',
      description: 'Team admin tools',
      options: [{ type: 1, name: 'outbox', description: 'See messages waiting to be delivered' }],
    });
  });

  it('leaves out direct-message fields for a guild registration', () => {
    const body = buildDiscordCommand(sampleTable(), { scope: 'guild' });
    expect(body).not.toHaveProperty('contexts');
  });

  it('refuses a command over 8,000 characters in total', () => {
    const commands = Array.from({ length: 24 }, (_, i) =>
      defineCommand({
        name: `c${i}`,
        description: 'd'.repeat(100),
        help: 'Help.',
        who: 'everyone',
        verb: 'help',
        where: 'anywhere',
        options: {
          pick: {
            type: 'choice',
            description: 'p'.repeat(100),
            choices: Array.from({ length: 25 }, (_, j) => `v${j}`.padEnd(10, 'x')),
          },
        },
        handler: async () => {},
      }),
    );
    expect(() => buildDiscordCommand(createCommandTable({ commands }))).toThrow(CommandTableError);
  });
});
