// One shape for every feature. Each feature folder's index.ts exports one factory that returns
// a `Feature`; app.ts keeps a plain list of them and folds it into the command table, the
// router, the scheduler, App Home and `/peer privacy` (compose-features.ts). Adding a feature
// is one folder and one line in that list.
//
// Features never import each other's internals. Where one needs another (a check-in's "in a
// hard place" reply wants the member's plan steps and the region's crisis lines), they meet
// through the small ports in ports.ts, which app.ts passes in.

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
  Roles,
} from '../chat/index.ts';
import type { Config } from '../config.ts';
import type { Db, FieldCipher, PrismaClient } from '../db/index.ts';
import type { Clock, LogPort, OccurrenceHandler, PeriodicJob, ScheduleKind } from '../scheduling/index.ts';

/** One line of `/peer privacy`: what a feature keeps about the member, in plain words. */
export interface PrivacyLine {
  readonly label: string;
  readonly value: string;
}

/**
 * A member's data as one feature holds it. Filled by the production issue: `export` returns
 * plain JSON (private text decrypted, for the member's own eyes only); `erase` deletes the
 * member's private text and personal rows inside the given transaction and keeps only
 * anonymous counts.
 */
export interface PersonalData {
  export(memberId: string): Promise<Readonly<Record<string, unknown>>>;
  erase(memberId: string, tx: Db.Prisma.TransactionClient): Promise<{ readonly rows: number }>;
}

export interface Feature {
  /** Lower-case, unique across features; used in logs and as the usual action/form prefix. */
  readonly name: string;
  /** Command groups this feature owns (`/peer checkin ...`). */
  readonly groups?: readonly CommandGroup[];
  /** Commands, each in one of this feature's groups or at the top level. */
  readonly commands?: readonly Command[];
  /**
   * Action handlers by id prefix: `{ checkins: handler }` receives every `checkins:*` button.
   * A prefix belongs to exactly one feature; compose-features.ts refuses a clash at start-up.
   */
  readonly actions?: Readonly<Record<string, ActionHandler>>;
  /** Form handlers by id prefix, like actions. */
  readonly forms?: Readonly<Record<string, FormHandler>>;
  /** Scheduled-occurrence handlers by schedule kind; a kind belongs to exactly one feature. */
  readonly occurrences?: Partial<Record<ScheduleKind, OccurrenceHandler>>;
  /** Work that runs on every scheduler tick; each job makes itself exactly-once (claims). */
  readonly jobs?: readonly PeriodicJob[];
  /** Called for every member-joined event, in list order; one failing does not stop the rest. */
  readonly memberJoined?: MemberJoinedHandler;
  /** At most one feature answers direct messages. */
  readonly directMessage?: DirectMessageHandler;
  /** Roles for `/peer help`; at most one feature (teams) provides them. */
  readonly rolesOf?: (actor: Actor) => Promise<Roles>;
  /** This feature's section of the member's own App Home; shown to that member only. */
  readonly home?: (actor: Actor) => Promise<readonly Block[]>;
  /** This feature's lines in `/peer privacy` for the member with this id. */
  readonly privacy?: (memberId: string) => Promise<readonly PrivacyLine[]>;
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
}
