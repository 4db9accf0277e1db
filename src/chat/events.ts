import type { Wording } from '../i18n/index.ts';
import type { MessageRef, Platform } from './refs.ts';
import type { FormValues } from './views.ts';

/** Who did something, as the platform told us. */
export interface Actor {
  readonly platform: Platform;
  readonly workspaceId: string;
  readonly userId: string;
  readonly displayName?: string;
  /**
   * The platform's own word, carried by the event itself, on whether this person administers
   * the workspace (Discord: Manage Server from the interaction's member roles). Absent when
   * the event does not say (Slack, direct messages): then ask the platform (`lookupUser`).
   */
  readonly isWorkspaceAdmin?: boolean;
  /**
   * The person's language as the event says (a BCP 47 tag): a Discord interaction's `locale`,
   * the shell's LANG. Absent when the event does not say (Slack: `users.info` with the roster).
   */
  readonly locale?: string;
}

/** Where it happened. `channelId` is absent for forms opened from a direct message. */
export interface Place {
  readonly channelId?: string;
  readonly threadId?: string;
  readonly isDirect: boolean;
}

interface EventBase {
  /** The platform's id for this delivery, used to drop retries and re-deliveries. */
  readonly eventId: string;
  readonly actor: Actor;
  readonly place: Place;
}

export type CommandOptionValue = string | number | boolean;

/** A file someone sent with a direct message. The bytes are fetched only when asked for. */
export interface Attachment {
  readonly name: string;
  /** In bytes, as the platform reported it (checked again on the bytes fetched). */
  readonly size: number;
  readonly mimeType?: string;
  fetch(): Promise<Uint8Array>;
}

export type ChatEvent =
  | (EventBase & {
      readonly kind: 'command';
      /** The subcommand path under `/peer`, e.g. `['setup']` or `['admin', 'outbox']`. */
      readonly path: readonly string[];
      /** Raw option values by option name, before zod parsing by the router. */
      readonly options: Readonly<Record<string, CommandOptionValue>>;
    })
  | (EventBase & {
      readonly kind: 'action';
      readonly actionId: string;
      readonly value?: string;
      /** The message the button or select sits on, when there is one. */
      readonly message?: MessageRef;
    })
  | (EventBase & {
      readonly kind: 'form';
      readonly formId: string;
      readonly context?: string;
      readonly values: FormValues;
    })
  | (EventBase & {
      readonly kind: 'direct-message';
      readonly text: string;
      /** Files sent with the message (Slack `files`, Discord attachments, the shell's `/upload`). */
      readonly attachments?: readonly Attachment[];
    })
  | (EventBase & { readonly kind: 'member-joined'; readonly channelId: string })
  | (EventBase & {
      /**
       * `/peer …` typed as text the command table cannot read (an unknown word, an option given
       * twice). The adapter hands it on instead of answering: only the router knows the reader's
       * language (a Slack slash command carries no locale), so it words the problem.
       */
      readonly kind: 'unreadable-command';
      readonly problem: Wording;
    });

export type ChatEventKind = ChatEvent['kind'];
