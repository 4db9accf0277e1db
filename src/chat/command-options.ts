// Option declarations for commands, and the zod schema derived from them. A declaration is
// written once; Discord registration, the Slack usage hint, text parsing, help and the typed
// options a handler receives all come from it.

import { z } from 'zod';
import { foldChoice, spanishChoices } from '../i18n/command-names-es.ts';
import { controlCharacterSentence, hasControlCharacters } from './control-characters.ts';
import type { CommandOptionValue } from './events.ts';

interface OptionBase {
  /** One short line; shown by Discord beside the option (at most 100 characters). */
  readonly description: string;
  readonly required?: boolean;
}

/**
 * Returns a plain sentence saying what is wrong with the value, or undefined when it is fine.
 * The sentence is shown to the person as it is, after the option's name.
 */
export type OptionCheck = (value: string) => string | undefined;

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

/** Quote a person's value back to them, shortened so a pasted essay doesn't flood the reply. */
const quoteValue = (value: unknown): string => {
  const text = String(value);
  return `'${text.length > 60 ? `${text.slice(0, 57)}…` : text}'`;
};

function describeChoices(choices: readonly string[]): string {
  const shown = choices.slice(0, 10).join(', ');
  return choices.length > 10 ? `${shown}, …` : shown;
}

function problem(ctx: z.RefinementCtx, input: unknown, message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, input });
  return z.NEVER;
}

function parseOne(decl: OptionDecl, raw: CommandOptionValue, ctx: z.RefinementCtx): CommandOptionValue {
  switch (decl.type) {
    case 'string': {
      const value = String(raw).trim();
      if (hasControlCharacters(value)) return problem(ctx, raw, controlCharacterSentence);
      if (decl.minLength !== undefined && value.length < decl.minLength) {
        return problem(ctx, raw, `that's a little short; it needs at least ${decl.minLength} characters.`);
      }
      if (decl.maxLength !== undefined && value.length > decl.maxLength) {
        return problem(
          ctx,
          raw,
          `that's ${value.length} characters, and I can take up to ${decl.maxLength}. A shorter version works fine.`,
        );
      }
      const complaint = decl.check?.(value);
      return complaint === undefined ? value : problem(ctx, raw, complaint);
    }
    case 'integer': {
      const value =
        typeof raw === 'number' ? raw : /^\s*[-+]?\d+\s*$/.test(String(raw)) ? Number(raw) : Number.NaN;
      if (!Number.isSafeInteger(value)) {
        return problem(ctx, raw, `${quoteValue(raw)} isn't a whole number. Try something like 2.`);
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
      return problem(ctx, raw, `${quoteValue(raw)} isn't a yes or no. Try yes or no.`);
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
        `${quoteValue(raw)} isn't one of the choices. Try one of: ${describeChoices(decl.choices)}.`,
      );
    }
  }
}

function rangeSentence(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `pick a number from ${min} to ${max}.`;
  if (min !== undefined) return `pick a number of ${min} or more.`;
  return `pick a number of ${max} or less.`;
}

function fieldSchema(decl: OptionDecl) {
  const field = z.unknown().transform((raw, ctx) => {
    if (raw === undefined) {
      return problem(ctx, raw, `please add this one (${lowerFirst(decl.description)}).`);
    }
    if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
      return problem(ctx, raw, 'I could not read that value. Try typing it again.');
    }
    return parseOne(decl, raw, ctx);
  });
  return decl.required ? field : field.optional();
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

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
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `I don't know ${issue.keys.length === 1 ? 'an option called' : 'the options'} ${issue.keys.map((k) => `\`${k}\``).join(', ')}.`
          : undefined,
    }),
  );
  // The shape is built from `decls` at run time, so its static type is a record of unknowns;
  // every field's transform above produces exactly OptionValue of its declaration.
  return schema as unknown as z.ZodType<InferOptions<O>>;
}

/** One plain line per problem: "`timezone`: 'Europe/Berln' is not a time zone I know. …". */
export function formatOptionProblems(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const name = issue.path[0];
    return typeof name === 'string' ? `\`${name}\`: ${issue.message}` : issue.message;
  });
}

let knownZones: ReadonlySet<string> | undefined;

/** Ready-made checks for common option kinds. */
export const checks = {
  timeZone: (value: string): string | undefined => {
    knownZones ??= new Set(Intl.supportedValuesOf('timeZone'));
    if (knownZones.has(value) || value === 'UTC') return undefined;
    try {
      // Aliases such as Asia/Calcutta are valid but not in the canonical list.
      new Intl.DateTimeFormat('en', { timeZone: value });
      return undefined;
    } catch {
      return `${quoteValue(value)} is not a time zone I know. Try one like Europe/Berlin or America/New_York.`;
    }
  },
} as const satisfies Record<string, OptionCheck>;
