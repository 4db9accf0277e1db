// Editing named check-in posts on the platform after the transaction that changed their stored
// views committed: after an erase (their words taken back) or a replaced answer (the post shows
// the new one). Best effort and logged with counts only; posts still being sent are edited once
// sent, in the background, so the person's action does not wait for them.
import { errorFields } from '../../chat/index.ts';
import { redrawSent, redrawWhenSent } from '../../scheduling/index.ts';
import type { CheckinsDeps } from './context.ts';

export type RedrawDeps = Pick<CheckinsDeps, 'prisma' | 'cipher' | 'clientFor' | 'logger'>;
export type RedrawReason = 'erase' | 'replaced';

async function redrawLater(deps: RedrawDeps, keys: readonly string[], reason: RedrawReason): Promise<void> {
  try {
    const { edited, failed, pending } = await redrawWhenSent(deps.prisma, deps.cipher, deps.clientFor, keys);
    deps.logger.info(
      { event: 'checkins.withdrawn_late', reason, edited, failed, pending: pending.length },
      'posts that were being sent meanwhile, redrawn once sent',
    );
  } catch (error) {
    deps.logger.warn(
      { event: 'checkins.withdraw_failed', reason, err: errorFields(error) },
      'posts not redrawn',
    );
  }
}

/** Edits the sent posts among `keys` to what their rows say now; never throws. */
export async function redrawPosts(
  deps: RedrawDeps,
  keys: readonly string[],
  reason: RedrawReason,
): Promise<void> {
  if (keys.length === 0) return;
  try {
    const { edited, failed, pending } = await redrawSent(deps.prisma, deps.cipher, deps.clientFor, keys);
    deps.logger.info(
      { event: 'checkins.withdrawn', reason, edited, failed, pending: pending.length },
      'check-in posts redrawn',
    );
    if (pending.length > 0) void redrawLater(deps, pending, reason);
  } catch (error) {
    deps.logger.warn(
      { event: 'checkins.withdraw_failed', reason, err: errorFields(error) },
      'posts not redrawn',
    );
  }
}
