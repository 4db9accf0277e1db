// `/peer team show`: who is on this team and who supervises whom; only the asker sees it.
import { defineCommand } from '../../../chat/command-table.ts';
import type { TeamsDeps } from '../deps.ts';
import { teamOverview } from '../service.ts';
import { refusalView, teamOverviewView } from '../views.ts';

export function teamShowCommand({ prisma }: TeamsDeps) {
  return defineCommand({
    name: 'show',
    group: 'team',
    description: 'See who is on this team and who supervises whom',
    help: 'Lists the people on this team with their roles and supervisors. Only you see the answer.',
    who: 'everyone',
    where: 'channel',
    handler: async ({ actor, place, reply }) => {
      const outcome = await teamOverview(prisma, actor, place.channelId);
      await reply.privately(outcome.ok ? teamOverviewView(outcome.value) : refusalView(outcome.reason));
    },
  });
}
