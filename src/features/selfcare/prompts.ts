// The self-care prompts a member can choose, and what each says. Every prompt can be snoozed,
// skipped or stopped; no answer is stored or reported to anyone.
import type { View } from '../../chat/index.ts';
import { WEEKDAY_CODES, type WeekdayCode } from '../../scheduling/index.ts';

export const topics = ['end-of-shift', 'weekly', 'plan-line'] as const;
export type Topic = (typeof topics)[number];

export const topicLabels: Record<Topic, string> = {
  'end-of-shift': 'End of shift: "how are you leaving work today?"',
  weekly: 'Weekly: "did you do something for yourself this week?"',
  'plan-line': 'A line from my own wellness plan',
};

export const dayLabels: Record<WeekdayCode, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
export const weekdays = WEEKDAY_CODES;

const controls = (nudgeId: string) => ({
  type: 'actions' as const,
  elements: [
    { type: 'button' as const, actionId: 'selfcare:snooze', label: 'Snooze 1 h', value: nudgeId },
    { type: 'button' as const, actionId: 'selfcare:skip', label: 'Skip today', value: nudgeId },
    { type: 'button' as const, actionId: 'selfcare:stop', label: 'Stop these', value: nudgeId },
  ],
});

const footnote = {
  type: 'context' as const,
  text: 'Just for you: I do not keep or share any answer. `/peer selfcare` changes these prompts.',
};

export function promptView(topic: Topic, nudgeId: string, planLine: string | undefined): View {
  if (topic === 'end-of-shift') {
    return {
      text: 'How are you leaving work today?',
      blocks: [
        {
          type: 'text',
          text: '**How are you leaving work today?** Take a breath before you go. You can answer for yourself, or just notice.',
        },
        {
          type: 'actions',
          elements: [
            { type: 'button', actionId: 'selfcare:okay', label: 'Leaving okay', value: nudgeId },
            { type: 'button', actionId: 'selfcare:heavy', label: 'It was heavy', value: nudgeId },
          ],
        },
        controls(nudgeId),
        footnote,
      ],
    };
  }
  if (topic === 'weekly') {
    return {
      text: 'Did you do something for yourself this week?',
      blocks: [
        {
          type: 'text',
          text: '**Did you do something for yourself this week?** Even something small counts. If not, maybe there is a moment for it before the week ends.',
        },
        controls(nudgeId),
        footnote,
      ],
    };
  }
  return {
    text: 'A line from your wellness plan',
    blocks: [
      {
        type: 'text',
        text: planLine
          ? `**From your own wellness plan:**\n${planLine}`
          : 'Your wellness plan has no lines in "My triggers and what helps" yet. `/peer plan` lets you add some whenever you like.',
      },
      controls(nudgeId),
      footnote,
    ],
  };
}
