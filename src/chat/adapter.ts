import type { PlatformCapabilities } from './capabilities.ts';
import type { ChatEvent } from './events.ts';
import type { ChatClient, Reply } from './outbound.ts';
import type { Platform } from './refs.ts';

/**
 * What an adapter hands every incoming event to (the router, in production). It resolves once
 * the event is handled and answered through `reply`; the router never rejects (it answers its
 * own failures), but an adapter must still survive a sink that does.
 */
export type EventSink = (event: ChatEvent, reply: Reply) => Promise<void>;

/**
 * One per platform. An adapter turns platform events into ChatEvents and views into payloads,
 * nothing else: no business rule lives in an adapter. Implementations: `adapters/slack`,
 * `adapters/discord`, `adapters/shell` (each folder's index.ts).
 */
export interface ChatAdapter {
  /** Which platform this adapter speaks for; one adapter per platform in a process. */
  readonly platform: Platform;
  /**
   * The outbound client for this platform (the outbox worker sends through it). Exists from
   * construction, but sends only work between `start` resolving and `stop` being called;
   * app.ts stops the outbox worker before the adapters, so nothing sends after that.
   */
  readonly client: ChatClient;
  /** What the platform can do; the same declaration its client carries (chat/capabilities.ts). */
  readonly capabilities: PlatformCapabilities;
  /**
   * Connects to the platform (HTTP listener, Socket Mode, gateway, or the terminal) and starts
   * handing events to the sink. Resolves once events can arrive; rejects, with nothing left
   * running, when the platform cannot be reached (bad token, port taken). Called once, by
   * app.ts: a second call is not supported (the shell ignores it; Slack and Discord would try
   * to connect again), so callers must not make one.
   */
  start(): Promise<void>;
  /**
   * Stops taking new events, waits for the events already handed to the sink to finish
   * answering (Discord: up to its drain timeout, 5 s by default; the shell: the line in
   * flight), then disconnects. After it resolves no event reaches the sink. Safe to call once
   * after `start` resolved; app.ts never calls it for an adapter whose start failed.
   */
  stop(): Promise<void>;
  /** For /readyz: the platform connection is up. Absent: up while started. */
  connected?(): boolean;
}
