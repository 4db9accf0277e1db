import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { HeldHandshakes } from '../shared/held-handshakes.ts';
import { asRecord, asString } from '../shared/http.ts';
import { DEFAULT_WAIT_MS, Recorder } from '../shared/recorder.ts';

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

/** What the app sent back for an envelope: `{ envelope_id, payload }` (payload is `{}` for a bare ack()). */
export interface SocketAck {
  envelopeId: string;
  payload: Record<string, unknown>;
  at: number;
}

export interface SentEnvelope {
  envelopeId: string;
  type: EnvelopeType;
  payload: unknown;
  at: number;
}

export interface SendEnvelopeOptions {
  timeoutMs?: number;
  retryAttempt?: number;
  retryReason?: string;
  /** Slack sets this for slash commands and interactivity; events_api envelopes say false. */
  acceptsResponsePayload?: boolean;
}

/**
 * The Socket Mode WebSocket endpoint that `apps.connections.open` hands out.
 * Protocol (as @slack/socket-mode 3 expects it): on connect the server sends
 * `{type:'hello', num_connections, debug_info, connection_info}`; the client then receives envelopes
 * `{envelope_id, type, payload, accepts_response_payload, retry_attempt?, retry_reason?}` and answers
 * `{envelope_id, payload}`. `{type:'disconnect', reason}` asks the client to reconnect (it calls
 * apps.connections.open again after `clientPingTimeout` ms). WebSocket ping frames from the client are
 * answered with pongs by `ws` automatically; the server never pings, so the client's server-ping timer
 * never starts.
 */
export class FakeSocketMode {
  readonly acks = new Recorder<SocketAck>((ack) => `ack ${ack.envelopeId} ${JSON.stringify(ack.payload)}`);
  readonly envelopes = new Recorder<SentEnvelope>((e) => `${e.type} ${e.envelopeId}`);
  /** One entry per accepted connection (with `hello` sent). */
  readonly connections = new Recorder<{ ticket: string; at: number }>((c) => `connection ${c.ticket}`);
  readonly #server = new WebSocketServer({ noServer: true });
  #current: WebSocket | undefined;
  readonly #held = new HeldHandshakes<WebSocket>();

  constructor(private readonly appId: string) {
    this.#server.on('connection', (socket, req) => this.#onConnection(socket, req));
  }

  /** The API server forwards `/socket-mode` upgrades here. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#server.handleUpgrade(req, socket, head, (ws) => this.#server.emit('connection', ws, req));
  }

  get connected(): boolean {
    return this.#current?.readyState === WebSocket.OPEN;
  }

  /** Resolves once the app has connected `count` times in total (counting reconnects). */
  async waitForConnection(count = 1, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    await this.connections.waitForCount(() => true, count, timeoutMs, 'a Socket Mode connection');
  }

  /** Sends an envelope and resolves with the app's ack (rejects after `timeoutMs` without one). */
  async sendEnvelope(
    type: EnvelopeType,
    payload: unknown,
    options: SendEnvelopeOptions = {},
  ): Promise<SocketAck> {
    const socket = this.#current;
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      throw new Error('fake-socket-mode: no app is connected (await waitForConnection() first)');
    }
    const envelopeId = randomUUID();
    const ack = this.acks.waitFor(
      (candidate) => candidate.envelopeId === envelopeId,
      options.timeoutMs ?? DEFAULT_WAIT_MS,
      `the ack of ${type} envelope ${envelopeId}`,
    );
    this.envelopes.add({ envelopeId, type, payload, at: Date.now() });
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: options.acceptsResponsePayload ?? type !== 'events_api',
        ...(options.retryAttempt === undefined
          ? {}
          : { retry_attempt: options.retryAttempt, retry_reason: options.retryReason ?? 'timeout' }),
      }),
    );
    return ack;
  }

  /** Slack's polite "please reconnect" message (e.g. 'refresh_requested', 'warning', 'link_disabled'). */
  requestDisconnect(reason = 'refresh_requested'): void {
    this.#current?.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-fake' } }));
  }

  /**
   * Holds Slack's `hello` on new connections (true) until released (false): an outage in which
   * sockets open but Slack never finishes the handshake, so no event can arrive.
   */
  holdHello(held: boolean): void {
    if (held) this.#held.hold();
    else
      for (const socket of this.#held.release())
        if (socket.readyState === WebSocket.OPEN) this.#hello(socket);
  }

  /** Drops the TCP connection without a close frame. */
  terminate(): void {
    this.#current?.terminate();
  }

  async close(): Promise<void> {
    for (const client of this.#server.clients) client.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #onConnection(socket: WebSocket, req: IncomingMessage): void {
    const ticket = new URL(req.url ?? '/', 'http://fake').searchParams.get('ticket') ?? '';
    this.#current = socket;
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(data.toString());
      } catch {
        return;
      }
      const message = asRecord(parsed);
      const envelopeId = asString(message.envelope_id);
      if (envelopeId) this.acks.add({ envelopeId, payload: asRecord(message.payload), at: Date.now() });
    });
    socket.on('close', () => {
      if (this.#current === socket) this.#current = undefined;
    });
    this.connections.add({ ticket, at: Date.now() });
    if (!this.#held.keep(socket)) this.#hello(socket);
  }

  #hello(socket: WebSocket): void {
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: this.appId },
      }),
    );
  }
}
