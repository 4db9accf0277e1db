import { type Block, literal, type MarkupText, markup, refusalView, type View } from '../../chat/index.ts';
import { english, type Translate } from '../../i18n/index.ts';
import type { OutboxOverview, OutboxRowSummary, RetryResult } from '../../scheduling/index.ts';

const MAX_DEAD_WITH_BUTTONS = 5;

/** Whose deliveries the view lists: the whole workspace's, or one team's. */
export type OutboxScopeLabel = 'workspace' | 'team';

// Ids and errors come from platforms and may hold anything: they are shown literally.
function line(row: OutboxRowSummary, t: Translate): MarkupText {
  const recipient = literal(row.recipientId);
  const to =
    row.target === 'dm' ? t('admin.outbox.toDm', { recipient }) : t('admin.outbox.toChannel', { recipient });
  const flags = [
    ...(row.urgent ? [t('admin.outbox.urgent')] : []),
    ...(row.isPrivate ? [t('admin.outbox.private')] : []),
  ];
  const who = flags.length > 0 ? markup`${to} (${flags.reduce((all, flag) => markup`${all}, ${flag}`)})` : to;
  return t('admin.outbox.row', {
    to: who,
    count: row.attempts,
    due: literal(row.notBefore.toISOString()),
  });
}

export function outboxView(
  overview: OutboxOverview & { readonly showsPrivateRows: boolean },
  scopeLabel: OutboxScopeLabel = 'workspace',
  t: Translate = english,
): View {
  const { counts } = overview;
  const scope = scopeLabel === 'team' ? t('admin.outbox.scopeTeam') : t('admin.outbox.scopeWorkspace');
  const blocks: Block[] = [
    { type: 'header', text: t('admin.outbox.header', { scope }) },
    {
      type: 'fields',
      fields: [
        { label: t('admin.outbox.waiting'), value: markup`${counts.pending}` },
        { label: t('admin.outbox.failed'), value: markup`${counts.dead}` },
        { label: t('admin.outbox.delivered'), value: markup`${counts.sent}` },
      ],
    },
  ];
  const { privatePending, privateDead } = counts;
  if ((privatePending > 0 || privateDead > 0) && !overview.showsPrivateRows) {
    blocks.push({
      type: 'text',
      text: t('admin.outbox.privateCounts', { waiting: privatePending, failed: privateDead }),
    });
  }
  if (overview.pending.length > 0) {
    const rows = overview.pending.map((row) => markup`• ${line(row, t)}`);
    blocks.push({
      type: 'text',
      text: rows.reduce((all, row) => markup`${all}\n${row}`, t('admin.outbox.waitingList')),
    });
  }
  overview.dead.forEach((row, index) => {
    const error = row.lastError ? literal(row.lastError) : t('admin.outbox.unknownError');
    blocks.push({
      type: 'text',
      text: markup`${t('admin.outbox.failedRow', { row: line(row, t) })}\n${t('admin.outbox.lastError', { error })}`,
    });
    if (index < MAX_DEAD_WITH_BUTTONS) {
      blocks.push({
        type: 'actions',
        elements: [
          {
            type: 'button',
            actionId: 'outbox:retry',
            label: t('admin.outbox.retry'),
            value: row.id,
            style: 'primary',
          },
        ],
      });
    }
  });
  if (counts.pending === 0 && counts.dead === 0)
    blocks.push({ type: 'text', text: t('admin.outbox.allClear') });
  blocks.push({ type: 'context', text: t('admin.outbox.neverShown') });
  return {
    text: t('admin.outbox.summary', { waiting: counts.pending, failed: counts.dead }),
    blocks,
  };
}

export function retriedView(result: RetryResult, t: Translate = english): View {
  if (!result.ok) {
    // The scheduler says why (`why`); the words are the reader's.
    return refusalView(t(`admin.outbox.notRetried.${result.why}`));
  }
  const text = t('admin.outbox.retried');
  return { text, blocks: [{ type: 'text', text }] };
}
