// The Discord adapter: discord.js on the gateway for interactions, DMs and new members;
// plain REST for what the outbox sends. See discord-reply.ts for the three-second rule and
// discord-forms.ts for how forms become modals.

import { type ClientOptions, Events } from 'discord.js';
import {
  type ChatAdapter,
  type CommandTable,
  type EventSink,
  errorFields,
  type Logger,
} from '../../chat/index.ts';
import type { DiscordConfig } from '../../config.ts';
import { discordCapabilities } from './capabilities.ts';
import {
  connect,
  createDiscordClient,
  createOutboundRest,
  gatewayUp,
  logConnection,
  registerCommands,
} from './discord-client.ts';
import {
  type DispatchDeps,
  dispatchDirectMessage,
  dispatchInteraction,
  dispatchMemberJoined,
} from './discord-dispatch.ts';
import { PendingForms } from './discord-forms.ts';
import { createDiscordChatClient, type DiscordChatClient } from './discord-outbound.ts';
import { type DeferTrigger, deferAfter } from './discord-reply.ts';
import { createWorkspaceResolver } from './discord-workspace.ts';
import { guardInteractions } from './interaction-guard.ts';

export { discordIntents } from './discord-client.ts';
export type { DiscordChatClient } from './discord-outbound.ts';

export interface DiscordAdapterOptions {
  readonly config: DiscordConfig;
  readonly table: CommandTable;
  readonly sink: EventSink;
  readonly logger: Logger;
  /** When an unanswered interaction is deferred. Discord allows 3 s; 2 s leaves room for the network. */
  readonly deferAfterMs?: number;
  /** What defers an unanswered interaction; wins over `deferAfterMs` (tests fire it by hand). */
  readonly deferTrigger?: DeferTrigger;
  /** How long an opened form is remembered (default two hours). */
  readonly formTtlMs?: number;
  /** How long `start` waits for the gateway to be ready. */
  readonly readyTimeoutMs?: number;
  /** How long `stop` waits for handlers still running. */
  readonly drainTimeoutMs?: number;
  /** Extra discord.js client options (tests: a faster identify throttle). */
  readonly clientOptions?: Partial<ClientOptions>;
}

export interface DiscordAdapter extends ChatAdapter {
  readonly client: DiscordChatClient;
}

/** A `ChatAdapter` (src/chat/adapter.ts says what start and stop promise). */
export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  const { config, logger } = options;
  const discord = createDiscordClient(config, options.clientOptions);
  const forms = new PendingForms(options.formTtlMs === undefined ? {} : { ttlMs: options.formTtlMs });
  const deps: DispatchDeps = {
    client: discord,
    sink: options.sink,
    forms,
    logger,
    deferTrigger: options.deferTrigger ?? deferAfter(options.deferAfterMs ?? 2_000),
    root: `/${options.table.root.name}`,
    workspaceOf: createWorkspaceResolver(discord, config.guildId),
  };
  const running = new Set<Promise<void>>();
  let accepting = false;

  function track(kind: string, id: string, work: () => Promise<void>): void {
    if (!accepting) return;
    const job = work()
      .catch((error: unknown) =>
        logger.error(
          { event: 'discord.event.failed', kind, id, err: errorFields(error) },
          'could not handle a Discord event',
        ),
      )
      .finally(() => running.delete(job));
    running.add(job);
  }

  discord.on(Events.InteractionCreate, (interaction) =>
    track('interaction', interaction.id, () => dispatchInteraction(interaction, deps)),
  );
  discord.on(Events.MessageCreate, (message) =>
    track('direct-message', message.id, () => dispatchDirectMessage(message, deps)),
  );
  discord.on(Events.GuildMemberAdd, (member) =>
    track('member-joined', member.id, () => dispatchMemberJoined(member, deps)),
  );
  logConnection(discord, logger);
  guardInteractions(discord, logger);

  const outboundRest = createOutboundRest(config);

  return {
    platform: 'discord',
    client: createDiscordChatClient(outboundRest, logger),
    capabilities: discordCapabilities,
    async start() {
      accepting = true;
      try {
        await connect(discord, config.token, options.readyTimeoutMs ?? 30_000);
        await registerCommands(discord, config, options.table);
      } catch (error) {
        accepting = false;
        await discord.destroy();
        throw error;
      }
      logger.info(
        {
          event: 'discord.commands.registered',
          scope: config.guildId ? 'guild' : 'global',
          ...(config.guildId ? { guildId: config.guildId } : {}),
        },
        `/${options.table.root.name} registered`,
      );
    },
    async stop() {
      accepting = false;
      const drained = Promise.allSettled([...running]);
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, options.drainTimeoutMs ?? 5_000);
      });
      await Promise.race([drained, waited]);
      clearTimeout(timer);
      forms.clear();
      await discord.destroy();
    },
    connected: () => accepting && gatewayUp(discord),
  };
}
