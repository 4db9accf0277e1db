// `/peer help`: what this person may run, one line each, and `/peer help <command>` for
// more. What they may run is the access policy's answer for each command's verb, here
// (the router asks it and passes `mayUse`), so help never lists what the router would refuse.

import { closestName } from './closest-name.ts';
import type { OptionDecl } from './command-options.ts';
import type { Audience, Command, CommandTable, Where } from './command-table.ts';
import type { Block, View } from './views.ts';

/** Whether the access policy lets this person run the command here. */
export type MayUse = (command: Command) => boolean;

const audienceTitles: Record<Audience, string> = {
  everyone: 'For everyone',
  // Lead commands are the policy's to grant (most to a team's admins and supervisors alike): a
  // heading that said "supervisors" told an admin they were not theirs.
  supervisor: 'For team leads (supervisors and admins)',
  admin: 'For team admins',
};

const placeNotes: Record<Where, string> = {
  anywhere: '',
  channel: ' (in a team channel)',
  direct: ' (in a direct message with me)',
};

export function buildHelpView(table: CommandTable, mayUse: MayUse, topic?: string): View {
  const words = topic?.trim().toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  return words.length === 0 ? overview(table, mayUse) : detail(table, mayUse, words);
}

function usage(table: CommandTable, command: Command): string {
  return `\`/${table.root.name} ${command.path.join(' ')}\``;
}

function overview(table: CommandTable, mayUse: MayUse): View {
  const root = `/${table.root.name}`;
  const blocks: Block[] = [
    { type: 'header', text: 'What I can help with' },
    {
      type: 'text',
      text: `Type \`${root}\` and one of these. Everything here is optional, at your own pace.`,
    },
  ];
  for (const audience of ['everyone', 'supervisor', 'admin'] as const) {
    const lines = table.commands
      .filter((c) => c.who === audience && c.name !== 'help' && mayUse(c))
      .map((c) => `${usage(table, c)}: ${c.description}${placeNotes[c.where]}`);
    if (lines.length > 0)
      blocks.push({ type: 'text', text: `**${audienceTitles[audience]}**\n${lines.join('\n')}` });
  }
  blocks.push({
    type: 'context',
    text: `To read more about one, add its name, like \`${root} help ${firstExample(table)}\`. You can skip or snooze anything I send.`,
  });
  return { text: `What I can help with: ${root} help`, blocks };
}

function firstExample(table: CommandTable): string {
  return table.commands.find((c) => c.name !== 'help' && c.who === 'everyone')?.path.join(' ') ?? 'help';
}

function detail(table: CommandTable, mayUse: MayUse, words: readonly string[]): View {
  const root = `/${table.root.name}`;
  const group = table.group(words[0]!);
  if (group && words.length === 1) {
    const lines = table.commands
      .filter((c) => c.group === group.name && mayUse(c))
      .map((c) => `${usage(table, c)}: ${c.description}${placeNotes[c.where]}`);
    return {
      text: `${root} ${group.name}`,
      blocks: [
        { type: 'header', text: `${root} ${group.name}` },
        { type: 'text', text: group.help },
        ...(lines.length > 0 ? [{ type: 'text' as const, text: lines.join('\n') }] : []),
        ...(lines.length === 0
          ? [
              {
                type: 'context' as const,
                text: 'None of these are part of your role here, and that is fine.',
              },
            ]
          : []),
      ],
    };
  }
  const command = table.find(words);
  if (!command) {
    const guess = closestName(
      words.join(' '),
      table.commands.map((c) => c.path.join(' ')),
    );
    const text = guess
      ? `I don't have a command called \`${words.join(' ')}\`. Did you mean \`${root} help ${guess}\`?`
      : `I don't have a command called \`${words.join(' ')}\`. \`${root} help\` lists what I can do.`;
    return { text, blocks: [{ type: 'text', text }] };
  }
  const options = Object.entries(command.options);
  const blocks: Block[] = [
    { type: 'header', text: `${root} ${command.path.join(' ')}` },
    { type: 'text', text: command.help },
  ];
  if (options.length > 0) {
    blocks.push({
      type: 'fields',
      fields: options.map(([name, decl]) => ({ label: name, value: describeOption(decl) })),
    });
  }
  const notes = [
    command.where === 'anywhere' ? '' : `Works${placeNotes[command.where]}.`,
    command.who === 'everyone' ? '' : forRoleNote(command.who),
    mayUse(command) ? '' : 'It looks like that is not yours to do here.',
  ].filter(Boolean);
  if (notes.length > 0) blocks.push({ type: 'context', text: notes.join(' ') });
  return { text: `${root} ${command.path.join(' ')}: ${command.description}`, blocks };
}

function forRoleNote(who: string): string {
  return who === 'supervisor' ? 'This one is for supervisors.' : 'This one is for team admins.';
}

function describeOption(decl: OptionDecl): string {
  const need = decl.required ? 'Needed.' : 'Optional.';
  const extra = decl.type === 'choice' ? ` One of: ${decl.choices.join(', ')}.` : '';
  return `${decl.description}. ${need}${extra}`.replace('.. ', '. ');
}
