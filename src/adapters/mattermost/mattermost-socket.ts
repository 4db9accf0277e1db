// The one WebSocket: direct messages to the bot (`posted` in a direct channel) and people
// added to a channel (`user_added`). @mattermost/client's WebSocketClient expects a browser:
// in Node 20 it needs `ws` as the global WebSocket, and a CloseEvent class for its reconnect
// path (Node 20 has none: without one a reconnect throws "CloseEvent is not defined" and
// events stop). A missed-message listener is registered too, so a server restart is logged.
import { WebSocketClient, type WebSocketMessage } from '@mattermost/client';
import WebSocket from 'ws';
import { z } from 'zod';
import { errorFields, type Logger } from '../../chat/index.ts';
import { mattermostFileInfosSchema } from './mattermost-files.ts';

function installBrowserGlobals(): void {
  const g = globalThis as Record<string, unknown>;
  g.WebSocket ??= WebSocket;
  g.CloseEvent ??= class CloseEvent extends Event {
    readonly code: number;
    readonly wasClean: boolean;
    constructor(type: string, init: { code?: number; wasClean?: boolean } = {}) {
      super(type);
      this.code = init.code ?? 1000;
      this.wasClean = init.wasClean ?? false;
    }
  };
}

const postSchema = z.object({
  id: z.string(),
  channel_id: z.string(),
  user_id: z.string(),
  message: z.string().default(''),
  type: z.string().default(''),
  root_id: z.string().default(''),
  metadata: z.object({ files: mattermostFileInfosSchema }).optional(),
});
export type SocketPost = z.infer<typeof postSchema>;

export interface SocketHandlers {
  directMessage(post: SocketPost): void;
  userAdded(channelId: string, userId: string, teamId: string, seq: number): void;
}

export interface MattermostSocket {
  /** Resolves once the first connection is open (and rejects after `timeoutMs`). */
  connect(timeoutMs: number): Promise<void>;
  connected(): boolean;
  close(): void;
}

export function createSocket(
  url: string,
  token: string,
  handlers: SocketHandlers,
  logger: Logger,
): MattermostSocket {
  installBrowserGlobals();
  const client = new WebSocketClient({ newWebSocketFn: (address) => new WebSocket(address) as never });
  let up = false;
  let opened: (() => void) | undefined;
  client.addFirstConnectListener(() => {
    up = true;
    opened?.();
  });
  client.addReconnectListener(() => {
    up = true;
    logger.info({ event: 'mattermost.socket.reconnected' }, 'the Mattermost WebSocket is back');
  });
  client.addCloseListener((failures) => {
    up = false;
    logger.warn(
      { event: 'mattermost.socket.closed', failures },
      'the Mattermost WebSocket closed; reconnecting',
    );
  });
  client.addMissedMessageListener(() =>
    logger.info(
      { event: 'mattermost.socket.missed' },
      'the Mattermost server restarted or dropped events meanwhile',
    ),
  );
  client.addMessageListener((message: WebSocketMessage) => {
    try {
      read(message, handlers);
    } catch (error) {
      logger.warn(
        { event: 'mattermost.socket.unreadable', kind: message.event, err: errorFields(error) },
        'an event could not be read',
      );
    }
  });
  const socketUrl = `${url.replace(/^http/, 'ws')}/api/v4/websocket`;
  return {
    connect(timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          client.close();
          reject(
            new Error(`Mattermost's WebSocket did not open within ${timeoutMs} ms: check MATTERMOST_URL`),
          );
        }, timeoutMs);
        opened = () => {
          clearTimeout(timer);
          resolve();
        };
        client.initialize(socketUrl, token);
      });
    },
    connected: () => up,
    close() {
      up = false;
      client.close();
    },
  };
}

const postedData = z.object({ channel_type: z.string().default(''), post: z.string() });
const addedData = z.object({ user_id: z.string(), team_id: z.string().default('') });

function read(message: WebSocketMessage, handlers: SocketHandlers): void {
  if (message.event === 'posted') {
    const data = postedData.parse(message.data);
    if (data.channel_type !== 'D') return;
    handlers.directMessage(postSchema.parse(JSON.parse(data.post)));
  } else if (message.event === 'user_added') {
    const data = addedData.parse(message.data);
    const channelId = z.string().min(1).parse(message.broadcast.channel_id);
    handlers.userAdded(channelId, data.user_id, data.team_id, message.seq);
  }
}
