// Starting the Discord adapter when Discord says no: the person running the bot gets a
// sentence that says what to change, not a hang.

import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../../src/adapters/discord/index.ts';
import { createCommandTable, createRouter } from '../../../src/chat/index.ts';
import { silentLogger } from '../../../src/logger.ts';
import { memoryDedupe } from '../../chat/sample-table.ts';
import { FakeDiscord } from '../../fakes/discord/index.ts';
import { fakeToken } from './adapter-harness.ts';

let fake: FakeDiscord | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function adapterFor(discord: FakeDiscord, token = fakeToken) {
  const table = createCommandTable({ commands: [] });
  return createDiscordAdapter({
    config: { token, applicationId: discord.world.applicationId, apiUrl: discord.apiUrl },
    table,
    sink: createRouter({ table, dedupe: memoryDedupe(), logger: silentLogger }),
    logger: silentLogger,
    readyTimeoutMs: 5_000,
  });
}

describe('starting on Discord', () => {
  it('says which switch to turn on when the Server Members intent is not granted', async () => {
    fake = await FakeDiscord.start({ token: fakeToken, privilegedIntents: { guildMembers: false } });
    await expect(adapterFor(fake).start()).rejects.toThrow(/Server Members Intent/);
  });

  it('says the token was refused', async () => {
    fake = await FakeDiscord.start({ token: fakeToken });
    await expect(adapterFor(fake, 'not-the-token').start()).rejects.toThrow(/Discord refused DISCORD_TOKEN/);
  });

  it('registers /peer globally when no server is configured', async () => {
    fake = await FakeDiscord.start({ token: fakeToken });
    const adapter = adapterFor(fake);
    await adapter.start();
    try {
      const [peer] = fake.registeredCommands();
      expect(peer?.name).toBe('peer');
      // Global registration also offers /peer in direct messages with the bot.
      expect(peer?.contexts).toEqual([0, 1]);
    } finally {
      await adapter.stop();
    }
  });
});
