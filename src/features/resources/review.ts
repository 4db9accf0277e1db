// `/peer resources review`: members' suggestions waiting for a decision, then entries nobody has
// checked for RESOURCE_STALE_DAYS, within one message's five button rows.
import type { Actor, Block, Place, View } from '../../chat/index.ts';
import { translatorForActor } from '../teams/index.ts';
import type { ManageDeps } from './manage.ts';
import { askerOf } from './people.ts';
import { ResourceRecordSchema } from './record.ts';
import { REVIEW_ROWS, reviewBlocks, staleEntries } from './stale-review.ts';
import { recordLine } from './views.ts';

export async function reviewView(
  deps: ManageDeps & { readonly staleDays: number },
  actor: Actor,
  place: Place,
): Promise<View> {
  // The router asked the access policy (`resources.review`) before this ran.
  const who = await askerOf(deps.prisma, actor, place, deps.defaultRegion);
  const t = await translatorForActor(deps.prisma, actor, { channelId: place.channelId });
  const pending = await deps.prisma.resourceSuggestion.findMany({
    where: { workspaceId: who.workspaceId, status: 'pending' },
    orderBy: { createdAt: 'asc' },
    take: 3,
  });
  const stale = await staleEntries(
    deps.prisma,
    who.workspaceId,
    who.viewer.teamIds,
    deps.clock.now(),
    deps.staleDays,
    REVIEW_ROWS - pending.length,
  );
  const blocks: Block[] = [];
  if (pending.length > 0) blocks.push({ type: 'header', text: t('resources.review.waiting') });
  for (const suggestion of pending) {
    const parsed = ResourceRecordSchema.safeParse(suggestion.proposal);
    blocks.push(
      {
        type: 'text',
        text: parsed.success ? recordLine(parsed.data, t) : t('resources.review.unreadable'),
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            actionId: 'resources:approve',
            label: t('resources.manage.approve'),
            value: suggestion.id,
            style: 'primary',
          },
          {
            type: 'button',
            actionId: 'resources:decline',
            label: t('resources.manage.decline'),
            value: suggestion.id,
          },
        ],
      },
    );
  }
  if (stale.rows.length > 0) {
    blocks.push({
      type: 'header',
      text: t('resources.review.notChecked', { days: deps.staleDays, total: stale.total }),
    });
    blocks.push(...stale.rows.flatMap((row) => reviewBlocks(row, t)));
  }
  if (blocks.length === 0)
    blocks.push({
      type: 'text',
      text: t('resources.review.allClear'),
    });
  return { text: t('resources.review.summary', { pending: pending.length, total: stale.total }), blocks };
}
