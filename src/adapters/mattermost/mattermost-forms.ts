// Forms open on Mattermost, remembered between "open the dialog" and "it came back", by person
// and ticket (the dialog's `state`). A submission carries only the values typed, not which
// answers were choices or tick boxes, so the Form is kept here for a while. In memory on
// purpose, like Discord's: after a restart an open dialog comes back unknown and the person is
// asked, gently, to start again.
//
// A dialog needs a fresh trigger (a command or a button press, about three seconds) and a
// dialog cannot open another, so the next part of a long form, or a form whose trigger went
// stale, is offered as a private "Continue" / "Open the form" button: its press brings a trigger.
import { randomBytes } from 'node:crypto';
import { type Form, type FormPage, type FormValues, mergePageValues, type View } from '../../chat/index.ts';
import type { MarkupText } from '../../chat/markup.ts';
import {
  expiredFormView,
  platformTranslator,
  formButtonView as sharedFormButtonView,
  nextPartView as sharedNextPartView,
  tryAgainView as sharedTryAgainView,
} from '../form-parts.ts';
import { dialogPages } from './render-dialog.ts';

/** The action id of the adapter's own "open the form" button; never reaches the router. */
export const openFormActionId = 'mattermost-form:open';

export interface PendingForm {
  readonly userId: string;
  readonly form: Form;
  readonly pages: readonly FormPage[];
  readonly ticket: string;
  readonly collected: FormValues[];
  /** 1-based: the part shown next. */
  nextPage: number;
  expiresAt: number;
  /** The opener's locale, when Mattermost said: the words around the form speak its language. */
  readonly locale?: string;
}

export type SubmittedPart =
  | { readonly kind: 'more'; readonly entry: PendingForm }
  | { readonly kind: 'complete'; readonly values: FormValues };

export class PendingForms {
  readonly #entries = new Map<string, PendingForm>();
  constructor(
    readonly ttlMs = 2 * 60 * 60 * 1000,
    readonly maxEntries = 5_000,
    readonly now: () => number = Date.now,
  ) {}

  open(userId: string, form: Form, locale?: string): PendingForm {
    this.#sweep();
    const entry: PendingForm = {
      userId,
      form,
      pages: dialogPages(form, platformTranslator(locale)),
      ticket: randomBytes(9).toString('base64url'),
      collected: [],
      nextPage: 1,
      expiresAt: this.now() + this.ttlMs,
      ...(locale === undefined ? {} : { locale }),
    };
    this.#entries.set(entry.ticket, entry);
    while (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return entry;
  }

  /** The person's own form with this ticket, if it is still open. */
  byTicket(userId: string, ticket: string): PendingForm | undefined {
    this.#sweep();
    const entry = this.#entries.get(ticket);
    return entry?.userId === userId ? entry : undefined;
  }

  page(entry: PendingForm): FormPage {
    const page = entry.pages[entry.nextPage - 1];
    if (!page) throw new Error(`Form ${entry.form.formId} has no part ${entry.nextPage}`);
    return page;
  }

  submitted(entry: PendingForm, values: FormValues): SubmittedPart {
    entry.collected.push(values);
    entry.expiresAt = this.now() + this.ttlMs;
    if (entry.nextPage < entry.pages.length) {
      entry.nextPage += 1;
      return { kind: 'more', entry };
    }
    this.#entries.delete(entry.ticket);
    return { kind: 'complete', values: mergePageValues(entry.collected) };
  }

  clear(): void {
    this.#entries.clear();
  }

  #sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.#entries) if (entry.expiresAt <= now) this.#entries.delete(key);
  }
}

// What the person sees around a form: the same words as on Discord (../form-parts.ts).
export const formButtonView = (entry: PendingForm): View => sharedFormButtonView(entry, openFormActionId);
export const nextPartView = (entry: PendingForm): View => sharedNextPartView(entry, openFormActionId);
export const tryAgainView = (entry: PendingForm, reason: MarkupText): View =>
  sharedTryAgainView(entry, reason, openFormActionId);
export { expiredFormView };
