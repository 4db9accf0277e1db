import type { ChannelRef, MessageRef, Platform, UserRef, WorkspaceRef } from './refs.ts';
import type { Form, View } from './views.ts';

export interface FileUpload {
  readonly filename: string;
  readonly content: string | Uint8Array;
  readonly title?: string;
  readonly mimeType?: string;
}

/**
 * What the bot can say on a platform, outside of a reply to an event. The outbox delivers
 * through this; adapters implement it. Failures throw DeliveryError so the outbox can decide.
 */
export interface SendOptions {
  /**
   * One key per recipient and message. Adapters attach it where the platform can carry it
   * (Slack message metadata, Discord `nonce` + `enforce_nonce`), so a resend after a crash
   * can be recognised instead of delivered twice.
   */
  readonly idempotencyKey?: string;
  readonly threadId?: string;
}

/** A person as the platform describes them: the only source of identities (never typed names). */
export interface PlatformPerson {
  readonly userId: string;
  readonly displayName: string;
  /** Bots and apps never join a roster. */
  readonly isBot: boolean;
  /** Deactivated (Slack) or otherwise gone: never joins a roster. */
  readonly deleted: boolean;
  /** IANA zone when the platform knows it (Slack `tz`); Discord does not. */
  readonly timeZone?: string;
  /** Slack workspace admin/owner, Discord Manage Server: a workspace-wide admin. */
  readonly isWorkspaceAdmin?: boolean;
}

/** A calendar event in a workspace (a Discord guild scheduled event). */
export interface ScheduledEventInput {
  readonly name: string;
  readonly description?: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** Where it happens, shown on the event (e.g. "#peer-support"). */
  readonly location: string;
}

/** Missing permission is an expected answer (the admin decides), not a failure to retry. */
export type ScheduledEventResult =
  | { readonly ok: true; readonly eventId: string }
  | { readonly ok: false; readonly reason: 'missing-permission' | 'failed' };

export interface ChatClient {
  readonly platform: Platform;
  sendDirect(user: UserRef, view: View, options?: SendOptions): Promise<MessageRef>;
  postToChannel(channel: ChannelRef, view: View, options?: SendOptions): Promise<MessageRef>;
  /**
   * For a send whose outcome is unknown (the process died between send and record): the
   * message already delivered with this key, if the platform can tell. Absent: cannot tell.
   */
  findDelivered?(target: ChannelRef | UserRef, idempotencyKey: string): Promise<MessageRef | undefined>;
  /** Visible only to `user`, in `channel`. */
  postPrivately(channel: ChannelRef, user: UserRef, view: View): Promise<void>;
  updateMessage(message: MessageRef, view: View): Promise<void>;
  uploadFile(target: ChannelRef | UserRef, file: FileUpload): Promise<void>;
  /**
   * The person with this id as the platform confirms them (Slack `users.info`, Discord guild
   * member fetch), or undefined when the platform does not know them in this workspace.
   */
  lookupUser?(user: UserRef): Promise<PlatformPerson | undefined>;
  /**
   * Everyone who can read this channel (Slack `conversations.members`, paged, plus
   * `users.info`; Discord guild members who can view it), bots and deactivated users included
   * with their flags set so the caller decides. Throws DeliveryError when the platform refuses.
   */
  listChannelMembers?(channel: ChannelRef): Promise<readonly PlatformPerson[]>;
  /**
   * Creates a calendar event in the workspace (Discord guild scheduled event, which needs the
   * Manage Events permission). Absent where the platform has none.
   */
  createScheduledEvent?(workspace: WorkspaceRef, event: ScheduledEventInput): Promise<ScheduledEventResult>;
}

/** How the person who caused an event is answered. Each adapter builds one per event. */
export interface Reply {
  /** Only the person who asked sees it (Slack ephemeral, Discord ephemeral, shell whisper). */
  privately(view: View): Promise<void>;
  /** Everyone in the place where the event happened sees it. */
  publicly(view: View): Promise<MessageRef | undefined>;
  /** Opens a form for the person; only valid while the platform's trigger is fresh. */
  openForm(form: Form): Promise<void>;
  /** Replaces the message the pressed button sits on. */
  updateSource(view: View): Promise<void>;
}

export type DeliveryFailure = 'rate-limited' | 'transient' | 'permanent';

/** Thrown by a ChatClient: `rate-limited` and `transient` are retried, `permanent` is not. */
export class DeliveryError extends Error {
  constructor(
    readonly failure: DeliveryFailure,
    message: string,
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DeliveryError';
  }
}
