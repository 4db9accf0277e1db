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

/**
 * The key a 429 for this row pauses: the bucket the platform's limit is counted in. Slack and
 * Discord limit per channel (route); Mattermost's RateLimitSettings count every call of the
 * bot's token, so its 429 pauses the global key (the per-channel lane has no bucket there, and
 * pausing it would wait for nothing).
 */
export function pauseKeyOf(row: Pick<OutboxRow, 'platform' | 'workspaceExternalId' | 'recipientId'>): string {
  return row.platform === 'mattermost' ? 'mattermost:global' : (rateKeys(row)[0] ?? '');
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
