// The Discord adapter on its own (no database): the real discord.js against the fake
// Discord, with a small command table and router the test controls.

import { type DeferTrigger, deferAfter } from '../../../src/adapters/discord/discord-reply.ts';
import { createDiscordAdapter, type DiscordAdapter } from '../../../src/adapters/discord/index.ts';
import type { Command } from '../../../src/chat/command-table.ts';
import {
  type ActionHandler,
  createCommandTable,
  createRouter,
  type DirectMessageHandler,
  type EventSink,
  type FormHandler,
} from '../../../src/chat/index.ts';
import { silentLogger } from '../../../src/logger.ts';
import { memoryDedupe } from '../../chat/sample-table.ts';
import { FakeDiscord } from '../../fakes/discord/index.ts';

export const fakeToken = 'fake-token';

/** A promise the test resolves when it wants a handler to go on. */
export function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { wait, open };
}

/**
 * A defer trigger the test fires: an interaction is deferred when the test says so, never
 * because a busy machine made a quick handler miss a timer. Interactions nobody asked to defer
 * are answered whenever their handler answers.
 */
export function manualDeferTrigger(): {
  readonly trigger: DeferTrigger;
  /** Call before sending the interaction: it is deferred as soon as it arrives. */
  deferNext(): Promise<void>;
} {
  let next: (() => void) | undefined;
  return {
    trigger(defer) {
      const deferred = next;
      if (deferred) {
        next = undefined;
        defer();
        deferred();
      }
      return () => {};
    },
    deferNext() {
      return new Promise<void>((resolve) => {
        next = resolve;
      });
    },
  };
}

export interface AdapterUnderTest {
  readonly fake: FakeDiscord;
  readonly adapter: DiscordAdapter;
  close(): Promise<void>;
}

export async function startDiscordAdapter(options: {
  commands: readonly Command[];
  forms?: Readonly<Record<string, FormHandler>>;
  actions?: Readonly<Record<string, ActionHandler>>;
  directMessage?: DirectMessageHandler;
  /** What defers an unanswered interaction; default: a real 800 ms timer. */
  deferTrigger?: DeferTrigger;
  /** Stands between the adapter and the router, e.g. to make the sink fail. */
  wrapSink?: (sink: EventSink) => EventSink;
}): Promise<AdapterUnderTest> {
  const fake = await FakeDiscord.start({ token: fakeToken });
  const table = createCommandTable({ commands: options.commands });
  const router = createRouter({
    table,
    ...(options.forms ? { forms: options.forms } : {}),
    ...(options.actions ? { actions: options.actions } : {}),
    ...(options.directMessage ? { directMessage: options.directMessage } : {}),
    dedupe: memoryDedupe(),
    logger: silentLogger,
  });
  const sink = options.wrapSink ? options.wrapSink(router) : router;
  const adapter = createDiscordAdapter({
    config: {
      token: fakeToken,
      applicationId: fake.world.applicationId,
      guildId: fake.world.guild().id,
      apiUrl: fake.apiUrl,
    },
    table,
    sink,
    logger: silentLogger,
    deferTrigger: options.deferTrigger ?? deferAfter(800),
  });
  try {
    await adapter.start();
  } catch (error) {
    await fake.close();
    throw error;
  }
  return {
    fake,
    adapter,
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}
