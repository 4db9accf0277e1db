// `/peer help`: what this person may run, one line each, and `/peer help <command>` for
// more. What they may run is the access policy's answer for each command's verb, here
// (the router asks it and passes `mayUse`), so help never lists what the router would refuse.
// Command and option names stay as typed (`/peer setup`, `timezone:`): they are what a person
// writes, in every language; the words around them come from the catalog.

import { english, type Translate } from '../i18n/translate.ts';
import { closestName } from './closest-name.ts';
import type { OptionDecl } from './command-options.ts';
import type { Command, CommandTable } from './command-table.ts';
import { commandDescription, commandHelp, groupHelp, optionDescription } from './command-texts.ts';
import { literal, type MarkupText, markup } from './markup.ts';
import type { Block, View } from './views.ts';

/** Whether the access policy lets this person run the command here. */
export type MayUse = (command: Command) => boolean;

const lines = (items: readonly MarkupText[]): MarkupText =>
  items.reduce((all, item, i) => (i === 0 ? item : markup`${all}\n${item}`), markup``);

export function buildHelpView(
  table: CommandTable,
  mayUse: MayUse,
  topic?: string,
  t: Translate = english,
): View {
  const words = topic?.trim().toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  return words.length === 0 ? overview(table, mayUse, t) : detail(table, mayUse, words, t);
}

/** `/peer setup`, as typed. */
const usageOf = (table: CommandTable, command: Command) =>
  literal(`/${table.root.name} ${command.path.join(' ')}`);

function commandLine(t: Translate, table: CommandTable, command: Command): MarkupText {
  const values = {
    usage: markup`\`${usageOf(table, command)}\``,
    description: commandDescription(t, command),
  };
  if (command.where === 'channel') return t('chat.help.lineChannel', values);
  if (command.where === 'direct') return t('chat.help.lineDirect', values);
  return t('chat.help.line', values);
}

function overview(table: CommandTable, mayUse: MayUse, t: Translate): View {
  const root = literal(`/${table.root.name}`);
  const blocks: Block[] = [
    { type: 'header', text: t('chat.help.header') },
    { type: 'text', text: t('chat.help.intro', { root }) },
  ];
  for (const audience of ['everyone', 'supervisor', 'admin'] as const) {
    const shown = table.commands
      .filter((c) => c.who === audience && c.name !== 'help' && mayUse(c))
      .map((c) => commandLine(t, table, c));
    if (shown.length > 0)
      blocks.push({
        type: 'text',
        text: t('chat.help.section', { title: t(`chat.help.audience.${audience}`), lines: lines(shown) }),
      });
  }
  blocks.push({
    type: 'context',
    text: t('chat.help.more', { root, example: literal(firstExample(table)) }),
  });
  return { text: t('chat.help.summary', { root }), blocks };
}

function firstExample(table: CommandTable): string {
  return table.commands.find((c) => c.name !== 'help' && c.who === 'everyone')?.path.join(' ') ?? 'help';
}

function detail(table: CommandTable, mayUse: MayUse, words: readonly string[], t: Translate): View {
  const root = literal(`/${table.root.name}`);
  const group = table.group(words[0]!);
  if (group && words.length === 1) {
    const shown = table.commands
      .filter((c) => c.group === group.name && mayUse(c))
      .map((c) => commandLine(t, table, c));
    // A command's name is what people type, in every language: a code span.
    const title = markup`\`${literal(`/${table.root.name} ${group.name}`)}\``;
    return {
      text: title,
      blocks: [
        { type: 'header', text: title },
        { type: 'text', text: groupHelp(t, group) },
        ...(shown.length > 0 ? [{ type: 'text' as const, text: lines(shown) }] : []),
        ...(shown.length === 0 ? [{ type: 'context' as const, text: t('chat.help.noneYours') }] : []),
      ],
    };
  }
  const command = table.find(words);
  if (!command) {
    const typed = literal(words.join(' '));
    const guess = closestName(
      words.join(' '),
      table.commands.map((c) => c.path.join(' ')),
    );
    const text = guess
      ? t('chat.help.unknownGuess', { typed, root, guess: literal(guess) })
      : t('chat.help.unknown', { typed, root });
    return { text, blocks: [{ type: 'text', text }] };
  }
  const options = Object.entries(command.options);
  const usage = usageOf(table, command);
  const blocks: Block[] = [
    { type: 'header', text: markup`\`${usage}\`` },
    { type: 'text', text: commandHelp(t, command) },
  ];
  if (options.length > 0) {
    blocks.push({
      type: 'fields',
      fields: options.map(([name, decl]) => ({
        label: markup`\`${literal(name)}\``,
        value: describeOption(t, command, name, decl),
      })),
    });
  }
  const notes = [
    command.where === 'channel' ? t('chat.help.worksChannel') : undefined,
    command.where === 'direct' ? t('chat.help.worksDirect') : undefined,
    command.who === 'supervisor' ? t('chat.help.forSupervisors') : undefined,
    command.who === 'admin' ? t('chat.help.forAdmins') : undefined,
    mayUse(command) ? undefined : t('chat.help.notYours'),
  ].filter((note): note is MarkupText => note !== undefined);
  if (notes.length > 0)
    blocks.push({
      type: 'context',
      text: notes.reduce((all, note, i) => (i === 0 ? note : markup`${all} ${note}`), markup``),
    });
  return {
    text: t('chat.help.commandSummary', {
      usage: markup`\`${usage}\``,
      description: commandDescription(t, command),
    }),
    blocks,
  };
}

function describeOption(t: Translate, command: Command, name: string, decl: OptionDecl): MarkupText {
  const description = optionDescription(t, command, name, decl.description);
  if (decl.type === 'choice') {
    const choices = literal(decl.choices.join(', '));
    return decl.required
      ? t('chat.help.optionNeededChoices', { description, choices })
      : t('chat.help.optionOptionalChoices', { description, choices });
  }
  return decl.required
    ? t('chat.help.optionNeeded', { description })
    : t('chat.help.optionOptional', { description });
}
