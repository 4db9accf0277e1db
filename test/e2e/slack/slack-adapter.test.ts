// The Slack adapter on its own (no database): the real Bolt in HTTP mode against the fake
// Slack, with a small command table and router the test controls. No real feature opens a
// form yet, so these commands do: they show forms, buttons and long replies end to end.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/index.ts';
import {
  type Actor,
  actionsByName,
  type Block,
  createCommandTable,
  createRouter,
  type FormContext,
  formsByName,
  type Place,
  view,
} from '../../../src/chat/index.ts';
import { literal, markup } from '../../../src/chat/markup.ts';
import { silentLogger } from '../../../src/logger.ts';
import { memoryDedupe, testCommand } from '../../chat/sample-table.ts';
import { shortForm } from '../../chat/sample-views.ts';
import {
  blockActionsPayload,
  DEFAULT_ACTOR,
  directMessageEvent,
  eventCallback,
  FakeSlackApi,
  SlackRequestSender,
  viewSubmissionPayload,
} from '../../fakes/slack/index.ts';
import { BOT_TOKEN, SIGNING_SECRET, shownText, waitForCalls } from './support.ts';

const channel = 'C0GENERAL01';

interface Submitted {
  readonly actor: Actor;
  readonly place: Place;
  readonly context?: string;
  readonly values: FormContext['values'];
}

const submitted: Submitted[] = [];
const pressed: { value?: string; messageId?: string }[] = [];
const longText = Array.from({ length: 120 }, (_, i) => `Paragraph ${i + 1}: a steady, kind sentence.`);

const table = createCommandTable({
  commands: [
    testCommand('checkin', (reply) => reply.openForm(shortForm)),
    testCommand('timed', (reply) =>
      reply.openForm({
        ...shortForm,
        inputs: [
          ...shortForm.inputs,
          { type: 'text', id: 'time', label: 'At what time?', optional: true, check: { kind: 'time' } },
        ],
      }),
    ),
    testCommand('buttons', async (reply) => {
      await reply.publicly(
        view(
          markup`A flag is waiting`,
          { type: 'text', text: markup`Someone on your team would like a check-in.` },
          {
            type: 'actions',
            elements: [
              {
                type: 'button',
                actionId: 'sample:ack',
                label: 'I have got it',
                value: 'flag-1',
                style: 'primary',
              },
              { type: 'button', actionId: 'sample:guide', label: 'Guide', url: 'https://example.org/guide' },
            ],
          },
        ),
      );
    }),
    testCommand('long', async (reply) => {
      const blocks: Block[] = longText.map((text) => ({ type: 'text', text: markup`${literal(text)}` }));
      await reply.publicly(
        view(markup`A long list`, { type: 'header', text: markup`Everything` }, ...blocks),
      );
    }),
  ],
});

const sink = createRouter({
  table,
  dedupe: memoryDedupe(),
  logger: silentLogger,
  actions: {
    sample: actionsByName({
      ack: async ({ value, event, reply }) => {
        pressed.push({
          ...(value === undefined ? {} : { value }),
          ...(event.message ? { messageId: event.message.messageId } : {}),
        });
        await reply.updateSource(
          view(markup`Acknowledged`, { type: 'text', text: markup`Thank you, it is acknowledged.` }),
        );
      },
    }),
  },
  forms: {
    sample: formsByName({
      answer: async ({ actor, place, context, values, reply }) => {
        submitted.push({ actor, place, ...(context === undefined ? {} : { context }), values });
        await reply.privately(
          view(markup`Thank you for checking in`, {
            type: 'text',
            text: markup`Mood: ${literal(String(values.mood))}`,
          }),
        );
      },
    }),
  },
});

let fake: FakeSlackApi;
let adapter: SlackAdapter;
let sender: SlackRequestSender;

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  adapter = createSlackAdapter({
    config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl },
    port: 0,
    table,
    sink,
    logger: silentLogger,
    homeView: async () => view(markup`Home`),
  });
  await adapter.start();
  sender = new SlackRequestSender(
    `http://127.0.0.1:${adapter.httpPort()}/slack/events`,
    SIGNING_SECRET,
    fake,
  );
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.close();
});

beforeEach(() => {
  fake.reset();
  submitted.length = 0;
  pressed.length = 0;
});

describe('Slack adapter: forms, buttons and long replies', () => {
  it('opens a form as a modal, and turns its submission into the values the form handler gets', async () => {
    await sender.slashCommand({ command: '/peer', text: 'checkin', channelId: channel });
    const opened = await fake.waitForCall('views.open');
    expect(opened.response).toMatchObject({ ok: true });
    expect(opened.args.view).toMatchObject({ type: 'modal', callback_id: 'sample:answer' });

    const modal = fake.openedView('sample:answer');
    const response = await sender.interactive(
      viewSubmissionPayload({
        view: modal,
        answers: { note: 'A hard week, but a good Friday.', mood: 'okay', topics: ['sleep', 'work'] },
        urls: fake,
      }),
    );
    // An empty ack closes the modal.
    expect(response.status).toBe(200);
    expect(response.body).toBe('');

    const answer = await fake.waitForCall('chat.postEphemeral');
    expect(answer.args).toMatchObject({ channel, user: DEFAULT_ACTOR.userId });
    expect(shownText(answer)).toContain('Mood: okay');
    expect(submitted).toEqual([
      {
        actor: {
          platform: 'slack',
          workspaceId: fake.identity.teamId,
          userId: DEFAULT_ACTOR.userId,
          displayName: 'alice',
        },
        place: { channelId: channel, isDirect: false },
        context: 'round-7',
        values: { note: 'A hard week, but a good Friday.', mood: 'okay', topics: ['sleep', 'work'] },
      },
    ]);
  });

  it('keeps the modal open with the reason under an input whose value fails its check, and sends nothing', async () => {
    await sender.slashCommand({ command: '/peer', text: 'timed', channelId: channel });
    await fake.waitForCall('views.open');
    const modal = fake.openedView('sample:answer');
    const response = await sender.interactive(
      viewSubmissionPayload({ view: modal, answers: { mood: 'good', time: 'after work' }, urls: fake }),
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({
      response_action: 'errors',
      errors: { time: "'after work' isn't a time of day I can read. Try one like 17:30 or 9:00." },
    });
    expect(submitted).toEqual([]);

    await sender.interactive(
      viewSubmissionPayload({ view: modal, answers: { mood: 'good', time: '17:30' }, urls: fake }),
    );
    await fake.waitForCall('chat.postEphemeral');
    expect(submitted.map((s) => s.values.time)).toEqual(['17:30']);
  });

  it('counts a double-submitted form once', async () => {
    await sender.slashCommand({ command: '/peer', text: 'checkin', channelId: channel });
    await fake.waitForCall('views.open');
    const payload = viewSubmissionPayload({
      view: fake.openedView('sample:answer'),
      answers: { mood: 'good' },
    });
    await sender.interactive(payload);
    await sender.interactive({ ...payload, trigger_id: `${payload.trigger_id}-again` });
    await fake.waitForCall('chat.postEphemeral');
    // A direct message to the bot is handled after both submissions were acked: a marker.
    await sender.event(eventCallback(directMessageEvent({ text: 'hello' }), fake.identity));
    await fake.waitForCall('chat.postMessage', (call) => call.args.channel === 'D0ALICEDM01');
    expect(submitted).toHaveLength(1);
    expect(submitted[0]?.values).toEqual({ note: undefined, mood: 'good', topics: [] });
  });

  it('tells the person by direct message when a submitted form cannot be read', async () => {
    await sender.slashCommand({ command: '/peer', text: 'checkin', channelId: channel });
    await fake.waitForCall('views.open');
    const payload = viewSubmissionPayload({
      view: fake.openedView('sample:answer'),
      answers: { mood: 'good' },
    });
    // A view with no state and no blocks is not what Slack documents: unreadable.
    const { state: _state, blocks: _blocks, ...broken } = payload.view;
    const before = submitted.length;
    const response = await sender.interactive({ ...payload, view: broken });
    expect(response.status).toBe(200);
    const dm = await fake.waitForCall('chat.postMessage', (call) =>
      shownText(call).includes("couldn't read that form"),
    );
    expect(shownText(dm)).toContain('nothing was saved');
    const opened = fake.calls('conversations.open').at(-1);
    expect(opened?.args.users).toBe(payload.user.id);
    expect(submitted.length).toBe(before);
  });

  it('apologises privately when Slack refuses to open the form (the trigger expired)', async () => {
    fake.failNext('views.open', { error: 'expired_trigger_id' });
    await sender.slashCommand({ command: '/peer', text: 'checkin', channelId: channel });
    const sorry = await fake.waitForCall('response_url');
    expect(shownText(sorry)).toContain('something went wrong on my side');
    expect(fake.calls('views.open').map((call) => call.failure)).toEqual([{ error: 'expired_trigger_id' }]);
  });

  it('turns a button press into an action and updates the message it sits on', async () => {
    await sender.slashCommand({ command: '/peer', text: 'buttons', channelId: channel });
    const posted = await fake.waitForCall('chat.postMessage', (call) => call.args.channel === channel);
    const ts = (posted.response as { ts: string }).ts;

    const response = await sender.interactive(
      blockActionsPayload({
        actionId: 'sample:ack',
        value: 'flag-1',
        message: { ts, channelId: channel },
        urls: fake,
      }),
    );
    expect(response.status).toBe(200);
    const updated = await fake.waitForCall('chat.update');
    expect(updated.args).toMatchObject({ channel, ts });
    expect(shownText(updated)).toContain('it is acknowledged');
    expect(pressed).toEqual([{ value: 'flag-1', messageId: ts }]);
  });

  it('acknowledges a link button without routing it anywhere', async () => {
    const blocks = [
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'sample:guide',
            url: 'https://example.org/guide',
            text: { type: 'plain_text', text: 'Guide' },
          },
        ],
      },
    ];
    const response = await sender.interactive(
      blockActionsPayload({
        actionId: 'sample:guide',
        message: { ts: '1.000001', channelId: channel, blocks },
        urls: fake,
      }),
    );
    expect(response.status).toBe(200);
    // The marker below is answered after the press was handled; the press itself said nothing.
    await sender.event(eventCallback(directMessageEvent({ text: 'hello' }), fake.identity));
    await fake.waitForCall('chat.postMessage', (call) => call.args.channel === 'D0ALICEDM01');
    expect(fake.calls('response_url')).toEqual([]);
    expect(fake.calls('chat.postEphemeral')).toEqual([]);
  });

  it('splits a reply too long for one Slack message into several messages, in order', async () => {
    await sender.slashCommand({ command: '/peer', text: 'long', channelId: channel });
    const posts = await waitForCalls(fake, 'chat.postMessage', 3, (call) => call.args.channel === channel);
    const blocks = posts.map((call) => call.args.blocks as unknown[]);
    for (const part of blocks) expect(part.length).toBeLessThanOrEqual(50);
    expect(blocks.reduce((sum, part) => sum + part.length, 0)).toBe(121);
    const shown = posts.map(shownText).join('');
    expect(shown.indexOf('Paragraph 1:')).toBeLessThan(shown.indexOf('Paragraph 120:'));
    expect(String(posts[1]?.args.text)).toContain('(continued)');
  });
});
