// Shared by the Mattermost end-to-end tests: the whole app against the fake Mattermost,
// through the real @mattermost/client, and small readers for what the bot posted.
import type { RunningApp, StartOptions } from '../../../src/app.ts';
import type { Database } from '../../../src/db/index.ts';
import { actionsOf, FakeMattermost, type FakePost } from '../../fakes/mattermost/index.ts';
import { startTestApp } from '../../support/app-harness.ts';
import { freePort } from '../slack/support.ts';

export const MM_TOKEN = 'mattermost-bot-token';

export interface MattermostWorldUnderTest {
  readonly fake: FakeMattermost;
  readonly app: RunningApp;
  readonly port: number;
  stop(): Promise<void>;
}

export async function startMattermostApp(
  options: Omit<Parameters<typeof startTestApp>[1] & object, never> & {
    logger?: StartOptions['logger'];
    database?: Database;
    features?: StartOptions['features'];
    before?: (fake: FakeMattermost) => void;
  } = {},
): Promise<MattermostWorldUnderTest> {
  const fake = await FakeMattermost.start({ token: MM_TOKEN });
  options.before?.(fake);
  const port = await freePort();
  const { before: _before, ...rest } = options;
  const app = await startTestApp(
    {
      MATTERMOST_URL: fake.url,
      MATTERMOST_TOKEN: MM_TOKEN,
      MATTERMOST_CALLBACK_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
    },
    rest,
  ).catch(async (error: unknown) => {
    await fake.close();
    throw error;
  });
  return {
    fake,
    app,
    port,
    async stop() {
      await app.stop();
      await fake.close();
    },
  };
}

/** Everything a post says, buttons' names included, for "does it mention …" checks. */
export function shown(post: FakePost): string {
  return `${post.message}\n${actionsOf(post)
    .map((a) => a.name)
    .join(' | ')}`;
}

/**
 * What a person reads in a post: `shown` with Markdown's backslash escapes resolved (the
 * renderer writes `New\_York` so the underscore shows as itself).
 */
export function readable(post: FakePost): string {
  return shown(post).replace(/\\([\\`*_{}[\]()#+\-.!|~>])/g, '$1');
}

/** The action names of a post. */
export const actionNames = (post: FakePost): string[] => actionsOf(post).map((a) => a.name);
