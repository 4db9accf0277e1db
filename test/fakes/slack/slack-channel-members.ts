// `conversations.members` of the fake Slack: a channel's member ids, paged like Slack does
// (`limit`, an opaque `next_cursor`, an empty cursor on the last page).
import { asString } from '../shared/http.ts';
import type { SlackAnswer } from './slack-workspace.ts';

export function channelMembersPage(
  members: ReadonlyMap<string, readonly string[]>,
  args: Record<string, unknown>,
): SlackAnswer {
  const channel = asString(args.channel);
  const ids = channel ? members.get(channel) : undefined;
  if (!ids) return { ok: false, error: 'channel_not_found' };
  const limit = Math.max(1, Math.min(1000, Number(args.limit ?? 100) || 100));
  const cursor = asString(args.cursor);
  const start = cursor ? Number(Buffer.from(cursor, 'base64').toString('utf8').replace('offset:', '')) : 0;
  const page = ids.slice(start, start + limit);
  const next = start + limit < ids.length ? Buffer.from(`offset:${start + limit}`).toString('base64') : '';
  return { ok: true, members: page, response_metadata: { next_cursor: next } };
}
