// Bolt wiring: one App, in HTTP mode (signed requests to /slack/events on `port`) or Socket
// Mode (when an app-level token is configured), with one listener per kind of payload.
//
// Every listener acknowledges first: Slack shows the person an error when a command, button
// or form is not acknowledged within 3 seconds, and it re-sends events it thinks we missed.
// The work happens after the ack; the router de-duplicates the re-sends by event id.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, type Receiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import type { CommandTable, EventSink, Logger } from '../../chat/index.ts';
import { errorFields, refusalView } from '../../chat/index.ts';
import type { SlackConfig } from '../../config.ts';
import { english } from '../../i18n/index.ts';
import { type HomeViewSource, publishHome } from './app-home.ts';
import { boltLogger } from './bolt-logger.ts';
import {
  actionFromSlack,
  commandFromSlack,
  directMessageFromSlack,
  formFromSlack,
  homeOpenerFromSlack,
  type Ignored,
  type Incoming,
  type Malformed,
  memberJoinedFromSlack,
} from './slack-events.ts';
import { slackFileFetcher } from './slack-files.ts';
import { submittedInputErrors } from './slack-modal.ts';
import type { DirectChannels } from './slack-posting.ts';
import { createSlackReply, type SlackReplyDeps } from './slack-reply.ts';
import { shortcutFromSlack } from './slack-shortcuts.ts';
import { watchSocket } from './socket-state.ts';

/** Where Slack sends events, commands and interactions in HTTP mode (Bolt's default path). */
export const slackEventsPath = '/slack/events';

export interface SlackAppOptions {
  readonly config: SlackConfig;
  /** HTTP mode only; 0 picks a free port (see `httpPort()`). */
  readonly port: number;
  readonly table: CommandTable;
  readonly sink: EventSink;
  readonly logger: Logger;
  readonly homeView: HomeViewSource;
  readonly directChannels: DirectChannels;
  /** Extra routes on the HTTP receiver, in Bolt's `customRoutes` shape (health endpoints). */
  readonly httpRoutes?: readonly {
    readonly path: string;
    readonly method: string;
    readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
  }[];
  /**
   * HTTP mode: how long Bolt waits for a listener to ack a request before it answers 404 itself
   * (a request no listener takes: an unknown event type). Bolt's 3 s when absent; tests that
   * post such requests on purpose give less, not to wait out 3 s each.
   */
  readonly unhandledRequestTimeoutMs?: number;
}

export interface SlackApp {
  readonly mode: 'http' | 'socket';
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The port the HTTP receiver listens on, once started. */
  httpPort(): number | undefined;
  connected(): boolean;
}

type Respond = SlackReplyDeps['respond'];

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config, table, sink, logger, homeView, directChannels } = options;
  const bolt = boltLogger(logger);
  const apiUrl = config.apiUrl === undefined ? {} : { slackApiUrl: config.apiUrl };
  const fetchFile = slackFileFetcher(config.botToken, config.apiUrl);

  let receiver: Receiver;
  let socket: SocketModeReceiver | undefined;
  let http: HTTPReceiver | undefined;
  let socketOpen = () => true;
  if (config.appToken !== undefined) {
    socket = new SocketModeReceiver({
      appToken: config.appToken,
      logger: bolt,
      ...(config.socketPingTimeoutMs === undefined ? {} : { clientPingTimeout: config.socketPingTimeoutMs }),
      installerOptions: { clientOptions: apiUrl },
    });
    socketOpen = watchSocket(socket, logger);
    receiver = socket;
  } else {
    if (config.signingSecret === undefined) {
      throw new Error(
        'Slack in HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode).',
      );
    }
    http = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: slackEventsPath,
      customRoutes: [...(options.httpRoutes ?? [])],
      // Every listener acks first, so an error before the ack is Bolt failing to read the
      // payload itself (a signed but malformed request): a 400, not a 500 Slack would retry.
      processEventErrorHandler: async ({ error, response }) => {
        if (response.headersSent) return false;
        const unauthorised = error instanceof Error && error.name === 'AuthorizationError';
        logger.warn(
          { event: 'slack.payload.rejected', err: errorFields(error) },
          'Bolt could not read a request',
        );
        response.writeHead(unauthorised ? 401 : 400);
        response.end();
        return unauthorised;
      },
      port: options.port,
      signatureVerification: true,
      processBeforeResponse: false,
      ...(options.unhandledRequestTimeoutMs === undefined
        ? {}
        : { unhandledRequestTimeoutMillis: options.unhandledRequestTimeoutMs }),
      logger: bolt,
    });
    receiver = http;
  }

  const app = new App({
    token: config.botToken,
    receiver,
    logger: bolt,
    // init() in start() checks the token with auth.test and fails start() when it is wrong,
    // instead of an unhandled rejection from the constructor.
    deferInitialization: true,
    convoStore: false,
    // Replies are answers a person is waiting for: a couple of quick retries, never Bolt's
    // default of ten over half an hour.
    clientOptions: { ...apiUrl, retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2000 } },
  });

  const unreadableFormView = refusalView(english('platform.slack.unreadableForm'));

  async function deliver(
    kind: string,
    incoming: Incoming | Ignored | Malformed,
    client: webApi.WebClient,
    respond: Respond,
  ): Promise<void> {
    if (incoming.kind === 'ignored') return;
    if (incoming.kind === 'malformed') {
      logger.warn(
        { event: 'slack.payload.malformed', kind, problem: incoming.why.slice(0, 300) },
        'unexpected payload',
      );
      return;
    }
    const reply = createSlackReply({
      client,
      directChannels,
      origin: incoming.origin,
      ...(respond === undefined ? {} : { respond }),
    });
    try {
      await sink(incoming.event, reply);
    } catch (error) {
      // The router never throws; this is a refusal that could not be delivered.
      logger.warn({ event: 'slack.reply.failed', kind, err: errorFields(error) }, 'could not answer');
    }
  }

  app.command(`/${table.root.name}`, async ({ ack, body, client, respond }) => {
    await ack();
    await deliver('command', commandFromSlack(table, body), client, respond);
  });

  app.action({ type: 'block_actions' }, async ({ ack, body, client, respond }) => {
    await ack();
    await deliver('action', actionFromSlack(body), client, respond);
  });

  app.shortcut({ type: 'shortcut' }, async ({ ack, body, client }) => {
    await ack();
    await deliver('shortcut', shortcutFromSlack(body), client, undefined);
  });

  app.view({ type: 'view_submission' }, async ({ ack, body, client }) => {
    // A value that fails its input's check keeps the modal open with the reason under it.
    const errors = submittedInputErrors(body.view);
    if (errors) {
      await ack({ response_action: 'errors', errors: { ...errors } });
      return;
    }
    // An empty ack closes the modal; the answer arrives as a message.
    await ack();
    const incoming = formFromSlack(body);
    if (incoming.kind === 'malformed' && body.user?.id && body.team?.id) {
      // The modal is already closed: tell the person, by DM, that nothing was saved.
      const origin = { workspaceId: body.team.id, userId: body.user.id, isDirect: false, privateAsDm: true };
      await createSlackReply({ client, directChannels, origin })
        .privately(unreadableFormView)
        .catch((error: unknown) =>
          logger.warn(
            { event: 'slack.reply.failed', kind: 'form', err: errorFields(error) },
            'could not answer',
          ),
        );
    }
    await deliver('form', incoming, client, undefined);
  });

  app.event('member_joined_channel', async ({ body, event, client, context }) => {
    await deliver('member-joined', memberJoinedFromSlack(body, event, context.botUserId), client, undefined);
  });

  app.event('message', async ({ body, event, client, context }) => {
    await deliver(
      'direct-message',
      directMessageFromSlack(body, event, context.botUserId, fetchFile),
      client,
      undefined,
    );
  });

  app.event('app_home_opened', async ({ body, event, client }) => {
    const opener = homeOpenerFromSlack(body, event);
    if ('kind' in opener) {
      if (opener.kind === 'malformed') {
        logger.warn(
          { event: 'slack.payload.malformed', kind: 'app-home', problem: opener.why.slice(0, 300) },
          'unexpected payload',
        );
      }
      return;
    }
    await publishHome(client, homeView, opener, logger);
  });

  app.error(async (error) => {
    logger.error({ event: 'slack.bolt.error', err: errorFields(error) }, 'Bolt could not process a request');
  });

  let running = false;
  let port: number | undefined;

  return {
    mode: socket ? 'socket' : 'http',
    async start() {
      await app.init();
      if (http) {
        const server = await http.start(options.port);
        port = (server.address() as AddressInfo).port;
      } else {
        await app.start();
      }
      running = true;
    },
    async stop() {
      if (!running) return;
      running = false;
      // SocketModeReceiver.stop() resolves before the WebSocket has closed; waiting for the
      // client's own disconnect leaves no socket behind.
      if (socket) await socket.client.disconnect();
      else await http?.stop();
      port = undefined;
    },
    httpPort: () => port,
    connected: () => running && socketOpen(),
  };
}
