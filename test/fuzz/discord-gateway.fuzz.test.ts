// Malformed Discord interactions at the adapter level: INTERACTION_CREATE dispatches through
// the fake gateway to the real discord.js client and adapter, with unknown types, missing or
// wrong-typed ids, no member and no user, options of the wrong type, hostile custom ids and
// missing data. The adapter ignores them or answers with a clear message; it never routes an
// event without a verified person, never crashes, leaves no unhandled rejection, and still
// serves a well-formed command afterwards.
// (Bad JSON does not apply here: gateway frames are Discord's own, parsed by discord.js; the
// adapter takes no interactions over HTTP. Slack's HTTP receiver gets bad JSON in
// adapters.fuzz.test.ts.)
import type { APIInteraction } from 'discord.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { interactionProblem } from '../../src/adapters/discord/interaction-guard.ts';
import type { ChatEvent } from '../../src/chat/index.ts';
import { setupCommand } from '../chat/sample-table.ts';
import { type AdapterUnderTest, startDiscordAdapter } from '../e2e/discord/adapter-harness.ts';
import { InFlight, untilIdle } from '../support/idle.ts';
import { hostileString, runs, seed } from './hostile.ts';

type Json = Record<string, unknown>;

let under: AdapterUnderTest;
const routed: ChatEvent[] = [];
const crashes: unknown[] = [];
const sinks = new InFlight();
const onCrash = (error: unknown) => crashes.push(error);

beforeAll(async () => {
  process.on('unhandledRejection', onCrash);
  process.on('uncaughtException', onCrash);
  under = await startDiscordAdapter({
    commands: [setupCommand],
    wrapSink: (sink) =>
      sinks.wrap(async (event, reply) => {
        routed.push(event);
        await sink(event, reply);
      }),
  });
});

afterAll(async () => {
  await under?.close();
  process.off('unhandledRejection', onCrash);
  process.off('uncaughtException', onCrash);
});

let counter = 0;
/** A fresh snowflake-like id, so every interaction is new to the adapter's de-duplication. */
const freshId = () => `${9_000_000_000_000_000n + BigInt(++counter)}`;

function valid(kind: 'slash' | 'button' | 'select'): Json {
  const { interactions } = under.fake;
  const payload =
    kind === 'slash'
      ? interactions.slashCommand({ name: 'setup', options: { timezone: 'Europe/Berlin' } })
      : kind === 'button'
        ? interactions.button({ customId: 'checkins:answer|r1' })
        : interactions.stringSelect({ customId: 'checkins:pick', values: ['a'] });
  return structuredClone({ ...payload, id: freshId() }) as unknown as Json;
}

const wrongValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.boolean(),
  hostileString,
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.anything(), { maxKeys: 3 }),
);

/** One way to break an interaction; applied to a fresh valid payload. */
const breakage: fc.Arbitrary<(p: Json) => void> = fc.oneof(
  fc.oneof(fc.constantFrom(0, 6, 99, -1, 1.5), wrongValue).map((type) => (p: Json) => {
    p.type = type;
  }),
  wrongValue.map((id) => (p: Json) => {
    p.id = id;
  }),
  fc.constant((p: Json) => {
    delete p.member;
    delete p.user;
  }),
  wrongValue.map((member) => (p: Json) => {
    p.member = member;
    delete p.user;
  }),
  wrongValue.map((user) => (p: Json) => {
    p.user = user;
    delete p.member;
  }),
  wrongValue.map((data) => (p: Json) => {
    p.data = data;
  }),
  fc
    .tuple(fc.constantFrom('custom_id', 'name', 'options', 'component_type', 'values', 'id'), wrongValue)
    .map(([key, value]) => (p: Json) => {
      if (typeof p.data === 'object' && p.data !== null) (p.data as Json)[key] = value;
    }),
  fc.tuple(fc.constantFrom(1, 3, 4, 5, 10, 11, 99, 'x'), wrongValue).map(([type, value]) => (p: Json) => {
    if (typeof p.data === 'object' && p.data !== null)
      (p.data as Json).options = [{ name: 'timezone', type, value }];
  }),
  fc
    .tuple(fc.constantFrom('guild_id', 'channel_id', 'channel', 'token', 'application_id'), wrongValue)
    .map(([key, value]) => (p: Json) => {
      p[key] = value;
    }),
);

const kind = fc.constantFrom('slash' as const, 'button' as const, 'select' as const);

describe('the Discord adapter behind the gateway', () => {
  it('ignores or refuses malformed interactions, routes none without a person, and keeps serving', {
    timeout: 600_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(kind, fc.array(breakage, { minLength: 1, maxLength: 3 }), async (k, breaks) => {
        const payload = valid(k);
        for (const apply of breaks) apply(payload);
        under.fake.gateway.dispatch('INTERACTION_CREATE', payload as unknown as APIInteraction);
      }),
      { numRuns: runs * 10, seed },
    );
    // Gateway dispatches are handled in order: once a well-formed command after them is
    // answered, discord.js and the guard have seen every one. Handlers they started may still
    // fail late, so wait until none is running and the fake hears nothing more.
    const sent = under.fake.slashCommand({ name: 'setup', options: { timezone: 'Europe/Berlin' } });
    expect(await sent.reply(60_000)).toBeDefined();
    await untilIdle({
      busy: sinks.busy,
      activity: () => [routed.length, crashes.length, under.fake.rest.calls().length],
    });
    for (const event of routed) {
      expect(typeof event.actor.userId).toBe('string');
      expect(event.actor.userId).toMatch(/^\d{5,25}$/);
      expect(typeof event.eventId).toBe('string');
    }
    expect(crashes).toEqual([]);
  });
});

describe('what the guard lets through', () => {
  it('accepts the interactions Discord sends: commands, buttons and selects, in a guild or a DM, and a ping', () => {
    const { interactions } = under.fake;
    for (const payload of [
      interactions.slashCommand({ name: 'setup', options: { timezone: 'Europe/Berlin' } }),
      interactions.slashCommand({ name: 'setup', options: { timezone: 'UTC' }, dm: true }),
      interactions.button({ customId: 'checkins:answer|r1' }),
      interactions.stringSelect({ customId: 'checkins:pick', values: ['a', 'b'] }),
    ])
      expect(interactionProblem(payload)).toBeUndefined();
    expect(
      interactionProblem({
        type: 1,
        id: '123456789012',
        application_id: '123456789012',
        token: 't',
        user: { id: '123456789012' },
      }),
    ).toBeUndefined();
    expect(interactionProblem({})).toBeDefined();
  });
});
