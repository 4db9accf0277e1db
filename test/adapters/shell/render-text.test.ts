import { describe, expect, it } from 'vitest';
import {
  parseShellAnswer,
  parseShellAnswers,
  renderShellForm,
  renderShellText,
} from '../../../src/adapters/shell/render-text.ts';
import { view } from '../../../src/chat/index.ts';
import { markup } from '../../../src/chat/markup.ts';
import { checkinForm } from '../../chat/sample-views.ts';

describe('renderShellText', () => {
  it('renders a view as plain text with numbered controls', () => {
    const rendered = renderShellText(
      view(
        markup`Check-in`,
        { type: 'header', text: markup`Weekly check-in` },
        { type: 'text', text: markup`How was **your** week? See [tips](https://x.org).` },
        { type: 'fields', fields: [{ label: markup`Due`, value: markup`Friday` }] },
        { type: 'context', text: markup`You can skip this.` },
        { type: 'divider' },
        {
          type: 'actions',
          elements: [
            { type: 'button', actionId: 'checkins:answer', label: 'Answer', value: 'r1' },
            { type: 'button', actionId: 'checkins:skip', label: 'Skip' },
            { type: 'button', actionId: 'resources:open', label: 'Guide', url: 'https://x.org/guide' },
            {
              type: 'select',
              actionId: 'checkins:mood',
              placeholder: 'Mood',
              initial: 'ok',
              choices: [
                { label: 'Good', value: 'good' },
                { label: 'Okay', value: 'ok' },
              ],
            },
          ],
        },
      ),
    );
    expect(rendered.text).toBe(
      [
        'Weekly check-in',
        '═══════════════',
        'How was your week? See tips (https://x.org).',
        'Due: Friday',
        '  You can skip this.',
        '────────────────────────────────',
        '[1] Answer  [2] Skip  [Guide: https://x.org/guide]',
        'Mood:',
        '  [3] Good',
        '  [4] Okay (current)',
      ].join('\n'),
    );
    expect(rendered.controls).toEqual([
      { n: 1, actionId: 'checkins:answer', value: 'r1' },
      { n: 2, actionId: 'checkins:skip' },
      { n: 3, actionId: 'checkins:mood', value: 'good' },
      { n: 4, actionId: 'checkins:mood', value: 'ok' },
    ]);
  });
});

describe('shell forms', () => {
  it('asks one prompt per input, saying which can be skipped', () => {
    const form = renderShellForm(checkinForm);
    expect(form.prompts.map((p) => p.inputId)).toEqual(['mood', 'win', 'barrier', 'support', 'week', 'name']);
    expect(form.prompts[0]!.text).toBe(
      'How are you, really? (optional, Enter to skip)\n  [1] Good\n  [2] Okay\n  [3] Hard\nType a number or a name.',
    );
    expect(form.intro).toBe('Answer what you like; every question can be skipped.');
  });

  it('maps typed numbers and names back to choices', () => {
    const result = parseShellAnswers(checkinForm, ['3', 'I rested', '', '1, 2', 'choice 4', 'Sam']);
    expect(result).toEqual({
      ok: true,
      values: {
        mood: 'hard',
        win: 'I rested',
        barrier: undefined,
        support: ['reach-out', 'supervisor'],
        week: 'c4',
        name: 'Sam',
      },
    });
  });

  it('asks again, kindly, when a needed answer is missing or unmatched', () => {
    const { prompts } = renderShellForm(checkinForm);
    expect(parseShellAnswer(prompts[4]!, '')).toEqual({
      ok: false,
      reason: 'This one needs an answer. A few words are plenty.',
    });
    expect(parseShellAnswer(prompts[0]!, 'purple')).toMatchObject({ ok: false });
  });
});
