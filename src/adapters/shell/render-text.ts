// Neutral views and forms -> plain terminal text for the shell playground. Buttons and
// select choices are numbered, and `controls` maps each number back to its action, so the
// shell can turn "2" into the same action event a platform click would make.

import type { ParsedFormValues } from '../../chat/form-submission.ts';
import { literal, parseMarkup, toPlainText as toPlainTextMarkup } from '../../chat/markup.ts';
import { matchChoice, matchChoices } from '../../chat/match-choice.ts';
import type { Block, Choice, Form, FormInput, FormValues, View } from '../../chat/views.ts';
import { english, type Translate } from '../../i18n/index.ts';

export interface ShellControl {
  readonly n: number;
  readonly actionId: string;
  readonly value?: string;
}

export interface ShellRender {
  readonly text: string;
  readonly controls: readonly ShellControl[];
}

/**
 * Control characters a person typed (an escape sequence, a carriage return) would move the
 * cursor, recolour or clear the terminal: only tabs and line breaks are kept.
 */
const printable = (text: string): string => text.replace(/[^\P{Cc}\t\n]/gu, '');

/** Bold and italic lose their markers; a link shows its address, since a terminal can't hide it. */
function toShellText(text: string): string {
  return printable(
    parseMarkup(text)
      .map((piece) => (piece.kind === 'link' ? `${piece.label} (${piece.url})` : piece.text))
      .join(''),
  );
}

const toPlainText = (text: string): string => printable(toPlainTextMarkup(text));

const rule = '─'.repeat(32);

export function renderShellText(
  view: View,
  options: { readonly firstNumber?: number; readonly t?: Translate } = {},
): ShellRender {
  const current = toShellText((options.t ?? english)('platform.shell.current'));
  const controls: ShellControl[] = [];
  let next = options.firstNumber ?? 1;
  const control = (actionId: string, value: string | undefined): number => {
    const n = next++;
    controls.push(value === undefined ? { n, actionId } : { n, actionId, value });
    return n;
  };
  const render = (block: Block): string => {
    switch (block.type) {
      case 'header': {
        const title = toPlainText(block.text);
        return `${title}\n${'═'.repeat(Math.min(title.length, 60))}`;
      }
      case 'text':
        return toShellText(block.text);
      case 'fields':
        return block.fields.map((f) => `${toPlainText(f.label)}: ${toShellText(f.value)}`).join('\n');
      case 'context':
        return toShellText(block.text)
          .split('\n')
          .map((line) => `  ${line}`)
          .join('\n');
      case 'divider':
        return rule;
      case 'actions': {
        const lines: string[] = [];
        let buttons: string[] = [];
        for (const element of block.elements) {
          if (element.type === 'button') {
            const label = toPlainText(element.label);
            buttons.push(
              element.url
                ? `[${label}: ${element.url}]`
                : `[${control(element.actionId, element.value)}] ${label}`,
            );
            continue;
          }
          if (buttons.length > 0) lines.push(buttons.join('  '));
          buttons = [];
          lines.push(`${toPlainText(element.placeholder)}:`);
          lines.push(
            ...element.choices.map(
              (c) =>
                `  [${control(element.actionId, c.value)}] ${toPlainText(c.label)}${c.value === element.initial ? current : ''}`,
            ),
          );
        }
        if (buttons.length > 0) lines.push(buttons.join('  '));
        return lines.join('\n');
      }
    }
  };
  const text = view.blocks
    .map(render)
    .filter((part) => part.length > 0)
    .join('\n');
  return { text: text || toShellText(view.text), controls };
}

export interface ShellPrompt {
  readonly inputId: string;
  /** The question as shown, with numbered choices and whether it can be skipped. */
  readonly text: string;
  readonly input: FormInput;
}

export interface ShellForm {
  readonly title: string;
  readonly intro?: string;
  readonly prompts: readonly ShellPrompt[];
}

function choiceLines(t: Translate, choices: readonly Choice[], current: readonly string[] = []): string {
  return choices
    .map(
      (c, i) =>
        `  [${i + 1}] ${toPlainText(c.label)}${current.includes(c.value) ? toShellText(t('platform.shell.now')) : ''}`,
    )
    .join('\n');
}

/** What Enter does: keep the default (the form's initial value), skip, or nothing. */
function enterNote(input: FormInput, t: Translate): string {
  const initial = initialOf(input);
  if (initial !== undefined) {
    const shown =
      input.type === 'text'
        ? `"${initial.length > 60 ? `${initial.slice(0, 60)}…` : initial}"`
        : labelsOf(input, Array.isArray(initial) ? initial : [initial]);
    return toShellText(
      t(input.optional ? 'platform.shell.keepOrEmpty' : 'platform.shell.keep', { shown: literal(shown) }),
    );
  }
  return input.optional ? toShellText(t('platform.shell.optional')) : '';
}

const labelsOf = (input: FormInput & { choices: readonly Choice[] }, values: readonly string[]): string =>
  input.choices
    .filter((c) => values.includes(c.value))
    .map((c) => toPlainText(c.label))
    .join(', ');

/** The input's default as the shell takes it on Enter; undefined when it has none. */
function initialOf(input: FormInput): string | readonly string[] | undefined {
  if (input.type === 'checkboxes')
    return input.initial && input.initial.length > 0 ? input.initial : undefined;
  return input.initial !== undefined && input.initial !== '' ? input.initial : undefined;
}

// A terminal reads a line at a time: a line ending in a backslash goes on to the next, as in a
// shell, so "one a line" answers (check-in questions, plan steps) can be typed as lines.
const continueNote = (t: Translate): string => `\n  ${toShellText(t('platform.shell.severalLines'))}`;

function shellPrompt(input: FormInput, t: Translate): ShellPrompt {
  const hint = input.hint ? `\n  ${toShellText(input.hint)}` : '';
  // A label that already says "(optional)" would say it twice beside the Enter note.
  const label = toPlainText(input.label).replace(input.optional ? /\s*\(optional\)\s*$/i : /$^/, '');
  const head = `${label}${enterNote(input, t)}${hint}`;
  switch (input.type) {
    case 'text':
      return {
        inputId: input.id,
        input,
        text: `${head}${input.placeholder ? `\n  ${toShellText(t('platform.shell.example', { example: literal(input.placeholder) }))}` : ''}${input.multiline ? continueNote(t) : ''}`,
      };
    case 'select':
      return {
        inputId: input.id,
        input,
        text: `${head}\n${choiceLines(t, input.choices, input.initial ? [input.initial] : [])}\n${toShellText(t('platform.shell.pickOne'))}`,
      };
    case 'checkboxes':
      return {
        inputId: input.id,
        input,
        text: `${head}\n${choiceLines(t, input.choices, input.initial ?? [])}\n${toShellText(t('platform.shell.pickSome'))}`,
      };
  }
}

/** A form as a sequence of prompts, asked one after another. */
export function renderShellForm(form: Form, t: Translate = english): ShellForm {
  return {
    title: toPlainText(form.title),
    ...(form.intro ? { intro: toShellText(form.intro) } : {}),
    prompts: form.inputs.map((input) => shellPrompt(input, t)),
  };
}

export type ShellAnswer =
  | { readonly ok: true; readonly value: FormValues[string] }
  | { readonly ok: false; readonly reason: string };

/** One typed answer -> the input's value, or a gentle reason to ask again. */
export function parseShellAnswer(prompt: ShellPrompt, answer: string, t: Translate = english): ShellAnswer {
  const { input } = prompt;
  const typed = answer.trim();
  const empty = { ok: true, value: input.type === 'checkboxes' ? [] : undefined } as const;
  if (!typed) {
    const initial = initialOf(input);
    if (initial !== undefined) return { ok: true, value: initial };
    if (input.optional) return empty;
    return { ok: false, reason: toShellText(t('platform.shell.needsAnswer')) };
  }
  if (typed === '-' && input.optional && initialOf(input) !== undefined) return empty;
  switch (input.type) {
    case 'text':
      if (input.maxLength !== undefined && typed.length > input.maxLength) {
        return {
          ok: false,
          reason: toShellText(t('platform.shell.tooLong', { length: typed.length, max: input.maxLength })),
        };
      }
      return { ok: true, value: typed };
    case 'select': {
      const choice = matchChoice(input.choices, typed);
      return choice
        ? { ok: true, value: choice.value }
        : { ok: false, reason: toShellText(t('platform.shell.noMatch')) };
    }
    case 'checkboxes': {
      const { matched, unmatched } = matchChoices(input.choices, typed);
      return unmatched.length === 0
        ? { ok: true, value: matched.map((c) => c.value) }
        : {
            ok: false,
            reason: toShellText(
              t('platform.shell.noMatches', { typed: literal(unmatched.map((u) => `'${u}'`).join(', ')) }),
            ),
          };
    }
  }
}

/** All answers at once (tests, scripted shell sessions). */
export function parseShellAnswers(
  form: Form,
  answers: readonly string[],
  t: Translate = english,
): ParsedFormValues {
  const { prompts } = renderShellForm(form, t);
  const values: Record<string, FormValues[string]> = {};
  for (const [index, prompt] of prompts.entries()) {
    const result = parseShellAnswer(prompt, answers[index] ?? '', t);
    if (!result.ok) return { ok: false, reason: `${toPlainText(prompt.input.label)}: ${result.reason}` };
    values[prompt.inputId] = result.value;
  }
  return { ok: true, values };
}
