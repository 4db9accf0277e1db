import type { types as Slack } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import {
  parseSlackActionId,
  renderSlackMessage,
  renderSlackMessages,
  renderSlackModal,
  slackViewStateToFormValues,
  toSlackMrkdwn,
} from '../../../src/adapters/slack/render-blocks.ts';
import { slackLimits, view } from '../../../src/chat/index.ts';
import { literal, markup } from '../../../src/chat/markup.ts';
import { checkinForm, choices, longView } from '../../chat/sample-views.ts';

const allBlocks = (messages: { blocks: Slack.KnownBlock[] }[]) => messages.flatMap((m) => m.blocks);

function assertWithinSlackLimits(blocks: readonly Slack.KnownBlock[]): void {
  expect(blocks.length).toBeLessThanOrEqual(slackLimits.blocksPerMessage);
  for (const block of blocks) {
    if (block.type === 'section') {
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(slackLimits.sectionText);
      expect(block.fields?.length ?? 0).toBeLessThanOrEqual(slackLimits.fieldsPerSection);
      for (const field of block.fields ?? [])
        expect(field.text.length).toBeLessThanOrEqual(slackLimits.fieldText);
    }
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(slackLimits.headerText);
    if (block.type === 'context')
      expect(block.elements.length).toBeLessThanOrEqual(slackLimits.contextElements);
    if (block.type === 'actions') {
      expect(block.elements.length).toBeLessThanOrEqual(slackLimits.actionsElements);
      const ids = block.elements.map((e) => ('action_id' in e ? e.action_id : undefined));
      expect(new Set(ids).size).toBe(ids.length);
      for (const element of block.elements) {
        if (element.type === 'static_select') {
          expect(element.options?.length ?? 0).toBeLessThanOrEqual(slackLimits.selectOptions);
        }
        if (element.type === 'button')
          expect(element.text.text.length).toBeLessThanOrEqual(slackLimits.buttonText);
      }
    }
  }
}

describe('Slack mrkdwn', () => {
  it('translates neutral markup and escapes what Slack would read as markup', () => {
    expect(toSlackMrkdwn('**Hard** week & _rest_ <3, see [the guide](https://x.org/?a=1&b=2)')).toBe(
      '*Hard* week &amp; _rest_ &lt;3, see <https://x.org/?a=1&amp;b=2|the guide>',
    );
    expect(toSlackMrkdwn('try `/peer help`')).toBe('try `/peer help`');
  });
});

describe('renderSlackMessages', () => {
  it('keeps a long view within Slack limits by splitting it across messages, losing nothing', () => {
    const messages = renderSlackMessages(longView());
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) assertWithinSlackLimits(message.blocks);
    const blocks = allBlocks(messages);

    const sectionTexts = blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
    expect(sectionTexts.length).toBeGreaterThanOrEqual(4);
    expect(sectionTexts.join(' ')).toContain('<https://example.org/guide?a=1&amp;b=2|guide>');

    const fields = blocks.flatMap((b) => (b.type === 'section' ? (b.fields ?? []) : []));
    expect(fields).toHaveLength(40);
    expect(fields[0]!.text).toBe('*Member 1*\nAnswered on *day 0*');

    const elements = blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
    const buttons = elements.filter((e) => e.type === 'button');
    expect(buttons).toHaveLength(12);
    expect(new Set(buttons.map((b) => parseSlackActionId(b.action_id ?? '')))).toEqual(
      new Set(['checkins:answer']),
    );
    expect(buttons[0]).toMatchObject({ style: 'primary', value: 'round-0', text: { text: 'Answer 1' } });

    const selects = elements.filter((e) => e.type === 'static_select');
    expect(selects.flatMap((s) => s.options ?? [])).toHaveLength(60);

    expect(blocks.filter((b) => b.type === 'divider')).toHaveLength(60);
    expect(messages[1]!.text).toBe('Weekly digest for your team (continued)');
  });

  it('never ends a message with a header that belongs to the next one', () => {
    const blocks = [
      ...Array.from({ length: 49 }, (_, i) => ({ type: 'text' as const, text: markup`line ${i}` })),
      { type: 'header' as const, text: markup`Next part` },
      { type: 'text' as const, text: markup`after the header` },
    ];
    const messages = renderSlackMessages(view(markup`Parts`, ...blocks));
    expect(messages[0]!.blocks.at(-1)?.type).toBe('section');
    expect(messages[1]!.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Next part' } });
  });

  it('splits a 10,000 character text into sections of at most 3,000 at word boundaries', () => {
    const text = 'steady breath '.repeat(715).trim();
    const [message] = renderSlackMessages(
      view(markup`Long`, { type: 'text', text: markup`${literal(text)}` }),
    );
    const parts = message!.blocks.map((b) => (b.type === 'section' ? (b.text?.text ?? '') : ''));
    expect(parts.length).toBe(4);
    expect(parts.every((p) => p.length <= 3000 && !p.endsWith(' ') && !p.startsWith(' '))).toBe(true);
    expect(parts.join(' ')).toBe(text);
  });
});

describe('renderSlackMessage', () => {
  it('fits one message and says visibly that there was more', () => {
    const message = renderSlackMessage(longView());
    assertWithinSlackLimits(message.blocks);
    expect(message.blocks).toHaveLength(50);
    expect(message.blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: '_…and more that did not fit here._' }],
    });
  });
});

describe('renderSlackModal', () => {
  it('renders a form as a modal within its limits', () => {
    const modal = renderSlackModal(checkinForm);
    expect(modal.type).toBe('modal');
    expect(modal.callback_id).toBe('checkins:answer');
    expect(modal.private_metadata).toBe('round-42');
    expect(modal.title.text.length).toBeLessThanOrEqual(24);
    expect(modal.close?.text).toBe('Not now');
    const inputs = modal.blocks.filter((b): b is Slack.InputBlock => b.type === 'input');
    expect(inputs.map((b) => [b.block_id, b.element.type, b.optional])).toEqual([
      ['mood', 'static_select', true],
      ['win', 'plain_text_input', true],
      ['barrier', 'plain_text_input', true],
      ['support', 'checkboxes', true],
      ['week', 'static_select', false],
      ['name', 'plain_text_input', false],
    ]);
    expect(inputs[1]!.element).toMatchObject({
      multiline: true,
      max_length: 1000,
      placeholder: { text: 'I went for a walk' },
    });
    expect(inputs[2]!.hint?.text).toBe('Only the team sees this.');
    expect(inputs[5]!.element).toMatchObject({ initial_value: 'Sam' });
  });

  it('uses a multi-select when checkboxes would have more than ten options', () => {
    const modal = renderSlackModal({
      ...checkinForm,
      inputs: [{ type: 'checkboxes', id: 'tags', label: 'Tags', choices: choices(12) }],
    });
    const input = modal.blocks.filter((b): b is Slack.InputBlock => b.type === 'input')[0];
    expect(input?.element.type).toBe('multi_static_select');
  });
});

/** What Slack sends back in view.state.values for answers given in the rendered modal. */
function slackState(modal: Slack.ModalView, answers: Record<string, string | string[] | undefined>) {
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of modal.blocks.filter((b): b is Slack.InputBlock => b.type === 'input')) {
    if (!block.block_id) continue;
    const element = block.element;
    const answer = answers[block.block_id];
    const actionId = 'action_id' in element ? (element.action_id ?? '') : '';
    if (element.type === 'plain_text_input')
      state[block.block_id] = { [actionId]: { type: element.type, value: answer ?? null } };
    if (element.type === 'static_select') {
      state[block.block_id] = {
        [actionId]: {
          type: element.type,
          selected_option: answer ? { text: { type: 'plain_text', text: 'x' }, value: answer } : null,
        },
      };
    }
    if (element.type === 'checkboxes' || element.type === 'multi_static_select') {
      const values = Array.isArray(answer) ? answer : [];
      state[block.block_id] = {
        [actionId]: { type: element.type, selected_options: values.map((value) => ({ value })) },
      };
    }
  }
  return state;
}

describe('slackViewStateToFormValues', () => {
  it('round-trips the answers given in the rendered modal', () => {
    const modal = renderSlackModal(checkinForm);
    const state = slackState(modal, {
      mood: 'hard',
      win: 'I rested',
      support: ['reach-out'],
      week: 'c7',
      name: 'Sam',
    });
    expect(slackViewStateToFormValues(checkinForm, state)).toEqual({
      ok: true,
      values: {
        mood: 'hard',
        win: 'I rested',
        barrier: undefined,
        support: ['reach-out'],
        week: 'c7',
        name: 'Sam',
      },
    });
  });

  it('drops a choice value the form never offered', () => {
    const state = slackState(renderSlackModal(checkinForm), { mood: 'ecstatic', support: ['hack'] });
    const parsed = slackViewStateToFormValues(checkinForm, state);
    expect(parsed).toMatchObject({ ok: true, values: { mood: undefined, support: [] } });
  });

  it('refuses a payload of the wrong shape', () => {
    expect(slackViewStateToFormValues(checkinForm, { mood: 'hard' })).toMatchObject({ ok: false });
  });
});
