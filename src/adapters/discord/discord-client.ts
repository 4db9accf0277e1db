// The discord.js wiring: which intents, where REST points, logging in, registering `/peer`,
// and saying in the logs when the gateway drops and comes back.

import {
  Client,
  type ClientOptions,
  DiscordjsError,
  DiscordjsErrorCodes,
  Events,
  GatewayCloseCodes,
  GatewayIntentBits,
  Partials,
  REST,
  Routes,
  Status,
} from 'discord.js';
import { type CommandTable, errorFields, type Logger, OUTBOX_REQUEST_TIMEOUT_MS } from '../../chat/index.ts';
import type { DiscordConfig } from '../../config.ts';
import { buildDiscordCommand } from './command-registration.ts';
import { discordDispatcher } from './discord-dispatcher.ts';

/**
 * Guilds: interactions and the guild list. GuildMembers (privileged: switch on "Server
 * Members Intent" in the developer portal): new members, for the welcome. DirectMessages:
 * people writing to the bot. Message content in DMs needs no privileged intent.
 */
export const discordIntents = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMembers,
  GatewayIntentBits.DirectMessages,
];

export function createDiscordClient(config: DiscordConfig, extra: Partial<ClientOptions> = {}): Client {
  return new Client({
    intents: discordIntents,
    // A DM channel is not cached until used; without this partial discord.js drops DMs.
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    rest: { ...(config.apiUrl ? { api: config.apiUrl } : {}), agent: discordDispatcher() },
    ...extra,
  });
}

/**
 * REST for the outbox: a 429 becomes an error instead of a silent wait inside discord.js, so
 * the outbox can pause that recipient on its own clock and un-count the attempt; 5xx and
 * network failures are not retried here either, the outbox's backoff does that.
 */
export function createOutboundRest(config: DiscordConfig): REST {
  return new REST({
    ...(config.apiUrl ? { api: config.apiUrl } : {}),
    agent: discordDispatcher(),
    rejectOnRateLimit: () => true,
    retries: 0,
    // Inside half the outbox's lease, like Slack's (chat/outbound.ts says why).
    timeout: OUTBOX_REQUEST_TIMEOUT_MS,
  }).setToken(config.token);
}

const refusals: Partial<Record<number, string>> = {
  [GatewayCloseCodes.AuthenticationFailed]:
    'Discord refused DISCORD_TOKEN. Copy the bot token again from the developer portal (Bot tab).',
  [GatewayCloseCodes.DisallowedIntents]:
    'Discord refused the Server Members intent. In the developer portal, Bot tab, switch on "Server Members Intent" under Privileged Gateway Intents.',
  [GatewayCloseCodes.InvalidIntents]: 'Discord refused the gateway intents PeerBridge asks for.',
};

/** Logs in and waits for READY; a refusal (bad token, intent not granted) fails with a sentence. */
export async function connect(client: Client, token: string, timeoutMs: number): Promise<void> {
  let cleanup = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    const onReady = () => resolve();
    const onDisconnect = (event: { code: number }) => {
      const refusal = refusals[event.code];
      reject(new Error(refusal ?? `Discord closed the gateway connection with code ${event.code}.`));
    };
    const timer = setTimeout(
      () => reject(new Error(`Discord did not get ready within ${Math.round(timeoutMs / 1000)} s.`)),
      timeoutMs,
    );
    client.once(Events.ClientReady, onReady);
    client.on(Events.ShardDisconnect, onDisconnect);
    cleanup = () => {
      clearTimeout(timer);
      client.off(Events.ClientReady, onReady);
      client.off(Events.ShardDisconnect, onDisconnect);
    };
  });
  try {
    await Promise.all([client.login(token), ready]);
  } catch (error) {
    // discord.js finds a bad token over REST, before the gateway could refuse it.
    if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) {
      throw new Error(refusals[GatewayCloseCodes.AuthenticationFailed], { cause: error });
    }
    throw error;
  } finally {
    cleanup();
  }
}

/**
 * Bulk-overwrites the bot's commands with `/peer` (PUT: idempotent, and removes commands that
 * are gone). Per guild when one is configured: Discord shows those at once, while global
 * commands can take up to an hour to appear.
 */
export async function registerCommands(
  client: Client,
  config: DiscordConfig,
  table: CommandTable,
): Promise<void> {
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  const command = buildDiscordCommand(table, { scope: config.guildId ? 'guild' : 'global' });
  await client.rest.put(route, { body: [command] });
}

/**
 * Every shard's gateway session is live. `client.isReady()` alone stays true through a dropped
 * connection (discord.js marks the client ready once, at the first READY), so /readyz would say
 * ready while no interaction can reach us.
 */
export function gatewayUp(client: Client): boolean {
  return client.isReady() && client.ws.shards.every((shard) => shard.status === Status.Ready);
}

/** Gateway drops are normal (Discord restarts its servers); discord.js reconnects, we say so. */
export function logConnection(client: Client, logger: Logger): void {
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ event: 'discord.gateway.disconnected', shardId, code: event.code }, 'gateway closed'),
  );
  client.on(Events.ShardReconnecting, (shardId) =>
    logger.info({ event: 'discord.gateway.reconnecting', shardId }, 'gateway reconnecting'),
  );
  client.on(Events.ShardResume, (shardId, replayed) =>
    logger.info({ event: 'discord.gateway.resumed', shardId, replayed }, 'gateway resumed'),
  );
  client.on(Events.ShardReady, (shardId) =>
    logger.info({ event: 'discord.gateway.ready', shardId }, 'gateway ready'),
  );
  client.on(Events.ShardError, (error, shardId) =>
    logger.warn({ event: 'discord.gateway.error', shardId, err: errorFields(error) }, 'gateway error'),
  );
  client.on(Events.Error, (error) =>
    logger.error({ event: 'discord.client.error', err: errorFields(error) }, 'discord.js error'),
  );
}
