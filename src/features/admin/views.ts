import { type Block, literal, markup, type View } from '../../chat/index.ts';
import type { OutboxOverview, OutboxRowSummary, RetryResult } from '../../scheduling/index.ts';

const MAX_DEAD_WITH_BUTTONS = 5;

// Ids and errors come from platforms and may hold anything: they are shown literally.
function line(row: OutboxRowSummary): string {
  const recipient = literal(row.recipientId);
  const to = row.target === 'dm' ? markup`direct message to ${recipient}` : markup`channel ${recipient}`;
  const flags = [row.urgent ? 'urgent' : '', row.isPrivate ? 'private' : ''].filter(Boolean).join(', ');
  return `• ${to}${flags ? ` (${flags})` : ''}, ${row.attempts} tr${row.attempts === 1 ? 'y' : 'ies'}, due ${row.notBefore.toISOString()}`;
}

export function outboxView(
  overview: OutboxOverview & { readonly showsPrivateRows: boolean },
  scopeLabel = 'this workspace',
): View {
  const { counts } = overview;
  const blocks: Block[] = [
    { type: 'header', text: `Deliveries for ${scopeLabel}` },
    {
      type: 'fields',
      fields: [
        { label: 'Waiting', value: String(counts.pending) },
        { label: 'Failed', value: String(counts.dead) },
        { label: 'Delivered', value: String(counts.sent) },
      ],
    },
  ];
  const { privatePending, privateDead } = counts;
  if ((privatePending > 0 || privateDead > 0) && !overview.showsPrivateRows) {
    blocks.push({
      type: 'text',
      text: `**Private messages:** ${privatePending} waiting, ${privateDead} failed. Who they are for stays private; a workspace admin can see it.`,
    });
  }
  if (overview.pending.length > 0) {
    blocks.push({
      type: 'text',
      text: `**Waiting** (oldest first)\n${overview.pending.map(line).join('\n')}`,
    });
  }
  overview.dead.forEach((row, index) => {
    blocks.push({
      type: 'text',
      text: `**Failed:** ${line(row).slice(2)}\nLast error: ${literal(row.lastError ?? 'unknown')}`,
    });
    if (index < MAX_DEAD_WITH_BUTTONS) {
      blocks.push({
        type: 'actions',
        elements: [
          { type: 'button', actionId: 'outbox:retry', label: 'Retry', value: row.id, style: 'primary' },
        ],
      });
    }
  });
  if (counts.pending === 0 && counts.dead === 0)
    blocks.push({ type: 'text', text: 'Nothing is waiting and nothing has failed. All clear.' });
  blocks.push({ type: 'context', text: 'Message text is never shown here: some messages are private.' });
  return { text: `Deliveries: ${counts.pending} waiting, ${counts.dead} failed`, blocks };
}

export function retriedView(result: RetryResult): View {
  const text = result.ok ? 'Queued again. I will try to deliver it now.' : result.reason;
  return { text, blocks: [{ type: 'text', text }] };
}
