import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { GatewayOpcodes, GatewayIntentBits as I } from 'discord.js';
import { WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import { HeldHandshakes } from '../shared/held-handshakes.ts';
import { asRecord } from '../shared/http.ts';
import { DEFAULT_WAIT_MS, Recorder } from '../shared/recorder.ts';
import { apiMember, guildCreate, readyData } from './discord-payloads.ts';
import type { DiscordWorld } from './discord-world.ts';

export type GatewayEventKind =
  | 'connect'
  | 'identify'
  | 'ready'
  | 'resume'
  | 'resumed'
  | 'invalid_session'
  | 'heartbeat'
  | 'dispatch'
  | 'suppressed'
  | 'presence_update'
  | 'request_guild_members'
  | 'rejected'
  | 'close';

/** Everything the gateway saw or did, in order. `detail` depends on the kind (e.g. identify payload). */
export interface GatewayEvent {
  kind: GatewayEventKind;
  connection: number;
  at: number;
  detail: unknown;
}

export interface FakeGatewayOptions {
  token: string;
  /** HELLO's heartbeat_interval. Discord uses 41250; tests may use ~200 to exercise heartbeats. */
  heartbeatIntervalMs: number;
  /** Privileged intents the application has been granted in the developer portal. */
  privilegedIntents: { guildMembers: boolean; messageContent: boolean; presences: boolean };
}

const GatewayPayload = z.object({ op: z.number(), d: z.unknown() });
const IdentifyData = z.object({
  token: z.string(),
  intents: z.number(),
  properties: z.object({ os: z.string(), browser: z.string(), device: z.string() }),
  compress: z.boolean().optional(),
  large_threshold: z.number().optional(),
  shard: z.tuple([z.number(), z.number()]).optional(),
  presence: z.unknown().optional(),
});
const ResumeData = z.object({ token: z.string(), session_id: z.string(), seq: z.number().nullable() });
export type IdentifyPayload = z.infer<typeof IdentifyData>;

interface Connection {
  id: number;
  socket: WebSocket;
  authenticated: boolean;
}

interface Session {
  id: string;
  intents: number;
  seq: number;
  /** Every dispatch of the session, for replay on RESUME. */
  sent: { op: 0; t: string; s: number; d: unknown }[];
  connection: Connection | undefined;
}

const PRIVILEGED = {
  guildMembers: I.GuildMembers,
  messageContent: I.MessageContent,
  presences: I.GuildPresences,
};

/** Which intent an event needs (undefined: always sent). */
function requiredIntent(event: string, data: Record<string, unknown>): number | undefined {
  if (event.startsWith('GUILD_MEMBER_') && event !== 'GUILD_MEMBERS_CHUNK') return I.GuildMembers;
  if (event.startsWith('MESSAGE_REACTION_'))
    return data.guild_id ? I.GuildMessageReactions : I.DirectMessageReactions;
  if (event.startsWith('MESSAGE_')) return data.guild_id ? I.GuildMessages : I.DirectMessages;
  if (event === 'TYPING_START') return data.guild_id ? I.GuildMessageTyping : I.DirectMessageTyping;
  if (event === 'PRESENCE_UPDATE') return I.GuildPresences;
  if (event.startsWith('GUILD_') || event.startsWith('CHANNEL_') || event.startsWith('THREAD_'))
    return I.Guilds;
  return undefined;
}

/**
 * The gateway half of the fake Discord (JSON encoding only; see `handleUpgrade` for compression).
 * Implements HELLO, IDENTIFY→READY+GUILD_CREATE, heartbeats, RESUME with replay, INVALID_SESSION,
 * RECONNECT, REQUEST_GUILD_MEMBERS, intent filtering (and MESSAGE_CONTENT stripping) of dispatches.
 */
export class FakeDiscordGateway {
  readonly events = new Recorder<GatewayEvent>(
    (event) => `#${event.connection} ${event.kind} ${JSON.stringify(event.detail ?? null).slice(0, 120)}`,
  );
  readonly #server = new WebSocketServer({ noServer: true });
  #connections = 0;
  #session: Session | undefined;
  #ackHeartbeats = true;
  readonly #held = new HeldHandshakes<Connection>();

  constructor(
    private readonly world: DiscordWorld,
    private readonly options: FakeGatewayOptions,
    private readonly resumeUrl: () => string,
  ) {}

  /**
   * Accepts gateway upgrades. Only `encoding=json` without `compress` is supported: discord.js asks for
   * `compress=zlib-stream` only when the optional `zlib-sync` package is installed (it is not here);
   * such connections, and IDENTIFY with `compress: true`, are closed with 4012 so the mismatch is loud.
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#server.handleUpgrade(req, socket, head, (ws) => this.#onConnection(ws, req));
  }

  get identifyCount(): number {
    return this.events.all().filter((event) => event.kind === 'identify').length;
  }

  get resumeCount(): number {
    return this.events.all().filter((event) => event.kind === 'resumed').length;
  }

  identifies(): IdentifyPayload[] {
    return this.events
      .all()
      .filter((event) => event.kind === 'identify')
      .map((event) => event.detail as IdentifyPayload);
  }

  get sessionId(): string | undefined {
    return this.#session?.id;
  }

  get connected(): boolean {
    return this.#session?.connection?.socket.readyState === WebSocket.OPEN;
  }

  /** Resolves when `count` events of `kind` have happened in total. */
  async waitFor(kind: GatewayEventKind, count = 1, timeoutMs = DEFAULT_WAIT_MS): Promise<GatewayEvent[]> {
    return this.events.waitForCount((event) => event.kind === kind, count, timeoutMs, `gateway ${kind}`);
  }

  /** Stop/resume answering heartbeats (simulates a zombie connection: the client reconnects). */
  setHeartbeatAcks(enabled: boolean): void {
    this.#ackHeartbeats = enabled;
  }

  /**
   * Sends a dispatch on the current session, applying intents. Returns its sequence number, or
   * undefined when the session's intents filter it out. While disconnected the event is buffered and
   * replayed on RESUME, like Discord does.
   */
  dispatch(event: string, data: unknown): number | undefined {
    const session = this.#session;
    if (!session) throw new Error('fake-discord: no gateway session; has the client logged in?');
    const record = asRecord(data);
    const needed = requiredIntent(event, record);
    if (needed !== undefined && (session.intents & needed) === 0) {
      this.#record('suppressed', session.connection?.id ?? 0, {
        event,
        missingIntent: needed,
        id: record.id,
      });
      return undefined;
    }
    let payload = data;
    if (event === 'MESSAGE_CREATE' || event === 'MESSAGE_UPDATE')
      payload = this.#applyMessageContentIntent(session, record);
    session.seq += 1;
    const frame = { op: 0 as const, t: event, s: session.seq, d: payload };
    session.sent.push(frame);
    if (session.connection?.socket.readyState === WebSocket.OPEN)
      session.connection.socket.send(JSON.stringify(frame));
    this.#record('dispatch', session.connection?.id ?? 0, { t: event, s: session.seq });
    return session.seq;
  }

  /** Closes the live connection (default code 4000: the client RESUMEs). `'terminate'` drops TCP (1006). */
  async dropConnection(how: number | 'terminate' = 4000): Promise<void> {
    const socket = this.#session?.connection?.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN)
      throw new Error('fake-discord: no open gateway connection');
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    if (how === 'terminate') socket.terminate();
    else socket.close(how, 'fake-discord dropped the connection');
    await closed;
  }

  /**
   * Holds Hello (op 10) on new connections (true) until released (false): an outage in which the
   * socket opens but Discord never starts the session, so no interaction can arrive.
   */
  holdHello(held: boolean): void {
    if (held) this.#held.hold();
    else for (const connection of this.#held.release()) this.#hello(connection);
  }

  /** op 7: Discord asks the client to reconnect and resume. */
  requestReconnect(): void {
    this.#session?.connection?.socket.send(
      JSON.stringify({ op: GatewayOpcodes.Reconnect, d: null, s: null, t: null }),
    );
  }

  /** op 9: invalidates the session; with `resumable` false the client must IDENTIFY again. */
  invalidateSession(resumable = false): void {
    const connection = this.#session?.connection;
    if (!resumable) this.#session = undefined;
    connection?.socket.send(
      JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: resumable, s: null, t: null }),
    );
    this.#record('invalid_session', connection?.id ?? 0, { resumable });
  }

  async close(): Promise<void> {
    for (const client of this.#server.clients) client.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #record(kind: GatewayEventKind, connection: number, detail: unknown): void {
    this.events.add({ kind, connection, at: Date.now(), detail });
  }

  #send(connection: Connection, payload: unknown): void {
    if (connection.socket.readyState === WebSocket.OPEN) connection.socket.send(JSON.stringify(payload));
  }

  #reject(connection: Connection, code: number, reason: string): void {
    this.#record('rejected', connection.id, { code, reason });
    connection.socket.close(code, reason);
  }

  #onConnection(socket: WebSocket, req: IncomingMessage): void {
    this.#connections += 1;
    const connection: Connection = { id: this.#connections, socket, authenticated: false };
    const url = new URL(req.url ?? '/', 'http://fake');
    this.#record('connect', connection.id, {
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
    });
    socket.on('close', (code) => {
      this.#record('close', connection.id, { code });
      if (this.#session?.connection === connection) this.#session.connection = undefined;
    });
    socket.on('message', (raw, isBinary) =>
      this.#onMessage(connection, isBinary ? undefined : raw.toString()),
    );
    if (url.searchParams.get('compress')) {
      this.#reject(
        connection,
        4012,
        `fake-discord: compress=${url.searchParams.get('compress')} unsupported`,
      );
      return;
    }
    if ((url.searchParams.get('encoding') ?? 'json') !== 'json' || url.searchParams.get('v') !== '10') {
      this.#reject(connection, 4012, 'fake-discord: only v=10&encoding=json');
      return;
    }
    if (!this.#held.keep(connection)) this.#hello(connection);
  }

  #hello(connection: Connection): void {
    this.#send(connection, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['["fake-gateway",{"micros":0}]'] },
      s: null,
      t: null,
    });
  }

  #onMessage(connection: Connection, text: string | undefined): void {
    let parsed: z.infer<typeof GatewayPayload>;
    try {
      parsed = GatewayPayload.parse(JSON.parse(text ?? ''));
    } catch {
      this.#reject(connection, 4002, 'Error while decoding payload.');
      return;
    }
    const { op, d } = parsed;
    switch (op) {
      case GatewayOpcodes.Heartbeat:
        this.#record('heartbeat', connection.id, { seq: d });
        if (this.#ackHeartbeats) this.#send(connection, { op: GatewayOpcodes.HeartbeatAck });
        return;
      case GatewayOpcodes.Identify:
        this.#identify(connection, d);
        return;
      case GatewayOpcodes.Resume:
        this.#resume(connection, d);
        return;
    }
    if (!connection.authenticated) this.#reject(connection, 4003, 'Not authenticated.');
    else if (op === GatewayOpcodes.PresenceUpdate) this.#record('presence_update', connection.id, d);
    else if (op === GatewayOpcodes.RequestGuildMembers) this.#requestGuildMembers(connection, d);
    else if (op !== GatewayOpcodes.VoiceStateUpdate && op !== GatewayOpcodes.RequestSoundboardSounds) {
      this.#reject(connection, 4001, 'Unknown opcode.');
    }
  }

  /** Why an IDENTIFY must be refused: [close code, reason], or the parsed payload. */
  #checkIdentify(connection: Connection, data: unknown): [number, string] | IdentifyPayload {
    if (connection.authenticated) return [4005, 'Already authenticated.'];
    const identify = IdentifyData.safeParse(data);
    if (!identify.success) return [4002, 'Error while decoding payload.'];
    if (identify.data.token !== this.options.token) return [4004, 'Authentication failed.'];
    if (identify.data.compress) return [4012, 'fake-discord: identify compression unsupported'];
    for (const [name, bit] of Object.entries(PRIVILEGED)) {
      const granted = this.options.privilegedIntents[name as keyof typeof PRIVILEGED];
      if ((identify.data.intents & bit) !== 0 && !granted) return [4014, 'Disallowed intent(s).'];
    }
    return identify.data;
  }

  #identify(connection: Connection, data: unknown): void {
    const identify = this.#checkIdentify(connection, data);
    if (Array.isArray(identify)) {
      this.#reject(connection, ...identify);
      return;
    }
    this.#record('identify', connection.id, identify);
    connection.authenticated = true;
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      intents: identify.intents,
      seq: 0,
      sent: [],
      connection,
    };
    this.#session = session;
    this.dispatch('READY', readyData(this.world, session.id, this.resumeUrl()));
    this.#record('ready', connection.id, { sessionId: session.id });
    for (const guild of this.world.guilds) this.dispatch('GUILD_CREATE', guildCreate(this.world, guild));
  }

  #resume(connection: Connection, data: unknown): void {
    const resume = ResumeData.safeParse(data);
    if (!resume.success) {
      this.#reject(connection, 4002, 'Error while decoding payload.');
      return;
    }
    this.#record('resume', connection.id, resume.data);
    const session = this.#session;
    const seq = resume.data.seq ?? 0;
    if (
      !session ||
      session.id !== resume.data.session_id ||
      resume.data.token !== this.options.token ||
      seq > session.seq
    ) {
      this.#send(connection, { op: GatewayOpcodes.InvalidSession, d: false, s: null, t: null });
      this.#record('invalid_session', connection.id, { resumable: false });
      return;
    }
    connection.authenticated = true;
    session.connection = connection;
    const missed = session.sent.filter((frame) => frame.s > seq);
    for (const frame of missed) this.#send(connection, frame);
    this.dispatch('RESUMED', { _trace: ['["fake-gateway",{"micros":0}]'] });
    this.#record('resumed', connection.id, { replayed: missed.length });
  }

  #requestGuildMembers(connection: Connection, data: unknown): void {
    const request = asRecord(data);
    this.#record('request_guild_members', connection.id, request);
    const guildIds = Array.isArray(request.guild_id)
      ? request.guild_id.map(String)
      : [String(request.guild_id)];
    const userIds = Array.isArray(request.user_ids)
      ? request.user_ids.map(String)
      : typeof request.user_ids === 'string'
        ? [request.user_ids]
        : undefined;
    const query = typeof request.query === 'string' ? request.query.toLowerCase() : '';
    const limit =
      typeof request.limit === 'number' && request.limit > 0 ? request.limit : Number.POSITIVE_INFINITY;
    for (const guildId of guildIds) {
      const guild = this.world.guilds.find((candidate) => candidate.id === guildId);
      if (!guild) continue;
      const members = [...guild.members.values()]
        .filter((member) =>
          userIds
            ? userIds.includes(member.userId)
            : this.world.user(member.userId).username.toLowerCase().startsWith(query),
        )
        .slice(0, limit);
      this.dispatch('GUILD_MEMBERS_CHUNK', {
        guild_id: guild.id,
        members: members.map((member) => apiMember(this.world, member)),
        chunk_index: 0,
        chunk_count: 1,
        not_found: userIds ? userIds.filter((id) => !guild.members.has(id)) : [],
        ...(request.nonce === undefined ? {} : { nonce: request.nonce }),
      });
    }
  }

  /** Without MESSAGE_CONTENT, guild messages from others that do not mention the bot arrive empty. */
  #applyMessageContentIntent(session: Session, message: Record<string, unknown>): unknown {
    if ((session.intents & I.MessageContent) !== 0 || !message.guild_id) return message;
    const author = asRecord(message.author);
    if (author.id === this.world.botUser.id) return message;
    const mentions = Array.isArray(message.mentions) ? message.mentions.map(asRecord) : [];
    if (mentions.some((user) => user.id === this.world.botUser.id)) return message;
    return { ...message, content: '', embeds: [], attachments: [], components: [] };
  }
}
