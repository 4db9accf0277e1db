// A form as a conversation: one question at a time, answers by number or name, a kind
// reason and the same question again when an answer doesn't fit. Pure state, no I/O; the
// REPL prints what each step returns.

import { type Actor, checkValue, type Form, type FormValues, type Place } from '../../chat/index.ts';
import { literal, toPlainText } from '../../chat/markup.ts';
import { english, type Translate } from '../../i18n/index.ts';
import { platformTranslator } from '../form-parts.ts';
import { parseShellAnswer, parseShellAnswers, renderShellForm, type ShellForm } from './render-text.ts';
import { indent } from './shell-output.ts';

export type FormStep =
  | { readonly kind: 'ask'; readonly text: string }
  | { readonly kind: 'retry'; readonly text: string }
  | { readonly kind: 'done'; readonly values: FormValues }
  | { readonly kind: 'failed'; readonly reason: string };

export interface FormSession {
  readonly form: Form;
  /** Who the form is for and where it was opened: the submission comes from them, there. */
  readonly actor: Actor;
  readonly place: Place;
  /** The title, intro, how to answer, and the first question. */
  opening(): string;
  answer(typed: string): FormStep;
}

export const cancelledFormNote = (t: Translate = english): string =>
  toPlainText(t('platform.shell.cancelled'));

export const unfinishedFormNote = (t: Translate = english): string =>
  toPlainText(t('platform.shell.unfinished'));

function question(shell: ShellForm, index: number, t: Translate): string {
  const prompt = shell.prompts[index];
  if (!prompt) return '';
  const counter =
    shell.prompts.length > 1
      ? `${toPlainText(t('platform.shell.questionOf', { n: index + 1, count: shell.prompts.length }))} `
      : '';
  return indent(`${counter}${prompt.text}`);
}

export function startFormSession(
  form: Form,
  owner: { readonly actor: Actor; readonly place: Place },
): FormSession {
  // The person's own language, as their client (LANG, /as --lang) says.
  const t = platformTranslator(owner.actor.locale);
  const shell = renderShellForm(form, t);
  const answers: string[] = [];
  /** Lines of a multi-line answer so far (each ended with a backslash). */
  const pending: string[] = [];

  const finish = (): FormStep => {
    const parsed = parseShellAnswers(form, answers, t);
    return parsed.ok ? { kind: 'done', values: parsed.values } : { kind: 'failed', reason: parsed.reason };
  };

  return {
    form,
    actor: owner.actor,
    place: owner.place,
    opening() {
      const name = owner.actor.displayName ?? owner.actor.userId;
      const lines = [
        `\n${toPlainText(t('platform.shell.formFor', { name: literal(name), title: literal(shell.title) }))}`,
      ];
      if (shell.intro) lines.push(indent(shell.intro));
      lines.push(
        shell.prompts.length === 0
          ? `  ${toPlainText(t('platform.shell.nothingToFill'))}`
          : `  ${toPlainText(t('platform.shell.oneAtATime'))}`,
      );
      if (shell.prompts.length > 0) lines.push(question(shell, 0, t));
      return lines.join('\n');
    },
    answer(line) {
      const prompt = shell.prompts[answers.length];
      if (!prompt) return finish();
      if (prompt.input.type === 'text' && prompt.input.multiline && /\\\s*$/.test(line)) {
        pending.push(line.replace(/\s*\\\s*$/, ''));
        return { kind: 'ask', text: '  …' };
      }
      const typed = [...pending, line].join('\n');
      pending.length = 0;
      const result = parseShellAnswer(prompt, typed, t);
      // The input's own check, at once: a person fixes one answer, not the whole form at the end.
      const problem =
        result.ok && prompt.input.type === 'text' && prompt.input.check && typeof result.value === 'string'
          ? checkValue(prompt.input.check, result.value)
          : undefined;
      const reason = result.ok ? problem : result.reason;
      if (reason !== undefined) {
        return { kind: 'retry', text: `  ${reason}\n${question(shell, answers.length, t)}` };
      }
      answers.push(typed);
      return answers.length < shell.prompts.length
        ? { kind: 'ask', text: question(shell, answers.length, t) }
        : finish();
    },
  };
}
