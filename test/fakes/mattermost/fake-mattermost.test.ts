// The fake Mattermost itself, through the adapter's REST client (@mattermost/client's Client4,
// reading statuses itself): failPosts() refuses the bot's posts to one channel, as many times as
// asked, with the server's AppError, and nothing else.
import { afterEach, describe, expect, it } from 'vitest';
import { MattermostRest } from '../../../src/adapters/mattermost/mattermost-rest.ts';
import { FakeMattermost } from './index.ts';

const TOKEN = 'fake-self-test-token';
let fake: FakeMattermost | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function started() {
  fake = await FakeMattermost.start({ token: TOKEN });
  const client = new MattermostRest(fake.url, TOKEN);
  const bot = fake.world.bot.id;
  const room = fake.world.addChannel(fake.world.team.id, 'room');
  const other = fake.world.addChannel(fake.world.team.id, 'other');
  for (const channel of [room, other]) fake.world.joinChannel(channel.id, bot);
  return { fake, client, room: room.id, other: other.id };
}

const post = (client: MattermostRest, channelId: string, message: string) =>
  client.createPost({ channel_id: channelId, message });

describe('FakeMattermost.failPosts', () => {
  it("refuses the bot's next posts to one channel with a 403 AppError, then takes them again", async () => {
    const { fake, client, room, other } = await started();
    fake.failPosts(room, 2);
    await expect(post(client, room, 'first')).rejects.toMatchObject({
      status: 403,
      serverErrorId: 'api.context.permissions.app_error',
    });
    // Another channel, and an ephemeral post in the same one, are not refused.
    expect((await post(client, other, 'elsewhere')).channel_id).toBe(other);
    const someone = fake.world.user('ruth').id;
    fake.world.joinChannel(room, someone);
    await client.createPostEphemeral(someone, { channel_id: room, message: 'only ruth' });
    await expect(post(client, room, 'second')).rejects.toMatchObject({ status: 403 });
    expect((await post(client, room, 'third')).message).toBe('third');
    expect(fake.posted.all().map((p) => p.message)).toEqual(['elsewhere', 'only ruth', 'third']);
    expect(
      fake.calls
        .all()
        .filter((c) => c.path === '/api/v4/posts')
        .map((c) => c.status),
    ).toEqual([403, 200, 403, 200]);
  });

  it('answers the error it is given (a 5xx, which the adapter tries again)', async () => {
    const { fake, client, room } = await started();
    fake.failPosts(room, 1, { status: 503, id: 'app.unavailable', message: 'Try again later.' });
    await expect(post(client, room, 'first')).rejects.toMatchObject({
      status: 503,
      serverErrorId: 'app.unavailable',
      message: 'Try again later.',
    });
    expect((await post(client, room, 'again')).message).toBe('again');
  });
});
