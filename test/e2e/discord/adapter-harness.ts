// The Discord adapter on its own (no database): the real discord.js against the fake
// Discord, with a small command table and router the test controls.

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
  deferAfterMs?: number;
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
    deferAfterMs: options.deferAfterMs ?? 800,
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
