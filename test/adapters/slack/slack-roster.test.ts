// The Slack roster read against the fake Slack: conversations.members page by page, users.info
// for each person, bots and deactivated people flagged for the caller to leave out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNonRetryingWebClient } from '../../../src/adapters/slack/slack-client.ts';
import { slackChannelMembers } from '../../../src/adapters/slack/slack-roster.ts';
import { DeliveryError } from '../../../src/chat/index.ts';
import { FakeSlackApi } from '../../fakes/slack/index.ts';

let fake: FakeSlackApi;

// A fake Slack per test: the page counts below are of this test's calls alone.
beforeEach(async () => {
  fake = await FakeSlackApi.start();
});
afterEach(async () => {
  await fake?.close();
});

const client = () =>
  createNonRetryingWebClient({
    botToken: 'xoxb-test',
    apiUrl: fake.apiUrl,
    logger: {
      debug() {},
      info() {},
      warn() {},
      error() {},
      setLevel() {},
      getLevel: () => 'error' as never,
      setName() {},
    },
  });

describe('reading a Slack channel roster', () => {
  it('follows next_cursor through every page and asks users.info about each person', async () => {
    const ids = Array.from({ length: 450 }, (_, i) => `U${String(i).padStart(8, '0')}`);
    for (const id of ids) fake.setUser(id, { displayName: `Person ${id}`, tz: 'America/Chicago' });
    fake.setUser(ids[3]!, { isBot: true });
    fake.setUser(ids[7]!, { deleted: true, displayName: 'Gone' });
    fake.setChannelMembers('C0BIG000001', ids);

    const people = await slackChannelMembers(client(), 'C0BIG000001');
    expect(fake.calls('conversations.members')).toHaveLength(3);
    expect(people).toHaveLength(450);
    expect(people[0]).toMatchObject({
      userId: ids[0],
      displayName: `Person ${ids[0]}`,
      timeZone: 'America/Chicago',
      isBot: false,
      deleted: false,
    });
    expect(people[3]?.isBot).toBe(true);
    expect(people[7]?.deleted).toBe(true);
  });

  it('turns a refusal into a DeliveryError', async () => {
    await expect(slackChannelMembers(client(), 'C0NOWHERE01')).rejects.toBeInstanceOf(DeliveryError);
  });
});
