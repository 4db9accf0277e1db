import type { APIModalInteractionResponseCallbackData } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  type DiscordMessage,
  discordFormPages,
  discordModalToFormValues,
  encodeDiscordCustomId,
  parseDiscordCustomId,
  parseDiscordModalCustomId,
  renderDiscordMessage,
  renderDiscordMessages,
  renderDiscordModal,
  toDiscordMarkdown,
} from '../../../src/adapters/discord/render-components.ts';
import { discordLimits, mergePageValues, ViewLimitError, view } from '../../../src/chat/index.ts';
import { markup } from '../../../src/chat/markup.ts';
import { checkinForm, longView } from '../../chat/sample-views.ts';

function assertWithinDiscordLimits(message: DiscordMessage): void {
  expect(message.content?.length ?? 0).toBeLessThanOrEqual(discordLimits.content);
  expect(message.content || message.components?.length).toBeTruthy();
  const rows = message.components ?? [];
  expect(rows.length).toBeLessThanOrEqual(discordLimits.actionRows);
  const ids: string[] = [];
  for (const row of rows) {
    expect(row.components.length).toBeLessThanOrEqual(discordLimits.buttonsPerRow);
    for (const component of row.components) {
      if (component.type === 3) {
        expect(row.components).toHaveLength(1);
        expect(component.options.length).toBeLessThanOrEqual(discordLimits.selectOptions);
        ids.push(component.custom_id);
      }
      if (component.type === 2) {
        expect(('label' in component ? component.label : '')?.length ?? 0).toBeLessThanOrEqual(
          discordLimits.buttonLabel,
        );
        if ('custom_id' in component) ids.push(component.custom_id);
      }
    }
  }
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id.length).toBeLessThanOrEqual(discordLimits.customId);
}

describe('Discord markdown', () => {
  it('keeps neutral markup and escapes stray markdown in text', () => {
    expect(
      toDiscordMarkdown('**Hard** week, _rest_; 5*3 ~ok~ [guide](https://x.org/a_b) https://x.org/c_d'),
    ).toBe('**Hard** week, _rest_; 5\\*3 \\~ok\\~ [guide](<https://x.org/a_b>) https://x.org/c_d');
    expect(toDiscordMarkdown('try `/peer set_up`')).toBe('try `/peer set_up`');
    expect(toDiscordMarkdown('# not a heading\n> not a quote')).toBe('\\# not a heading\n\\> not a quote');
  });
});

describe('renderDiscordMessages', () => {
  it('keeps a long view within Discord limits by splitting it across messages, losing nothing', () => {
    const messages = renderDiscordMessages(longView());
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) assertWithinDiscordLimits(message);

    const content = messages.map((m) => m.content ?? '').join('\n');
    expect(content).toContain('## Weekly digest');
    expect(content).toContain('[guide](<https://example.org/guide?a=1&b=2>)');
    for (let i = 1; i <= 40; i++)
      expect(content).toContain(`**Member ${i}:** Answered on **day ${(i - 1) % 7}**`);
    expect(content).toContain('-# Note 118');

    const components = messages.flatMap((m) => m.components ?? []).flatMap((r) => r.components);
    const buttons = components.filter((c) => c.type === 2);
    expect(buttons).toHaveLength(12);
    const selects = components.filter((c) => c.type === 3);
    expect(selects.map((s) => s.options.length)).toEqual([25, 25, 10]);
    expect(selects.map((s) => s.placeholder)).toEqual([
      'Pick a mood (1-25)',
      'Pick a mood (26-50)',
      'Pick a mood (51-60)',
    ]);
    expect(selects.map((s) => parseDiscordCustomId(s.custom_id).actionId)).toEqual([
      'checkins:mood',
      'checkins:mood',
      'checkins:mood',
    ]);
    expect(messages.every((m) => m.allowed_mentions.parse.length === 0)).toBe(true);
  });

  it('puts five buttons in a row and starts a new message after five rows', () => {
    const buttons = Array.from({ length: 27 }, (_, i) => ({
      type: 'button' as const,
      actionId: 'polls:vote',
      label: `Slot ${i + 1}`,
      value: `slot-${i}`,
    }));
    const messages = renderDiscordMessages(view(markup`Vote`, { type: 'actions', elements: buttons }));
    expect(messages.map((m) => m.components?.map((r) => r.components.length))).toEqual([
      [5, 5, 5, 5, 5],
      [2],
    ]);
  });

  it('renders link buttons with style 5 and a url, and styles others', () => {
    const [message] = renderDiscordMessages(
      view(markup`Links`, {
        type: 'actions',
        elements: [
          { type: 'button', actionId: 'resources:open', label: 'Open the guide', url: 'https://example.org' },
          { type: 'button', actionId: 'flags:ack', label: 'Acknowledge', value: 'f1', style: 'primary' },
          { type: 'button', actionId: 'flags:escalate', label: 'Escalate', value: 'f1', style: 'danger' },
        ],
      }),
    );
    expect(message!.components![0]!.components).toEqual([
      { type: 2, style: 5, label: 'Open the guide', url: 'https://example.org' },
      { type: 2, style: 1, label: 'Acknowledge', custom_id: 'flags:ack|f1' },
      { type: 2, style: 4, label: 'Escalate', custom_id: 'flags:escalate|f1' },
    ]);
  });
});

describe('renderDiscordMessage', () => {
  it('fits one message and says visibly that there was more', () => {
    const message = renderDiscordMessage(longView());
    assertWithinDiscordLimits(message);
    expect(message.content?.endsWith('-# _…and more that did not fit here._')).toBe(true);
  });
});

describe('Discord custom ids', () => {
  it('round-trips action id and value, repeats included', () => {
    expect(parseDiscordCustomId(encodeDiscordCustomId('checkins:answer', 'round|7'))).toEqual({
      actionId: 'checkins:answer',
      value: 'round|7',
    });
    expect(parseDiscordCustomId(encodeDiscordCustomId('checkins:skip', '', 3))).toEqual({
      actionId: 'checkins:skip',
    });
  });

  it('refuses an id and value too long to fit, rather than cutting them', () => {
    expect(() => encodeDiscordCustomId('checkins:answer', 'x'.repeat(90))).toThrow(ViewLimitError);
  });
});

describe('Discord modals', () => {
  it('asks a six-input form in two parts of at most five inputs, with real selects', () => {
    const pages = discordFormPages(checkinForm);
    expect(pages).toHaveLength(2);
    const modals: APIModalInteractionResponseCallbackData[] = pages.map((page) => renderDiscordModal(page));
    for (const modal of modals) {
      expect(modal.components.length).toBeLessThanOrEqual(discordLimits.modalComponents);
      expect(modal.title.length).toBeLessThanOrEqual(discordLimits.modalTitle);
      expect(modal.custom_id.length).toBeLessThanOrEqual(discordLimits.customId);
    }
    expect(modals[0]!.title).toBe('Your check-in for this week (1/2)');
    expect(parseDiscordModalCustomId(modals[1]!.custom_id)).toEqual({
      formId: 'checkins:answer',
      page: 2,
      pageCount: 2,
      context: 'round-42',
    });
    expect(modals[0]!.components.map((c) => c.type)).toEqual([10, 18, 18, 18]);
    expect(modals[1]!.components.map((c) => c.type)).toEqual([10, 18, 18, 18]);
    expect(modals[1]!.components[0]).toEqual({ type: 10, content: 'Part 2 of 2.' });
    expect(modals[0]!.components[1]).toMatchObject({
      type: 18,
      label: 'How are you, really?',
      component: { type: 3, custom_id: 'mood', min_values: 0, max_values: 1, required: false },
    });
    expect(modals[0]!.components[2]).toMatchObject({
      component: { type: 4, style: 2, max_length: 1000, required: false },
    });
    expect(modals[1]!.components[1]).toMatchObject({
      component: { type: 3, custom_id: 'support', max_values: 2 },
    });
    expect(modals[1]!.components[2]).toMatchObject({
      component: { type: 3, custom_id: 'week', min_values: 1, required: true },
    });
    expect(modals[1]!.components[3]).toMatchObject({ component: { type: 4, style: 1, value: 'Sam' } });
  });

  it('round-trips both parts back into one set of form values (raw API shape)', () => {
    const pages = discordFormPages(checkinForm);
    const first = discordModalToFormValues(pages[0]!.form, {
      components: [
        { type: 10, id: 1 },
        { type: 18, id: 2, component: { type: 3, custom_id: 'mood', values: ['okay'] } },
        { type: 18, id: 3, component: { type: 4, custom_id: 'win', value: 'I rested' } },
        { type: 18, id: 4, component: { type: 4, custom_id: 'barrier', value: '' } },
      ],
    });
    const second = discordModalToFormValues(pages[1]!.form, {
      components: [
        { type: 18, component: { type: 3, custom_id: 'support', values: ['reach-out', 'supervisor'] } },
        { type: 18, component: { type: 3, custom_id: 'week', values: ['c20'] } },
        { type: 18, component: { type: 4, custom_id: 'name', value: 'Sam' } },
      ],
    });
    if (!first.ok || !second.ok) throw new Error('expected both parts to parse');
    expect(mergePageValues([first.values, second.values])).toEqual({
      mood: 'okay',
      win: 'I rested',
      barrier: undefined,
      support: ['reach-out', 'supervisor'],
      week: 'c20',
      name: 'Sam',
    });
  });

  it("reads discord.js's transformed components too", () => {
    const form = { ...checkinForm, inputs: checkinForm.inputs.slice(0, 2) };
    const parsed = discordModalToFormValues(form, {
      components: [
        { type: 18, id: 1, component: { type: 3, id: 2, customId: 'mood', values: ['hard'] } },
        { type: 1, id: 3, components: [{ type: 4, id: 4, customId: 'win', value: 'made tea' }] },
      ],
    });
    expect(parsed).toEqual({ ok: true, values: { mood: 'hard', win: 'made tea' } });
  });

  it('degrades a list longer than 25 choices to a typed answer and maps it back', () => {
    const long = Array.from({ length: 30 }, (_, i) => ({ label: `Area ${i + 1}`, value: `a${i + 1}` }));
    const form = {
      formId: 'resources:search',
      title: 'Find a resource',
      submitLabel: 'Search',
      inputs: [
        { type: 'select' as const, id: 'area', label: 'Area', choices: long },
        { type: 'checkboxes' as const, id: 'tags', label: 'Tags', choices: long, optional: true },
      ],
    };
    const [page] = discordFormPages(form);
    const modal = renderDiscordModal(page!);
    expect(modal.components.map((c) => c.type)).toEqual([18, 18]);
    expect(modal.components[1]).toMatchObject({ component: { type: 4, style: 1, required: false } });
    const placeholder =
      (modal.components[0] as { component: { placeholder?: string } }).component.placeholder ?? '';
    expect(placeholder).toMatch(/^Type a number or name: 1 Area 1, 2 Area 2, .*…$/);
    expect(placeholder.length).toBeLessThanOrEqual(discordLimits.textInputPlaceholder);

    const submit = (area: string, tags: string) => ({
      components: [
        { type: 18, component: { type: 4, custom_id: 'area', value: area } },
        { type: 18, component: { type: 4, custom_id: 'tags', value: tags } },
      ],
    });
    expect(discordModalToFormValues(form, submit('area 12', '1, 3'))).toEqual({
      ok: true,
      values: { area: 'a12', tags: ['a1', 'a3'] },
    });
    const refused = discordModalToFormValues(form, submit('Moon', ''));
    expect(refused).toMatchObject({
      ok: false,
      reason: expect.stringContaining("Area: I couldn't match 'Moon' to a choice."),
    });
  });

  it('refuses a submission of the wrong shape', () => {
    expect(discordModalToFormValues(checkinForm, { fields: [] })).toMatchObject({ ok: false });
  });
});
