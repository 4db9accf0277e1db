// /readyz follows Mattermost's WebSocket: ready while it is open, not ready while it is down,
// and ready again once @mattermost/client has reconnected on its own (Node 20: the adapter
// gives it `ws` and a CloseEvent, so its reconnect path does not throw), with events flowing
// again on the new connection.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type MattermostWorldUnderTest, startMattermostApp } from './support.ts';

let world: MattermostWorldUnderTest;
beforeAll(async () => {
  world = await startMattermostApp();
}, 120_000);
afterAll(async () => {
  await world?.stop();
});

async function readyz(): Promise<{ status: number; body: { platforms?: Record<string, boolean> } }> {
  const response = await fetch(`http://127.0.0.1:${world.port}/readyz`);
  return {
    status: response.status,
    body: (await response.json()) as { platforms?: Record<string, boolean> },
  };
}

describe('/readyz on Mattermost', () => {
  it('reports the WebSocket: ready, not ready while it is down, ready again after the reconnect', async () => {
    expect(await readyz()).toMatchObject({ status: 200, body: { platforms: { mattermost: true } } });
    world.fake.dropSockets();
    await vi.waitFor(
      async () =>
        expect(await readyz()).toMatchObject({ status: 503, body: { platforms: { mattermost: false } } }),
      {
        timeout: 10_000,
        interval: 50,
      },
    );
    await vi.waitFor(
      async () =>
        expect(await readyz()).toMatchObject({ status: 200, body: { platforms: { mattermost: true } } }),
      {
        timeout: 30_000,
        interval: 200,
      },
    );
    expect(world.fake.socketCount()).toBe(1);
    // Events flow on the new connection: a direct message to the bot is answered.
    world.fake.world.user('ana');
    world.fake.directMessage('ana', 'hello');
    const dm = world.fake.dmChannelOf('ana');
    await world.fake.waitForPost((p) => p.channel_id === dm, 'an answer in the direct channel', 20_000);
  }, 60_000);
});
