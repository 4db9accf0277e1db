// Option declarations for commands, and the zod schema derived from them. A declaration is
// written once; Discord registration, the Slack usage hint, text parsing, help and the typed
// options a handler receives all come from it.

import { z } from 'zod';
import { foldChoice, spanishChoices } from '../i18n/command-names-es.ts';
import { type Wording, wording } from '../i18n/translate.ts';
import { optionDescription } from './command-texts.ts';
import { hasControlCharacters } from './control-characters.ts';
import type { CommandOptionValue } from './events.ts';
import { literal, markup } from './markup.ts';

interface OptionBase {
  /** One short line; shown by Discord beside the option (at most 100 characters). */
  readonly description: string;
  readonly required?: boolean;
}

/**
 * Returns what is wrong with the value, in words that wait for the reader's language
 * (`wording('area.key', { value: literal(value) })`), or undefined when it is fine. Shown to the
 * person after the option's name.
 */
export type OptionCheck = (value: string) => Wording | undefined;

export interface StringOptionDecl extends OptionBase {
  readonly type: 'string';
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly check?: OptionCheck;
  /**
   * In typed text (Slack, shell), takes every remaining bare word, so free text needs no
   * quotes. Options declared after it can then only be given by name. One per command.
   */
  readonly rest?: boolean;
}

export interface IntegerOptionDecl extends OptionBase {
  readonly type: 'integer';
  readonly min?: number;
  readonly max?: number;
}

export interface BooleanOptionDecl extends OptionBase {
  readonly type: 'boolean';
}

export interface ChoiceOptionDecl extends OptionBase {
  readonly type: 'choice';
  /** At most 25 (Discord). The value is also what people see and type. */
  readonly choices: readonly string[];
}

export type OptionDecl = StringOptionDecl | IntegerOptionDecl | BooleanOptionDecl | ChoiceOptionDecl;

/** Options by name, in the order people give them without names (required ones first). */
export type OptionDecls = Readonly<Record<string, OptionDecl>>;

type OptionValue<D extends OptionDecl> = D extends StringOptionDecl
  ? string
  : D extends IntegerOptionDecl
    ? number
    : D extends BooleanOptionDecl
      ? boolean
      : D extends { readonly choices: readonly (infer C)[] }
        ? C
        : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The typed options a handler receives: required ones present, optional ones maybe absent. */
export type InferOptions<O extends OptionDecls> = Simplify<
  { readonly [K in keyof O as O[K] extends { readonly required: true } ? K : never]: OptionValue<O[K]> } & {
    readonly [K in keyof O as O[K] extends { readonly required: true } ? never : K]?: OptionValue<O[K]>;
  }
>;

export type RawOptions = Readonly<Record<string, CommandOptionValue>>;

const yes = new Set(['yes', 'y', 'true', 'on', '1']);
const no = new Set(['no', 'n', 'false', 'off', '0']);

/** A person's value quoted back to them, shortened so a pasted essay doesn't flood the reply. */
const shownValue = (value: unknown) => {
  const text = String(value);
  return literal(text.length > 60 ? `${text.slice(0, 57)}…` : text);
};

function describeChoices(choices: readonly string[]) {
  const shown = choices.slice(0, 10).join(', ');
  return literal(choices.length > 10 ? `${shown}, …` : shown);
}

/**
 * A zod issue whose words wait for the reader: `params.say` holds them (zod messages are plain
 * strings, so the message is only the English, for logs and debugging).
 */
function problem(ctx: z.RefinementCtx, input: unknown, say: Wording): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message: 'option problem', input, params: { say } });
  return z.NEVER;
}

function parseOne(decl: OptionDecl, raw: CommandOptionValue, ctx: z.RefinementCtx): CommandOptionValue {
  switch (decl.type) {
    case 'string': {
      const value = String(raw).trim();
      if (hasControlCharacters(value)) return problem(ctx, raw, wording('chat.options.controlCharacter'));
      if (decl.minLength !== undefined && value.length < decl.minLength) {
        return problem(ctx, raw, wording('chat.options.tooShort', { min: decl.minLength }));
      }
      if (decl.maxLength !== undefined && value.length > decl.maxLength) {
        return problem(
          ctx,
          raw,
          wording('chat.options.tooLong', { length: value.length, max: decl.maxLength }),
        );
      }
      const complaint = decl.check?.(value);
      return complaint === undefined ? value : problem(ctx, raw, complaint);
    }
    case 'integer': {
      const value =
        typeof raw === 'number' ? raw : /^\s*[-+]?\d+\s*$/.test(String(raw)) ? Number(raw) : Number.NaN;
      if (!Number.isSafeInteger(value)) {
        return problem(ctx, raw, wording('chat.options.notWhole', { value: shownValue(raw) }));
      }
      if ((decl.min !== undefined && value < decl.min) || (decl.max !== undefined && value > decl.max)) {
        return problem(ctx, raw, rangeSentence(decl.min, decl.max));
      }
      return value;
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const word = String(raw).trim().toLowerCase();
      if (yes.has(word)) return true;
      if (no.has(word)) return false;
      return problem(ctx, raw, wording('chat.options.notYesNo', { value: shownValue(raw) }));
    }
    case 'choice': {
      const word = String(raw).trim().toLowerCase();
      // A choice typed in Spanish (`linea-de-crisis`, `línea-de-crisis`) means its English value.
      const match =
        decl.choices.find((choice) => choice.toLowerCase() === word) ??
        decl.choices.find((choice) => spanishChoices[choice] === foldChoice(word));
      if (match !== undefined) return match;
      return problem(
        ctx,
        raw,
        wording('chat.options.notAChoice', {
          value: shownValue(raw),
          choices: describeChoices(decl.choices),
        }),
      );
    }
  }
}

function rangeSentence(min: number | undefined, max: number | undefined): Wording {
  if (min !== undefined && max !== undefined) return wording('chat.options.range', { min, max });
  if (min !== undefined) return wording('chat.options.atLeast', { min });
  return wording('chat.options.atMost', { max: max ?? 0 });
}

function fieldSchema(decl: OptionDecl) {
  const field = z.unknown().transform((raw, ctx) => {
    if (raw === undefined) {
      // Its description is added in the reader's language by formatOptionProblems.
      ctx.addIssue({ code: 'custom', message: 'option missing', input: raw, params: { missing: true } });
      return z.NEVER;
    }
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      return problem(ctx, raw, wording('chat.options.unreadable'));
    }
    return parseOne(decl, raw, ctx);
  });
  return decl.required ? field : field.optional();
}

/** Blank values count as not given, so `topic:""` on Slack means "no topic", not an error. */
function dropBlank(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  return Object.fromEntries(
    Object.entries(raw).filter(([, value]) => !(typeof value === 'string' && !value.trim())),
  );
}

/**
 * The zod schema for a command's options. It accepts raw values as platforms send them
 * (Slack sends every value as text, Discord sends typed values) and gives typed options.
 * Each issue's message is a plain sentence; `formatOptionProblems` adds the option's name.
 */
export function optionsSchema<const O extends OptionDecls>(decls: O): z.ZodType<InferOptions<O>> {
  const shape = Object.fromEntries(Object.entries(decls).map(([name, decl]) => [name, fieldSchema(decl)]));
  const schema = z.preprocess(
    dropBlank,
    z.strictObject(shape, {
      error: (issue) => (issue.code === 'unrecognized_keys' ? 'unknown options' : undefined),
    }),
  );
  // The shape is built from `decls` at run time, so its static type is a record of unknowns;
  // every field's transform above produces exactly OptionValue of its declaration.
  return schema as unknown as z.ZodType<InferOptions<O>>;
}

/** The command whose options these are: its path and declarations, for the missing ones' words. */
export interface OptionsOf {
  readonly path: readonly string[];
  readonly options: OptionDecls;
}

const sayOf = (issue: z.core.$ZodIssue): unknown =>
  'params' in issue && issue.params ? (issue.params as { say?: unknown }).say : undefined;

/**
 * One line per problem, in the reader's language when said: "`timezone`: 'Europe/Berln' is not
 * a time zone I know. …". Option names stay as typed.
 */
export function formatOptionProblems(issues: readonly z.core.$ZodIssue[], command?: OptionsOf): Wording[] {
  return issues.map((issue): Wording => {
    if (issue.code === 'unrecognized_keys') {
      const names = issue.keys
        .map((k) => markup`\`${literal(k)}\``)
        .reduce((all, k, i) => (i === 0 ? k : markup`${all}, ${k}`), markup``);
      return (t) =>
        issue.keys.length === 1
          ? t('chat.options.unknownOne', { names })
          : t('chat.options.unknownMany', { names });
    }
    const name = issue.path[0];
    const said = sayOf(issue);
    const decl = typeof name === 'string' ? command?.options[name] : undefined;
    const say: Wording =
      typeof said === 'function'
        ? (said as Wording)
        : typeof name === 'string' && decl && command
          ? (t) =>
              t('chat.options.missing', {
                description: optionDescription(t, command, name, decl.description),
              })
          : wording('chat.options.unreadable');
    return typeof name === 'string'
      ? (t) => t('chat.options.named', { name: literal(name), problem: say(t) })
      : say;
  });
}

let knownZones: ReadonlySet<string> | undefined;

/** Ready-made checks for common option kinds. */
export const checks = {
  timeZone: (value: string): Wording | undefined => {
    knownZones ??= new Set(Intl.supportedValuesOf('timeZone'));
    if (knownZones.has(value) || value === 'UTC') return undefined;
    try {
      // Aliases such as Asia/Calcutta are valid but not in the canonical list.
      new Intl.DateTimeFormat('en', { timeZone: value });
      return undefined;
    } catch {
      return wording('chat.options.notATimeZone', { value: shownValue(value) });
    }
  },
} as const satisfies Record<string, OptionCheck>;
