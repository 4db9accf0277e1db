// Which workspace (guild) a direct message belongs to. Discord DMs sit outside every guild,
// but a person's teams, roles and settings live under the guild they share with the bot, so
// a DM is attributed to: the configured guild; else the first guild the bot shares with the
// person (cache first, then asking Discord); else `@me`, a workspace of DMs alone.

import type { Client } from 'discord.js';

const directOnlyWorkspace = '@me';

/** Guilds asked one by one: a bot in many guilds answers from the cache or falls back. */
const maxGuildLookups = 10;

export function createWorkspaceResolver(
  client: Client,
  configuredGuildId: string | undefined,
): (userId: string) => Promise<string> {
  const known = new Map<string, string>();
  return async (userId) => {
    if (configuredGuildId) return configuredGuildId;
    const remembered = known.get(userId);
    if (remembered) return remembered;
    const guilds = [...client.guilds.cache.values()];
    let found = guilds.find((guild) => guild.members.cache.has(userId))?.id;
    for (const guild of guilds.slice(0, maxGuildLookups)) {
      if (found) break;
      const member = await guild.members.fetch({ user: userId, cache: true }).catch(() => undefined);
      if (member) found = guild.id;
    }
    if (!found) return directOnlyWorkspace;
    known.set(userId, found);
    return found;
  };
}
