// The team set-up commands, one file each under commands/ (option checks in checks.ts).
// (`/peer privacy` lives in features/privacy.)
import { createAccess } from '../../access/index.ts';
import { defineGroup } from '../../chat/command-table.ts';
import { languageCommand } from './commands/language.ts';
import { quietHoursCommand } from './commands/quiet-hours.ts';
import { setupCommand } from './commands/setup.ts';
import { teamEscalationCommand } from './commands/team-escalation.ts';
import { teamRoleCommand } from './commands/team-role.ts';
import { teamShowCommand } from './commands/team-show.ts';
import { teamSupervisorCommand } from './commands/team-supervisor.ts';
import { timezoneCommand } from './commands/timezone.ts';
import type { TeamsDeps } from './deps.ts';

export type { TeamsDeps } from './deps.ts';

export const teamGroup = defineGroup({
  name: 'team',
  description: 'See or change who is on this team',
  help: 'Shows the team, and lets admins give roles and pair members with supervisors.',
});

export function teamCommands(given: TeamsDeps) {
  const deps = { ...given, access: given.access ?? createAccess(given) };
  return [
    setupCommand(deps),
    teamShowCommand(deps),
    teamRoleCommand(deps),
    teamSupervisorCommand(deps),
    teamEscalationCommand(deps),
    timezoneCommand(deps),
    quietHoursCommand(deps),
    languageCommand(deps),
  ];
}
