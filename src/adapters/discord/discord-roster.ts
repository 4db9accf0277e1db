// A channel's people for the check-in roster: the guild's members (paged over REST; the
// Server Members intent the README asks for) who can view the channel, worked out the way
// Discord does: @everyone and role permissions, Administrator and the owner see all, then
// the channel's overwrites for @everyone, the member's roles, and the member in that order.
import { PermissionFlagsBits, type REST, Routes } from 'discord.js';
import { z } from 'zod';
import type { PlatformPerson } from '../../chat/index.ts';

const member = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    global_name: z.string().nullish(),
    bot: z.boolean().optional(),
  }),
  nick: z.string().nullish(),
  roles: z.array(z.string()),
});
const role = z.object({ id: z.string(), permissions: z.string() });
const overwrite = z.object({ id: z.string(), type: z.number(), allow: z.string(), deny: z.string() });
const channel = z.object({
  guild_id: z.string().optional(),
  permission_overwrites: z.array(overwrite).default([]),
});
const guild = z.object({ owner_id: z.string() });

type Member = z.infer<typeof member>;
type Overwrite = z.infer<typeof overwrite>;

const PAGE = 1000;
const MAX_PAGES = 100;

function canView(
  m: Member,
  guildId: string,
  ownerId: string,
  roles: Map<string, bigint>,
  overwrites: Overwrite[],
): boolean {
  if (m.user.id === ownerId) return true;
  let perms = roles.get(guildId) ?? 0n;
  for (const id of m.roles) perms |= roles.get(id) ?? 0n;
  if ((perms & PermissionFlagsBits.Administrator) !== 0n) return true;
  const apply = (o: Overwrite | undefined) => {
    if (o) perms = (perms & ~BigInt(o.deny)) | BigInt(o.allow);
  };
  apply(overwrites.find((o) => o.id === guildId));
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites.filter((o) => o.type === 0 && o.id !== guildId && m.roles.includes(o.id))) {
    allow |= BigInt(o.allow);
    deny |= BigInt(o.deny);
  }
  perms = (perms & ~deny) | allow;
  apply(overwrites.find((o) => o.type === 1 && o.id === m.user.id));
  return (perms & PermissionFlagsBits.ViewChannel) !== 0n;
}

async function allMembers(rest: REST, guildId: string): Promise<Member[]> {
  const found: Member[] = [];
  let after = '0';
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ limit: String(PAGE), after });
    const batch = z.array(member).parse(await rest.get(Routes.guildMembers(guildId), { query }));
    found.push(...batch);
    const last = batch.at(-1);
    if (batch.length < PAGE || !last) break;
    after = last.user.id;
  }
  return found;
}

export async function discordChannelMembers(
  rest: REST,
  guildId: string,
  channelId: string,
): Promise<PlatformPerson[]> {
  const [members, roleList, place, owner] = await Promise.all([
    allMembers(rest, guildId),
    rest.get(Routes.guildRoles(guildId)).then((r) => z.array(role).parse(r)),
    rest.get(Routes.channel(channelId)).then((c) => channel.parse(c)),
    rest.get(Routes.guild(guildId)).then((g) => guild.parse(g)),
  ]);
  const roles = new Map(roleList.map((r) => [r.id, BigInt(r.permissions)]));
  return members
    .filter((m) => canView(m, guildId, owner.owner_id, roles, place.permission_overwrites))
    .map((m) => ({
      userId: m.user.id,
      displayName: m.nick ?? m.user.global_name ?? m.user.username,
      isBot: m.user.bot === true,
      deleted: false,
    }));
}
