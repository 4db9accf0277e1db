import type { APIApplicationCommand, APIInteraction, APIMessage } from 'discord.js';
import { DEFAULT_WAIT_MS, Recorder } from '../shared/recorder.ts';

/** One interaction the fake dispatched, and what the app has done with it. */
export interface TrackedInteraction {
  payload: APIInteraction;
  dispatchedAt: number;
  /** Callback type of the first (and only allowed) callback, once made. */
  ackedWith: number | undefined;
  /** The response message (@original) once a type 4/5 callback created it. */
  originalId: string | undefined;
  followUpIds: string[];
}

/** A recorded interaction callback: POST /interactions/{id}/{token}/callback. */
export interface InteractionReply {
  interactionId: string;
  token: string;
  /** InteractionResponseType: 4 reply, 5 defer, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  type: number;
  data: Record<string, unknown> | undefined;
  withResponse: boolean;
  at: number;
}

/** The fake's memory of what the app created through REST. */
export class DiscordRestStore {
  readonly messages = new Map<string, APIMessage>();
  /** Guild scheduled events the app created, by id (the request body plus id and guild). */
  readonly scheduledEvents = new Map<string, Record<string, unknown> & { id: string }>();
  readonly interactions = new Map<string, TrackedInteraction>();
  readonly replies = new Recorder<InteractionReply>(
    (reply) =>
      `interaction ${reply.interactionId} callback type ${reply.type} ${JSON.stringify(reply.data ?? {}).slice(0, 160)}`,
  );
  /** Key: guild id, or '' for global commands. */
  readonly commands = new Map<string, APIApplicationCommand[]>();
  readonly #modals = new Map<string, Record<string, unknown>>();

  trackInteraction(payload: APIInteraction): void {
    this.interactions.set(payload.id, {
      payload,
      dispatchedAt: Date.now(),
      ackedWith: undefined,
      originalId: undefined,
      followUpIds: [],
    });
  }

  interactionByToken(token: string): TrackedInteraction | undefined {
    return [...this.interactions.values()].find((tracked) => tracked.payload.token === token);
  }

  rememberModal(data: Record<string, unknown>): void {
    const customId = data.custom_id;
    if (typeof customId === 'string') this.#modals.set(customId, data);
  }

  lastModal(customId: string): Record<string, unknown> | undefined {
    return this.#modals.get(customId);
  }

  commandId(name: string, guildId: string | null): string | undefined {
    const scoped = guildId ? this.commands.get(guildId) : undefined;
    return (scoped ?? []).concat(this.commands.get('') ?? []).find((command) => command.name === name)?.id;
  }

  waitForReply(interactionId: string, timeoutMs = DEFAULT_WAIT_MS): Promise<InteractionReply> {
    return this.replies.waitFor(
      (reply) => reply.interactionId === interactionId,
      timeoutMs,
      `a callback for interaction ${interactionId}`,
    );
  }

  reset(): void {
    this.replies.clear();
  }
}
