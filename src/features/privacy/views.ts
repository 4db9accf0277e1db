// What `/peer privacy` says. Plain and warm; erasing is final, so the confirmation says so
// once, clearly, and "keep my data" is always the easy choice. Every text is the reader's
// (`t`); a name is another person's words, shown as written.
import type { View } from '../../chat/index.ts';
import { literal, type MarkupText } from '../../chat/markup.ts';
import { english, type Translate } from '../../i18n/index.ts';
import type { PrivacyLine } from '../feature.ts';

export const textView = (text: MarkupText): View => ({ text, blocks: [{ type: 'text', text }] });

export function summaryView(
  lines: readonly PrivacyLine[],
  readsByOthers: number,
  t: Translate = english,
): View {
  return {
    text: t('privacy.summary.title'),
    blocks: [
      { type: 'header', text: t('privacy.summary.header') },
      ...(lines.length > 0
        ? [{ type: 'fields' as const, fields: lines }]
        : [{ type: 'text' as const, text: t('privacy.summary.nothing') }]),
      { type: 'text', text: t('privacy.summary.reads', { count: readsByOthers }) },
      { type: 'context', text: t('privacy.summary.footer') },
    ],
  };
}

export function exportSentView(forOther: string | undefined, t: Translate = english): View {
  return textView(
    forOther === undefined
      ? t('privacy.export.sent')
      : t('privacy.export.sentOther', { name: literal(forOther) }),
  );
}

export function confirmEraseView(
  memberId: string,
  forOther: string | undefined,
  t: Translate = english,
): View {
  const name = forOther === undefined ? undefined : literal(forOther);
  const title = name === undefined ? t('privacy.erase.title') : t('privacy.erase.titleOther', { name });
  return {
    text: title,
    blocks: [
      { type: 'header', text: title },
      {
        type: 'text',
        text: name === undefined ? t('privacy.erase.text') : t('privacy.erase.textOther', { name }),
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            actionId: 'privacy:erase',
            label: t('privacy.erase.yes'),
            value: memberId,
            style: 'danger',
          },
          { type: 'button', actionId: 'privacy:keep', label: t('privacy.erase.no'), style: 'primary' },
        ],
      },
    ],
  };
}

export const erasedView = (forOther: string | undefined, t: Translate = english): View =>
  textView(
    forOther === undefined
      ? t('privacy.erase.done')
      : t('privacy.erase.doneOther', { name: literal(forOther) }),
  );

export const keptView = (t: Translate = english): View => textView(t('privacy.erase.kept'));
