// Neutral views and forms -> Slack Block Kit, as plain JSON, within Block Kit's limits.
//
// Splitting rules: a long text becomes several sections (cut at paragraph, line, sentence or
// word, never inside a link or an escape); more than 10 fields become several sections; more
// than 25 buttons or selects become several actions blocks; a select with more than 100
// choices becomes several selects. `renderSlackMessages` then cuts the blocks into messages
// of at most 50 (never leaving a header last); `renderSlackMessage` keeps one message and
// ends it with a visible "…and more" line, for replies that can only be one message
// (ephemeral answers, updating the message a button sits on).

import type { types as Slack } from '@slack/bolt';
import { z } from 'zod';
import type { ParsedFormValues } from '../../chat/form-submission.ts';
import { assertWithin, slackLimits, ViewLimitError } from '../../chat/limits.ts';
import { type MarkupPiece, parseMarkup, toPlainText } from '../../chat/markup.ts';
import { neutralizeMassMentions } from '../../chat/mass-mentions.ts';
import { moreMarker, splitText, truncateText } from '../../chat/split-text.ts';
import type { Block, Button, Choice, Form, FormInput, FormValues, Select, View } from '../../chat/views.ts';
import { english, type Translate } from '../../i18n/index.ts';

export interface SlackMessage {
  /** Notification and screen-reader fallback text. */
  readonly text: string;
  readonly blocks: Slack.KnownBlock[];
}

const zwsp = '\u200b';
/** The `:` that opens `:name:`, which Slack would show as an emoji (a name has a letter). */
const emojiCode = /:(?=[\p{N}_+-]*\p{L}[\p{L}\p{N}_+-]*:)/gu;
/**
 * A run of `*`, `_` or `~` that could open or close formatting: Slack only reads one at a word's
 * edge, so `New_York` or `2*3` stay untouched (and searchable); backticks always count.
 */
const formattingRun = /(?<![\p{L}\p{N}])[*_~]+|[*_~]+(?![\p{L}\p{N}])|`+/gu;
const escapeEntities = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * What a person wrote, made plain for mrkdwn. Slack has no backslash escapes, so a zero-width
 * space around every `*`, `_`, `~` and backtick at a word's edge keeps them from opening or
 * closing a run, one
 * after a `:` keeps `:name:` from becoming an emoji, and one before a `&gt;` at the start of a
 * line keeps it from quoting. `&`, `<` and `>` become entities, so `<@U123>`, `<!here>` and
 * `<https://x|label>` show as typed and link or ping nobody.
 */
const escapeMrkdwn = (text: string): string =>
  escapeEntities(neutralizeMassMentions(text))
    .replace(formattingRun, (run) => `${zwsp}${[...run].join(zwsp)}${zwsp}`)
    .replace(emojiCode, `:${zwsp}`)
    .replace(/^(\s*)&gt;/gm, `$1${zwsp}&gt;`);

/** `**b**` -> `*b*`, `_i_` stays, `[label](url)` -> `<url|label>`; `&`, `<`, `>` escaped. */
function mrkdwnPiece(piece: MarkupPiece): string {
  switch (piece.kind) {
    case 'text':
      return escapeMrkdwn(piece.text);
    case 'bold':
      return `*${escapeMrkdwn(piece.text)}*`;
    case 'italic':
      return `_${escapeMrkdwn(piece.text)}_`;
    case 'code':
      // Nothing is formatted inside code; only the entities matter there.
      return `\`${escapeEntities(neutralizeMassMentions(piece.text))}\``;
    case 'link':
      // A `|` in the label would end the link early.
      return `<${escapeMrkdwn(piece.url)}|${escapeMrkdwn(piece.label).replace(/\|/g, '¦')}>`;
  }
}

/** `**b**` -> `*b*`, `_i_` stays, `[label](url)` -> `<url|label>`; `&`, `<`, `>` escaped. */
export function toSlackMrkdwn(text: string): string {
  return parseMarkup(text).map(mrkdwnPiece).join('');
}

// Cutting inside these would show broken markup: links, escapes, short bold/italic runs.
const mrkdwnSpans = /<[^<>\n]*>|&(?:amp|lt|gt);|`[^`\n]{1,300}`|\*[^*\n]{1,300}\*|_[^_\n]{1,300}_/g;

function fitMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const marker = '…';
  return `${splitText(text, max - marker.length, { protect: mrkdwnSpans })[0] ?? ''}${marker}`;
}

const plain = (text: string, max: number): Slack.PlainTextElement => ({
  type: 'plain_text',
  // emoji: true shows the bot's own emoji; a typed `:name:` is broken like in mrkdwn.
  text: truncateText(
    neutralizeMassMentions(toPlainText(text)).replace(emojiCode, `:${zwsp}`).replace(/\s+/g, ' ').trim() ||
      ' ',
    max,
  ),
  emoji: true,
});

const mrkdwn = (text: string): Slack.MrkdwnElement => ({ type: 'mrkdwn', text });

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function option(choice: Choice): Slack.PlainTextOption {
  return {
    text: plain(choice.label, slackLimits.optionText),
    value: assertWithin('Slack option value', choice.value, slackLimits.optionValue),
    ...(choice.description ? { description: plain(choice.description, slackLimits.optionText) } : {}),
  };
}

/** Slack wants action ids unique within a block; repeats get `#2`, `#3` (see parseSlackActionId). */
function uniqueIds(): (actionId: string) => string {
  const seen = new Map<string, number>();
  return (actionId) => {
    if (actionId.includes('#')) throw new ViewLimitError(`Action id '${actionId}' must not contain '#'.`);
    const count = (seen.get(actionId) ?? 0) + 1;
    seen.set(actionId, count);
    return assertWithin(
      'Slack action_id',
      count === 1 ? actionId : `${actionId}#${count}`,
      slackLimits.actionId,
    );
  };
}

/** The neutral action id from a Slack action_id (drops the `#n` added for repeats). */
export const parseSlackActionId = (actionId: string): string => actionId.replace(/#\d+$/, '');

function button(element: Button, id: string): Slack.Button {
  return {
    type: 'button',
    action_id: id,
    text: plain(element.label, slackLimits.buttonText),
    ...(element.value === undefined
      ? {}
      : { value: assertWithin('Slack button value', element.value, slackLimits.buttonValue) }),
    ...(element.url === undefined
      ? {}
      : { url: assertWithin('Slack button url', element.url, slackLimits.url) }),
    ...(element.style === 'primary' || element.style === 'danger' ? { style: element.style } : {}),
  };
}

type Pending = {
  readonly actionId: string;
  readonly build: (id: string) => Slack.Button | Slack.StaticSelect;
};

function selectParts(element: Select): Pending[] {
  const parts = chunk(element.choices, slackLimits.selectOptions);
  return parts.map((choices, index) => {
    const initial = choices.find((c) => c.value === element.initial);
    const first = index * slackLimits.selectOptions + 1;
    const range = parts.length === 1 ? '' : ` (${first}-${first + choices.length - 1})`;
    const placeholder = `${truncateText(element.placeholder, slackLimits.placeholder - range.length)}${range}`;
    return {
      actionId: element.actionId,
      build: (id) => ({
        type: 'static_select',
        action_id: id,
        placeholder: plain(placeholder, slackLimits.placeholder),
        options: choices.map(option),
        ...(initial ? { initial_option: option(initial) } : {}),
      }),
    };
  });
}

function sections(text: string): Slack.SectionBlock[] {
  const converted = toSlackMrkdwn(text);
  if (!converted.trim()) return [];
  return splitText(converted, slackLimits.sectionText, { protect: mrkdwnSpans }).map((part) => ({
    type: 'section',
    text: mrkdwn(part),
  }));
}

function renderBlock(block: Block): Slack.KnownBlock[] {
  switch (block.type) {
    case 'header':
      return toPlainText(block.text).trim()
        ? [{ type: 'header', text: plain(block.text, slackLimits.headerText) }]
        : [];
    case 'text':
      return sections(block.text);
    case 'fields': {
      const fields = block.fields.map((f) =>
        mrkdwn(
          fitMrkdwn(
            `*${escapeMrkdwn(toPlainText(f.label))}*\n${toSlackMrkdwn(f.value)}`,
            slackLimits.fieldText,
          ),
        ),
      );
      return chunk(fields, slackLimits.fieldsPerSection).map((part) => ({ type: 'section', fields: part }));
    }
    case 'context': {
      const converted = toSlackMrkdwn(block.text);
      if (!converted.trim()) return [];
      const parts = splitText(converted, slackLimits.contextText, { protect: mrkdwnSpans }).map(mrkdwn);
      return chunk(parts, slackLimits.contextElements).map((elements) => ({ type: 'context', elements }));
    }
    case 'divider':
      return [{ type: 'divider' }];
    case 'actions': {
      const pending = block.elements.flatMap((element): Pending[] =>
        element.type === 'button'
          ? [{ actionId: element.actionId, build: (id) => button(element, id) }]
          : selectParts(element),
      );
      return chunk(pending, slackLimits.actionsElements).map((part) => {
        const nextId = uniqueIds();
        return { type: 'actions', elements: part.map((p) => p.build(nextId(p.actionId))) };
      });
    }
  }
}

function fallbackText(view: View): string {
  return fitMrkdwn(toSlackMrkdwn(view.text), slackLimits.messageText);
}

/** The whole view, over as many messages as it needs (each at most 50 blocks). */
export function renderSlackMessages(view: View, t: Translate = english): SlackMessage[] {
  const blocks = view.blocks.flatMap(renderBlock);
  const messages: Slack.KnownBlock[][] = [];
  let current: Slack.KnownBlock[] = [];
  for (const block of blocks) {
    if (current.length === slackLimits.blocksPerMessage) {
      // A header belongs with what follows it.
      const last = current.at(-1);
      const carried = last?.type === 'header' && current.length > 1 ? [current.pop()!] : [];
      messages.push(current);
      current = carried;
    }
    current.push(block);
  }
  if (current.length > 0 || messages.length === 0) messages.push(current);
  const text = fallbackText(view);
  return messages.map((part, index) => ({
    text:
      index === 0
        ? text
        : fitMrkdwn(
            toSlackMrkdwn(t('platform.replies.continued', { text: view.text })),
            slackLimits.messageText,
          ),
    blocks: part,
  }));
}

/** The view as one message; when it doesn't fit, cut with a visible "…and more" line. */
export function renderSlackMessage(view: View): SlackMessage {
  const blocks = view.blocks.flatMap(renderBlock);
  if (blocks.length <= slackLimits.blocksPerMessage) return { text: fallbackText(view), blocks };
  const kept = blocks.slice(0, slackLimits.blocksPerMessage - 1);
  if (kept.at(-1)?.type === 'header') kept.pop();
  return {
    text: fallbackText(view),
    blocks: [...kept, { type: 'context', elements: [mrkdwn(`_${moreMarker}_`)] }],
  };
}

function inputElement(input: FormInput): Slack.InputBlock['element'] {
  switch (input.type) {
    case 'text':
      return {
        type: 'plain_text_input',
        action_id: input.id,
        multiline: input.multiline ?? false,
        ...(input.maxLength === undefined
          ? {}
          : { max_length: Math.min(input.maxLength, slackLimits.plainTextInputMax) }),
        ...(input.initial === undefined ? {} : { initial_value: input.initial }),
        ...(input.placeholder === undefined
          ? {}
          : { placeholder: plain(input.placeholder, slackLimits.placeholder) }),
      };
    case 'select': {
      if (input.choices.length > slackLimits.selectOptions) {
        throw new ViewLimitError(
          `Form select '${input.id}' has ${input.choices.length} choices; Slack allows 100.`,
        );
      }
      const initial = input.choices.find((c) => c.value === input.initial);
      return {
        type: 'static_select',
        action_id: input.id,
        options: input.choices.map(option),
        ...(initial ? { initial_option: option(initial) } : {}),
      };
    }
    case 'checkboxes': {
      if (input.choices.length > slackLimits.selectOptions) {
        throw new ViewLimitError(
          `Form checkboxes '${input.id}' have ${input.choices.length} choices; Slack allows 100.`,
        );
      }
      const initial = input.choices.filter((c) => input.initial?.includes(c.value));
      const initialOptions = initial.length > 0 ? { initial_options: initial.map(option) } : {};
      // Checkboxes take 10 options; a longer list reads fine as a multi-select.
      if (input.choices.length > slackLimits.checkboxOptions) {
        return {
          type: 'multi_static_select',
          action_id: input.id,
          options: input.choices.map(option),
          ...initialOptions,
        };
      }
      return {
        type: 'checkboxes',
        action_id: input.id,
        options: input.choices.map(option),
        ...initialOptions,
      };
    }
  }
}

/** A form as a Slack modal: callback_id is the formId, private_metadata the context. */
export function renderSlackModal(form: Form, t: Translate = english): Slack.ModalView {
  const inputs: Slack.InputBlock[] = form.inputs.map((input) => ({
    type: 'input',
    block_id: assertWithin('Slack block_id', input.id, slackLimits.blockId),
    optional: input.optional ?? false,
    label: plain(input.label, slackLimits.inputLabel),
    ...(input.hint ? { hint: plain(input.hint, slackLimits.inputHint) } : {}),
    element: inputElement(input),
  }));
  const intro = form.intro ? sections(form.intro) : [];
  if (intro.length + inputs.length > slackLimits.blocksPerModal) {
    throw new ViewLimitError(
      `Form '${form.formId}' needs ${intro.length + inputs.length} blocks; Slack allows 100.`,
    );
  }
  return {
    type: 'modal',
    callback_id: assertWithin('Slack callback_id', form.formId, slackLimits.callbackId),
    private_metadata: assertWithin('Slack private_metadata', form.context ?? '', slackLimits.privateMetadata),
    title: plain(form.title, slackLimits.modalTitle),
    submit: plain(form.submitLabel, slackLimits.modalButton),
    close: plain(t('platform.forms.notNow'), slackLimits.modalButton),
    blocks: [...intro, ...inputs],
  };
}

// Only the parts of `view.state.values` this code reads; other fields pass untouched.
const stateValuesSchema = z.record(
  z.string(),
  z.record(
    z.string(),
    z.object({
      type: z.string(),
      value: z.string().nullish(),
      selected_option: z.object({ value: z.string() }).nullish(),
      selected_options: z.array(z.object({ value: z.string() })).nullish(),
    }),
  ),
);

/** A view_submission's `view.state.values` -> neutral FormValues, for the form that was shown. */
export function slackViewStateToFormValues(form: Form, stateValues: unknown): ParsedFormValues {
  const parsed = stateValuesSchema.safeParse(stateValues);
  if (!parsed.success)
    return { ok: false, reason: `Slack view state did not match: ${z.prettifyError(parsed.error)}` };
  const values: Record<string, FormValues[string]> = {};
  for (const input of form.inputs) {
    const state = parsed.data[input.id]?.[input.id];
    const known = new Set(input.type === 'text' ? [] : input.choices.map((c) => c.value));
    switch (input.type) {
      case 'text':
        values[input.id] = state?.value?.trim() ? state.value : undefined;
        break;
      case 'select': {
        const chosen = state?.selected_option?.value;
        values[input.id] = chosen !== undefined && known.has(chosen) ? chosen : undefined;
        break;
      }
      case 'checkboxes':
        values[input.id] = (state?.selected_options ?? []).map((o) => o.value).filter((v) => known.has(v));
        break;
    }
  }
  return { ok: true, values };
}
