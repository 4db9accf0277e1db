// Property-based: random and hostile values to every command option in the app's command table
// (iterated, so new commands are covered), every action and form prefix, and typed text,
// through the real router on a real database. No crash, no unhandled rejection, always an
// answer, and no answer that could ping a whole channel on Slack or Discord.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChatEvent,
  createCommandTable,
  createRouter,
  type EventSink,
  parseCommandText,
} from '../../src/chat/index.ts';
import { type Database, processedEvents } from '../../src/db/index.ts';
import { composeFeatures } from '../../src/features/compose-features.ts';
import { silentLogger } from '../../src/logger.ts';
import { recordingReply } from '../support/chat-harness.ts';
import { clonedDatabase } from '../support/database.ts';
import { testFeatureList } from '../support/feature-list.ts';
import { hostileString, hostileValue, mentionProblems, runs, seed } from './hostile.ts';

let db: Database;
let sink: EventSink;
let table: ReturnType<typeof createCommandTable>;
let actionPrefixes: string[];
let formPrefixes: string[];
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
let counter = 0;

beforeAll(async () => {
  process.on('unhandledRejection', onRejection);
  db = await clonedDatabase();
  const features = testFeatureList(db.prisma);
  const composed = composeFeatures(features, silentLogger);
  table = createCommandTable({ groups: [...composed.groups], commands: [...composed.commands] });
  actionPrefixes = Object.keys(composed.actions);
  formPrefixes = Object.keys(composed.forms);
  sink = createRouter({
    table,
    actions: composed.actions,
    forms: composed.forms,
    ...(composed.memberJoined ? { memberJoined: composed.memberJoined } : {}),
    verbs: composed.verbs,
    dedupe: processedEvents(db.prisma),
    logger: silentLogger,
  });
  // Someone has set up a team, so commands get past "not a team yet".
  await send(event('admin', 'C-team', { kind: 'command', path: ['setup'], options: { name: 'Team' } }));
});
afterAll(async () => {
  process.off('unhandledRejection', onRejection);
  await db.close();
});

type Body =
  | Pick<Extract<ChatEvent, { kind: 'command' }>, 'kind' | 'path' | 'options'>
  | Record<string, unknown>;

function event(userId: string, channelId: string | undefined, body: Body): ChatEvent {
  return {
    eventId: `fuzz-${++counter}`,
    actor: { platform: 'shell', workspaceId: 'local', userId, displayName: userId },
    place: channelId === undefined ? { isDirect: true } : { channelId, isDirect: false },
    ...body,
  } as ChatEvent;
}

async function send(e: ChatEvent) {
  const reply = recordingReply();
  await sink(e, reply);
  return reply;
}

async function expectSafeAnswer(e: ChatEvent) {
  const reply = await send(e);
  expect(reply.seen.length, `no answer to ${e.kind}`).toBeGreaterThan(0);
  for (const seen of reply.seen) if (seen.view) expect(mentionProblems(seen.view)).toEqual([]);
}

const who = fc.constantFrom('admin', 'member1', 'stranger', '<!channel>', '@everyone');
const where = fc.option(fc.constantFrom('C-team', 'C-other', '<!here>'), { nil: undefined });

describe('fuzzing through the router', { timeout: 300_000 }, () => {
  it('every command, with hostile, wrong-typed or missing options, gets a safe answer', async () => {
    const commands = table.commands;
    const arbitrary = fc.integer({ min: 0, max: commands.length - 1 }).chain((i) => {
      const names = [...Object.keys(commands[i]!.options), 'unknown_option'];
      return fc.tuple(
        fc.constant(i),
        fc.dictionary(fc.constantFrom(...names), hostileValue, { maxKeys: names.length }),
        who,
        where,
      );
    });
    await fc.assert(
      fc.asyncProperty(arbitrary, async ([i, options, user, channel]) => {
        await expectSafeAnswer(event(user, channel, { kind: 'command', path: commands[i]!.path, options }));
      }),
      { numRuns: runs * 3, seed },
    );
  });

  it('typed command text never throws, and what it parses is answered safely', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, who, async (text, user) => {
        const parsed = parseCommandText(table, text);
        if (!parsed.ok) return;
        await expectSafeAnswer(
          event(user, 'C-team', { kind: 'command', path: parsed.path, options: parsed.options }),
        );
      }),
      { numRuns: runs, seed },
    );
  });

  it('every action and form prefix, with hostile names, values and fields, gets a safe answer', async () => {
    const prefixes = fc.constantFrom(...actionPrefixes, ...formPrefixes, 'nobody');
    await fc.assert(
      fc.asyncProperty(
        prefixes,
        hostileString,
        fc.option(hostileString),
        who,
        async (prefix, name, value, user) => {
          await expectSafeAnswer(
            event(user, 'C-team', {
              kind: 'action',
              actionId: `${prefix}:${name.slice(0, 50)}`,
              ...(value === null ? {} : { value }),
            }),
          );
        },
      ),
      { numRuns: runs, seed },
    );
    await fc.assert(
      fc.asyncProperty(
        prefixes,
        hostileString,
        fc.dictionary(
          fc.string({ maxLength: 10 }),
          fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 })),
        ),
        async (prefix, name, values) => {
          await expectSafeAnswer(
            event('member1', undefined, { kind: 'form', formId: `${prefix}:${name}`, values }),
          );
        },
      ),
      { numRuns: runs, seed },
    );
  });

  it('left no unhandled rejection behind', () => {
    expect(rejections).toEqual([]);
  });
});
