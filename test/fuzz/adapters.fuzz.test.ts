// Malformed platform payloads at the adapter level: anything at all through the Slack payload
// readers and Discord's id and modal readers never throws; signed but malformed requests to
// the real Bolt receiver get a 4xx or are ignored, reach no handler, and the adapter goes on.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  discordModalToFormValues,
  parseDiscordCustomId,
} from '../../src/adapters/discord/render-components.ts';
import { createSlackAdapter, type SlackAdapter } from '../../src/adapters/slack/index.ts';
import {
  actionFromSlack,
  commandFromSlack,
  directMessageFromSlack,
  formFromSlack,
  homeOpenerFromSlack,
  memberJoinedFromSlack,
} from '../../src/adapters/slack/slack-events.ts';
import type { ChatEvent } from '../../src/chat/index.ts';
import { markup } from '../../src/chat/markup.ts';
import { silentLogger } from '../../src/logger.ts';
import { sampleTable } from '../chat/sample-table.ts';
import { FakeSlackApi, SlackRequestSender } from '../fakes/slack/index.ts';
import { InFlight, untilIdle } from '../support/idle.ts';
import { hostileString, runs, seed } from './hostile.ts';

const table = sampleTable();
const outcomes = new Set(['event', 'refused', 'ignored', 'malformed']);

// Objects shaped almost like Slack's, with hostile or wrong-typed fields.
const slackish = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom('block_actions', 'view_submission', 'event_callback', 'shortcut'),
      hostileString,
    ),
    command: fc.oneof(fc.constant('/peer'), fc.anything()),
    text: fc.oneof(hostileString, fc.anything()),
    user_id: fc.oneof(hostileString, fc.anything()),
    team_id: fc.anything(),
    channel_id: fc.anything(),
    trigger_id: fc.anything(),
    user: fc.oneof(fc.record({ id: fc.anything(), name: fc.anything() }), fc.anything()),
    team: fc.oneof(fc.record({ id: fc.anything() }), fc.anything()),
    actions: fc.oneof(fc.array(fc.record({ action_id: fc.anything(), value: fc.anything() })), fc.anything()),
    view: fc.oneof(
      fc.record({ id: fc.anything(), private_metadata: fc.anything(), state: fc.anything() }),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);

describe('Slack payload readers', () => {
  it('turn anything into an event, a refusal or "ignored", never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), slackish), fc.oneof(fc.anything(), slackish), (body, event) => {
        for (const read of [
          commandFromSlack(table, body),
          actionFromSlack(body),
          formFromSlack(body),
          memberJoinedFromSlack(body, event, 'UBOT'),
          directMessageFromSlack(body, event, 'UBOT'),
        ]) {
          expect(outcomes.has(read.kind)).toBe(true);
        }
        const opener = homeOpenerFromSlack(body, event);
        expect('kind' in opener ? outcomes.has(opener.kind) : typeof opener.userId === 'string').toBe(true);
      }),
      { numRuns: runs * 20, seed },
    );
  });
});

describe('Discord readers', () => {
  it('parse any custom id and any modal submission without throwing', () => {
    const form = {
      formId: 'x:y',
      title: 'T',
      submitLabel: 'OK',
      inputs: [{ id: 'a', label: 'A', type: 'text' as const }],
    };
    fc.assert(
      fc.property(hostileString, fc.anything(), (customId, submission) => {
        expect(typeof parseDiscordCustomId(customId).actionId).toBe('string');
        expect(typeof discordModalToFormValues(form, submission).ok).toBe('boolean');
      }),
      { numRuns: runs * 20, seed },
    );
  });
});

describe('the real Bolt receiver', () => {
  let fake: FakeSlackApi;
  let adapter: SlackAdapter;
  let sender: SlackRequestSender;
  const routed: ChatEvent[] = [];
  const sinks = new InFlight();
  /** Every listener Bolt started has finished: no sink running, no more calls reaching the fake. */
  const idle = () => untilIdle({ busy: sinks.busy, activity: () => [routed.length, fake.calls().length] });

  beforeAll(async () => {
    fake = await FakeSlackApi.start();
    adapter = createSlackAdapter({
      config: { botToken: 'xoxb-test', signingSecret: 'secret', apiUrl: fake.apiUrl },
      port: 0,
      table,
      sink: sinks.wrap(async (event) => {
        routed.push(event);
      }),
      logger: silentLogger,
      homeView: async () => ({ text: markup`Home`, blocks: [] }),
      // A request no listener takes (an unknown event type) is answered 404 by Bolt after this
      // wait: its 3 s default made each batch of fuzz posts wait 3 s for its slowest one. Every
      // listener acks first thing, so nothing the adapter handles is near it.
      unhandledRequestTimeoutMs: 300,
    });
    await adapter.start();
    sender = new SlackRequestSender(`http://127.0.0.1:${adapter.httpPort()}/slack/events`, 'secret', fake);
  });
  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
  });

  it('answers signed garbage with a 4xx or ignores it, acts on none of it, and keeps serving', async () => {
    const garbage: [string, string][] = [
      ['{not json', 'application/json'],
      ['payload=%7Bbroken', 'application/x-www-form-urlencoded'],
      [
        JSON.stringify({ type: 'event_callback', event: { type: 'unknown_thing' }, event_id: 'Ev1' }),
        'application/json',
      ],
      [
        new URLSearchParams({ payload: JSON.stringify({ type: 'block_actions' }) }).toString(),
        'application/x-www-form-urlencoded',
      ],
      [
        new URLSearchParams({ payload: JSON.stringify({ type: 'view_submission', view: {} }) }).toString(),
        'application/x-www-form-urlencoded',
      ],
      [
        new URLSearchParams({ payload: JSON.stringify({ type: 'who_knows' }) }).toString(),
        'application/x-www-form-urlencoded',
      ],
      [new URLSearchParams({ command: '/peer' }).toString(), 'application/x-www-form-urlencoded'],
      ['', 'text/plain'],
    ];
    for (const [body, type] of garbage) {
      const response = await sender.post(body, type);
      expect(
        response.status === 200 || (response.status >= 400 && response.status < 500),
        `${response.status} for ${body.slice(0, 40)}`,
      ).toBe(true);
    }
    expect((await sender.post('{}', 'application/json', { badSignature: true })).status).toBe(401);
    await idle();
    // Slash commands with text that is no command reach the router only to be answered, in the
    // sender's language (`unreadable-command`): nothing else may come of garbage.
    const acted = (e: ChatEvent) =>
      e.kind !== 'unreadable-command' && (e.kind !== 'command' || e.path.join(' ') !== 'help');
    expect(routed.filter(acted)).toEqual([]);
    // Still serving: a well-formed command goes through.
    await sender.slashCommand({ command: '/peer', text: markup`help`, channelId: 'C0FINE00001' });
    await expect.poll(() => routed.length).toBeGreaterThan(0);
  });

  it('answers random signed payloads, forms and events, with a 2xx or 4xx and routes none without a person', {
    timeout: 600_000,
  }, async () => {
    const before = routed.length;
    const form = (fields: Record<string, unknown>) =>
      new URLSearchParams(
        Object.entries(fields).map(([k, v]): [string, string] => [
          k,
          typeof v === 'string' ? v : (JSON.stringify(v) ?? ''),
        ]),
      ).toString();
    const bodies = fc.sample(fc.tuple(slackish, fc.constantFrom('payload', 'command', 'event')), {
      numRuns: runs * 4,
      seed,
    });
    const post = ([body, how]: (typeof bodies)[number]) =>
      how === 'event'
        ? sender.post(
            JSON.stringify({ type: 'event_callback', event_id: 'EvFuzz', event: body }),
            'application/json',
          )
        : sender.post(
            how === 'payload' ? form({ payload: body }) : form(body),
            'application/x-www-form-urlencoded',
          );
    // Fifty at a time: Bolt holds an unanswered request up to its ack timeout (above).
    const statuses: number[] = [];
    for (let i = 0; i < bodies.length; i += 50)
      statuses.push(...(await Promise.all(bodies.slice(i, i + 50).map(post))).map((r) => r.status));
    expect(statuses.filter((status) => status >= 300 && (status < 400 || status >= 500))).toEqual([]);
    await idle();
    for (const event of routed.slice(before)) {
      expect(typeof event.actor.userId).toBe('string');
      expect(event.actor.userId.length).toBeGreaterThan(0);
    }
  });
});
