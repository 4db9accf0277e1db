// A channel's people for the check-in roster: `conversations.members` page by page, then
// `users.info` for each (name, time zone, bot and deactivated flags). Needs the
// `channels:read`/`groups:read` and `users:read` scopes the manifest already asks for.
import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { PlatformPerson } from '../../chat/outbound.ts';
import { toDeliveryError } from './slack-errors.ts';

const membersPage = z.object({
  members: z.array(z.string()).default([]),
  response_metadata: z.object({ next_cursor: z.string().optional() }).optional(),
});

const userInfo = z.object({
  user: z.object({
    id: z.string(),
    name: z.string().optional(),
    real_name: z.string().optional(),
    deleted: z.boolean().optional(),
    is_bot: z.boolean().optional(),
    is_app_user: z.boolean().optional(),
    is_admin: z.boolean().optional(),
    is_owner: z.boolean().optional(),
    tz: z.string().optional(),
    profile: z.object({ display_name: z.string().optional(), real_name: z.string().optional() }).optional(),
  }),
});

/** Slack's bot user for Slackbot reports is_bot false; its id is fixed. */
const SLACKBOT = 'USLACKBOT';
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
    for (const id of ids) people.push(await slackPerson(client, id));
    return people;
  } catch (error) {
    throw toDeliveryError(error, 'slack.listChannelMembers');
  }
}

async function slackPerson(client: webApi.WebClient, userId: string): Promise<PlatformPerson> {
  const { user } = userInfo.parse(await client.users.info({ user: userId }));
  const displayName =
    user.profile?.display_name || user.profile?.real_name || user.real_name || user.name || user.id;
  return {
    userId: user.id,
    displayName,
    isBot: user.is_bot === true || user.is_app_user === true || user.id === SLACKBOT,
    deleted: user.deleted === true,
    ...(user.tz ? { timeZone: user.tz } : {}),
    isWorkspaceAdmin: user.is_admin === true || user.is_owner === true,
  };
}
