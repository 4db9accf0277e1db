// Changing what a message says after it was written to the outbox (a member who erases their
// data takes their words out of the check-in posts that quoted them). In the caller's
// transaction the stored view is replaced, so a row not yet claimed goes out with the new view;
// after the commit, `redrawSent` edits the platform's copy of the rows already sent to match,
// and `redrawWhenSent` those a worker was sending meanwhile (with the view it had read).
import type { ChatClient } from '../chat/outbound.ts';
import type { Platform } from '../chat/refs.ts';
import type { View } from '../chat/views.ts';
import type { FieldCipher, PrismaClient } from '../db/index.ts';
import type { DbClient } from './outbox.ts';
import { decodePayload, encodePayload } from './outbox-payload.ts';

/** Replaces the stored view of the row with this key; false when there is no such row. */
export async function replaceOutboxView(
  tx: DbClient,
  cipher: FieldCipher,
  idempotencyKey: string,
  view: View,
): Promise<boolean> {
  const row = await tx.outboxMessage.findUnique({
    where: { idempotencyKey },
    select: { id: true, target: true, recipientId: true, isPrivate: true },
  });
  if (!row) return false;
  const binding = { idempotencyKey, target: row.target, recipientId: row.recipientId };
  await tx.outboxMessage.update({
    where: { id: row.id },
    data: { payload: encodePayload(cipher, view, row.isPrivate, binding) },
  });
  return true;
}

export interface RedrawResult {
  readonly edited: number;
  /** Sent messages the platform did not let us edit (deleted by a person, platform down). */
  readonly failed: number;
  /** Rows not sent yet, claimed or tried: a worker may be sending the view it read before. */
  readonly pending: readonly string[];
}

/**
 * Edits the platform's copy of each sent message among `keys` to what its row says now. Best
 * effort, one message at a time. Rows still pending are returned in `pending`: a worker may
 * have read the old view when it claimed them and be sending it now, so `redrawWhenSent`
 * edits them once they are recorded as sent.
 */
export async function redrawSent(
  prisma: PrismaClient,
  cipher: FieldCipher,
  clientFor: (platform: Platform) => ChatClient | undefined,
  keys: readonly string[],
): Promise<RedrawResult> {
  if (keys.length === 0) return { edited: 0, failed: 0, pending: [] };
  const rows = await prisma.outboxMessage.findMany({
    where: { idempotencyKey: { in: [...keys] }, status: { in: ['sent', 'pending'] } },
  });
  // A pending row that is neither claimed nor tried goes out with the view it holds now; one
  // that is may carry (or have delivered) the view read before the change.
  const pending = rows
    .filter((row) => row.status === 'pending' && (row.lockedBy !== null || row.attempts > 0))
    .map((row) => row.idempotencyKey);
  let edited = 0;
  let failed = 0;
  for (const row of rows) {
    if (row.status !== 'sent' || row.platformMessageId === null) continue;
    const client = clientFor(row.platform);
    if (!client) continue;
    try {
      await client.updateMessage(
        {
          platform: row.platform,
          workspaceId: row.workspaceExternalId,
          channelId: row.recipientId,
          messageId: row.platformMessageId,
          ...(row.threadId ? { threadId: row.threadId } : {}),
        },
        decodePayload(cipher, row),
      );
      edited++;
    } catch {
      // Counted, not thrown: the rest are still worth editing.
      failed++;
    }
  }
  return { edited, failed, pending };
}

export interface RedrawWhenSentOptions {
  /** Give up on rows still pending after this long (a dead worker's claim lapses first). */
  readonly waitMs?: number;
  readonly pollMs?: number;
}

/**
 * Waits for `keys` (rows pending when their view changed) to be sent, and edits each once it
 * is, so a send that was already on its way with the old view is corrected too. Rows that
 * end dead or deleted need nothing. Resolves when none is left or after `waitMs`, with what
 * is left in `pending`.
 */
export async function redrawWhenSent(
  prisma: PrismaClient,
  cipher: FieldCipher,
  clientFor: (platform: Platform) => ChatClient | undefined,
  keys: readonly string[],
  options: RedrawWhenSentOptions = {},
): Promise<RedrawResult> {
  const deadline = Date.now() + (options.waitMs ?? 150_000);
  let left = [...keys];
  let edited = 0;
  let failed = 0;
  while (left.length > 0 && Date.now() < deadline) {
    // Unref'd: best-effort work that must not keep a stopping process alive.
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000).unref());
    const round = await redrawSent(prisma, cipher, clientFor, left);
    edited += round.edited;
    failed += round.failed;
    left = [...round.pending];
  }
  return { edited, failed, pending: left };
}
