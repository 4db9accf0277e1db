// The one command table: `/peer`, its subcommands and one level of groups. Features export
// `defineCommand(...)`s in their `Feature` (src/features/feature.ts); app.ts folds the features
// into the table (`buildFeatures`); Discord registration, the Slack manifest, text parsing,
// help and the router all read it.

import type { z } from 'zod';
import type { Wording } from '../i18n/translate.ts';
import {
  formatOptionProblems,
  type InferOptions,
  type OptionDecl,
  type OptionDecls,
  optionsSchema,
  type RawOptions,
} from './command-options.ts';
import type { CommandContext, CommandHandler, HandlerContext } from './handler-types.ts';
import { commandNamePattern, discordLimits } from './limits.ts';

/**
 * Who a command is meant for: the section `/peer help` lists it under. Access itself is the
 * command's `verb`, decided by the access policy (src/access) before the handler runs.
 */
export type Audience = 'everyone' | 'supervisor' | 'admin';

/** Where a command works. The router answers gently when it is used in the other place. */
export type Where = 'channel' | 'direct' | 'anywhere';

export interface CommandSpec<O extends OptionDecls> {
  readonly name: string;
  /** The group it sits under, e.g. `admin` for `/peer admin outbox`; declared with defineGroup. */
  readonly group?: string;
  /** One line, at most 100 characters (Discord). */
  readonly description: string;
  /** A plain sentence or two for `/peer help <command>`. */
  readonly help: string;
  readonly who: Audience;
  /**
   * What the command does, as the access policy names it (src/access/verbs.ts): the router asks
   * the policy about this verb, at the command's place, before the handler runs.
   */
  readonly verb: string;
  readonly where: Where;
  readonly options?: O;
  readonly handler: CommandHandler<InferOptions<O>>;
}

export type PreparedCommand =
  | { readonly ok: true; readonly run: (context: HandlerContext<'command'>) => Promise<void> }
  | { readonly ok: false; readonly problems: readonly Wording[] };

/** A command as the table holds it: its options' types are sealed inside `prepare`. */
export interface Command {
  readonly name: string;
  readonly group?: string;
  /** `[name]` or `[group, name]`. */
  readonly path: readonly string[];
  readonly description: string;
  readonly help: string;
  readonly who: Audience;
  readonly verb: string;
  readonly where: Where;
  readonly options: OptionDecls;
  /** Parses raw options with the command's zod schema; on success, runs the handler with typed options. */
  prepare(raw: RawOptions): PreparedCommand;
}

export interface TypedCommand<O extends OptionDecls> extends Command {
  readonly options: O;
  readonly schema: z.ZodType<InferOptions<O>>;
  readonly handler: CommandHandler<InferOptions<O>>;
}

/**
 * Declares a command. `const` keeps literal option declarations, so the handler's options
 * are typed (`required: true` makes a field non-optional, choices become a union).
 */
export function defineCommand<const O extends OptionDecls = Record<never, OptionDecl>>(
  spec: CommandSpec<O>,
): TypedCommand<O> {
  const options = (spec.options ?? {}) as O;
  const schema = optionsSchema(options);
  const handler = spec.handler;
  const path = spec.group === undefined ? [spec.name] : [spec.group, spec.name];
  return {
    name: spec.name,
    ...(spec.group === undefined ? {} : { group: spec.group }),
    path,
    description: spec.description,
    help: spec.help,
    who: spec.who,
    verb: spec.verb,
    where: spec.where,
    options,
    schema,
    handler,
    prepare(raw) {
      const parsed = schema.safeParse(raw);
      if (!parsed.success)
        return { ok: false, problems: formatOptionProblems(parsed.error.issues, { path, options }) };
      const typed = parsed.data;
      return {
        ok: true,
        run: (context) => handler({ ...context, options: typed } satisfies CommandContext<InferOptions<O>>),
      };
    },
  };
}

export interface CommandGroup {
  readonly name: string;
  readonly description: string;
  readonly help: string;
}

export const defineGroup = (group: CommandGroup): CommandGroup => group;

export type TableEntry =
  | { readonly kind: 'command'; readonly command: Command }
  | { readonly kind: 'group'; readonly group: CommandGroup; readonly commands: readonly Command[] };

export interface RootCommand {
  /** `peer` for `/peer`. */
  readonly name: string;
  readonly description: string;
}

export interface CommandTable {
  readonly root: RootCommand;
  /** Top-level subcommands and groups, in the order they were given. */
  readonly entries: readonly TableEntry[];
  /** Every runnable command, groups flattened, in table order. */
  readonly commands: readonly Command[];
  find(path: readonly string[]): Command | undefined;
  group(name: string): CommandGroup | undefined;
}

export class CommandTableError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      `The command table has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems
        .map((p) => `  - ${p}`)
        .join('\n')}`,
    );
    this.name = 'CommandTableError';
  }
}

/** The help command every table has; the router answers it (it needs the whole table). */
export const helpCommand = defineCommand({
  name: 'help',
  description: 'See what I can help with',
  help: 'Lists what you can do here, one line each. Add a command name to read more about it, like `help checkin`.',
  who: 'everyone',
  verb: 'help',
  where: 'anywhere',
  options: {
    command: { type: 'string', description: 'A command to read more about', maxLength: 100, rest: true },
  },
  handler: async () => {
    throw new Error('help is answered by the router, never by this handler');
  },
});

export interface TableInput {
  readonly root?: RootCommand;
  readonly groups?: readonly CommandGroup[];
  /** Features' command arrays, concatenated. `help` is added for you. */
  readonly commands: readonly Command[];
}

const defaultRoot: RootCommand = {
  name: 'peer',
  description: 'PeerBridge: check-ins, support and supervision for your peer team',
};

export function createCommandTable(input: TableInput): CommandTable {
  const root = input.root ?? defaultRoot;
  const groups = input.groups ?? [];
  const problems = validate(root, groups, input.commands);
  if (problems.length > 0) throw new CommandTableError(problems);

  const commands = [...input.commands, helpCommand];
  const entries: TableEntry[] = [];
  for (const command of commands) {
    if (command.group === undefined) {
      entries.push({ kind: 'command', command });
    } else if (!entries.some((e) => e.kind === 'group' && e.group.name === command.group)) {
      const group = groups.find((g) => g.name === command.group)!;
      entries.push({ kind: 'group', group, commands: commands.filter((c) => c.group === group.name) });
    }
  }
  const flat = entries.flatMap((entry) => (entry.kind === 'command' ? [entry.command] : entry.commands));
  const byPath = new Map(flat.map((command) => [command.path.join(' '), command]));
  return {
    root,
    entries,
    commands: flat,
    find: (path) => byPath.get(path.join(' ')),
    group: (name) => groups.find((g) => g.name === name),
  };
}

function checkName(kind: string, name: string, problems: string[]): void {
  if (!commandNamePattern.test(name) || name !== name.toLowerCase()) {
    problems.push(
      `${kind} name '${name}' must be 1-32 lowercase letters, digits, '-' or '_' (Discord's naming rule).`,
    );
  }
}

function checkDescription(where: string, description: string, problems: string[]): void {
  if (description.trim().length === 0) problems.push(`${where} needs a description.`);
  if (description.length > discordLimits.commandDescription) {
    problems.push(
      `${where} description is ${description.length} characters; Discord allows ${discordLimits.commandDescription}.`,
    );
  }
}

function validate(
  root: RootCommand,
  groups: readonly CommandGroup[],
  commands: readonly Command[],
): string[] {
  const problems: string[] = [];
  checkName('Root command', root.name, problems);
  checkDescription(`/${root.name}`, root.description, problems);

  const topLevel = new Map<string, string>();
  const claim = (name: string, what: string) => {
    const previous = topLevel.get(name);
    if (previous) problems.push(`'${name}' is declared twice (as ${previous} and as ${what}).`);
    else topLevel.set(name, what);
  };
  claim('help', 'the built-in help command');

  for (const group of groups) {
    checkName('Group', group.name, problems);
    checkDescription(`Group '${group.name}'`, group.description, problems);
    if (!group.help.trim()) problems.push(`Group '${group.name}' needs help text.`);
    claim(group.name, 'a group');
    const members = commands.filter((c) => c.group === group.name);
    if (members.length === 0)
      problems.push(`Group '${group.name}' has no commands; Discord needs at least one.`);
    if (members.length > discordLimits.commandOptions) {
      problems.push(
        `Group '${group.name}' has ${members.length} commands; Discord allows ${discordLimits.commandOptions}.`,
      );
    }
    const seen = new Set<string>();
    for (const member of members) {
      if (seen.has(member.name)) problems.push(`'${group.name} ${member.name}' is declared twice.`);
      seen.add(member.name);
    }
  }

  for (const command of commands) {
    const label = `Command '${command.path.join(' ')}'`;
    checkName('Command', command.name, problems);
    checkDescription(label, command.description, problems);
    if (!command.help.trim()) problems.push(`${label} needs help text.`);
    if (command.group === undefined) claim(command.name, 'a command');
    else if (!groups.some((g) => g.name === command.group)) {
      problems.push(`${label} uses group '${command.group}', which is not declared with defineGroup.`);
    }
    problems.push(...validateOptions(label, command.options));
  }

  // The help command is the one extra top-level entry.
  const topLevelCount = topLevel.size;
  if (topLevelCount > discordLimits.commandOptions) {
    problems.push(
      `/${root.name} has ${topLevelCount} subcommands and groups (help included); Discord allows ${discordLimits.commandOptions}.`,
    );
  }
  return problems;
}

function validateOptions(label: string, options: OptionDecls): string[] {
  const problems: string[] = [];
  const entries = Object.entries(options);
  if (entries.length > discordLimits.commandOptions) {
    problems.push(`${label} has ${entries.length} options; Discord allows ${discordLimits.commandOptions}.`);
  }
  let optionalSeen: string | undefined;
  const rest = entries.filter(([, decl]) => decl.type === 'string' && decl.rest);
  if (rest.length > 1) problems.push(`${label} has ${rest.length} options marked rest; one at most.`);
  for (const [name, decl] of entries) {
    const where = `${label} option '${name}'`;
    checkName('Option', name, problems);
    checkDescription(where, decl.description, problems);
    if (decl.required && optionalSeen !== undefined) {
      problems.push(
        `${where} is required but comes after optional '${optionalSeen}'; put required options first.`,
      );
    }
    if (!decl.required) optionalSeen ??= name;
    if (decl.type === 'choice') {
      if (decl.choices.length === 0 || decl.choices.length > discordLimits.commandChoices) {
        problems.push(
          `${where} has ${decl.choices.length} choices; it needs 1 to ${discordLimits.commandChoices}.`,
        );
      }
      const lowered = decl.choices.map((c) => c.toLowerCase());
      if (new Set(lowered).size !== lowered.length) problems.push(`${where} has the same choice twice.`);
      for (const choice of decl.choices) {
        if (choice.trim().length === 0 || choice.length > discordLimits.choiceValue) {
          problems.push(`${where} choice '${choice}' must be 1-${discordLimits.choiceValue} characters.`);
        }
      }
    }
    if (decl.type === 'string') {
      const { minLength = 0, maxLength = discordLimits.stringOptionMaxLength } = decl;
      if (
        maxLength < 1 ||
        maxLength > discordLimits.stringOptionMaxLength ||
        minLength < 0 ||
        minLength > maxLength
      ) {
        problems.push(
          `${where} has lengths ${minLength}-${maxLength}; Discord allows 0-6000 with min <= max.`,
        );
      }
    }
    if (decl.type === 'integer' && decl.min !== undefined && decl.max !== undefined && decl.min > decl.max) {
      problems.push(`${where} has min ${decl.min} above max ${decl.max}.`);
    }
  }
  return problems;
}
