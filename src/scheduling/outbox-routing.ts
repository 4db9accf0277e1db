// Where an outbox row goes: the platform target it is sent to, the lane it waits in (one per
// recipient, so a recipient's messages go in order) and the rate-limit buckets it draws from.
import type { ChannelRef, UserRef } from '../chat/refs.ts';
import type { OutboxRow } from './outbox-store.ts';

export type Target =
  | { readonly kind: 'dm'; readonly ref: UserRef }
  | { readonly kind: 'channel'; readonly ref: ChannelRef };

type RateRow = Pick<OutboxRow, 'platform' | 'workspaceExternalId' | 'recipientId'>;

/**
 * Rate-limit keys of a row: its channel (a DM is a channel), and the workspace on Slack or the
 * global bucket on Discord.
 */
export function rateKeys(row: RateRow): string[] {
  const lane = `${row.platform}:channel:${row.workspaceExternalId}:${row.recipientId}`;
  if (row.platform === 'slack') return [lane, `slack:workspace:${row.workspaceExternalId}`];
  return row.platform === 'discord' ? [lane, 'discord:global'] : [lane];
}

/**
 * What a 429 for this row pauses. Slack's answer does not say which limit it hit, and with the
 * channels paced a 429 is the workspace's: the whole workspace waits out the Retry-After (the
 * other DMs would only draw more 429s). Discord's per-route 429 pauses the route alone.
 */
export function pauseKeys(row: RateRow): string[] {
  const keys = rateKeys(row);
  return row.platform === 'slack' ? keys : keys.slice(0, 1);
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
