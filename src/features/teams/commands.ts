// The team set-up commands, one file each under commands/ (option checks in checks.ts), and
// `/peer privacy`, which stays here until it moves to a feature of its own.
import { defineCommand, defineGroup } from '../../chat/command-table.ts';
import { formatQuietHours } from '../../scheduling/quiet-hours.ts';
import { quietHoursCommand } from './commands/quiet-hours.ts';
import { setupCommand } from './commands/setup.ts';
import { teamRoleCommand } from './commands/team-role.ts';
import { teamShowCommand } from './commands/team-show.ts';
import { teamSupervisorCommand } from './commands/team-supervisor.ts';
import { timezoneCommand } from './commands/timezone.ts';
import type { TeamsDeps } from './deps.ts';
import { privacySummary } from './service.ts';
import { privacyView } from './views.ts';

export type { TeamsDeps } from './deps.ts';

export const teamGroup = defineGroup({
  name: 'team',
  description: 'See or change who is on this team',
  help: 'Shows the team, and lets admins give roles and pair members with supervisors.',
});

export function teamCommands(deps: TeamsDeps) {
  const { prisma } = deps;
  const privacy = defineCommand({
    name: 'privacy',
    description: 'See what I store about you and who can see it',
    help: 'A plain summary of what PeerBridge keeps about you, who can read it, and how often someone else has.',
    who: 'everyone',
    where: 'anywhere',
    handler: async ({ actor, reply }) => {
      const summary = await privacySummary(prisma, actor);
      const m = summary.member;
      const quiet =
        m.quietStart !== null && m.quietEnd !== null
          ? formatQuietHours({ start: m.quietStart, end: m.quietEnd })
          : null;
      await reply.privately(privacyView(summary, quiet));
    },
  });

  return [
    setupCommand(deps),
    teamShowCommand(deps),
    teamRoleCommand(deps),
    teamSupervisorCommand(deps),
    timezoneCommand(deps),
    quietHoursCommand(deps),
    privacy,
  ];
}
