// The command table -> Discord's application command JSON for `/peer`: one chat-input
// command whose options are the subcommands (type 1) and groups (type 2), each with its
// typed options. The table already checked names, counts and option order; this checks the
// one limit only visible here, the 8,000 characters of one command in total.

import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandOption,
  APIApplicationCommandSubcommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { OptionDecl } from '../../chat/command-options.ts';
import { type Command, type CommandTable, CommandTableError } from '../../chat/command-table.ts';
import { discordLimits } from '../../chat/limits.ts';
import {
  type CommandTranslation,
  spanishChoices,
  spanishCommands,
  spanishOptions,
} from '../../i18n/command-names-es.ts';

// Discord shows these to people whose app is in Spanish from Spain or Latin America.
const spanishLocales = ['es-ES', 'es-419'] as const;

/**
 * Discord's localisation fields for a translation that is still current (it names the English
 * text it translates); a stale or missing one adds nothing, and Discord shows the English.
 */
function localized(translation: CommandTranslation | undefined, english: string) {
  if (!translation || translation.en !== english) return {};
  const each = (value: string) => Object.fromEntries(spanishLocales.map((locale) => [locale, value]));
  return {
    name_localizations: each(translation.name),
    description_localizations: each(translation.description),
  };
}

function localizedChoice(value: string) {
  const spanish = spanishChoices[value];
  return spanish ? { name_localizations: Object.fromEntries(spanishLocales.map((l) => [l, spanish])) } : {};
}

const optionType = { subcommand: 1, group: 2, string: 3, integer: 4, boolean: 5 } as const;

function basicOption(name: string, decl: OptionDecl, path = ''): APIApplicationCommandBasicOption {
  const base = {
    name,
    description: decl.description,
    ...localized(spanishOptions[path]?.[name], decl.description),
    ...(decl.required ? { required: true } : {}),
  };
  switch (decl.type) {
    case 'string':
      return {
        ...base,
        type: optionType.string,
        ...(decl.minLength === undefined ? {} : { min_length: decl.minLength }),
        ...(decl.maxLength === undefined ? {} : { max_length: decl.maxLength }),
      };
    case 'integer':
      return {
        ...base,
        type: optionType.integer,
        ...(decl.min === undefined ? {} : { min_value: decl.min }),
        ...(decl.max === undefined ? {} : { max_value: decl.max }),
      };
    case 'boolean':
      return { ...base, type: optionType.boolean };
    case 'choice':
      return {
        ...base,
        type: optionType.string,
        choices: decl.choices.map((c) => ({ name: c, value: c, ...localizedChoice(c) })),
      };
  }
}

function subcommand(command: Command, group?: string): APIApplicationCommandSubcommandOption {
  const path = group ? `${group} ${command.name}` : command.name;
  const options = Object.entries(command.options).map(([name, decl]) => basicOption(name, decl, path));
  return {
    type: optionType.subcommand,
    name: command.name,
    description: command.description,
    ...localized(spanishCommands[path], command.description),
    ...(options.length > 0 ? { options } : {}),
  };
}

function countChars(options: readonly APIApplicationCommandOption[]): number {
  let total = 0;
  for (const option of options) {
    total += option.name.length + option.description.length;
    if ('choices' in option && option.choices) {
      for (const choice of option.choices) total += choice.name.length + String(choice.value).length;
    }
    if ('options' in option && option.options) total += countChars(option.options);
  }
  return total;
}

export interface DiscordCommandOptions {
  /**
   * `global` (default) also offers `/peer` in direct messages with the bot; `guild` is for
   * registering on one test server, where Discord ignores those fields.
   */
  readonly scope?: 'global' | 'guild';
}

export function buildDiscordCommand(
  table: CommandTable,
  options: DiscordCommandOptions = {},
): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const commandOptions: APIApplicationCommandOption[] = table.entries.map((entry) =>
    entry.kind === 'command'
      ? subcommand(entry.command)
      : {
          type: optionType.group,
          name: entry.group.name,
          description: entry.group.description,
          ...localized(spanishCommands[entry.group.name], entry.group.description),
          options: entry.commands.map((command) => subcommand(command, entry.group.name)),
        },
  );
  const total = table.root.name.length + table.root.description.length + countChars(commandOptions);
  if (total > discordLimits.commandTotalChars) {
    throw new CommandTableError([
      `/${table.root.name} has ${total} characters of names, descriptions and choices; Discord allows ${discordLimits.commandTotalChars}. Shorten some descriptions.`,
    ]);
  }
  return {
    type: 1,
    name: table.root.name,
    description: table.root.description,
    ...localized(spanishCommands[''], table.root.description),
    options: commandOptions,
    // 0 = servers, 1 = direct messages with the bot; installed to servers only (0).
    ...(options.scope === 'guild' ? {} : { contexts: [0, 1], integration_types: [0] }),
  };
}
