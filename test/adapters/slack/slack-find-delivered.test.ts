// The outbox's look-up after an unknown outcome, against the fake Slack: a message is found by
// the idempotency key in its metadata however far back it is since the row was made (history
// is read page by page), and a search that runs out without reaching `since` throws ("cannot
// tell") instead of answering "not delivered".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boltLogger } from '../../../src/adapters/slack/bolt-logger.ts';
import { createNonRetryingWebClient, createSlackClient } from '../../../src/adapters/slack/slack-client.ts';
import { DirectChannels } from '../../../src/adapters/slack/slack-posting.ts';
import { DeliveryError, type MarkupText, markup } from '../../../src/chat/index.ts';
import { silentLogger } from '../../../src/logger.ts';
import { FakeSlackApi } from '../../fakes/slack/index.ts';

let fake: FakeSlackApi;

// A fake Slack per test: the page counts below are of this test's calls alone.
beforeEach(async () => {
  fake = await FakeSlackApi.start();
});
afterEach(async () => {
  await fake?.close();
});

function slack() {
  const web = createNonRetryingWebClient({
    botToken: 'xoxb-test',
    apiUrl: fake.apiUrl,
    logger: boltLogger(silentLogger),
  });
  return { client: createSlackClient(web, new DirectChannels()) };
}

const text = (t: MarkupText) => ({ text: t, blocks: [{ type: 'text' as const, text: t }] });

describe('finding a delivered outbox message on Slack', () => {
  it('finds a message 450 messages deep, following next_cursor back to `since`', async () => {
    const { client } = slack();
    const channel = {
      platform: 'slack' as const,
      workspaceId: fake.identity.teamId,
      channelId: 'C0BUSY00001',
    };
    const since = new Date();
    const sent = await client.postToChannel(channel, text(markup`Check-in is open`), {
      idempotencyKey: 'note:r1',
    });
    fake.workspace.seedChatter(channel.channelId, 450);

    const found = await client.findDelivered?.(channel, 'note:r1', since);
    expect(found).toMatchObject({ channelId: channel.channelId, messageId: sent.messageId });
    const pages = fake.calls('conversations.history');
    expect(pages).toHaveLength(3);
    expect(pages.every((call) => Number(call.args.oldest) < since.getTime() / 1000)).toBe(true);
    expect(await client.findDelivered?.(channel, 'note:r2', since)).toBeUndefined();
  });

  it('says it cannot tell (throws) when the history runs past every page it reads', async () => {
    const { client } = slack();
    const channel = {
      platform: 'slack' as const,
      workspaceId: fake.identity.teamId,
      channelId: 'C0HUGE00001',
    };
    fake.workspace.seedChatter(channel.channelId, 5_100);
    await expect(client.findDelivered?.(channel, 'note:gone')).rejects.toBeInstanceOf(DeliveryError);
  });
});
