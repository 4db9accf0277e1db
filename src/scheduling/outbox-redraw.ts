// Changing what a message says after it was written to the outbox (a member who erases their
// data takes their words out of the check-in posts that quoted them). In the caller's
// transaction the stored view is replaced, so a row not yet sent goes out with the new view;
// after the commit, `redrawSent` edits the platform's copy of the rows already sent to match.
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
}

/**
 * Edits the platform's copy of each sent message among `keys` to what its row says now. Best
 * effort, one message at a time. A row that a worker was sending while the caller's change
 * committed went out with the view it had read before; it is sent, but not redrawn here.
 */
export async function redrawSent(
  prisma: PrismaClient,
  cipher: FieldCipher,
  clientFor: (platform: Platform) => ChatClient | undefined,
  keys: readonly string[],
): Promise<RedrawResult> {
  if (keys.length === 0) return { edited: 0, failed: 0 };
  const rows = await prisma.outboxMessage.findMany({
    where: { idempotencyKey: { in: [...keys] }, status: 'sent', platformMessageId: { not: null } },
  });
  let edited = 0;
  for (const row of rows) {
    const client = clientFor(row.platform);
    if (!client || row.platformMessageId === null) continue;
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
    }
  }
  return { edited, failed: rows.length - edited };
}
