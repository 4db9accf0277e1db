// Who a Mattermost user id is, as the server says (GET /users/{id} and the team membership):
// the one source of identities for people named in commands and for rosters. A person outside
// the team (the workspace) is nobody here. Workspace admin: the system_admin role, or
// team_admin in this team.
import { z } from 'zod';
import type { PlatformPerson } from '../../chat/outbound.ts';
import { isNotFound, toDeliveryError } from './mattermost-errors.ts';
import type { MattermostRest } from './mattermost-rest.ts';

const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  nickname: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  delete_at: z.number().optional(),
  is_bot: z.boolean().optional(),
  roles: z.string().default(''),
  /** The person's interface language (Settings → Display → Language), e.g. "es", "pt-BR". */
  locale: z.string().optional(),
  timezone: z
    .object({
      useAutomaticTimezone: z.union([z.string(), z.boolean()]).optional(),
      automaticTimezone: z.string().optional(),
      manualTimezone: z.string().optional(),
    })
    .optional(),
});

const teamMemberSchema = z.object({
  roles: z.string().default(''),
  scheme_admin: z.boolean().optional(),
  delete_at: z.number().optional(),
});

const hasRole = (roles: string, role: string) => roles.split(/\s+/).includes(role);

function zoneOf(user: z.infer<typeof userSchema>): string | undefined {
  const tz = user.timezone;
  if (!tz) return undefined;
  const automatic = tz.useAutomaticTimezone === true || tz.useAutomaticTimezone === 'true';
  const zone = automatic ? tz.automaticTimezone : tz.manualTimezone;
  return zone ? zone : undefined;
}

/** A profile as a PlatformPerson; `teamAdmin` from the team membership when it was read. */
export function personFrom(raw: unknown, teamAdmin = false): PlatformPerson {
  const user = userSchema.parse(raw);
  const full = [user.first_name, user.last_name].filter(Boolean).join(' ');
  const zone = zoneOf(user);
  return {
    userId: user.id,
    displayName: user.nickname || full || user.username,
    isBot: user.is_bot ?? false,
    deleted: (user.delete_at ?? 0) > 0,
    ...(zone ? { timeZone: zone } : {}),
    ...(user.locale ? { locale: user.locale } : {}),
    isWorkspaceAdmin: hasRole(user.roles, 'system_admin') || teamAdmin,
  };
}

export async function lookupMattermostUser(
  rest: MattermostRest,
  teamId: string,
  userId: string,
): Promise<PlatformPerson | undefined> {
  try {
    const member = teamMemberSchema.parse(await rest.getTeamMember(teamId, userId));
    if ((member.delete_at ?? 0) > 0) return undefined;
    const teamAdmin = hasRole(member.roles, 'team_admin') || member.scheme_admin === true;
    return personFrom(await rest.getUser(userId), teamAdmin);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw toDeliveryError(error, 'mattermost.lookupUser');
  }
}

/** The user id behind `@name`, or undefined when the server knows nobody by that name. */
export async function userIdByName(rest: MattermostRest, username: string): Promise<string | undefined> {
  try {
    return userSchema.parse(await rest.getUserByUsername(username)).id;
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw toDeliveryError(error, 'mattermost.userByName');
  }
}

const PAGE = 200;
const MAX_PAGES = 50;

/** Everyone in the channel, bots and deactivated accounts included with their flags set. */
export async function mattermostChannelMembers(
  rest: MattermostRest,
  channelId: string,
): Promise<PlatformPerson[]> {
  try {
    const people: PlatformPerson[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const profiles = z.array(z.unknown()).parse(await rest.getProfilesInChannel(channelId, page, PAGE));
      people.push(...profiles.map((profile) => personFrom(profile)));
      if (profiles.length < PAGE) break;
    }
    return people;
  } catch (error) {
    throw toDeliveryError(error, 'mattermost.listChannelMembers');
  }
}
