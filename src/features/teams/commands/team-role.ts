// `/peer team role`: an admin of this team gives or takes back a role. The person is named by
// a platform mention and confirmed by the platform before anything is written.
import { defineCommand } from '../../../chat/command-table.ts';
import { checkMention } from '../checks.ts';
import type { BoundTeamsDeps } from '../deps.ts';
import { personFromMention } from '../people.ts';
import { adminContext, changeRole } from '../role-changes.ts';
import { refusalView, roleChangedView } from '../views.ts';

export function teamRoleCommand({ prisma, access, clientFor, flagRouting }: BoundTeamsDeps) {
  return defineCommand({
    name: 'role',
    group: 'team',
    description: 'Give someone a role in this team, or take it back (admins)',
    help: "Roles are member, supervisor and admin. Add `remove:yes` to take a role back. Only this team's admins can do this.",
    who: 'admin',
    verb: 'team.roles',
    where: 'channel',
    options: {
      user: { type: 'string', description: 'The person, as a mention', required: true, check: checkMention },
      role: {
        type: 'choice',
        description: 'The role',
        choices: ['member', 'supervisor', 'admin'],
        required: true,
      },
      remove: { type: 'boolean', description: 'Take the role away instead' },
    },
    handler: async ({ actor, place, reply, options, reader }) => {
      // The admin check comes before the platform is asked about anyone.
      const t = await reader();
      const context = await adminContext(prisma, access, actor, place.channelId);
      if (!context.ok) return reply.privately(refusalView(context.reason(t)));
      const person = await personFromMention(clientFor, actor, options.user);
      if (!person.ok) return reply.privately(refusalView(person.reason(t)));
      const remove = options.remove ?? false;
      const outcome = await changeRole(
        prisma,
        access,
        actor,
        place.channelId,
        { target: person.value, role: options.role, remove },
        flagRouting,
      );
      if (!outcome.ok) return reply.privately(refusalView(outcome.reason(t)));
      flagRouting?.notify();
      const { targetName, changed, endedAssignments } = outcome.value;
      await reply.privately(roleChangedView(targetName, options.role, remove, changed, endedAssignments, t));
    },
  });
}
