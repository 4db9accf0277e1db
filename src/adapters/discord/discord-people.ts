// Who a Discord user id is in a guild, as Discord says (GET /guilds/{guild}/members/{user}):
// the one source of identities for people named in commands. Implements
// ChatClient.lookupUser (chat/outbound.ts). A workspace admin is the guild owner or anyone
// whose roles grant Manage Server (or Administrator, which implies it).
import { DiscordAPIError, PermissionFlagsBits, type REST, Routes } from 'discord.js';
import { z } from 'zod';
import type { PlatformPerson } from '../../chat/outbound.ts';
import type { UserRef } from '../../chat/refs.ts';
import { toDeliveryError } from './discord-outbound.ts';

const memberSchema = z.object({
  nick: z.string().nullish(),
  roles: z.array(z.string()),
  user: z.object({
    id: z.string(),
    username: z.string(),
    global_name: z.string().nullish(),
    bot: z.boolean().optional(),
  }),
});

const guildSchema = z.object({
  owner_id: z.string(),
  roles: z.array(z.object({ id: z.string(), permissions: z.string() })),
});

// 10007 Unknown Member, 10013 Unknown User: not in this guild, so nobody for us.
const unknownCodes = new Set([10007, 10013]);

function grantsManageServer(
  guildId: string,
  guild: z.infer<typeof guildSchema>,
  roleIds: readonly string[],
  userId: string,
) {
  if (guild.owner_id === userId) return true;
  const wanted = PermissionFlagsBits.ManageGuild | PermissionFlagsBits.Administrator;
  // The @everyone role has the guild's id; it applies to every member.
  return guild.roles
    .filter((role) => roleIds.includes(role.id) || role.id === guildId)
    .some((role) => (BigInt(role.permissions) & wanted) !== 0n);
}

export async function lookupDiscordUser(rest: REST, user: UserRef): Promise<PlatformPerson | undefined> {
  let member: z.infer<typeof memberSchema>;
  let guild: z.infer<typeof guildSchema>;
  try {
    member = memberSchema.parse(await rest.get(Routes.guildMember(user.workspaceId, user.userId)));
    guild = guildSchema.parse(await rest.get(Routes.guild(user.workspaceId)));
  } catch (error) {
    if (error instanceof DiscordAPIError && typeof error.code === 'number' && unknownCodes.has(error.code))
      return undefined;
    throw toDeliveryError(error);
  }
  return {
    userId: member.user.id,
    displayName: member.nick || member.user.global_name || member.user.username,
    isBot: member.user.bot ?? false,
    deleted: false,
    isWorkspaceAdmin: grantsManageServer(user.workspaceId, guild, member.roles, member.user.id),
  };
}
