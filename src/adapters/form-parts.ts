// What a person sees around a form asked in parts or opened from a button, the same on Discord
// and Mattermost: a modal or dialog needs a fresh trigger, so the next part (or a form whose
// trigger went stale) is offered as a private button whose press brings one.
import { type Form, type FormPage, type FormValues, type View, view } from '../chat/index.ts';
import { literal, type MarkupText, markup } from '../chat/markup.ts';
import { english, languageOfTag, type Translate, translatorFor } from '../i18n/index.ts';

/** A submission's values, or a reason the person reads (their words quoted literally). */
export type ParsedForm =
  | { readonly ok: true; readonly values: FormValues }
  | { readonly ok: false; readonly reason: MarkupText };

/**
 * The reasons a value failed its input's check (src/chat/input-checks.ts). They are plain
 * sentences that quote what the person typed, so they are shown literally: no markup in them
 * is the bot's, and what was typed must not become a link or formatting.
 */
export const checkProblems = (problems: Readonly<Record<string, string>>): MarkupText | undefined => {
  const reasons = Object.values(problems);
  return reasons.length === 0 ? undefined : markup`${literal(reasons.join('\n'))}`;
};

/** What these views need of a platform's pending form. */
export interface FormInParts {
  readonly form: Form;
  readonly pages: readonly FormPage[];
  readonly ticket: string;
  /** 1-based: the part shown next. */
  readonly nextPage: number;
  /** The opener's platform locale, when the platform said; the views speak its language. */
  readonly locale?: string;
}

/** The platform's own language for a person (an interaction's locale), else English. */
export function platformTranslator(locale: string | undefined): Translate {
  const language = languageOfTag(locale);
  return language ? translatorFor(language, locale) : english;
}

const openButton = (label: string, ticket: string, actionId: string) =>
  ({ type: 'button', actionId, label, value: ticket, style: 'primary' }) as const;

/** When a modal cannot be shown directly (too late, or right after another modal). */
export function formButtonView(entry: FormInParts, actionId: string): View {
  const t = platformTranslator(entry.locale);
  // A form's title is plain text on every platform: shown as written, never as markup.
  const title = literal(entry.form.title);
  return view(
    t('platform.forms.readyTitle', { title }),
    { type: 'text', text: t('platform.forms.ready', { title }) },
    { type: 'actions', elements: [openButton(t('platform.forms.open'), entry.ticket, actionId)] },
  );
}

/** Between parts of a longer form. */
export function nextPartView(entry: FormInParts, actionId: string): View {
  const t = platformTranslator(entry.locale);
  const parts = { done: entry.nextPage - 1, count: entry.pages.length };
  return view(
    t('platform.forms.partSavedTitle', parts),
    { type: 'text', text: t('platform.forms.partSaved', parts) },
    { type: 'context', text: t('platform.forms.nothingSentYet') },
    { type: 'actions', elements: [openButton(t('platform.forms.continue'), entry.ticket, actionId)] },
  );
}

/** A typed answer that matched no choice: nothing is kept, and the same part can be tried again. */
export function tryAgainView(entry: FormInParts, reason: MarkupText, actionId: string): View {
  const t = platformTranslator(entry.locale);
  return view(
    t('platform.forms.tryAgainTitle'),
    { type: 'text', text: reason },
    { type: 'actions', elements: [openButton(t('platform.forms.tryAgain'), entry.ticket, actionId)] },
  );
}

export function expiredFormView(t: Translate): View {
  const text = t('platform.forms.expired');
  return view(text, { type: 'text', text });
}
