// Views and forms that push every platform limit at once, for the renderer tests.

import type { Block, Choice, Form, View } from '../../src/chat/index.ts';
import { type MarkupText, markup } from '../../src/chat/markup.ts';

const sentence = markup`Thank you for showing up for each other this week, even when it was heavy. `;
const repeated = (text: MarkupText, times: number): MarkupText =>
  Array.from({ length: times }, () => text).reduce((all, one) => markup`${all}${one}`, markup``);

export const choices = (n: number): Choice[] =>
  Array.from({ length: n }, (_, i) => ({ label: `Choice ${i + 1}`, value: `c${i + 1}` }));

export function longView(): View {
  const blocks: Block[] = [
    { type: 'header', text: markup`Weekly digest` },
    {
      type: 'text',
      text: markup`${repeated(sentence, 133)}See the [guide](https://example.org/guide?a=1&b=2) for more.`,
    },
    {
      type: 'fields',
      fields: Array.from({ length: 40 }, (_, i) => ({
        label: markup`Member ${i + 1}`,
        value: markup`Answered on **day ${i % 7}**`,
      })),
    },
    {
      type: 'actions',
      elements: Array.from({ length: 12 }, (_, i) => ({
        type: 'button' as const,
        actionId: 'checkins:answer',
        label: `Answer ${i + 1}`,
        value: `round-${i}`,
        style: i === 0 ? ('primary' as const) : ('default' as const),
      })),
    },
    {
      type: 'actions',
      elements: [
        { type: 'select', actionId: 'checkins:mood', placeholder: 'Pick a mood', choices: choices(60) },
      ],
    },
  ];
  for (let i = 0; i < 120; i++)
    blocks.push(i % 2 === 0 ? { type: 'context', text: markup`Note ${i}` } : { type: 'divider' });
  return { text: markup`Weekly digest for your team`, blocks };
}

export const checkinForm: Form = {
  formId: 'checkins:answer',
  title: 'Your check-in for this week',
  submitLabel: 'Share',
  context: 'round-42',
  intro: 'Answer what you like; every question can be skipped.',
  inputs: [
    {
      type: 'select',
      id: 'mood',
      label: 'How are you, really?',
      choices: [
        { label: 'Good', value: 'good' },
        { label: 'Okay', value: 'okay' },
        { label: 'Hard', value: 'hard' },
      ],
      optional: true,
    },
    {
      type: 'text',
      id: 'win',
      label: 'A win, small or big',
      multiline: true,
      maxLength: 1000,
      optional: true,
      placeholder: 'I went for a walk',
    },
    {
      type: 'text',
      id: 'barrier',
      label: 'Something in the way',
      multiline: true,
      optional: true,
      hint: 'Only the team sees this.',
    },
    {
      type: 'checkboxes',
      id: 'support',
      label: 'I would like',
      choices: [
        { label: 'A peer to reach out', value: 'reach-out' },
        { label: 'Time with my supervisor', value: 'supervisor' },
      ],
      optional: true,
    },
    { type: 'select', id: 'week', label: 'Which week', choices: choices(20) },
    { type: 'text', id: 'name', label: 'What should we call you', initial: 'Sam' },
  ],
};

/** A form that fits in one modal on every platform: free text, one pick, a few ticks. */
export const shortForm: Form = {
  formId: 'sample:answer',
  title: 'Check-in',
  submitLabel: 'Share',
  context: 'round-7',
  inputs: [
    { type: 'text', id: 'note', label: 'Anything on your mind?', multiline: true, optional: true },
    {
      type: 'select',
      id: 'mood',
      label: 'How are you?',
      choices: [
        { label: 'Good', value: 'good' },
        { label: 'Okay', value: 'okay' },
        { label: 'Hard', value: 'hard' },
      ],
    },
    {
      type: 'checkboxes',
      id: 'topics',
      label: 'Would you like to talk about',
      optional: true,
      choices: [
        { label: 'Sleep', value: 'sleep' },
        { label: 'Work', value: 'work' },
        { label: 'Family', value: 'family' },
      ],
    },
  ],
};
