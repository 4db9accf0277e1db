// Writing to the outbox. Features never call a platform directly for scheduled or fan-out
// messages: they call enqueueOutbox with the transaction that makes the change causing the
// message, so the change and its messages commit (or vanish) together. The delivery worker
// (outbox-worker.ts) sends them later.
import { hasNoticeShape, type NoticeView } from '../chat/notice.ts';
import type { Platform } from '../chat/refs.ts';
import type { View } from '../chat/views.ts';
import type { Db, FieldCipher } from '../db/index.ts';
import { encodePayload } from './outbox-payload.ts';
import { uuidv7 } from './uuid7.ts';

/**
 * A Prisma client or the client of an interactive transaction (`prisma.$transaction(async (tx)
 * => ...)`): PrismaClient is assignable to it.
 */
export type DbClient = Db.Prisma.TransactionClient;

export type OutboxTarget =
  | { readonly kind: 'dm'; readonly userId: string }
  | { readonly kind: 'channel'; readonly channelId: string; readonly threadId?: string };

/**
 * The kinds of message about a member's private text sent to someone else (a supervisor): the
 * worker asks the access policy again, just before sending, whether the recipient may still
 * receive it (`PrivateDeliveryCheck`), and drops the row (audited) when not.
 */
export const privateKinds = ['flag', 'plan-share', 'checkin-answer'] as const;
export type PrivateKind = (typeof privateKinds)[number];

export interface PrivateDelivery {
  readonly kind: PrivateKind;
  /** The row it is about: a flag, a plan share, a check-in answer. */
  readonly subjectId: string;
  /** The member whose private text it is (erase deletes the row with them). */
  readonly aboutMemberId: string;
}

interface OutboxMessageBase {
  /**
   * One per recipient and message, stable across retries of the cause, e.g.
   * `checkin-prompt:<roundId>:<memberId>`. A second enqueue with the same key adds nothing.
   */
  readonly idempotencyKey: string;
  readonly platform: Platform;
  /** The Slack team id / Discord guild id the target lives in. */
  readonly workspaceExternalId: string;
  readonly teamId?: string;
  readonly target: OutboxTarget;
  /** The member the message is for: their quiet hours and zone apply. */
  readonly recipientMemberId?: string;
  /** Stored encrypted (the view may quote private text); never shown in admin lists or logs. */
  readonly isPrivate?: boolean;
  /** Ignores quiet hours (a flag for a supervisor, a crisis follow-up). */
  readonly urgent?: boolean;
  /** Default true: a non-urgent message for a member in their quiet hours waits until they end. */
  readonly respectQuietHours?: boolean;
  /**
   * Not sent before this instant. Absent: the database's current time. A feature holding a
   * Clock should pass `clock.now()`, so that tests with a ManualClock set in the past (before
   * the database's real time) still see the row as due.
   */
  readonly notBefore?: Date;
}

/**
 * A message for the outbox. One about someone else's private text (`delivery`) carries a
 * NoticeView, which has no place for that text (chat/notice.ts): the text is shown only when
 * its recipient presses Open, after access is checked again. Any other message that names a
 * member who is not its recipient says so in `aboutMemberId`, so erasing that member deletes it.
 */
export type OutboxMessageInput = OrdinaryMessage | PrivateDeliveryMessage;

export type OrdinaryMessage = OutboxMessageBase & {
  readonly view: View;
  readonly delivery?: undefined;
  readonly aboutMemberId?: string;
};

export type PrivateDeliveryMessage = OutboxMessageBase & {
  readonly view: NoticeView;
  readonly delivery: PrivateDelivery;
  readonly aboutMemberId?: undefined;
};

/** A private delivery whose view is not a notice (made around the type): refused, nothing written. */
export class PrivateTextInNoticeError extends Error {
  constructor(idempotencyKey: string) {
    super(
      `Outbox message ${idempotencyKey} is a private delivery but its view is not a notice (chat/notice.ts): private text never goes into a direct message.`,
    );
    this.name = 'PrivateTextInNoticeError';
  }
}

/**
 * A private message has no code path to a channel: enqueueing one is a programming error,
 * refused before anything is written (the whole batch, so nothing is half-enqueued).
 */
export class PrivateToChannelError extends Error {
  constructor(idempotencyKey: string) {
    super(
      `Outbox message ${idempotencyKey} is private but targets a channel; private messages go to one person.`,
    );
    this.name = 'PrivateToChannelError';
  }
}

/**
 * Rows written a statement at most. PGlite's WASM memory grows to the largest statement and
 * never shrinks, and the rows' columns travel as one array parameter each, so a chunk costs
 * its text once (docs/benchmarks-notes.md). Inside the caller's transaction the chunks still
 * commit together.
 */
const ROWS_PER_STATEMENT = 500;
const ANALYZE_AFTER_ROWS = 500;

type OutboxColumns = ReturnType<typeof columnsOf>;

function columnsOf(length: number) {
  const column = <T>() => new Array<T>(length);
  return {
    id: column<string>(),
    idempotencyKey: column<string>(),
    platform: column<string>(),
    workspaceExternalId: column<string>(),
    teamId: column<string | null>(),
    target: column<string>(),
    recipientId: column<string>(),
    threadId: column<string | null>(),
    recipientMemberId: column<string | null>(),
    payload: column<string>(),
    isPrivate: column<boolean>(),
    urgent: column<boolean>(),
    respectQuietHours: column<boolean>(),
    notBefore: column<string | null>(),
    privateKind: column<string | null>(),
    subjectId: column<string | null>(),
    aboutMemberId: column<string | null>(),
  };
}

/** One message's row, written into column `i` of `columns` (uuid v7 id, as the schema's default). */
function putRow(columns: OutboxColumns, i: number, cipher: FieldCipher, message: OutboxMessageInput): void {
  const { target, delivery } = message;
  // A delivery about someone's private text is private, whatever the caller said.
  const isPrivate = (message.isPrivate ?? false) || delivery !== undefined;
  const recipientId = target.kind === 'dm' ? target.userId : target.channelId;
  const binding = { idempotencyKey: message.idempotencyKey, target: target.kind, recipientId };
  columns.id[i] = uuidv7();
  columns.idempotencyKey[i] = message.idempotencyKey;
  columns.platform[i] = message.platform;
  columns.workspaceExternalId[i] = message.workspaceExternalId;
  columns.teamId[i] = message.teamId ?? null;
  columns.target[i] = target.kind;
  columns.recipientId[i] = recipientId;
  columns.threadId[i] = target.kind === 'channel' ? (target.threadId ?? null) : null;
  columns.recipientMemberId[i] = message.recipientMemberId ?? null;
  columns.payload[i] = encodePayload(cipher, message.view, isPrivate, binding);
  columns.isPrivate[i] = isPrivate;
  columns.urgent[i] = message.urgent ?? false;
  columns.respectQuietHours[i] = message.respectQuietHours ?? true;
  columns.notBefore[i] = message.notBefore?.toISOString() ?? null;
  columns.privateKind[i] = delivery?.kind ?? null;
  columns.subjectId[i] = delivery?.subjectId ?? null;
  columns.aboutMemberId[i] = delivery?.aboutMemberId ?? message.aboutMemberId ?? null;
}

/**
 * One `INSERT ... SELECT FROM unnest(...)` for a chunk: a fixed statement with one array
 * parameter a column, instead of createMany's query plan holding (and copying) every row's
 * values. A row without notBefore gets the database's now(), as the column default would.
 */
async function insertChunk(tx: DbClient, columns: OutboxColumns): Promise<number> {
  const c = columns;
  return tx.$executeRaw`
    INSERT INTO "OutboxMessage" (id, "idempotencyKey", platform, "workspaceExternalId", "teamId",
      target, "recipientId", "threadId", "recipientMemberId", payload, "isPrivate", urgent,
      "respectQuietHours", "notBefore", "privateKind", "subjectId", "aboutMemberId")
    SELECT r.id, r.key, r.platform::"Platform", r.workspace, r.team, r.target::"OutboxTarget",
      r.recipient, r.thread, r.member, r.payload, r.private, r.urgent, r.quiet,
      COALESCE(r.not_before, now()), r.private_kind, r.subject, r.about
    FROM unnest(${c.id}::text[], ${c.idempotencyKey}::text[], ${c.platform}::text[],
      ${c.workspaceExternalId}::text[], ${c.teamId}::text[], ${c.target}::text[],
      ${c.recipientId}::text[], ${c.threadId}::text[], ${c.recipientMemberId}::text[],
      ${c.payload}::text[], ${c.isPrivate}::boolean[], ${c.urgent}::boolean[],
      ${c.respectQuietHours}::boolean[], ${c.notBefore}::timestamptz[],
      ${c.privateKind}::text[], ${c.subjectId}::text[], ${c.aboutMemberId}::text[])
      AS r(id, key, platform, workspace, team, target, recipient, thread, member, payload,
        private, urgent, quiet, not_before, private_kind, subject, about)
    ON CONFLICT ("idempotencyKey") DO NOTHING`;
}

/**
 * Adds the messages; ones whose idempotency key is already in the outbox are skipped. Uses
 * `INSERT ... ON CONFLICT DO NOTHING` rather than catching a unique violation: on PostgreSQL
 * a failed statement aborts the caller's whole transaction. Payloads are encoded (and
 * encrypted) a chunk at a time, so a large round never holds them all. Returns how many rows
 * were added.
 */
export async function enqueueOutboxMany(
  tx: DbClient,
  cipher: FieldCipher,
  messages: readonly OutboxMessageInput[],
): Promise<number> {
  if (messages.length === 0) return 0;
  const toChannel = messages.find(
    (m) => ((m.isPrivate ?? false) || m.delivery !== undefined) && m.target.kind === 'channel',
  );
  if (toChannel) throw new PrivateToChannelError(toChannel.idempotencyKey);
  const notNotice = messages.find((m) => m.delivery !== undefined && !hasNoticeShape(m.view));
  if (notNotice) throw new PrivateTextInNoticeError(notNotice.idempotencyKey);
  let added = 0;
  for (let from = 0; from < messages.length; from += ROWS_PER_STATEMENT) {
    const size = Math.min(ROWS_PER_STATEMENT, messages.length - from);
    const columns = columnsOf(size);
    for (let i = 0; i < size; i++) putRow(columns, i, cipher, messages[from + i]!);
    added += await insertChunk(tx, columns);
  }
  // Fresh planner statistics after a large write. Without them the delivery worker's claim
  // (which skips recipients that have a locked row) is planned as if the outbox held one row:
  // a nested loop that checks every pending row for each candidate, 250 ms a claim on PGlite
  // with 1,000 pending against 11 ms once analysed. PGlite has no autovacuum to do this, and a
  // server's comes only later. In this transaction, so the new rows are counted.
  if (added >= ANALYZE_AFTER_ROWS) await tx.$executeRawUnsafe('ANALYZE "OutboxMessage"');
  return added;
}

/** Adds one message; false when its idempotency key was already there. */
export async function enqueueOutbox(
  tx: DbClient,
  cipher: FieldCipher,
  message: OutboxMessageInput,
): Promise<boolean> {
  return (await enqueueOutboxMany(tx, cipher, [message])) === 1;
}

/**
 * The outbox as a port for features: enqueue inside the transaction, then `notify()` after it
 * commits so the worker looks at once instead of at its next poll (a notify before the commit
 * would find nothing yet; a missed notify only costs one poll interval).
 */
export interface Outbox {
  enqueue(tx: DbClient, message: OutboxMessageInput): Promise<boolean>;
  enqueueMany(tx: DbClient, messages: readonly OutboxMessageInput[]): Promise<number>;
  notify(): void;
}

export function createOutbox(cipher: FieldCipher, notify: () => void = () => undefined): Outbox {
  return {
    enqueue: (tx, message) => enqueueOutbox(tx, cipher, message),
    enqueueMany: (tx, messages) => enqueueOutboxMany(tx, cipher, messages),
    notify,
  };
}
