import type { ChatEvent } from './events.ts';
import type { ChatClient, Reply } from './outbound.ts';
import type { Platform } from './refs.ts';

/** What an adapter hands every incoming event to (the router, in production). */
export type EventSink = (event: ChatEvent, reply: Reply) => Promise<void>;

/** One per platform. An adapter turns platform events into ChatEvents and views into payloads, nothing else. */
export interface ChatAdapter {
  readonly platform: Platform;
  readonly client: ChatClient;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** For /readyz: the platform connection is up. Absent: up while started. */
  connected?(): boolean;
}
