import { createServer, type Server } from 'node:http';
import { type APIApplicationCommand, type APIInteraction, type APIMessage, ChannelType } from 'discord.js';
import { closeServer, listenOnRandomPort, parseBody, readBody, sendEmpty, sendJson } from '../shared/http.ts';
import { DEFAULT_WAIT_MS } from '../shared/recorder.ts';
import { snowflake } from './discord-ids.ts';
import {
  type ComponentInteractionOptions,
  InteractionBuilder,
  type ModalSubmitInteractionOptions,
  type SelectInteractionOptions,
  type SlashCommandInteractionOptions,
} from './discord-interactions.ts';
import { apiMember, apiMessage, apiUser } from './discord-payloads.ts';
import { DiscordRestStore, type InteractionReply } from './discord-rest-store.ts';
import { DiscordWorld, type DiscordWorldOptions, type MemberSeed } from './discord-world.ts';
import { FakeDiscordGateway } from './fake-discord-gateway.ts';
import { FakeDiscordRest } from './fake-discord-rest.ts';

export interface FakeDiscordOptions extends DiscordWorldOptions {
  /** The bot token the client must log in with (REST `Authorization: Bot …` and IDENTIFY). */
  token?: string;
  heartbeatIntervalMs?: number;
  /** Interaction callbacks later than this answer 10062 Unknown interaction (Discord: 3000). */
  ackDeadlineMs?: number;
  privilegedIntents?: Partial<{ guildMembers: boolean; messageContent: boolean; presences: boolean }>;
}

export interface SentInteraction<T extends APIInteraction = APIInteraction> {
  id: string;
  token: string;
  payload: T;
  /** The gateway sequence number it was dispatched with. */
  seq: number | undefined;
  /** Waits for the app's callback for this interaction. */
  reply(timeoutMs?: number): Promise<InteractionReply>;
}

export const DEFAULT_DISCORD_TOKEN = 'fake.token.value';

/**
 * A Discord REST API (/api/v10) and gateway (WebSocket) on one 127.0.0.1 port, sharing one world.
 * Point discord.js at it with `new Client({ ...fake.clientOptions(), intents })` and
 * `client.login(fake.token)`; GET /gateway/bot tells the client the gateway URL.
 */
export class FakeDiscord {
  readonly world: DiscordWorld;
  readonly store = new DiscordRestStore();
  readonly rest: FakeDiscordRest;
  readonly gateway: FakeDiscordGateway;
  readonly interactions: InteractionBuilder;
  readonly token: string;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    options: FakeDiscordOptions,
  ) {
    this.token = options.token ?? DEFAULT_DISCORD_TOKEN;
    this.world = new DiscordWorld(options);
    this.gateway = new FakeDiscordGateway(
      this.world,
      {
        token: this.token,
        heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
        privilegedIntents: {
          guildMembers: true,
          messageContent: true,
          presences: false,
          ...options.privilegedIntents,
        },
      },
      () => `${this.gatewayUrl}/resume`,
    );
    this.rest = new FakeDiscordRest(this.token, {
      world: this.world,
      store: this.store,
      gatewayUrl: () => this.gatewayUrl,
      dispatch: (event, data) => {
        if (this.gateway.sessionId) this.gateway.dispatch(event, data);
      },
      ackDeadlineMs: options.ackDeadlineMs ?? 3_000,
    });
    this.interactions = new InteractionBuilder(this.world, {
      commandId: (name, guildId) => this.store.commandId(name, guildId),
      lastModal: (customId) => this.store.lastModal(customId),
      message: (id) => this.store.messages.get(id),
    });
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    const port = await listenOnRandomPort(server);
    const fake = new FakeDiscord(server, port, options);
    server.on('request', (req, res) => {
      void (async () => {
        try {
          const url = new URL(req.url ?? '/', fake.apiUrl);
          const attachment = url.pathname.startsWith('/attachments/')
            ? fake.serveAttachment(url.pathname)
            : undefined;
          if (url.pathname.startsWith('/attachments/')) {
            res.writeHead(attachment ? 200 : 404, { 'content-type': 'application/octet-stream' });
            res.end(attachment ?? 'Not Found');
            return;
          }
          const parsed = await parseBody(req.headers, await readBody(req));
          const result = await fake.rest.handle(req.method ?? 'GET', url, req.headers, parsed);
          if (result.body === undefined) sendEmpty(res, result.status, result.headers);
          else sendJson(res, result.status, result.body, result.headers);
        } catch (error) {
          sendJson(res, 500, { message: `fake-discord internal error: ${String(error)}`, code: 0 });
        }
      })();
    });
    server.on('upgrade', (req, socket, head) => fake.gateway.handleUpgrade(req, socket, head));
    return fake;
  }

  /** For `rest.api` in the discord.js Client options. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Spread into `new Client({...})`: points REST (and through /gateway/bot, the gateway) at the fake. */
  clientOptions(): { rest: { api: string } } {
    return { rest: { api: this.apiUrl } };
  }

  // ── interactions ──────────────────────────────────────────────────────────────────────────────

  /** Dispatches INTERACTION_CREATE (and tracks it so callbacks can be validated and recorded). */
  dispatchInteraction<T extends APIInteraction>(payload: T): SentInteraction<T> {
    this.store.trackInteraction(payload);
    const seq = this.gateway.dispatch('INTERACTION_CREATE', payload);
    return {
      id: payload.id,
      token: payload.token,
      payload,
      seq,
      reply: (timeoutMs?: number) => this.waitForInteractionReply(payload.id, timeoutMs),
    };
  }

  slashCommand(options: SlashCommandInteractionOptions) {
    return this.dispatchInteraction(this.interactions.slashCommand(options));
  }

  button(options: ComponentInteractionOptions) {
    return this.dispatchInteraction(this.interactions.button(options));
  }

  stringSelect(options: SelectInteractionOptions) {
    return this.dispatchInteraction(this.interactions.stringSelect(options));
  }

  modalSubmit(options: ModalSubmitInteractionOptions) {
    return this.dispatchInteraction(this.interactions.modalSubmit(options));
  }

  waitForInteractionReply(interactionId: string, timeoutMs = DEFAULT_WAIT_MS): Promise<InteractionReply> {
    return this.store.waitForReply(interactionId, timeoutMs);
  }

  interactionReplies(): InteractionReply[] {
    return this.store.replies.all();
  }

  // ── other gateway events ──────────────────────────────────────────────────────────────────────

  /**
   * A user DMs the bot: MESSAGE_CREATE in their DM channel (the client needs Partials.Channel).
   * `files` become attachments whose `url` this fake serves (as Discord's CDN would); a
   * `size` overrides the size Discord reports.
   */
  sendDirectMessage(options: {
    from: string;
    content: string;
    files?: { name: string; content: string | Uint8Array; size?: number }[];
  }): APIMessage {
    const author = this.world.user(options.from);
    const channel = this.world.dmChannelFor(author.id);
    const attachments = (options.files ?? []).map((file) => this.#hostAttachment(channel.id, file));
    const message = apiMessage({ id: snowflake(), channel, author, content: options.content, attachments });
    channel.lastMessageId = message.id;
    this.gateway.dispatch('MESSAGE_CREATE', { ...message, channel_type: channel.type });
    return message;
  }

  #hostAttachment(channelId: string, file: { name: string; content: string | Uint8Array; size?: number }) {
    const id = snowflake();
    const bytes = Buffer.from(file.content);
    const path = `/attachments/${channelId}/${id}/${encodeURIComponent(file.name)}`;
    this.#attachments.set(path, bytes);
    const url = `http://127.0.0.1:${this.port}${path}`;
    return { id, filename: file.name, size: file.size ?? bytes.length, url, proxy_url: url };
  }

  /** Files served for attachments, by path; every download is counted. */
  readonly #attachments = new Map<string, Buffer>();
  readonly attachmentDownloads: string[] = [];

  serveAttachment(path: string): Buffer | undefined {
    const bytes = this.#attachments.get(path);
    if (bytes) this.attachmentDownloads.push(path);
    return bytes;
  }

  /** A member writes in a guild channel (content is stripped without the MessageContent intent). */
  sendGuildMessage(options: {
    from: string;
    channel?: string;
    content: string;
    mentionsBot?: boolean;
  }): APIMessage {
    const author = this.world.user(options.from);
    const guild = this.world.guild();
    const channel = this.world.channel(options.channel ?? 'general', guild.id);
    const member = guild.members.get(author.id);
    const message = apiMessage({ id: snowflake(), channel, author, content: options.content });
    if (options.mentionsBot) message.mentions = [apiUser(this.world.botUser)];
    channel.lastMessageId = message.id;
    this.gateway.dispatch('MESSAGE_CREATE', {
      ...message,
      guild_id: guild.id,
      channel_type: channel.type,
      ...(member ? { member: { ...apiMember(this.world, member), user: undefined } } : {}),
    });
    return message;
  }

  /** A new member joins the (first) guild: GUILD_MEMBER_ADD (needs the GuildMembers intent). */
  addGuildMember(seed: MemberSeed, guildId?: string): string {
    const guild = this.world.guild(guildId);
    const member = this.world.addMember(guild, seed);
    this.gateway.dispatch('GUILD_MEMBER_ADD', { ...apiMember(this.world, member), guild_id: guild.id });
    return member.userId;
  }

  // ── REST views ────────────────────────────────────────────────────────────────────────────────

  registeredCommands(guildId?: string): APIApplicationCommand[] {
    return this.store.commands.get(guildId ?? '') ?? [];
  }

  message(id: string): APIMessage | undefined {
    return this.store.messages.get(id);
  }

  /** Forgets recorded REST calls, interaction replies, attachment downloads and injected failures (world state is kept). */
  reset(): void {
    this.rest.reset();
    this.store.reset();
    this.attachmentDownloads.length = 0;
    // Threads go with the messages they were started from.
    for (const [id, channel] of this.world.channels)
      if (channel.type === ChannelType.PublicThread) this.world.channels.delete(id);
  }

  async close(): Promise<void> {
    await this.gateway.close();
    await closeServer(this.server);
  }
}
