// A command's words in the reader's language: its description, help and option descriptions
// live in the chat catalog by path (`chat.commands.team.show.description`), each translating the
// English its `defineCommand` carries. While the catalog's English differs from the command's
// (someone changed one and not the other), the command's own English is shown, never a stale
// translation (src/i18n/translate.ts, translateSource).
import { type Translate, translateSource } from '../i18n/translate.ts';
import type { Command, CommandGroup } from './command-table.ts';
import type { MarkupText } from './markup.ts';

const commandKey = (command: Pick<Command, 'path'>) => `chat.commands.${command.path.join('.')}`;

export const commandDescription = (
  t: Translate,
  command: Pick<Command, 'path' | 'description'>,
): MarkupText => translateSource(t, `${commandKey(command)}.description`, command.description);

export const commandHelp = (t: Translate, command: Pick<Command, 'path' | 'help'>): MarkupText =>
  translateSource(t, `${commandKey(command)}.help`, command.help);

export const optionDescription = (
  t: Translate,
  command: Pick<Command, 'path'>,
  name: string,
  description: string,
): MarkupText => translateSource(t, `${commandKey(command)}.options.${name}`, description);

export const groupHelp = (t: Translate, group: CommandGroup): MarkupText =>
  translateSource(t, `chat.groups.${group.name}.help`, group.help);

export const groupDescription = (t: Translate, group: CommandGroup): MarkupText =>
  translateSource(t, `chat.groups.${group.name}.description`, group.description);
