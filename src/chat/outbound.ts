import type { PlatformCapabilities } from './capabilities.ts';
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
  /** The person's language as a BCP 47 tag, when the platform says (Slack `users.info` locale). */
  readonly locale?: string;
  /** Slack workspace admin/owner, Discord Manage Server: a workspace-wide admin. */
  readonly isWorkspaceAdmin?: boolean;
}

/**
 * How the bot speaks on one platform outside a reply to an event: the outbox worker delivers
 * through it, and features read rosters and people through it (via `FeatureDeps.clientFor`).
 * Implementations: `adapters/slack/slack-client.ts`, `adapters/discord/discord-outbound.ts`,
 * `adapters/shell/shell-client.ts`.
 *
 * Every method that talks to the platform rejects with a `DeliveryError` saying whether a
 * retry can help (`rate-limited` with the platform's wait, `transient`, `permanent`); a client
 * never retries or waits on a 429 itself, because the worker owns pacing and retries. Refs
 * from another platform or workspace are a wiring bug and are refused as `permanent`.
 */
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
  /** The platform every ref passed in must belong to. */
  readonly platform: Platform;
  /**
   * What this platform can do (chat/capabilities.ts). Every adapter's client declares it;
   * absent (test doubles) reads as none, through `capabilitiesOf`.
   */
  readonly capabilities?: PlatformCapabilities;
  /**
   * A direct message to the person (opening the DM first where the platform needs it).
   * Resolves with the message's ref once the platform accepted it. With an idempotency key the
   * platform is told how to recognise a resend (see `SendOptions`).
   */
  sendDirect(user: UserRef, view: View, options?: SendOptions): Promise<MessageRef>;
  /**
   * A message everyone in the channel sees (in a thread with `threadId`). Resolves with its
   * ref once accepted; long views may be split into several messages, and the ref is the first.
   */
  postToChannel(channel: ChannelRef, view: View, options?: SendOptions): Promise<MessageRef>;
  /**
   * For a send whose outcome is unknown (the process died between send and record): the
   * message already delivered with this key, if the platform can tell. Absent: cannot tell.
   * `since`: it cannot be older than this (the outbox row's creation), so the search may stop
   * there. A lookup that cannot tell must throw, never resolve undefined ("not delivered").
   */
  findDelivered?(
    target: ChannelRef | UserRef,
    idempotencyKey: string,
    since?: Date,
  ): Promise<MessageRef | undefined>;
  /**
   * Visible only to `user`, in `channel` (Slack ephemeral). Where the platform has no such
   * thing outside an interaction (Discord), it is a direct message instead: never a channel post.
   */
  postPrivately(channel: ChannelRef, user: UserRef, view: View): Promise<void>;
  /** Replaces the text and buttons of a message the bot sent earlier (by its ref). */
  updateMessage(message: MessageRef, view: View): Promise<void>;
  /** Shares a file (an `.ics` invitation, an export) in a channel or a direct message. */
  uploadFile(target: ChannelRef | UserRef, file: FileUpload): Promise<void>;
  /**
   * The person with this id as the platform confirms them (Slack `users.info`, Discord guild
   * member fetch), or undefined when the platform does not know them in this workspace.
   */
  lookupUser?(user: UserRef): Promise<PlatformPerson | undefined>;
  /**
   * Display names of known people nearest to an id `lookupUser` did not know, closest first,
   * for the refusal. Only where the platform's people are few and at hand (the playground).
   */
  suggestPeople?(user: UserRef): Promise<readonly string[]>;
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
  /**
   * Moves or renames an event `createScheduledEvent` made (same permission). Answers the same
   * way; an event someone deleted by hand answers `failed`. Absent where the platform has none.
   */
  updateScheduledEvent?(
    workspace: WorkspaceRef,
    eventId: string,
    event: ScheduledEventInput,
  ): Promise<ScheduledEventResult>;
  /** Marks an event `createScheduledEvent` made as cancelled (it stays listed as cancelled). */
  cancelScheduledEvent?(workspace: WorkspaceRef, eventId: string): Promise<ScheduledEventResult>;
}

/**
 * How the person who caused an event is answered. Each adapter builds one per event
 * (`adapters/slack/slack-reply.ts`, `adapters/discord/discord-reply.ts`,
 * `adapters/shell/shell-reply.ts`); a handler may call its methods several times and in any
 * order, and each call resolves once the platform took the answer. The answers of one event
 * arrive in the order they were made. Failures reject (the router logs them); nothing is
 * retried, because a reply is not an outbox message.
 */
export interface Reply {
  /**
   * Only the person who caused the event sees it: ephemeral in a Slack or Discord channel, a
   * whisper in the shell; a direct message for member-joined and direct-message events. Private
   * text may go here, never through `publicly`.
   */
  privately(view: View): Promise<void>;
  /**
   * Everyone in the place where the event happened sees it (the DM itself, for an event in a
   * DM). Resolves with the posted message's ref when the platform gives one.
   */
  publicly(view: View): Promise<MessageRef | undefined>;
  /**
   * Opens a form for the person: a modal (Slack, Discord) or a prompt sequence (shell). Only
   * possible while the platform's trigger is fresh (Slack: ~3 s, Discord: before any other
   * answer). Discord, past that, offers an "Open the form" button instead; Slack rejects for
   * an event without a trigger (a member joining, a direct message). The submission arrives
   * later as a `form` event, never as this promise's value.
   */
  openForm(form: Form): Promise<void>;
  /**
   * Replaces the message the pressed button sits on; meant for `action` events. Where there is
   * no message to replace (a button on Slack's Home tab or in a modal, a private message
   * Discord no longer lets the bot edit) it answers `privately` instead; Discord rejects for an
   * event that has no message at all (a command).
   */
  updateSource(view: View): Promise<void>;
}

export type DeliveryFailure = 'rate-limited' | 'transient' | 'permanent';

/**
 * How long the outbox's platform clients wait for one request before giving up (an unknown
 * outcome, looked up by its key before any resend). The outbox starts a send only while half of
 * its claim's lease (OUTBOX_LOCK_MS, default 12 s) is left, so this must stay well inside that
 * half: a request still out when the lease lapses could arrive beside another replica's resend.
 */
export const OUTBOX_REQUEST_TIMEOUT_MS = 5_000;

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
