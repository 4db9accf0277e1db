// Slack (and the shell) hand us `/peer` plus one line of text. This turns the line into a
// subcommand path and raw option values; the router then validates them with zod.
//
// Rules: subcommand words first (a group and its subcommand before a single word), then
// `name:value` or `name=value` pairs (values may be "double quoted") and bare words, which
// fill the options not given by name in declared order. A string option declared `rest`
// swallows the rest of the bare words when its turn comes (so `/peer topic add a hard week`
// needs no quotes); without one, the last option does, when it is a string. Given by name,
// a `rest` option takes the bare words that follow it (`setup name:Night shift crew`).
//
// A `name:value` whose name the command lacks is refused, never taken as free text: typed
// into `/peer setup` it would otherwise become the team's name ("colour:blue"). The refusal
// lists the command's options, closest first, and says to quote it when it is meant as text.
// A bare word after `name:value` continues that value when only together they pass its
// check (`after:2 hours`), so it is not misread as the next option.

import { type Translate, type Wording, wording } from '../i18n/translate.ts';
import { closestName, editDistance } from './closest-name.ts';
import type { Command, CommandTable } from './command-table.ts';
import { literal, type MarkupText, markup } from './markup.ts';

/** Option names as code spans, `a`, `b`: what a person types, in every language. */
const codeList = (names: readonly string[]): MarkupText =>
  names
    .map((n) => markup`\`${literal(n)}\``)
    .reduce((all, n, i) => (i === 0 ? n : markup`${all}, ${n}`), markup``);

export type ParsedCommandText =
  | {
      readonly ok: true;
      readonly path: readonly string[];
      readonly options: Readonly<Record<string, string>>;
    }
  /** Why the text could not be read, in words that wait for the reader: `reason(t)`. */
  | { readonly ok: false; readonly reason: Wording };

interface Token {
  /** Set when written as `name:value` or `name=value` before any quote. */
  readonly name?: string;
  readonly value: string;
  /** As typed, for when a `name:` turns out not to be an option after all. */
  readonly raw: string;
}

const whitespace = /\s/;
const namePrefix = /^[a-z][a-z0-9_-]*$/i;

// Slack on macOS and iOS turns straight quotes into curly ones as people type.
const normalizeQuotes = (text: string): string => text.replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"');

function tokenize(input: string): Token[] {
  const text = normalizeQuotes(input);
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && whitespace.test(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    let value = '';
    let name: string | undefined;
    let quoted = false;
    while (i < text.length && !whitespace.test(text[i]!)) {
      const char = text[i]!;
      if (char === '"') {
        quoted = true;
        const close = text.indexOf('"', i + 1);
        const end = close === -1 ? text.length : close;
        value += text.slice(i + 1, end);
        i = end + 1;
      } else if ((char === ':' || char === '=') && name === undefined && !quoted && namePrefix.test(value)) {
        name = value.toLowerCase();
        value = '';
        i++;
      } else {
        value += char;
        i++;
      }
    }
    const raw = text.slice(start, Math.min(i, text.length));
    // `https://…` is a link, not an option called https.
    if (name !== undefined && value.startsWith('//')) tokens.push({ value: raw, raw });
    else tokens.push(name === undefined ? { value, raw } : { name, value, raw });
  }
  return tokens;
}

export function parseCommandText(table: CommandTable, text: string): ParsedCommandText {
  const tokens = tokenize(text);
  const found = findCommand(table, tokens);
  if (!found.ok) return found;
  const assigned = assignOptions(table, found.command, tokens.slice(found.command.path.length));
  if (!assigned.ok) return assigned;
  return { ok: true, path: found.command.path, options: assigned.options };
}

type Found =
  | { readonly ok: true; readonly command: Command }
  | { readonly ok: false; readonly reason: Wording };

function findCommand(table: CommandTable, tokens: readonly Token[]): Found {
  const root = `/${table.root.name}`;
  const first = tokens[0];
  if (!first) return { ok: true, command: table.find(['help'])! };
  const word = first.raw.toLowerCase();
  const group = table.group(word);
  if (group) {
    const members = table.commands.filter((c) => c.group === group.name);
    const second = tokens[1];
    const names = literal(members.map((c) => c.name).join(', '));
    if (!second) {
      return {
        ok: false,
        reason: wording('chat.parse.needsWord', { root: literal(root), group: literal(group.name), names }),
      };
    }
    const command = table.find([group.name, second.raw.toLowerCase()]);
    if (command) return { ok: true, command };
    const guess = closestName(
      second.raw,
      members.map((c) => c.name),
    );
    return {
      ok: false,
      reason: unknownReason(root, `${group.name} ${second.raw}`, guess && `${group.name} ${guess}`),
    };
  }
  const command = table.find([word]);
  if (command) return { ok: true, command };
  const nested = table.commands.find((c) => c.group !== undefined && c.name === word);
  const topNames = table.entries.map((e) => (e.kind === 'command' ? e.command.name : e.group.name));
  const guess = nested ? nested.path.join(' ') : closestName(word, topNames);
  return { ok: false, reason: unknownReason(root, first.raw, guess) };
}

function unknownReason(root: string, typed: string, guess: string | undefined): Wording {
  const values = {
    root: literal(root),
    typed: literal(typed.length > 40 ? `${typed.slice(0, 40)}…` : typed),
  };
  return guess
    ? wording('chat.parse.unknownGuess', { ...values, guess: literal(guess) })
    : wording('chat.parse.unknown', values);
}

type Assigned =
  | { readonly ok: true; readonly options: Record<string, string> }
  | { readonly ok: false; readonly reason: Wording };

function assignOptions(table: CommandTable, command: Command, tokens: readonly Token[]): Assigned {
  const usage = markup`\`${literal(`/${table.root.name} ${command.path.join(' ')}`)}\``;
  const declared = Object.keys(command.options);
  const takes = takesSentence(usage, declared);
  const options: Record<string, string> = {};
  const bare: Token[] = [];
  const named = tokens.filter((t) => t.name !== undefined && Object.hasOwn(command.options, t.name));
  const positional = declared.filter((name) => !named.some((t) => t.name === name));
  const last = positional.at(-1);
  const greedy =
    positional.find((name) => {
      const decl = command.options[name];
      return decl?.type === 'string' && decl.rest === true;
    }) ?? (last !== undefined && command.options[last]?.type === 'string' ? last : undefined);

  // A named option that takes the rest of the line (`name:Night shift crew`) takes the bare
  // words after it, up to the next named option: people type it as a sentence.
  let namedRest: string | undefined;
  let lastNamed: string | undefined;
  for (const token of tokens) {
    if (token.name === undefined && namedRest !== undefined) {
      options[namedRest] = `${options[namedRest]} ${token.value}`;
    } else if (
      token.name === undefined &&
      lastNamed !== undefined &&
      continues(command, lastNamed, options, token)
    ) {
      options[lastNamed] = `${options[lastNamed]} ${token.value}`;
    } else if (token.name === undefined) {
      bare.push(token);
      lastNamed = undefined;
    } else if (Object.hasOwn(command.options, token.name)) {
      if (Object.hasOwn(options, token.name)) {
        return {
          ok: false,
          reason: wording('chat.parse.givenTwice', { name: literal(token.name) }),
        };
      }
      options[token.name] = token.value;
      const decl = command.options[token.name];
      namedRest = decl?.type === 'string' && decl.rest === true ? token.name : undefined;
      lastNamed = token.name;
    } else if (
      token.value === '' &&
      closestName(token.name, declared) === undefined &&
      (namedRest ?? greedy)
    ) {
      // "Note: it was hard" is a sentence, not an option: a bare `word:` near no option name.
      if (namedRest !== undefined) options[namedRest] = `${options[namedRest]} ${token.raw}`;
      else bare.push({ value: token.raw, raw: token.raw });
    } else {
      return { ok: false, reason: unknownOptionReason(usage, token, declared) };
    }
  }

  return fillPositional(command, bare, positional, greedy, takes, options);
}

const takesSentence =
  (usage: MarkupText, declared: readonly string[]): Wording =>
  (t) =>
    declared.length
      ? t('chat.parse.takes', { usage, names: codeList(declared) })
      : t('chat.parse.takesNothing', { usage });

/** The refusal for `name:value` with a name the command lacks: its options, closest first. */
function unknownOptionReason(usage: MarkupText, token: Token, declared: readonly string[]): Wording {
  const name = token.name ?? '';
  const byCloseness = [...declared].sort((a, b) => editDistance(name, a) - editDistance(name, b));
  const guess = closestName(name, declared);
  const takes = takesSentence(usage, byCloseness);
  return (t: Translate) => {
    const values = { name: literal(shorten(name)), takes: takes(t) };
    const said = guess
      ? t('chat.parse.unknownOptionGuess', { ...values, guess: literal(guess) })
      : t('chat.parse.unknownOption', values);
    return declared.length ? t('chat.parse.quoteHint', { said, raw: literal(shorten(token.raw)) }) : said;
  };
}

/** Whether a bare word belongs to the named option before it: alone its value fails its check, with the word it passes. */
function continues(command: Command, name: string, options: Record<string, string>, token: Token): boolean {
  const value = options[name];
  if (value === undefined || misfit(command, name, value) === undefined) return false;
  return misfit(command, name, `${value} ${token.value}`) === undefined;
}

const shorten = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Why `word` does not fit the option `name` (its check or choices), or undefined when it does. */
function misfit(command: Command, name: string, word: string): Wording | undefined {
  const decl = command.options[name];
  if (decl?.type === 'string') return decl.check?.(word);
  if (decl?.type === 'choice' && !decl.choices.some((c) => c.toLowerCase() === word.toLowerCase()))
    return wording('chat.parse.notAChoice', { choices: literal(decl.choices.join(', ')) });
  return undefined;
}

/**
 * Bare words fill the options not given by name, in declared order, but only where they fit:
 * a word that an option's check refuses skips that option when a rest-of-line option is still
 * to come (`/peer setup Night shift crew` is a name, not a zone). Otherwise the refusal says
 * which reading was tried.
 */
function fillPositional(
  command: Command,
  bare: readonly Token[],
  positional: readonly string[],
  greedy: string | undefined,
  takes: Wording,
  options: Record<string, string>,
): Assigned {
  const targets = [...positional];
  for (let i = 0; i < bare.length; i++) {
    let target = targets.shift();
    const word = bare[i]!.value;
    while (target !== undefined && target !== greedy && greedy !== undefined && targets.includes(greedy)) {
      if (misfit(command, target, word) === undefined) break;
      target = targets.shift();
    }
    if (target === undefined) {
      const raw = literal(shorten(bare[i]!.raw));
      return { ok: false, reason: (t) => t('chat.parse.unplaced', { word: raw, takes: takes(t) }) };
    }
    if (target === greedy) {
      options[target] = bare
        .slice(i)
        .map((t) => t.value)
        .join(' ');
      break;
    }
    const problem = misfit(command, target, word);
    if (problem !== undefined) {
      const values = { word: literal(shorten(word)), name: literal(target) };
      return {
        ok: false,
        reason: (t) => t('chat.parse.misread', { ...values, problem: problem(t), takes: takes(t) }),
      };
    }
    options[target] = word;
  }
  return { ok: true, options };
}
