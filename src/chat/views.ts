// Views are data. Features build these neutral shapes; each adapter renders them within its
// platform's limits (src/adapters/*/render-*.ts). Text uses a small neutral markup:
// **bold**, _italic_, `code` and [label](https://url); adapters translate it.
// Every text a view shows is `MarkupText`: the catalog's words (src/i18n), or the `markup`
// template with each person-written value passed through `literal()`. A plain string does not
// type-check here, so a name, answer or title can never become a link, mention or formatting.

import type { InputCheck } from './input-checks.ts';
import type { MarkupText } from './markup.ts';

export type ButtonStyle = 'primary' | 'danger' | 'default';

export interface Button {
  readonly type: 'button';
  /** Routed to the feature that owns it: `<feature>:<action>`, e.g. `checkins:answer`. */
  readonly actionId: string;
  readonly label: string;
  /** Opaque payload given back on press (an id); at most 100 characters on every platform. */
  readonly value?: string;
  readonly style?: ButtonStyle;
  /** A link button opens a URL instead of sending an action. */
  readonly url?: string;
}

export interface Choice {
  readonly label: string;
  readonly value: string;
  readonly description?: string;
}

export interface Select {
  readonly type: 'select';
  readonly actionId: string;
  readonly placeholder: string;
  readonly choices: readonly Choice[];
  readonly initial?: string;
}

export type Block =
  | { readonly type: 'header'; readonly text: MarkupText }
  | { readonly type: 'text'; readonly text: MarkupText }
  | {
      readonly type: 'fields';
      readonly fields: readonly { readonly label: MarkupText; readonly value: MarkupText }[];
    }
  | { readonly type: 'context'; readonly text: MarkupText }
  | { readonly type: 'divider' }
  | { readonly type: 'actions'; readonly elements: readonly (Button | Select)[] };

export interface View {
  /** A plain one-line summary: notification text and the fallback where blocks do not show. */
  readonly text: MarkupText;
  readonly blocks: readonly Block[];
  /**
   * The reader's language tag, stamped by the router on every reply (`reader-reply.ts`), so the
   * platform's own words around it (Slack's "(continued)") are in the reader's language too.
   */
  readonly locale?: string;
}

interface InputBase {
  /** The key of this input's value in the submitted form. */
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  readonly optional?: boolean;
}

export type FormInput =
  | (InputBase & {
      readonly type: 'text';
      readonly multiline?: boolean;
      readonly placeholder?: string;
      readonly initial?: string;
      readonly maxLength?: number;
      /** Checked by every renderer as soon as a value is given (src/chat/input-checks.ts). */
      readonly check?: InputCheck;
    })
  | (InputBase & { readonly type: 'select'; readonly choices: readonly Choice[]; readonly initial?: string })
  | (InputBase & {
      readonly type: 'checkboxes';
      readonly choices: readonly Choice[];
      readonly initial?: readonly string[];
    });

/** A form (Slack modal, Discord modal, shell prompt sequence). */
export interface Form {
  /** Routed like an action id: `<feature>:<form>`. */
  readonly formId: string;
  readonly title: string;
  readonly submitLabel: string;
  /** Opaque context given back on submit (an id); at most 100 characters. */
  readonly context?: string;
  readonly intro?: string;
  readonly inputs: readonly FormInput[];
  /** The reader's language tag, stamped by the router: the platform's words ("Not now", "Part 1 of 2"). */
  readonly locale?: string;
}

export type FormValues = Readonly<Record<string, string | readonly string[] | undefined>>;

export const view = (text: MarkupText, ...blocks: Block[]): View => ({ text, blocks });
