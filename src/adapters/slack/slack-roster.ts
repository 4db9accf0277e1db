// A channel's people for the check-in roster: `conversations.members` page by page, then
// `users.info` for each (name, time zone, bot and deactivated flags). Needs the
// `channels:read`/`groups:read` and `users:read` scopes the manifest already asks for.
import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { PlatformPerson } from '../../chat/outbound.ts';
import { toDeliveryError } from './slack-errors.ts';
import { lookupSlackUser } from './slack-people.ts';

const membersPage = z.object({
  members: z.array(z.string()).default([]),
  response_metadata: z.object({ next_cursor: z.string().optional() }).optional(),
});

const PAGE = 200;
const MAX_PAGES = 50;

export async function slackChannelMembers(
  client: webApi.WebClient,
  channelId: string,
): Promise<PlatformPerson[]> {
  try {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = membersPage.parse(
        await client.conversations.members({
          channel: channelId,
          limit: PAGE,
          ...(cursor ? { cursor } : {}),
        }),
      );
      ids.push(...answer.members);
      cursor = answer.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    const people: PlatformPerson[] = [];
    for (const id of ids) {
      // One path for identities (slack-people.ts); someone gone since the list was read is skipped.
      const person = await lookupSlackUser(client, { platform: 'slack', workspaceId: '', userId: id });
      if (person) people.push(person);
    }
    return people;
  } catch (error) {
    throw toDeliveryError(error, 'slack.listChannelMembers');
  }
}
