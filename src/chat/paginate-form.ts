// Discord modals hold at most five inputs, and a modal cannot open another modal, so a
// longer form is asked in parts ("Part 1 of 2") with a Continue step between them; the
// adapter keeps earlier parts' values and sends one form event once the last part is in.

import { english, type Translate } from '../i18n/translate.ts';
import { truncateText } from './split-text.ts';
import type { Form, FormValues } from './views.ts';

export interface FormPage {
  /** 1-based. */
  readonly page: number;
  readonly pageCount: number;
  /** The part as a form of its own: same formId and context, title marked with the part. */
  readonly form: Form;
  readonly inputIds: readonly string[];
}

export interface PaginateOptions {
  readonly maxInputs: number;
  /** The platform's title limit, so the "(1/2)" mark survives shortening. */
  readonly maxTitleLength?: number;
  /** The reader's translator, for "Part 1 of 2." and "Next" (English when not given). */
  readonly t?: Translate;
}

/** Splits into as few parts as fit, as evenly as possible (5+1 reads worse than 3+3). */
export function paginateForm(form: Form, options: PaginateOptions): FormPage[] {
  const { maxInputs, maxTitleLength = Number.POSITIVE_INFINITY, t = english } = options;
  if (!Number.isInteger(maxInputs) || maxInputs < 1)
    throw new Error(`maxInputs must be 1 or more, got ${maxInputs}`);
  const pageCount = Math.max(1, Math.ceil(form.inputs.length / maxInputs));
  const perPage = Math.ceil(form.inputs.length / pageCount);
  const { intro: _whole, ...rest } = form;
  const pages: FormPage[] = [];
  for (let index = 0; index < pageCount; index++) {
    const page = index + 1;
    const inputs = form.inputs.slice(index * perPage, (index + 1) * perPage);
    const intro =
      pageCount === 1
        ? form.intro
        : [t('chat.forms.part', { page, pages: pageCount }), page === 1 ? form.intro : undefined]
            .filter(Boolean)
            .join(' ');
    pages.push({
      page,
      pageCount,
      inputIds: inputs.map((input) => input.id),
      form: {
        ...rest,
        title: pageTitle(form.title, page, pageCount, maxTitleLength),
        submitLabel: page === pageCount ? form.submitLabel : t('chat.forms.next'),
        ...(intro ? { intro } : {}),
        inputs,
      },
    });
  }
  return pages;
}

function pageTitle(
  title: string,
  page: number,
  pageCount: number,
  maxLength = Number.POSITIVE_INFINITY,
): string {
  if (pageCount === 1) return truncateText(title, maxLength);
  const mark = ` (${page}/${pageCount})`;
  return `${truncateText(title, Math.max(1, maxLength - mark.length))}${mark}`;
}

/** One form's values from its parts' values; a later part wins for the same input id. */
export function mergePageValues(pages: readonly FormValues[]): FormValues {
  return Object.assign({}, ...pages);
}
