// Neutral views -> Mattermost posts: the text as Mattermost markdown in `message`, buttons and
// selects as post actions in one message attachment (props.attachments[].actions).
//
// Member text arrives as `text` pieces of parseMarkup (literal() escaped its markup away), and
// everything Mattermost would format in it is escaped here: * _ ~ ` [ ] | < \ and a line
// starting with # > - + or a number and dot; an `@` before a name gets a zero-width space, so
// a typed @carol, @channel or @all stays text and pings nobody, and a ~channel stays text too.
//
// Action ids must be letters and digits only (Mattermost 404s a press on any other id), so the
// ids here are `a1`, `a2`…; the neutral action id and value travel in the action's `context`
// with a keyed MAC (action-mac.ts), which the callback checks before anything else.
import { toPlainText } from '../../chat/index.ts';
import { type MarkupPiece, parseMarkup } from '../../chat/markup.ts';
import { splitText, truncateText } from '../../chat/split-text.ts';
import type { Block, Button, Select, View } from '../../chat/views.ts';
import { type ActionContext, signAction } from './action-mac.ts';

export const mattermostLimits = {
  /** Runes in a post's message (model.PostMessageMaxRunesV2). */
  message: 16_383,
  /** Kept under the limit so an attachment's text fits beside it. */
  messagePart: 15_000,
  actionName: 60,
  selectOptions: 100,
  dialogTitle: 24,
  dialogDisplayName: 24,
  dialogHelpText: 150,
  dialogText: 150,
  dialogTextarea: 3_000,
  /** Questions in one dialog part, as on Discord: a long form is asked in parts. */
  dialogElements: 5,
} as const;

export interface PostAction {
  readonly id: string;
  readonly name: string;
  readonly type: 'button' | 'select';
  readonly style?: 'primary' | 'danger' | 'default';
  readonly options?: readonly { readonly text: string; readonly value: string }[];
  readonly default_option?: string;
  readonly integration: { readonly url: string; readonly context: ActionContext };
}

export interface MattermostPost {
  readonly message: string;
  readonly props?: { readonly attachments: readonly { readonly actions: readonly PostAction[] }[] };
}

export interface RenderOptions {
  /** Where Mattermost posts a press (the adapter's /mattermost/action). */
  readonly actionUrl: string;
  /** The key of the MAC in every action's context. */
  readonly key: Buffer;
}

const bareUrl = /\b(?:https?:\/\/|mailto:)\S+/g;

/**
 * Text a person wrote, made plain for Mattermost: no formatting, no mention, no channel link.
 * `atLineStart`: whether the text begins a line of the post (only there is `1.` or `#` markup).
 */
export function escapeMattermost(text: string, atLineStart = true): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(bareUrl)) {
    out += escapePlain(text.slice(last, match.index), last === 0 && atLineStart) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapePlain(text.slice(last), last === 0 && atLineStart);
}

const escapePlain = (text: string, atLineStart: boolean): string =>
  text
    .replace(/[\\*_~`|<[\]]/g, '\\$&')
    .replace(/@(?=[\p{L}\p{N}_.-])/gu, '@\u200b')
    .replace(/~(?=[\p{L}\p{N}_.-])/gu, '~\u200b')
    .replace(/:(?=[a-z0-9_+-]+:)/g, ':\u200b')
    // `1\.`, not `\1.`: a backslash escapes only punctuation, and before a digit it would show.
    // Only at the start of a line of the post: after the bot's bold run, `1.` is just a number.
    .replace(
      /(^|\n)(\s*)(?:(#|>|-|\+)|(\d+)\.)/g,
      (
        whole,
        newline: string,
        space: string,
        marker: string | undefined,
        digits: string | undefined,
        offset: number,
      ) => {
        if (offset === 0 && newline === '' && !atLineStart) return whole;
        return marker === undefined ? `${newline}${space}${digits}\\.` : `${newline}${space}\\${marker}`;
      },
    );

function piece(p: MarkupPiece, atLineStart: boolean): string {
  switch (p.kind) {
    case 'text':
      return escapeMattermost(p.text, atLineStart);
    case 'bold':
      return `**${escapePlain(p.text, false)}**`;
    case 'italic':
      return `_${escapePlain(p.text, false)}_`;
    case 'code':
      return `\`${p.text.replace(/`/g, "'")}\``;
    case 'link':
      return `[${escapePlain(p.label, false)}](${p.url.replace(/[()\s]/g, encodeURIComponent)})`;
  }
}

/** Neutral markup -> Mattermost markdown. */
/** `atLineStart`: false where the text follows something on its line (`#### `, `**label**: `). */
export function toMattermostMarkdown(text: string, atLineStart = true): string {
  let out = '';
  for (const p of parseMarkup(text)) out += piece(p, out === '' ? atLineStart : out.endsWith('\n'));
  return out;
}

const plain = (text: string, max: number) => truncateText(toPlainText(text).replace(/\s+/g, ' ').trim(), max);

function blockText(block: Block): string | undefined {
  switch (block.type) {
    case 'header':
      return `#### ${toMattermostMarkdown(block.text, false)}`;
    case 'text':
      return toMattermostMarkdown(block.text);
    case 'fields':
      return block.fields
        .map(
          (field) =>
            `**${escapePlain(toPlainText(field.label), false)}**: ${toMattermostMarkdown(field.value, false)}`,
        )
        .join('\n');
    case 'context':
      return (
        block.text
          .split('\n')
          // Inside a quote a line starts again: `> # x` would be a heading.
          .map((line) => `> ${toMattermostMarkdown(line)}`)
          .join('\n')
      );
    case 'divider':
      return '---';
    case 'actions': {
      // Link buttons are links: a post action always calls back, it never opens a page.
      const links = block.elements.filter((e): e is Button => e.type === 'button' && e.url !== undefined);
      return links.length === 0
        ? undefined
        : links.map((link) => `[${escapePlain(toPlainText(link.label), false)}](${link.url})`).join(' · ');
    }
  }
}

function actionsOf(view: View, options: RenderOptions): PostAction[] {
  const actions: PostAction[] = [];
  const nextId = () => `a${actions.length + 1}`;
  const integration = (actionId: string, value?: string) => ({
    url: options.actionUrl,
    context: signAction(options.key, { actionId, ...(value === undefined ? {} : { value }) }),
  });
  for (const block of view.blocks) {
    if (block.type !== 'actions') continue;
    for (const element of block.elements) {
      if (element.type === 'button') {
        if (element.url !== undefined) continue;
        actions.push({
          id: nextId(),
          name: plain(element.label, mattermostLimits.actionName),
          type: 'button',
          style: element.style ?? 'default',
          integration: integration(element.actionId, element.value),
        });
      } else {
        actions.push(selectAction(element, nextId(), integration(element.actionId)));
      }
    }
  }
  return actions;
}

function selectAction(select: Select, id: string, integration: PostAction['integration']): PostAction {
  return {
    id,
    name: plain(select.placeholder, mattermostLimits.actionName),
    type: 'select',
    options: select.choices.slice(0, mattermostLimits.selectOptions).map((choice) => ({
      text: plain(choice.label, mattermostLimits.actionName),
      value: choice.value,
    })),
    ...(select.initial === undefined ? {} : { default_option: select.initial }),
    integration,
  };
}

/**
 * A view as one or more posts: text over the message limit continues in the next post, and
 * the buttons ride on the last one, under the words they belong to.
 */
export function renderMattermostPosts(view: View, options: RenderOptions): MattermostPost[] {
  const text = view.blocks
    .map(blockText)
    .filter((part): part is string => part !== undefined && part !== '')
    .join('\n\n');
  const message = text === '' ? escapeMattermost(toPlainText(view.text)) : text;
  const parts = splitText(message, mattermostLimits.messagePart);
  const actions = actionsOf(view, options);
  return parts.map((part, index) =>
    index === parts.length - 1 && actions.length > 0
      ? { message: part, props: { attachments: [{ actions }] } }
      : { message: part },
  );
}

/** One post (an edit, an ephemeral answer): the whole view, cut short if it must be. */
export function renderMattermostPost(view: View, options: RenderOptions): MattermostPost {
  const posts = renderMattermostPosts(view, options);
  const last = posts.at(-1) ?? { message: '' };
  if (posts.length === 1) return last;
  const message = truncateText(posts.map((p) => p.message).join('\n\n'), mattermostLimits.messagePart);
  return last.props ? { message, props: last.props } : { message };
}
