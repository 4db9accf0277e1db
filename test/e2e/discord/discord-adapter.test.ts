// The Discord adapter through the real discord.js against the fake Discord: forms as modals,
// the three-second rule, long answers, reconnects, buttons and direct messages.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderDiscordMessages } from '../../../src/adapters/discord/render-components.ts';
import { discordLimits, type FormContext, view } from '../../../src/chat/index.ts';
import { literal, markup } from '../../../src/chat/markup.ts';
import { testCommand } from '../../chat/sample-table.ts';
import { checkinForm, longView, shortForm } from '../../chat/sample-views.ts';
import type { DiscordRestCall } from '../../fakes/discord/index.ts';
import { type AdapterUnderTest, gate, manualDeferTrigger, startDiscordAdapter } from './adapter-harness.ts';

const received: FormContext[] = [];
const slow = gate();
const slowForm = gate();
const slowPublic = gate();
let longDone = gate();

let world: AdapterUnderTest;
const defers = manualDeferTrigger();

beforeAll(async () => {
  world = await startDiscordAdapter({
    // Interactions are deferred when a test says so: a quick handler answers first however
    // busy the machine is, and a slow one is deferred without waiting for a timer.
    deferTrigger: defers.trigger,
    commands: [
      testCommand('form', (reply) => reply.openForm(shortForm)),
      testCommand('timed', (reply) =>
        reply.openForm({
          ...shortForm,
          context: 'round-8',
          inputs: [
            ...shortForm.inputs,
            { type: 'text', id: 'time', label: 'At what time?', optional: true, check: { kind: 'time' } },
          ],
        }),
      ),
      testCommand('checkin', (reply) => reply.openForm(checkinForm)),
      testCommand('slow', async (reply) => {
        await slow.wait;
        await reply.privately(view(markup`Slow answer`, { type: 'text', text: markup`Thanks for waiting.` }));
      }),
      testCommand('slow-public', async (reply) => {
        await slowPublic.wait;
        await reply.publicly(
          view(markup`Round closed`, { type: 'text', text: markup`This round is closed. Thank you all.` }),
        );
      }),
      testCommand('slow-form', async (reply) => {
        await slowForm.wait;
        await reply.openForm(shortForm);
      }),
      testCommand('long', async (reply) => {
        await reply.publicly(longView());
        longDone.open();
      }),
      testCommand('ping', (reply) =>
        reply.privately(view(markup`pong`, { type: 'text', text: markup`pong` })),
      ),
      testCommand('announce', async (reply) => {
        await reply.publicly(view(markup`Hello team`, { type: 'text', text: markup`Hello, team.` }));
      }),
    ],
    forms: {
      sample: async (context) => {
        received.push(context);
        await context.reply.privately(
          view(markup`Got it`, {
            type: 'text',
            text: markup`note=${literal(String(context.values.note))}; mood=${literal(String(context.values.mood))}`,
          }),
        );
      },
      checkins: async (context) => {
        received.push(context);
        await context.reply.privately(
          view(markup`Thanks`, { type: 'text', text: markup`Thank you for checking in.` }),
        );
      },
    },
    actions: {
      test: async ({ name, reply }) => {
        if (name === 'update')
          await reply.updateSource(view(markup`Updated`, { type: 'text', text: markup`Updated.` }));
      },
    },
  });
});

afterAll(async () => {
  await world?.close();
});

afterEach(() => {
  received.length = 0;
});

const peer = (subcommand: string) => world.fake.slashCommand({ name: 'peer', subcommand });

function followUps(token: string): DiscordRestCall[] {
  return world.fake.rest.calls(
    (call) => call.route === 'POST /webhooks/:appId/:token' && call.params.token === token,
  );
}

function firstButtonId(data: unknown): string {
  const parsed = data as { components?: { components?: { custom_id?: string }[] }[] } | undefined;
  const id = parsed?.components?.[0]?.components?.[0]?.custom_id;
  if (!id) throw new Error(`no button in ${JSON.stringify(data)}`);
  return id;
}

describe('forms as Discord modals', () => {
  it('opens a form as a modal and hands the submitted values to the form handler', async () => {
    const modal = await peer('form').reply();
    expect(modal.type).toBe(9);
    expect(modal.data).toMatchObject({
      custom_id: 'sample:answer|1/1|round-7',
      title: 'Check-in',
      components: [
        {
          type: 18,
          label: 'Anything on your mind?',
          component: { type: 4, custom_id: 'note', style: 2, required: false },
        },
        {
          type: 18,
          label: 'How are you?',
          component: {
            type: 3,
            custom_id: 'mood',
            options: [
              { label: 'Good', value: 'good' },
              { label: 'Okay', value: 'okay' },
              { label: 'Hard', value: 'hard' },
            ],
          },
        },
        {
          type: 18,
          label: 'Would you like to talk about',
          component: { type: 3, custom_id: 'topics', min_values: 0, max_values: 3, required: false },
        },
      ],
    });

    const answer = await world.fake
      .modalSubmit({
        customId: 'sample:answer|1/1|round-7',
        fields: { note: 'a calm week', mood: ['okay'], topics: ['sleep', 'work'] },
      })
      .reply();

    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      formId: 'sample:answer',
      context: 'round-7',
      values: { note: 'a calm week', mood: 'okay', topics: ['sleep', 'work'] },
    });
    expect(answer.type).toBe(4);
    expect(answer.data).toMatchObject({ content: 'note=a calm week; mood=okay', flags: 64 });
  });

  it('asks a long form in parts and sends one form event once the last part is in', async () => {
    const first = await peer('checkin').reply();
    expect(first.data).toMatchObject({ custom_id: 'checkins:answer|1/2|round-42' });

    const between = await world.fake
      .modalSubmit({
        customId: 'checkins:answer|1/2|round-42',
        fields: { mood: ['hard'], win: 'I called a friend', barrier: '' },
      })
      .reply();
    expect(between.data).toMatchObject({ flags: 64 });
    expect(String(between.data?.content)).toContain('part 1 of 2');
    expect(received).toHaveLength(0);

    const second = await world.fake.button({ customId: firstButtonId(between.data) }).reply();
    expect(second.type).toBe(9);
    expect(second.data).toMatchObject({ custom_id: 'checkins:answer|2/2|round-42' });

    await world.fake
      .modalSubmit({
        customId: 'checkins:answer|2/2|round-42',
        fields: { support: ['reach-out'], week: ['c3'], name: 'Sam' },
      })
      .reply();
    expect(received).toHaveLength(1);
    expect(received[0]?.values).toEqual({
      mood: 'hard',
      win: 'I called a friend',
      barrier: undefined,
      support: ['reach-out'],
      week: 'c3',
      name: 'Sam',
    });
  });

  it('offers Try again with the reason when a value fails its check, sending nothing, and the button reopens the form', async () => {
    await peer('timed').reply();
    const refused = await world.fake
      .modalSubmit({ customId: 'sample:answer|1/1|round-8', fields: { mood: ['good'], time: 'after work' } })
      .reply();
    expect(refused.data).toMatchObject({ flags: 64 });
    expect(String(refused.data?.content)).toContain("'after work' isn't a time of day I can read");
    expect(received).toHaveLength(0);
    const again = await world.fake.button({ customId: firstButtonId(refused.data) }).reply();
    expect(again.type).toBe(9);
    await world.fake
      .modalSubmit({ customId: 'sample:answer|1/1|round-8', fields: { mood: ['good'], time: '17:30' } })
      .reply();
    expect(received.map((r) => r.values.time)).toEqual(['17:30']);
  });

  it('answers a submission of a form it no longer knows gently, without calling a handler', async () => {
    const answer = await world.fake
      .modalSubmit({ customId: 'sample:answer|1/1|round-99', fields: { note: 'hello' } })
      .reply();
    expect(answer.data).toMatchObject({ flags: 64 });
    expect(String(answer.data?.content)).toContain('Nothing was saved');
    expect(received).toHaveLength(0);
  });
});

describe('the three-second rule', () => {
  it('defers a slow command privately, then fills the placeholder with the answer', async () => {
    const deferring = defers.deferNext();
    const sent = peer('slow');
    await deferring;
    const deferred = await sent.reply();
    expect(deferred).toMatchObject({ type: 5, data: { flags: 64 } });

    slow.open();
    const edit = await world.fake.rest.waitForCall(
      (call) =>
        call.route === 'PATCH /webhooks/:appId/:token/messages/:messageId' &&
        call.params.token === sent.token,
    );
    expect(edit.params.messageId).toBe('@original');
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ content: 'Thanks for waiting.' });
  });

  it('resolves the private placeholder before a slow public answer, so the answer stays public', async () => {
    const deferring = defers.deferNext();
    const sent = peer('slow-public');
    await deferring;
    expect(await sent.reply()).toMatchObject({ type: 5, data: { flags: 64 } });

    slowPublic.open();
    const followUp = await world.fake.rest.waitForCall(
      (call) => call.route === 'POST /webhooks/:appId/:token' && call.params.token === sent.token,
    );
    expect(followUp.body).toMatchObject({ content: 'This round is closed. Thank you all.' });
    expect((followUp.body as { flags?: number }).flags ?? 0).toBe(0);
    // Discord makes the first follow-up after a defer take the defer's privacy: the edit must come first.
    const edit = world.fake.rest
      .calls((call) => call.route === 'PATCH /webhooks/:appId/:token/messages/:messageId')
      .find((call) => call.params.token === sent.token);
    expect(edit?.params.messageId).toBe('@original');
    expect(edit?.index ?? Number.POSITIVE_INFINITY).toBeLessThan(followUp.index);
  });

  it('offers a button for a form that comes after the defer, and the button opens it', async () => {
    const deferring = defers.deferNext();
    const sent = peer('slow-form');
    await deferring;
    expect((await sent.reply()).type).toBe(5);

    slowForm.open();
    const edit = await world.fake.rest.waitForCall(
      (call) =>
        call.route === 'PATCH /webhooks/:appId/:token/messages/:messageId' &&
        call.params.token === sent.token,
    );
    expect(String((edit.body as { content?: string }).content)).toContain('is ready for you');

    const modal = await world.fake.button({ customId: firstButtonId(edit.body) }).reply();
    expect(modal.type).toBe(9);
    expect(modal.data).toMatchObject({ custom_id: 'sample:answer|1/1|round-7' });
  });

  it('answers quick commands directly, without a defer', async () => {
    const answer = await peer('ping').reply();
    expect(answer).toMatchObject({ type: 4, data: { content: 'pong', flags: 64 } });
  });
});

describe('answers in Discord', () => {
  it('splits a long public answer into messages within 2,000 characters and five rows', async () => {
    longDone = gate();
    const sent = peer('long');
    const first = await sent.reply();
    await longDone.wait;

    const expected = renderDiscordMessages(longView());
    const bodies = [first.data, ...followUps(sent.token).map((call) => call.body as Record<string, unknown>)];
    expect(expected.length).toBeGreaterThan(2);
    expect(bodies).toHaveLength(expected.length);
    expect(first.type).toBe(4);
    for (const body of bodies) {
      const content = typeof body?.content === 'string' ? body.content : '';
      const rows = Array.isArray(body?.components) ? body.components : [];
      expect(content.length).toBeLessThanOrEqual(discordLimits.content);
      expect(rows.length).toBeLessThanOrEqual(discordLimits.actionRows);
      expect(body?.flags ?? 0).toBe(0);
    }
    const allText = bodies.map((body) => String(body?.content ?? '')).join('\n');
    expect(allText).toContain('## Weekly digest');
    expect(allText).toContain('**Member 40:**');
  });

  it('answers publicly with the interaction response', async () => {
    const answer = await peer('announce').reply();
    expect(answer).toMatchObject({ type: 4, data: { content: 'Hello, team.' } });
    expect(answer.data?.flags).toBeUndefined();
  });

  it('acknowledges a button press that needs no answer, so Discord shows no failure', async () => {
    const answer = await world.fake.button({ customId: 'test:nothing|x' }).reply();
    expect(answer.type).toBe(6);
  });

  it('replaces the message a button sits on', async () => {
    const answer = await world.fake.button({ customId: 'test:update|x' }).reply();
    expect(answer).toMatchObject({ type: 7, data: { content: 'Updated.', components: [] } });
  });

  it('answers a direct message in the direct message channel', async () => {
    const dm = world.fake.sendDirectMessage({ from: 'bob', content: 'hi there' });
    const answer = await world.fake.rest.waitForCall(
      (call) =>
        call.route === 'POST /channels/:channelId/messages' && call.params.channelId === dm.channel_id,
    );
    expect(String((answer.body as { content?: string }).content)).toContain("I'm a bot");
  });
});

describe('the gateway connection', () => {
  it('keeps handling commands after Discord drops the connection', async () => {
    const before = world.fake.gateway.identifyCount + world.fake.gateway.resumeCount;
    await world.fake.gateway.dropConnection();
    await world.fake.gateway.waitFor('resumed', world.fake.gateway.resumeCount + 1);
    expect(world.fake.gateway.identifyCount + world.fake.gateway.resumeCount).toBeGreaterThan(before);

    const answer = await peer('ping').reply();
    expect(answer).toMatchObject({ type: 4, data: { content: 'pong' } });
  });
});
