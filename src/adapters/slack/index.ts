// The Slack adapter: Bolt in HTTP mode or Socket Mode, turning Slack payloads into ChatEvents
// for the router and neutral views into Block Kit. It holds no business rule.
import type { ChatAdapter, ChatClient, CommandTable, EventSink, Logger } from '../../chat/index.ts';
import type { SlackConfig } from '../../config.ts';
import type { HomeViewSource } from './app-home.ts';
import { boltLogger } from './bolt-logger.ts';
import { slackCapabilities } from './capabilities.ts';
import { createSlackApp, type SlackAppOptions, slackEventsPath } from './slack-app.ts';
import { createNonRetryingWebClient, createSlackClient } from './slack-client.ts';
import { DirectChannels } from './slack-posting.ts';

export {
  buildSlackManifest,
  type SlackManifest,
  type SlackManifestInput,
  slackUsageHint,
} from './manifest.ts';
export { slackEventsPath };

export interface SlackAdapterOptions {
  readonly config: SlackConfig;
  /** HTTP mode: where Bolt listens for `/slack/events`. 0 picks a free port (tests). */
  readonly port: number;
  readonly table: CommandTable;
  readonly sink: EventSink;
  /** Extra GET routes on the HTTP receiver (/healthz, /readyz); ignored in Socket Mode. */
  readonly httpRoutes?: SlackAppOptions['httpRoutes'];
  /** HTTP mode: Bolt's wait for an ack before its own 404 (see SlackAppOptions). */
  readonly unhandledRequestTimeoutMs?: SlackAppOptions['unhandledRequestTimeoutMs'];
  readonly logger: Logger;
  /** The member's own summary for the App Home tab. */
  readonly homeView: HomeViewSource;
}

export interface SlackAdapter extends ChatAdapter {
  readonly mode: 'http' | 'socket';
  /** HTTP mode, once started: the port Bolt listens on. */
  httpPort(): number | undefined;
}

/** A `ChatAdapter` (src/chat/adapter.ts says what start and stop promise). */
export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const directChannels = new DirectChannels();
  const app = createSlackApp({ ...options, directChannels });
  const client: ChatClient = createSlackClient(
    createNonRetryingWebClient({
      botToken: options.config.botToken,
      ...(options.config.apiUrl === undefined ? {} : { apiUrl: options.config.apiUrl }),
      logger: boltLogger(options.logger),
    }),
    directChannels,
  );
  return {
    platform: 'slack',
    client,
    capabilities: slackCapabilities,
    mode: app.mode,
    start: () => app.start(),
    stop: () => app.stop(),
    connected: () => app.connected(),
    httpPort: () => app.httpPort(),
  };
}
