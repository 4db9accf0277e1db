// A world of its own for a Slack end-to-end test: a fresh fake Slack with the given people and
// channel members, the whole app on a fresh database pointed at it over HTTP, and a sender of
// signed requests. Build one in a beforeEach and stop it in the afterEach, so no test reads
// what another left behind (calls, views, rows, the app's caches).
import type { RunningApp } from '../../src/app.ts';
import {
  FakeSlackApi,
  type FakeSlackApiOptions,
  SlackRequestSender,
  type SlackUserSeed,
} from '../fakes/slack/index.ts';
import { startTestApp } from './app-harness.ts';
import { freePort } from './free-port.ts';

export const SLACK_BOT_TOKEN = 'xoxb-test';
export const SLACK_SIGNING_SECRET = 'secret';

export interface SlackWorld {
  readonly fake: FakeSlackApi;
  readonly app: RunningApp;
  readonly sender: SlackRequestSender;
  readonly port: number;
  stop(): Promise<void>;
}

type AppOptions = NonNullable<Parameters<typeof startTestApp>[1]>;

export interface SlackWorldOptions extends AppOptions {
  /** The workspace's people, by user id, as users.info reports them. */
  users?: Record<string, SlackUserSeed>;
  /** Who is in each channel, for conversations.members (the roster read). */
  channelMembers?: Record<string, readonly string[]>;
  /** More environment for the app's config (on top of the Slack settings). */
  env?: Record<string, string>;
  fakeOptions?: FakeSlackApiOptions;
}

export async function startSlackWorld(options: SlackWorldOptions = {}): Promise<SlackWorld> {
  const { users = {}, channelMembers = {}, env = {}, fakeOptions, ...appOptions } = options;
  const fake = await FakeSlackApi.start(fakeOptions);
  for (const [id, seed] of Object.entries(users)) fake.setUser(id, seed);
  for (const [channel, members] of Object.entries(channelMembers)) fake.setChannelMembers(channel, members);
  const port = await freePort();
  let app: RunningApp;
  try {
    app = await startTestApp(
      {
        SLACK_BOT_TOKEN,
        SLACK_SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: String(port),
        ...env,
      },
      appOptions,
    );
  } catch (error) {
    await fake.close();
    throw error;
  }
  const sender = new SlackRequestSender(`http://127.0.0.1:${port}/slack/events`, SLACK_SIGNING_SECRET, fake);
  return {
    fake,
    app,
    sender,
    port,
    async stop() {
      await app.stop();
      await fake.close();
    },
  };
}
