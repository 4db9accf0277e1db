// Neutral views and forms -> Discord API JSON (not discord.js builders: plain data is easy to
// test, and discord.js accepts raw API JSON everywhere it takes a builder).
//
// Messages: everything textual goes into `content` as Discord markdown, not embeds, because
// content keeps the view's order, is read first by screen readers, and still shows for
// people who turned embeds off. Discord shows a message's text above its components, so text
// that follows buttons in the view appears above them in the same message. Splitting rules:
// content over 2,000 characters continues in the next message (cut at paragraph, line,
// sentence or word, never inside a link); buttons go five to a row; a select takes a row of
// its own and, over 25 choices, becomes several selects; over five rows, the next message.
// `renderDiscordMessage` keeps one message and ends it with a visible "…and more" line.
//
// Modals: Discord modals take Label components with text inputs *and* string selects
// (discord-api-types 0.38 `ComponentType.Label`, supported by discord.js 14.28's
// ModalSubmitInteraction), so select and checkbox inputs stay real selects (checkboxes as a
// multi-select). Only a list longer than a select's 25 options degrades to a text input
// whose placeholder numbers the choices; the parser maps a typed number or name back.

import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIComponentInLabel,
  APIComponentInMessageActionRow,
  APILabelComponent,
  APIModalInteractionResponseCallbackData,
  APISelectMenuOption,
  APIStringSelectComponent,
  APITextDisplayComponent,
  APITextInputComponent,
} from 'discord.js';
import { z } from 'zod';
import { assertWithin, discordLimits, ViewLimitError } from '../../chat/limits.ts';
import {
  literal,
  type MarkupPiece,
  type MarkupText,
  markup,
  parseMarkup,
  toPlainText,
} from '../../chat/markup.ts';
import { neutralizeMassMentions } from '../../chat/mass-mentions.ts';
import { matchChoice, matchChoices, numberedChoices } from '../../chat/match-choice.ts';
import { type FormPage, paginateForm } from '../../chat/paginate-form.ts';
import { moreMarker, splitText, truncateText } from '../../chat/split-text.ts';
import type { Block, Button, Choice, Form, FormInput, FormValues, Select, View } from '../../chat/views.ts';
import { english, type Translate } from '../../i18n/index.ts';
import type { ParsedForm } from '../form-parts.ts';

export type DiscordActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface DiscordMessage {
  readonly content?: string;
  readonly components?: DiscordActionRow[];
  /** Never ping: views may quote what members wrote, and "@everyone" there must stay text. */
  readonly allowed_mentions: { readonly parse: [] };
}

const componentType = {
  actionRow: 1,
  button: 2,
  stringSelect: 3,
  textInput: 4,
  textDisplay: 10,
  label: 18,
} as const;
const buttonStyle = { primary: 1, secondary: 2, danger: 4, link: 5 } as const;

const bareUrl = /https?:\/\/\S+/g;

function escapeMarkdown(text: string): string {
  // Bare links stay as typed: a backslash inside one would become part of the address.
  let out = '';
  let last = 0;
  for (const match of text.matchAll(bareUrl)) {
    out += escapePlain(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapePlain(text.slice(last));
}

/** The `:` that opens `:name:` (an emoji code; a name has a letter). */
const emojiCode = /:(?=[\p{N}_+-]*\p{L}[\p{L}\p{N}_+-]*:)/gu;

/**
 * A person's words, made plain for Discord markdown: formatting characters, `<` (which opens
 * `<@id>`, `<#channel>`, `<@&role>`, `<t:…>` and `</command:id>`), emoji codes, and a heading,
 * quote or list marker at the start of a line get a backslash; `@everyone` and `@here` get a
 * zero-width space (and every send carries allowed_mentions with nothing to parse).
 */
const escapePlain = (text: string): string =>
  neutralizeMassMentions(text)
    .replace(/[\\*_~`|<[\]]/g, '\\$&')
    .replace(emojiCode, '\\:')
    .replace(/^(\s*)(#|>|-#|-|\+|(\d+)\.)/gm, (_line, space: string, marker: string, digits?: string) =>
      digits === undefined ? `${space}\\${marker}` : `${space}${digits}\\.`,
    );

function markdownPiece(piece: MarkupPiece): string {
  switch (piece.kind) {
    case 'text':
      return escapeMarkdown(piece.text);
    case 'bold':
      return `**${escapePlain(piece.text)}**`;
    case 'italic':
      return `_${escapePlain(piece.text)}_`;
    case 'code':
      // Nothing is formatted inside code, so nothing needs escaping there.
      return `\`${piece.text}\``;
    case 'link':
      // `<url>` inside a masked link keeps Discord from adding a preview card under it.
      return `[${escapePlain(piece.label)}](<${piece.url}>)`;
  }
}

/** Neutral markup -> Discord markdown; anything else that Discord would format is escaped. */
export function toDiscordMarkdown(text: string): string {
  return parseMarkup(text).map(markdownPiece).join('');
}

const markdownSpans = /`[^`\n]{1,300}`|\[[^\]\n]*\]\(<[^>\n]*>\)|\*\*[^*\n]{1,300}\*\*|\\.|https?:\/\/\S+/g;

/**
 * Discord's custom_id carries the action id and the button's value: `<actionId>|<value>`;
 * a repeat of the same pair in one message gets `#n` after the action id, since Discord
 * needs custom ids unique per message.
 */
export function encodeDiscordCustomId(actionId: string, value = '', repeat = 1): string {
  if (/[|#]/.test(actionId)) throw new ViewLimitError(`Action id '${actionId}' must not contain '|' or '#'.`);
  const id = `${actionId}${repeat > 1 ? `#${repeat}` : ''}|${value}`;
  return assertWithin('Discord custom_id (action id and value together)', id, discordLimits.customId);
}

export function parseDiscordCustomId(customId: string): {
  readonly actionId: string;
  readonly value?: string;
} {
  const bar = customId.indexOf('|');
  const head = bar === -1 ? customId : customId.slice(0, bar);
  const value = bar === -1 ? '' : customId.slice(bar + 1);
  const actionId = head.replace(/#\d+$/, '');
  return value === '' ? { actionId } : { actionId, value };
}

function uniqueCustomIds(): (actionId: string, value?: string) => string {
  const seen = new Map<string, number>();
  return (actionId, value = '') => {
    const key = `${actionId}|${value}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return encodeDiscordCustomId(actionId, value, count);
  };
}

const label = (text: string, max: number): string =>
  truncateText(toPlainText(text).replace(/\s+/g, ' ').trim(), max);

function option(choice: Choice, selected: boolean): APISelectMenuOption {
  return {
    label: label(choice.label, discordLimits.selectOptionText),
    value: assertWithin('Discord select option value', choice.value, discordLimits.selectOptionText),
    ...(choice.description ? { description: label(choice.description, discordLimits.selectOptionText) } : {}),
    ...(selected ? { default: true } : {}),
  };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function button(element: Button, customId: (actionId: string, value?: string) => string): APIButtonComponent {
  const text = label(element.label, discordLimits.buttonLabel) || '…';
  if (element.url !== undefined) {
    return {
      type: componentType.button,
      style: buttonStyle.link,
      label: text,
      url: assertWithin('Discord link button url', element.url, discordLimits.url),
    };
  }
  return {
    type: componentType.button,
    style:
      element.style === 'primary'
        ? buttonStyle.primary
        : element.style === 'danger'
          ? buttonStyle.danger
          : buttonStyle.secondary,
    label: text,
    custom_id: customId(element.actionId, element.value),
  };
}

function selectRows(element: Select, customId: (actionId: string) => string): DiscordActionRow[] {
  const parts = chunk(element.choices, discordLimits.selectOptions);
  return parts.map((choices, index) => {
    const first = index * discordLimits.selectOptions + 1;
    const range = parts.length === 1 ? '' : ` (${first}-${first + choices.length - 1})`;
    const select: APIStringSelectComponent = {
      type: componentType.stringSelect,
      custom_id: customId(element.actionId),
      placeholder: `${label(element.placeholder, discordLimits.selectPlaceholder - range.length)}${range}`,
      options: choices.map((c) => option(c, c.value === element.initial)),
      min_values: 1,
      max_values: 1,
    };
    return { type: componentType.actionRow, components: [select] };
  });
}

type Piece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'row'; readonly row: DiscordActionRow };

function textPieces(markdown: string): Piece[] {
  if (!markdown.trim()) return [];
  return splitText(markdown, discordLimits.content, { protect: markdownSpans }).map((text) => ({
    kind: 'text',
    text,
  }));
}

function blockPieces(block: Block, customId: (actionId: string, value?: string) => string): Piece[] {
  switch (block.type) {
    case 'header':
      // Plain text, escaped: parsing it as markup again would turn a literal `[x](url)` into a link.
      return textPieces(`## ${escapeMarkdown(toPlainText(block.text).replace(/\s+/g, ' ').trim())}`);
    case 'text':
      return textPieces(toDiscordMarkdown(block.text));
    case 'fields':
      return textPieces(
        block.fields
          .map((f) => `**${escapePlain(toPlainText(f.label))}:** ${toDiscordMarkdown(f.value)}`)
          .join('\n'),
      );
    case 'context':
      return textPieces(
        toDiscordMarkdown(block.text)
          .split('\n')
          .map((line) => (line.trim() ? `-# ${line}` : line))
          .join('\n'),
      );
    case 'divider':
      return [{ kind: 'text', text: '\u200b' }];
    case 'actions': {
      const rows: Piece[] = [];
      let buttons: APIButtonComponent[] = [];
      const flush = () => {
        if (buttons.length > 0)
          rows.push({ kind: 'row', row: { type: componentType.actionRow, components: buttons } });
        buttons = [];
      };
      for (const element of block.elements) {
        if (element.type === 'select') {
          flush();
          rows.push(...selectRows(element, customId).map((row): Piece => ({ kind: 'row', row })));
        } else {
          if (buttons.length === discordLimits.buttonsPerRow) flush();
          buttons.push(button(element, customId));
        }
      }
      flush();
      return rows;
    }
  }
}

interface Draft {
  content: string;
  rows: DiscordActionRow[];
}

function finish(draft: Draft): DiscordMessage {
  return {
    ...(draft.content.trim() ? { content: draft.content } : {}),
    ...(draft.rows.length > 0 ? { components: draft.rows } : {}),
    allowed_mentions: { parse: [] },
  };
}

/** The whole view, over as many messages as it needs. */
export function renderDiscordMessages(view: View): DiscordMessage[] {
  const customId = uniqueCustomIds();
  const pieces = view.blocks.flatMap((block) => blockPieces(block, customId));
  const drafts: Draft[] = [{ content: '', rows: [] }];
  for (const piece of pieces) {
    let draft = drafts.at(-1)!;
    if (piece.kind === 'text') {
      const joined = draft.content ? `${draft.content}\n${piece.text}` : piece.text;
      if (joined.length > discordLimits.content) {
        draft = { content: '', rows: [] };
        drafts.push(draft);
      }
      draft.content = draft.content ? `${draft.content}\n${piece.text}` : piece.text;
    } else {
      if (draft.rows.length === discordLimits.actionRows) {
        draft = { content: '', rows: [] };
        drafts.push(draft);
      }
      draft.rows.push(piece.row);
    }
  }
  if (drafts.length === 1 && !drafts[0]!.content.trim() && drafts[0]!.rows.length === 0) {
    // Discord refuses an empty message; the summary line stands in.
    drafts[0]!.content = toDiscordMarkdown(truncateText(view.text, discordLimits.content));
  }
  return drafts.map(finish);
}

/** The view as one message; when it doesn't fit, cut with a visible "…and more" line. */
export function renderDiscordMessage(view: View): DiscordMessage {
  const [first, ...rest] = renderDiscordMessages(view);
  if (!first || rest.length === 0)
    return first ?? finish({ content: toDiscordMarkdown(view.text), rows: [] });
  const note = `-# _${moreMarker}_`;
  const room = discordLimits.content - note.length - 1;
  const content = first.content ?? '';
  const kept =
    content.length > room ? (splitText(content, room, { protect: markdownSpans })[0] ?? '') : content;
  return { ...first, content: kept ? `${kept}\n${note}` : note };
}

// ---- Modals ----

/** A form in parts of at most five inputs, titles marked "(1/2)" within Discord's 45 characters. */
export function discordFormPages(form: Form, t: Translate = english): FormPage[] {
  return paginateForm(form, {
    maxInputs: discordLimits.modalComponents,
    maxTitleLength: discordLimits.modalTitle,
    t,
  });
}

/** `<formId>|<page>/<pageCount>|<context>`, so the adapter knows which part came back. */
function encodeDiscordModalCustomId(formId: string, page: number, pageCount: number, context = ''): string {
  if (formId.includes('|')) throw new ViewLimitError(`Form id '${formId}' must not contain '|'.`);
  return assertWithin(
    'Discord modal custom_id (form id, part and context together)',
    `${formId}|${page}/${pageCount}|${context}`,
    discordLimits.customId,
  );
}

export interface DiscordModalId {
  readonly formId: string;
  readonly page: number;
  readonly pageCount: number;
  readonly context?: string;
}

export function parseDiscordModalCustomId(customId: string): DiscordModalId | undefined {
  const match = /^([^|]+)\|(\d+)\/(\d+)\|(.*)$/s.exec(customId);
  if (!match) return undefined;
  const [, formId, page, pageCount, context] = match;
  return {
    formId: formId!,
    page: Number(page),
    pageCount: Number(pageCount),
    ...(context ? { context } : {}),
  };
}

/** Lists longer than one select's 25 options are typed instead (see the note at the top). */
const typedInstead = (input: FormInput): boolean =>
  input.type !== 'text' && input.choices.length > discordLimits.selectOptions;

function modalComponent(input: FormInput, t: Translate): APIComponentInLabel {
  const required = !input.optional;
  if (input.type === 'text' || typedInstead(input)) {
    const placeholder =
      input.type === 'text'
        ? input.placeholder
        : `${t(input.type === 'checkboxes' ? 'platform.forms.typeNumbers' : 'platform.forms.typeNumber')}: ${numberedChoices(input.choices)}`;
    const initial = input.type === 'text' ? input.initial : undefined;
    const maxLength = input.type === 'text' ? input.maxLength : undefined;
    const text: APITextInputComponent = {
      type: componentType.textInput,
      custom_id: assertWithin('Discord input custom_id', input.id, discordLimits.customId),
      style: input.type === 'text' && input.multiline ? 2 : 1,
      required,
      ...(maxLength === undefined ? {} : { max_length: Math.min(maxLength, discordLimits.textInputValue) }),
      ...(initial === undefined ? {} : { value: truncateText(initial, discordLimits.textInputValue) }),
      ...(placeholder ? { placeholder: truncateText(placeholder, discordLimits.textInputPlaceholder) } : {}),
    };
    return text;
  }
  const initial = input.type === 'select' ? [input.initial] : (input.initial ?? []);
  return {
    type: componentType.stringSelect,
    custom_id: assertWithin('Discord input custom_id', input.id, discordLimits.customId),
    options: input.choices.map((c) => option(c, initial.includes(c.value))),
    required,
    min_values: required ? 1 : 0,
    max_values: input.type === 'select' ? 1 : input.choices.length,
  };
}

/** One part of a form as a modal. Give it a page from `discordFormPages`. */
export function renderDiscordModal(
  page: FormPage,
  t: Translate = english,
): APIModalInteractionResponseCallbackData {
  const { form } = page;
  if (form.inputs.length > discordLimits.modalComponents) {
    throw new ViewLimitError(
      `Form '${form.formId}' part has ${form.inputs.length} inputs; use discordFormPages.`,
    );
  }
  const labels: APILabelComponent[] = form.inputs.map((input) => ({
    type: componentType.label,
    label: label(input.label, discordLimits.labelText) || '…',
    ...(input.hint ? { description: label(input.hint, discordLimits.labelDescription) } : {}),
    component: modalComponent(input, t),
  }));
  // The intro takes a slot of its own, so it only shows when there is room.
  const intro: APITextDisplayComponent[] =
    form.intro && labels.length < discordLimits.modalComponents
      ? [{ type: componentType.textDisplay, content: truncateText(toDiscordMarkdown(form.intro), 4_000) }]
      : [];
  return {
    custom_id: encodeDiscordModalCustomId(form.formId, page.page, page.pageCount, form.context),
    title: label(form.title, discordLimits.modalTitle) || '…',
    components: [...intro, ...labels],
  };
}

// Both the raw API shape (`custom_id`) and discord.js's transformed one (`customId`) are read.
const leafSchema = z.object({
  custom_id: z.string().optional(),
  customId: z.string().optional(),
  value: z.union([z.string(), z.boolean(), z.null()]).optional(),
  values: z.array(z.string()).optional(),
});
const submissionSchema = z.object({
  components: z.array(
    z.object({
      type: z.number(),
      component: leafSchema.optional(),
      components: z.array(leafSchema).optional(),
    }),
  ),
});

type Leaf = z.infer<typeof leafSchema>;

/**
 * A modal submission (`interaction.data` raw, or discord.js's `interaction` with its
 * `components`) -> FormValues for the inputs of that part. Parts are merged with
 * `mergePageValues`. A typed answer that matches no choice comes back as a plain reason.
 */
export function discordModalToFormValues(
  form: Form,
  submission: unknown,
  t: Translate = english,
): ParsedForm {
  const parsed = submissionSchema.safeParse(submission);
  if (!parsed.success) {
    // For the log: a payload Discord sent in a shape this code does not know.
    return {
      ok: false,
      reason: markup`Discord modal submission did not match: ${literal(z.prettifyError(parsed.error))}`,
    };
  }
  const leaves = new Map<string, Leaf>();
  for (const top of parsed.data.components) {
    for (const leaf of [...(top.component ? [top.component] : []), ...(top.components ?? [])]) {
      const id = leaf.custom_id ?? leaf.customId;
      if (id !== undefined) leaves.set(id, leaf);
    }
  }
  const values: Record<string, FormValues[string]> = {};
  const problems: MarkupText[] = [];
  for (const input of form.inputs) {
    const leaf = leaves.get(input.id);
    const typed = typeof leaf?.value === 'string' ? leaf.value : '';
    if (input.type === 'text') {
      values[input.id] = typed.trim() ? typed : undefined;
      continue;
    }
    const known = new Set(input.choices.map((c) => c.value));
    if (!typedInstead(input)) {
      const picked = (leaf?.values ?? []).filter((v) => known.has(v));
      values[input.id] = input.type === 'select' ? picked[0] : picked;
      continue;
    }
    if (!typed.trim()) {
      values[input.id] = input.type === 'select' ? undefined : [];
    } else if (input.type === 'select') {
      const choice = matchChoice(input.choices, typed);
      if (choice) values[input.id] = choice.value;
      else
        problems.push(
          t('platform.forms.noMatch', {
            label: literal(input.label),
            typed: literal(truncateText(typed.trim(), 40)),
          }),
        );
    } else {
      const { matched, unmatched } = matchChoices(input.choices, typed);
      values[input.id] = matched.map((c) => c.value);
      if (unmatched.length > 0) {
        problems.push(
          t('platform.forms.noMatches', {
            label: literal(input.label),
            typed: literal(unmatched.map((u) => `'${truncateText(u, 30)}'`).join(', ')),
          }),
        );
      }
    }
  }
  if (problems.length > 0) {
    const joined = problems.reduce((out, problem) => markup`${out} ${problem}`);
    return { ok: false, reason: markup`${joined} ${t('platform.forms.tryNumbers')}` };
  }
  return { ok: true, values };
}
