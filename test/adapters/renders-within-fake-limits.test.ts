// Both renderers, given a view and a form far over every limit, produce only what the fakes
// (and so the platforms) accept. The fakes' tables are written apart from src/chat/limits.ts,
// so a limit the renderer's table gets wrong fails here as well as end to end.

import { describe, expect, it } from 'vitest';
import {
  discordFormPages,
  renderDiscordMessage,
  renderDiscordMessages,
  renderDiscordModal,
} from '../../src/adapters/discord/render-components.ts';
import { renderSlackMessage, renderSlackMessages } from '../../src/adapters/slack/render-blocks.ts';
import { modalForForm } from '../../src/adapters/slack/slack-modal.ts';
import { literal, markup } from '../../src/chat/markup.ts';
import type { Choice, Form, View } from '../../src/chat/views.ts';
import { discordLimitRefusal } from '../fakes/discord/discord-limits.ts';
import { slackLimitRefusal } from '../fakes/slack/slack-limits.ts';

const long = (n: number) => markup`${literal('word '.repeat(Math.ceil(n / 5)).slice(0, n))}`;
const choices = (n: number): Choice[] =>
  Array.from({ length: n }, (_, i) => ({
    label: `${i} ${long(150)}`,
    value: `v${i}`,
    description: long(150),
  }));

const huge: View = {
  text: long(50_000),
  blocks: [
    { type: 'header', text: long(400) },
    { type: 'text', text: long(20_000) },
    { type: 'fields', fields: Array.from({ length: 30 }, () => ({ label: long(300), value: long(3000) })) },
    { type: 'context', text: long(5000) },
    ...Array.from({ length: 60 }, (_, i) => ({ type: 'text' as const, text: markup`Paragraph ${i}` })),
    {
      type: 'actions',
      elements: [
        ...Array.from({ length: 40 }, (_, i) => ({
          type: 'button' as const,
          label: long(200),
          actionId: `probe:${i}`,
          value: 'v',
        })),
        { type: 'select', actionId: 'probe:pick', placeholder: long(300), choices: choices(130) },
      ],
    },
  ],
};

const inputs = (listSize: number): Form['inputs'] => [
  {
    id: 'a',
    type: 'text',
    label: long(300),
    hint: long(3000),
    placeholder: long(300),
    initial: long(5000),
    maxLength: 9000,
    multiline: true,
  },
  { id: 'b', type: 'select', label: long(300), choices: choices(30) },
  { id: 'c', type: 'checkboxes', label: long(300), choices: choices(12) },
  { id: 'd', type: 'select', label: 'Short', choices: choices(listSize) },
  ...Array.from({ length: 8 }, (_, i) => ({ id: `t${i}`, type: 'text' as const, label: long(80) })),
];
const hugeForm = (listSize: number): Form => ({
  formId: 'probe:form',
  title: long(100),
  submitLabel: long(100),
  context: 'c',
  intro: long(5000),
  inputs: inputs(listSize),
});

describe('renderers within what the fakes accept', () => {
  it('Slack: every message of a huge view, its one-message form, and a huge modal', () => {
    for (const message of renderSlackMessages(huge))
      expect(slackLimitRefusal('chat.postMessage', { ...message })).toBeUndefined();
    expect(slackLimitRefusal('chat.update', { ...renderSlackMessage(huge) })).toBeUndefined();
    // Slack's own select takes 100 options; a longer list is a ViewLimitError by design.
    const modal = modalForForm(hugeForm(100), { isDirect: true });
    expect(slackLimitRefusal('views.open', { view: modal })).toBeUndefined();
  });

  it('Discord: every message of a huge view, its one-message form, and every modal page', () => {
    for (const message of renderDiscordMessages(huge))
      expect(discordLimitRefusal('POST /channels/:channelId/messages', message)).toBeUndefined();
    expect(
      discordLimitRefusal('PATCH /webhooks/:appId/:token/messages/:messageId', renderDiscordMessage(huge)),
    ).toBeUndefined();
    for (const page of discordFormPages(hugeForm(150))) {
      const callback = { type: 9, data: renderDiscordModal(page) };
      expect(
        discordLimitRefusal('POST /interactions/:interactionId/:token/callback', callback),
      ).toBeUndefined();
    }
  });
});
