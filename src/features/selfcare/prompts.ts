// The self-care prompts a member can choose, and what each says. Every prompt can be snoozed,
// skipped or stopped; no answer is stored or reported to anyone. Words are the reader's (`t`).
import type { View } from '../../chat/index.ts';
import { literal } from '../../chat/markup.ts';
import { english, type Translate } from '../../i18n/index.ts';
import { WEEKDAY_CODES } from '../../scheduling/index.ts';

export const topics = ['end-of-shift', 'weekly', 'plan-line'] as const;
export type Topic = (typeof topics)[number];

export const weekdays = WEEKDAY_CODES;

const controls = (nudgeId: string, t: Translate) => ({
  type: 'actions' as const,
  elements: [
    {
      type: 'button' as const,
      actionId: 'selfcare:snooze',
      label: t('selfcare.controls.snooze'),
      value: nudgeId,
    },
    {
      type: 'button' as const,
      actionId: 'selfcare:skip',
      label: t('selfcare.controls.skip'),
      value: nudgeId,
    },
    {
      type: 'button' as const,
      actionId: 'selfcare:stop',
      label: t('selfcare.controls.stop'),
      value: nudgeId,
    },
  ],
});

const footnote = (t: Translate) => ({ type: 'context' as const, text: t('selfcare.footnote') });

export function promptView(
  topic: Topic,
  nudgeId: string,
  planLine: string | undefined,
  t: Translate = english,
): View {
  if (topic === 'end-of-shift') {
    return {
      text: t('selfcare.endOfShift.summary'),
      blocks: [
        { type: 'text', text: t('selfcare.endOfShift.text') },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              actionId: 'selfcare:okay',
              label: t('selfcare.endOfShift.okay'),
              value: nudgeId,
            },
            {
              type: 'button',
              actionId: 'selfcare:heavy',
              label: t('selfcare.endOfShift.heavy'),
              value: nudgeId,
            },
          ],
        },
        controls(nudgeId, t),
        footnote(t),
      ],
    };
  }
  if (topic === 'weekly') {
    return {
      text: t('selfcare.weekly.summary'),
      blocks: [{ type: 'text', text: t('selfcare.weekly.text') }, controls(nudgeId, t), footnote(t)],
    };
  }
  return {
    text: t('selfcare.planLine.summary'),
    blocks: [
      {
        type: 'text',
        // The line is the member's own words from their plan: shown as they wrote it.
        text: planLine
          ? t('selfcare.planLine.text', { line: literal(planLine) })
          : t('selfcare.planLine.empty'),
      },
      controls(nudgeId, t),
      footnote(t),
    ],
  };
}
