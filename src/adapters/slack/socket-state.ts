// Whether Slack's Socket Mode WebSocket is live, for /readyz, and the drops and returns in the
// logs. Bolt's receiver reconnects on its own (Slack recycles its sockets every few hours);
// between the close and Slack's next `hello` no event can reach us, so we are not ready then.
import type { SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../../chat/index.ts';

export function watchSocket(receiver: SocketModeReceiver, logger: Logger): () => boolean {
  let open = false;
  const client = receiver.client;
  client.on('connected', () => {
    open = true;
    logger.info({ event: 'slack.socket.connected' }, 'Slack Socket Mode connected');
  });
  const down = (state: string) => () => {
    if (open) logger.warn({ event: 'slack.socket.disconnected', state }, 'Slack Socket Mode connection lost');
    open = false;
  };
  client.on('close', down('closed'));
  client.on('reconnecting', down('reconnecting'));
  client.on('disconnected', down('disconnected'));
  return () => open;
}
