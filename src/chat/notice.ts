// A notice: what a supervisor (or anyone who is not the author) receives by direct message
// about someone's private text. It says who, how strong, what would help and when, and carries
// an Open button; it has no place for the text itself. The text is shown only when Open is
// pressed, privately, after access is checked again and the read is audited. So nothing private
// ever lives in a platform DM, where retention and erase could not reach it.
//
// The rule is held by types: `NoticeView` can only be made here, and the outbox takes a
// private delivery (a message about someone else's private text) only with a NoticeView
// (scheduling/outbox.ts, OutboxMessageInput). enqueue also checks the shape at run time.
import { english, type Translate } from '../i18n/translate.ts';
import type { MarkupText } from './markup.ts';
import type { Block, Button, View } from './views.ts';

declare const noticeBrand: unique symbol;

/** A View made by `noticeView`: a title, short fields, buttons, one context line; no free text. */
export type NoticeView = View & { readonly [noticeBrand]: true };

export interface NoticeInput {
  /** "A private flag from maya": who, in a few words. */
  readonly title: MarkupText;
  /** Short facts: level, what would help, when. Never the private text. */
  readonly fields: readonly { readonly label: MarkupText; readonly value: MarkupText }[];
  /** The button that shows the text, privately, to someone still allowed to read it. */
  readonly open: { readonly actionId: string; readonly value: string; readonly label?: string };
  /** More buttons beside Open (a flag's "I'll reach out", "Noted"). */
  readonly buttons?: readonly Button[];
  /** One line under the buttons (why it came to them, who will be told). */
  readonly footer?: MarkupText;
  /** The reader's translator, for the Open button's default label. */
  readonly t?: Translate;
}

export function noticeView(input: NoticeInput): NoticeView {
  const blocks: Block[] = [
    { type: 'header', text: input.title },
    ...(input.fields.length > 0 ? [{ type: 'fields' as const, fields: input.fields }] : []),
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          actionId: input.open.actionId,
          label: input.open.label ?? (input.t ?? english)('chat.notice.open'),
          value: input.open.value,
          style: 'primary',
        },
        ...(input.buttons ?? []),
      ],
    },
    ...(input.footer ? [{ type: 'context' as const, text: input.footer }] : []),
  ];
  return brand({ text: input.title, blocks });
}

/** The one place a NoticeView is made: only noticeView builds the view it brands. */
function brand(view: View): NoticeView {
  return view as NoticeView;
}

/**
 * True when a view has a notice's shape: no text block, and an Open button. The outbox refuses a
 * private delivery whose view does not (a cast around the type would otherwise slip through).
 */
export function hasNoticeShape(view: View): boolean {
  const opens = view.blocks.some(
    (block) => block.type === 'actions' && block.elements.some((e) => e.type === 'button' && !e.url),
  );
  return opens && view.blocks.every((block) => block.type !== 'text');
}
