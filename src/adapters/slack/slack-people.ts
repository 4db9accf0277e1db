// Who a Slack user id is, as Slack says (`users.info`, scope `users:read`): the one source of
// identities for people named in commands. Implements ChatClient.lookupUser (chat/outbound.ts).
import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { PlatformPerson } from '../../chat/outbound.ts';
import type { UserRef } from '../../chat/refs.ts';
import { slackErrorCode, toDeliveryError } from './slack-errors.ts';

const userInfoSchema = z.object({
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
    locale: z.string().optional(),
    profile: z.object({ display_name: z.string().optional(), real_name: z.string().optional() }).optional(),
  }),
});

/** Slackbot reports is_bot false; its id is fixed. */
const SLACKBOT = 'USLACKBOT';

// Slack's answers for "there is no such person here": not a failure, just nobody.
const unknownUserCodes = new Set(['user_not_found', 'user_not_visible', 'users_not_found']);

export async function lookupSlackUser(
  client: webApi.WebClient,
  user: UserRef,
): Promise<PlatformPerson | undefined> {
  let answer: unknown;
  try {
    // Slack gives the user's language only when asked (`include_locale`).
    answer = await client.users.info({ user: user.userId, include_locale: true });
  } catch (error) {
    if (unknownUserCodes.has(slackErrorCode(error) ?? '')) return undefined;
    throw toDeliveryError(error, 'slack.lookupUser');
  }
  const found = userInfoSchema.parse(answer).user;
  const displayName =
    found.profile?.display_name || found.profile?.real_name || found.real_name || found.name || found.id;
  return {
    userId: found.id,
    displayName,
    isBot: (found.is_bot ?? false) || (found.is_app_user ?? false) || found.id === SLACKBOT,
    deleted: found.deleted ?? false,
    ...(found.tz ? { timeZone: found.tz } : {}),
    ...(found.locale ? { locale: found.locale } : {}),
    isWorkspaceAdmin: (found.is_admin ?? false) || (found.is_owner ?? false),
  };
}
