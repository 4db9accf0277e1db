// `/peer team show`: who is on this team and who supervises whom; only the asker sees it.
import { defineCommand } from '../../../chat/command-table.ts';
import type { TeamsDeps } from '../deps.ts';
import { teamOverview } from '../service.ts';
import { refusalView, teamOverviewView } from '../views.ts';

export function teamShowCommand({ prisma, roster }: TeamsDeps) {
  return defineCommand({
    name: 'show',
    group: 'team',
    description: 'See who is on this team and who supervises whom',
    help: 'Lists the people on this team (the channel roster) with their roles, supervisors and support buddies, and how long private flags wait before they go to the next person. Long teams come in pages. Only you see the answer.',
    who: 'everyone',
    verb: 'team.view',
    where: 'channel',
    options: { page: { type: 'integer', description: 'Which page of a long team', min: 1 } },
    handler: async ({ actor, place, reply, options, reader }) => {
      const outcome = await teamOverview(prisma, actor, place.channelId, roster);
      const t = await reader();
      await reply.privately(
        outcome.ok ? teamOverviewView(outcome.value, options.page ?? 1, t) : refusalView(outcome.reason(t)),
      );
    },
  });
}
