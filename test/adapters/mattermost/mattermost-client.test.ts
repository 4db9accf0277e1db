// The outbox's Mattermost client against the fake server through the real @mattermost/client:
// a 429 (which reaches Client4 without a status code) leaves as `rate-limited` with the wait
// from the X-Ratelimit-* headers, so the outbox paces it like Slack's and Discord's; people
// are confirmed through the API, with bots, deactivated accounts and admins told apart.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionKey } from '../../../src/adapters/mattermost/action-mac.ts';
import {
  createMattermostClient,
  DirectChannels,
} from '../../../src/adapters/mattermost/mattermost-client.ts';
import { MattermostRest } from '../../../src/adapters/mattermost/mattermost-rest.ts';
import { markup } from '../../../src/chat/markup.ts';
import { DeliveryError } from '../../../src/chat/outbound.ts';
import { view } from '../../../src/chat/views.ts';
import { FakeMattermost } from '../../fakes/mattermost/index.ts';

let fake: FakeMattermost;
beforeAll(async () => {
  fake = await FakeMattermost.start({ token: 'tok' });
});
afterAll(async () => {
  await fake?.close();
});

function client(token = 'tok') {
  const rest = new MattermostRest(fake.url, token);
  const session = {
    rest,
    render: { actionUrl: 'http://bot/a', key: actionKey(undefined, token) },
    botUserId: () => fake.world.bot.id,
    ephemeral: new Set<string>(),
  };
  return createMattermostClient(session, new DirectChannels());
}

const ws = () => ({ platform: 'mattermost' as const, workspaceId: fake.world.team.id });

describe('the Mattermost client', () => {
  it('turns a 429 into rate-limited with the wait from the headers, then sends', async () => {
    fake.rateLimit((method, path) => method === 'POST' && path === '/api/v4/posts', 1, 7);
    const channel = { ...ws(), channelId: fake.world.townSquare.id };
    const error = await client()
      .postToChannel(channel, view(markup`Hello`, { type: 'text', text: markup`Hello` }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ failure: 'rate-limited', retryAfterMs: 7_000 });
    const sent = await client().postToChannel(
      channel,
      view(markup`Hello`, { type: 'text', text: markup`Hello` }),
      {
        idempotencyKey: 'k1',
      },
    );
    expect(fake.world.posts.get(sent.messageId)?.props.peerbridge_key).toBe('k1');
  });

  it('says permanent for a bad token, and sends DMs through a direct channel', async () => {
    const error = await client('wrong')
      .sendDirect(
        { ...ws(), userId: fake.world.user('ana').id },
        view(markup`Hi`, { type: 'text', text: markup`Hi` }),
      )
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ failure: 'permanent' });
    const sent = await client().sendDirect(
      { ...ws(), userId: fake.world.user('ana').id },
      view(markup`Hi`, { type: 'text', text: markup`Hi` }),
    );
    expect(sent.channelId).toBe(fake.dmChannelOf('ana'));
  });

  it('confirms people through the API: admins by role, bots and deactivated accounts flagged, strangers unknown', async () => {
    const boss = fake.world.addUser('boss', { roles: 'system_user system_admin' });
    const lead = fake.world.addUser('lead');
    fake.world.team.members.set(lead.id, 'team_user team_admin');
    const bot = fake.world.addUser('helper', { is_bot: true });
    const gone = fake.world.addUser('gone', { delete_at: 5 });
    const c = client();
    const look = (id: string) => c.lookupUser?.({ ...ws(), userId: id });
    expect(await look(boss.id)).toMatchObject({ isWorkspaceAdmin: true, isBot: false });
    expect(await look(lead.id)).toMatchObject({ isWorkspaceAdmin: true });
    expect(await look(fake.world.user('ana').id)).toMatchObject({
      isWorkspaceAdmin: false,
      displayName: 'Ana',
    });
    expect(await look(bot.id)).toMatchObject({ isBot: true });
    expect(await look(gone.id)).toMatchObject({ deleted: true });
    expect(await look('nobodynobodynobodynobodyxx')).toBeUndefined();
  });
});
