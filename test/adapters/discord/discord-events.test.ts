import { ApplicationCommandOptionType as T } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  actionEvent,
  commandEvent,
  commandPathAndOptions,
  type Origin,
} from '../../../src/adapters/discord/discord-events.ts';
import { encodeDiscordCustomId } from '../../../src/adapters/discord/render-components.ts';

const inChannel: Origin = {
  workspaceId: 'G1',
  userId: 'U1',
  displayName: 'Alice',
  channelId: 'C1',
  isDirect: false,
};

describe('Discord events to chat events', () => {
  it('reads a grouped subcommand and its options from the option tree', () => {
    const parsed = commandPathAndOptions([
      {
        name: 'team',
        type: T.SubcommandGroup,
        options: [
          {
            name: 'role',
            type: T.Subcommand,
            options: [
              { name: 'user', type: T.String, value: '<@42>' },
              { name: 'role', type: T.String, value: 'supervisor' },
              { name: 'remove', type: T.Boolean, value: true },
            ],
          },
        ],
      },
    ]);
    expect(parsed).toEqual({
      path: ['team', 'role'],
      options: { user: '<@42>', role: 'supervisor', remove: true },
    });
  });

  it('reads a plain subcommand with an integer option, and one with no options', () => {
    expect(
      commandPathAndOptions([
        { name: 'snooze', type: T.Subcommand, options: [{ name: 'days', type: T.Integer, value: 3 }] },
      ]),
    ).toEqual({ path: ['snooze'], options: { days: 3 } });
    expect(commandPathAndOptions([{ name: 'help', type: T.Subcommand }])).toEqual({
      path: ['help'],
      options: {},
    });
  });

  it('builds a command event with who and where', () => {
    expect(commandEvent('I1', inChannel, [{ name: 'privacy', type: T.Subcommand }])).toEqual({
      eventId: 'I1',
      kind: 'command',
      actor: { platform: 'discord', workspaceId: 'G1', userId: 'U1', displayName: 'Alice' },
      place: { channelId: 'C1', isDirect: false },
      path: ['privacy'],
      options: {},
    });
  });

  it('takes a button value from its custom id, and a select value from what was picked', () => {
    const button = actionEvent(
      'I2',
      inChannel,
      encodeDiscordCustomId('flags:ack', 'flag-9', 2),
      undefined,
      'M1',
    );
    expect(button).toMatchObject({
      kind: 'action',
      actionId: 'flags:ack',
      value: 'flag-9',
      message: { platform: 'discord', workspaceId: 'G1', channelId: 'C1', messageId: 'M1' },
    });
    const select = actionEvent('I3', inChannel, encodeDiscordCustomId('checkins:mood'), ['hard'], 'M1');
    expect(select).toMatchObject({ actionId: 'checkins:mood', value: 'hard' });
  });
});
