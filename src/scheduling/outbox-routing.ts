// Where an outbox row goes: the platform target it is sent to, the lane it waits in (one per
// recipient, so a recipient's messages go in order) and the rate-limit buckets it draws from.
import type { ChannelRef, UserRef } from '../chat/refs.ts';
import type { OutboxRow } from './outbox-store.ts';

export type Target =
  | { readonly kind: 'dm'; readonly ref: UserRef }
  | { readonly kind: 'channel'; readonly ref: ChannelRef };

/**
 * Rate-limit keys of a row: its channel (a DM is a channel) and, on Discord and Mattermost, the
 * bot's global bucket.
 */
export function rateKeys(row: Pick<OutboxRow, 'platform' | 'workspaceExternalId' | 'recipientId'>): string[] {
  const lane = `${row.platform}:channel:${row.workspaceExternalId}:${row.recipientId}`;
  if (row.platform === 'discord') return [lane, 'discord:global'];
  if (row.platform === 'mattermost') return [lane, 'mattermost:global'];
  return [lane];
}

/** Paced keys of a row (limits found from 429s, not published): Slack's workspace ceiling. */
export function paceKeys(row: Pick<OutboxRow, 'platform' | 'workspaceExternalId'>): string[] {
  return row.platform === 'slack' ? [`slack:workspace:${row.workspaceExternalId}`] : [];
}

export function laneKey(row: OutboxRow): string {
  return `${row.platform}|${row.workspaceExternalId}|${row.target}|${row.recipientId}`;
}

export function targetOf(row: OutboxRow): Target {
  const workspace = { platform: row.platform, workspaceId: row.workspaceExternalId };
  return row.target === 'dm'
    ? { kind: 'dm', ref: { ...workspace, userId: row.recipientId } }
    : { kind: 'channel', ref: { ...workspace, channelId: row.recipientId } };
}
