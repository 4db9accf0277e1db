// Shared by the Slack benchmarks: the env that points the app at the fake Slack, a free port,
// and the idempotency key an outbox message carries (how lost and doubled are counted).
import { createServer } from 'node:net';
import type { SlackCall } from '../../test/fakes/slack/index.ts';

export const SIGNING_SECRET = 'bench-signing-secret';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function slackEnv(apiUrl: string, port: number): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    PORT: String(port),
  };
}

/** The outbox idempotency key a chat.postMessage carried in its message metadata. */
export function outboxKey(call: SlackCall): string | undefined {
  const metadata = call.args.metadata as { event_payload?: { key?: unknown } } | undefined;
  const key = metadata?.event_payload?.key;
  return typeof key === 'string' ? key : undefined;
}
