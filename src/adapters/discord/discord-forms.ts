// Forms that are open on Discord, remembered between "show the modal" and "it came back".
//
// A modal submission carries only its custom id and the values typed, not the inputs' types
// (select or checkboxes, which choices), and that is needed to turn it back into FormValues.
// So the Form is kept here, keyed by person + form id + context, for a while after it was
// opened. Kept in memory on purpose: one process holds the one gateway connection that
// receives the submissions; after a restart an open modal comes back unknown and the
// person is asked, gently, to start again.
//
// Two more Discord quirks live here: a modal holds at most five inputs, so a longer form is
// asked in parts with the earlier parts' values kept until the last one is in; and a modal
// can only be the first answer to an interaction (never after a defer, never from a modal),
// so in those cases the person gets a button that opens it.

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
import { type DiscordModalId, discordFormPages } from './render-components.ts';

/** The action id of the adapter's own "open the form" button; never reaches the router. */
export const openFormActionId = 'discord-form:open';

export interface PendingForm {
  readonly userId: string;
  readonly form: Form;
  readonly pages: readonly FormPage[];
  /** Given back by the "open the form" button. */
  readonly ticket: string;
  /** Values of the parts already submitted, in order. */
  readonly collected: FormValues[];
  /** 1-based: the part to show next. */
  nextPage: number;
  expiresAt: number;
  /** The opener's Discord locale: the words around the form speak its language. */
  readonly locale?: string;
}

export type SubmittedPart =
  | { readonly kind: 'more'; readonly entry: PendingForm }
  | { readonly kind: 'complete'; readonly values: FormValues };

export interface PendingFormsOptions {
  /** How long an opened form is remembered. Writing about something hard can take a while. */
  readonly ttlMs?: number;
  readonly maxEntries?: number;
  readonly now?: () => number;
}

const keyOf = (userId: string, formId: string, context: string | undefined) =>
  `${userId}\n${formId}\n${context ?? ''}`;

export class PendingForms {
  readonly #entries = new Map<string, PendingForm>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: PendingFormsOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 2 * 60 * 60 * 1000;
    this.#maxEntries = options.maxEntries ?? 5_000;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Remembers a form as opened by `userId`; opening the same form again starts it over. */
  open(userId: string, form: Form, locale?: string): PendingForm {
    this.#sweep();
    const key = keyOf(userId, form.formId, form.context);
    this.#entries.delete(key);
    const entry: PendingForm = {
      userId,
      form,
      pages: discordFormPages(form, platformTranslator(locale)),
      ticket: randomBytes(9).toString('base64url'),
      collected: [],
      nextPage: 1,
      expiresAt: this.#now() + this.#ttlMs,
      ...(locale === undefined ? {} : { locale }),
    };
    this.#entries.set(key, entry);
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return entry;
  }

  /** The form a button press wants opened, if it is still known and is this person's. */
  byTicket(userId: string, ticket: string): PendingForm | undefined {
    this.#sweep();
    for (const entry of this.#entries.values()) {
      if (entry.ticket === ticket && entry.userId === userId) return entry;
    }
    return undefined;
  }

  /** The form a modal submission belongs to, if the part that came back is the one expected. */
  forSubmission(userId: string, modal: DiscordModalId): PendingForm | undefined {
    this.#sweep();
    const entry = this.#entries.get(keyOf(userId, modal.formId, modal.context));
    if (!entry || entry.pages.length !== modal.pageCount || modal.page !== entry.nextPage) return undefined;
    return entry;
  }

  page(entry: PendingForm): FormPage {
    const page = entry.pages[entry.nextPage - 1];
    if (!page) throw new Error(`Form ${entry.form.formId} has no part ${entry.nextPage}`);
    return page;
  }

  /** Records one part's values; the whole form's values once the last part is in. */
  submitted(entry: PendingForm, values: FormValues): SubmittedPart {
    entry.collected.push(values);
    entry.expiresAt = this.#now() + this.#ttlMs;
    if (entry.nextPage < entry.pages.length) {
      entry.nextPage += 1;
      return { kind: 'more', entry };
    }
    this.#entries.delete(keyOf(entry.userId, entry.form.formId, entry.form.context));
    return { kind: 'complete', values: mergePageValues(entry.collected) };
  }

  clear(): void {
    this.#entries.clear();
  }

  #sweep(): void {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.expiresAt <= now) this.#entries.delete(key);
    }
  }
}

// ---- What the person sees around a form (shared with Mattermost: ../form-parts.ts) ----

/** When a modal cannot be shown directly (too late, or right after another modal). */
export const formButtonView = (entry: PendingForm): View => sharedFormButtonView(entry, openFormActionId);

/** Between parts of a longer form. */
export const nextPartView = (entry: PendingForm): View => sharedNextPartView(entry, openFormActionId);

/** A typed answer that matched no choice: nothing is kept, and the same part can be tried again. */
export const tryAgainView = (entry: PendingForm, reason: MarkupText): View =>
  sharedTryAgainView(entry, reason, openFormActionId);

export { expiredFormView };
