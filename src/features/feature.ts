// One shape for every feature. Each feature folder's index.ts exports one factory that returns
// a `Feature`; app.ts keeps a plain list of them and folds it into the command table, the
// router, the scheduler, App Home and `/peer privacy` (compose-features.ts). Adding a feature
// is one folder and one line in that list.
//
// Features never import each other's internals. Where one needs another (a check-in's "in a
// hard place" reply wants the member's plan steps and the region's crisis lines), they meet
// through the small ports in ports.ts, which app.ts passes in.

import type { Access, VerbName } from '../access/index.ts';
import type {
  ActionHandler,
  Actor,
  Block,
  ChatClient,
  Command,
  CommandGroup,
  DirectMessageHandler,
  FormHandler,
  MemberJoinedHandler,
  Platform,
} from '../chat/index.ts';
import type { MarkupText } from '../chat/markup.ts';
import type { Config } from '../config.ts';
import type { Db, FieldCipher, PrismaClient } from '../db/index.ts';
import type { Translate } from '../i18n/index.ts';
import type { Clock, LogPort, OccurrenceHandler, PeriodicJob, ScheduleKind } from '../scheduling/index.ts';

/** One line of `/peer privacy`: what a feature keeps about the member, in the reader's words. */
export interface PrivacyLine {
  readonly label: MarkupText;
  readonly value: MarkupText;
}

/**
 * A member's data as one feature holds it. Filled by the production issue: `export` returns
 * plain JSON (private text decrypted, for the member's own eyes only); `erase` deletes the
 * member's private text and personal rows inside the given transaction and keeps only
 * anonymous counts.
 */
export interface PersonalData {
  export(memberId: string): Promise<Readonly<Record<string, unknown>>>;
  /**
   * Deletes the member's rows in `tx`. `afterCommit` runs once the whole erase has committed,
   * for what lives outside the database (editing posts that quoted them); it must not throw.
   */
  erase(memberId: string, tx: Db.Prisma.TransactionClient): Promise<ErasedRows>;
}

export interface ErasedRows {
  readonly rows: number;
  readonly afterCommit?: () => Promise<void>;
}

/**
 * One feature, as its folder's factory returns it (once, at start-up; app.ts keeps the list).
 * Every part is optional: a feature declares only what it has. compose-features.ts folds the
 * list and refuses, at start-up, two features claiming the same name, prefix or kind.
 * Handlers are called by the router with options and form values already checked, and may
 * throw: the router logs the failure and answers the person with a warm apology.
 */
export interface Feature {
  /** Lower-case, unique across features; used in logs and as the usual action/form prefix. */
  readonly name: string;
  /** Command groups this feature owns (`/peer checkin ...`); a group name is unique in the table. */
  readonly groups?: readonly CommandGroup[];
  /**
   * Commands, each in one of this feature's groups or at the top level. The command table
   * refuses, at start-up, a path two features both declare.
   */
  readonly commands?: readonly Command[];
  /**
   * Action handlers by id prefix: `{ checkins: handler }` receives every `checkins:*` button.
   * A prefix belongs to exactly one feature; compose-features.ts refuses a clash at start-up.
   */
  readonly actions?: Readonly<Record<string, ActionHandler>>;
  /** Form handlers by id prefix, like actions. */
  readonly forms?: Readonly<Record<string, FormHandler>>;
  /**
   * Scheduled-occurrence handlers by schedule kind; a kind belongs to exactly one feature. A
   * handler runs at most once per occurrence across replicas (the scheduler claims it first),
   * so it must do all its writes, outbox rows included, in one transaction; if it throws, the
   * claim is marked failed and the occurrence is not run again. Kinds that can come due by
   * the thousand at once (self-care prompts) also offer `handler.batch`: it reads for a batch and
   * returns a plan whose writes run in the scheduler's transaction with the batch's claims (see
   * OccurrenceHandler in scheduling/scheduler.ts).
   */
  readonly occurrences?: Partial<Record<ScheduleKind, OccurrenceHandler>>;
  /**
   * Work that runs on every scheduler tick on every replica; each job makes itself
   * exactly-once (`claimOccurrence`). One failing is logged and does not stop the others.
   */
  readonly jobs?: readonly PeriodicJob[];
  /**
   * Called for every member-joined event, in list order; one failing does not stop the rest
   * (the first failure is still reported to the router). `reply.privately` is a direct message.
   */
  readonly memberJoined?: MemberJoinedHandler;
  /** At most one feature answers direct messages. */
  readonly directMessage?: DirectMessageHandler;
  /**
   * The access verb (src/access/verbs.ts) of each action and form id this feature handles, by
   * full id (`flags:open`) or for a whole prefix (`plans:*`). The router asks the policy about it
   * before the handler runs and refuses an id without one.
   */
  readonly verbs?: Readonly<Record<string, VerbName>>;
  /**
   * This feature's section of the member's own App Home; shown to that member only, so it may
   * hold their own private text, never anyone else's. Empty when there is nothing to show.
   */
  readonly home?: (actor: Actor) => Promise<readonly Block[]>;
  /**
   * This feature's lines in `/peer privacy` for the member with this id: what it keeps about
   * them, in plain words and counts (shown privately to that member).
   */
  readonly privacy?: (memberId: string, t: Translate) => Promise<readonly PrivacyLine[]>;
  /** Export and erase of a member's data (the production issue fills it in). */
  readonly personalData?: PersonalData;
}

/** What every feature factory may be given. Features take only the parts they use. */
export interface FeatureDeps {
  readonly prisma: PrismaClient;
  readonly cipher: FieldCipher;
  readonly clock: Clock;
  readonly config: Config;
  readonly logger: LogPort;
  /** Wakes the outbox worker after a transaction wrote outbox rows. */
  readonly notifyOutbox: () => void;
  /**
   * The outbound client of a connected platform (for roster reads and user look-ups), or
   * undefined when that platform is not running in this process.
   */
  readonly clientFor: (platform: Platform) => ChatClient | undefined;
  /** The access policy: handlers ask it about the row they are about to touch. */
  readonly access: Access;
}
