// The workspace (team) of an event that has none: a direct channel belongs to no team. It is
// the first team the person shares with the bot, remembered for the process's life.
import { z } from 'zod';
import type { MattermostRest } from './mattermost-rest.ts';

const teamsSchema = z.array(z.object({ id: z.string() }));

export function createWorkspaceResolver(rest: MattermostRest, botUserId: () => string) {
  const known = new Map<string, string>();
  let botTeams: Promise<string[]> | undefined;
  return async (userId: string): Promise<string> => {
    const cached = known.get(userId);
    if (cached) return cached;
    botTeams ??= rest.getTeamsForUser(botUserId()).then((teams) => teamsSchema.parse(teams).map((t) => t.id));
    const mine = new Set(
      await botTeams.catch((error: unknown) => {
        botTeams = undefined;
        throw error;
      }),
    );
    const theirs = teamsSchema.parse(await rest.getTeamsForUser(userId)).map((t) => t.id);
    const shared = theirs.find((id) => mine.has(id));
    if (!shared) throw new Error('this person shares no team with the bot');
    known.set(userId, shared);
    return shared;
  };
}
