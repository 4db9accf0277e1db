// Neutral forms -> Mattermost interactive dialogs, and a submission back to FormValues.
// Within the server's limits (model/integration_action.go): title and labels 24, help text and
// a one-line answer 150, a textarea 3,000. A long label keeps its whole words in the help text.
// Checkboxes become one `bool` element per choice (named `<input>.<n>`); a form of more than
// five questions is asked in parts, as on Discord (paginate-form.ts, mattermost-forms.ts).

import { toPlainText } from '../../chat/index.ts';
import { literal } from '../../chat/markup.ts';
import { type FormPage, paginateForm } from '../../chat/paginate-form.ts';
import { truncateText } from '../../chat/split-text.ts';
import type { Form, FormInput, FormValues } from '../../chat/views.ts';
import { english, type Translate } from '../../i18n/index.ts';
import type { ParsedForm } from '../form-parts.ts';
import { mattermostLimits as limits, toMattermostMarkdown } from './render-markdown.ts';

export interface DialogElement {
  readonly display_name: string;
  readonly name: string;
  readonly type: 'text' | 'textarea' | 'select' | 'bool';
  readonly optional: boolean;
  readonly help_text?: string;
  readonly placeholder?: string;
  readonly default?: string;
  readonly max_length?: number;
  readonly options?: readonly { readonly text: string; readonly value: string }[];
}

export interface Dialog {
  readonly callback_id: string;
  readonly title: string;
  readonly introduction_text?: string;
  readonly submit_label: string;
  readonly notify_on_cancel: boolean;
  readonly state: string;
  readonly elements: readonly DialogElement[];
}

const plain = (text: string, max: number) => truncateText(toPlainText(text).replace(/\s+/g, ' ').trim(), max);

export function dialogPages(form: Form, t: Translate = english): FormPage[] {
  return paginateForm(form, {
    maxInputs: limits.dialogElements,
    maxTitleLength: limits.dialogTitle,
    t,
  });
}

function labelled(input: FormInput): Pick<DialogElement, 'display_name' | 'help_text' | 'optional'> {
  const label = toPlainText(input.label).trim();
  const short = plain(label, limits.dialogDisplayName);
  const help = [short === label ? undefined : label, input.hint ? toPlainText(input.hint) : undefined]
    .filter(Boolean)
    .join(' ');
  return {
    display_name: short,
    optional: input.optional ?? false,
    ...(help === '' ? {} : { help_text: truncateText(help, limits.dialogHelpText) }),
  };
}

function elementsOf(input: FormInput): DialogElement[] {
  switch (input.type) {
    case 'text': {
      const long = input.multiline || (input.maxLength ?? 0) > limits.dialogText;
      const max = Math.min(
        input.maxLength ?? Number.POSITIVE_INFINITY,
        long ? limits.dialogTextarea : limits.dialogText,
      );
      return [
        {
          ...labelled(input),
          name: input.id,
          type: long ? 'textarea' : 'text',
          max_length: max,
          ...(input.placeholder ? { placeholder: plain(input.placeholder, limits.dialogText) } : {}),
          ...(input.initial ? { default: input.initial.slice(0, max) } : {}),
        },
      ];
    }
    case 'select':
      return [
        {
          ...labelled(input),
          name: input.id,
          type: 'select',
          options: input.choices.map((choice) => ({
            text: plain(choice.label, limits.dialogText),
            value: choice.value,
          })),
          ...(input.initial ? { default: input.initial } : {}),
        },
      ];
    case 'checkboxes':
      // Each choice is its own tick box; ticking none is always allowed, so each is optional.
      return input.choices.map((choice, index) => ({
        ...labelled(input),
        name: `${input.id}.${index}`,
        type: 'bool',
        optional: true,
        placeholder: plain(choice.label, limits.dialogText),
        ...(input.initial?.includes(choice.value) ? { default: 'true' } : {}),
      }));
  }
}

/** One part of a form as a dialog; `state` brings the pending form back on submit. */
export function renderDialog(page: FormPage, state: string): Dialog {
  const { form } = page;
  return {
    callback_id: form.formId,
    title: plain(form.title, limits.dialogTitle),
    ...(form.intro ? { introduction_text: toMattermostMarkdown(form.intro) } : {}),
    submit_label: plain(form.submitLabel, limits.dialogTitle),
    notify_on_cancel: false,
    state,
    elements: form.inputs.flatMap(elementsOf),
  };
}

const asText = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
};

/** A submission's values for one part, read by the part's own inputs (nothing else is taken). */
export function dialogToFormValues(
  form: Form,
  submission: Readonly<Record<string, unknown>>,
  t: Translate = english,
): ParsedForm {
  const values: Record<string, string | readonly string[] | undefined> = {};
  for (const input of form.inputs) {
    if (input.type === 'checkboxes') {
      values[input.id] = input.choices
        .filter((_choice, index) => {
          const ticked = submission[`${input.id}.${index}`];
          return ticked === true || ticked === 'true';
        })
        .map((choice) => choice.value);
      continue;
    }
    const given = asText(submission[input.id]);
    if (input.type === 'select' && given !== undefined && !input.choices.some((c) => c.value === given)) {
      return {
        ok: false,
        reason: t('platform.forms.notAChoice', {
          given: literal(plain(given, 40)),
          label: literal(plain(input.label, 60)),
        }),
      };
    }
    values[input.id] = given;
  }
  return { ok: true, values: values satisfies FormValues };
}
