// `/peer team supervisor`: an admin pairs a member with a primary or backup supervisor. Both
// are platform mentions, confirmed by the platform before anything is written.
import { defineCommand } from '../../../chat/command-table.ts';
import { checkMention } from '../checks.ts';
import type { BoundTeamsDeps } from '../deps.ts';
import { personFromMention } from '../people.ts';
import { adminContext, assignSupervisor, hasAdminSupervisor } from '../role-changes.ts';
import { refusalView, supervisorAssignedView } from '../views.ts';

export function teamSupervisorCommand({ prisma, access, clientFor, flagRouting }: BoundTeamsDeps) {
  return defineCommand({
    name: 'supervisor',
    group: 'team',
    description: 'Pair a member with a primary or backup supervisor (admins)',
    help: "Private flags from the member go to the primary supervisor first, and to the backup when nobody has answered in time. Only this team's admins can do this.",
    who: 'admin',
    verb: 'team.roles',
    where: 'channel',
    options: {
      member: {
        type: 'string',
        description: 'The member, as a mention',
        required: true,
        check: checkMention,
      },
      supervisor: {
        type: 'string',
        description: 'Their supervisor, as a mention',
        required: true,
        check: checkMention,
      },
      kind: { type: 'choice', description: 'Primary or backup', choices: ['primary', 'backup'] },
    },
    handler: async ({ actor, place, reply, options, reader }) => {
      const kind = options.kind ?? 'primary';
      const t = await reader();
      const context = await adminContext(prisma, access, actor, place.channelId);
      if (!context.ok) return reply.privately(refusalView(context.reason(t)));
      const supervisee = await personFromMention(clientFor, actor, options.member);
      if (!supervisee.ok) return reply.privately(refusalView(supervisee.reason(t)));
      const supervisor = await personFromMention(clientFor, actor, options.supervisor);
      if (!supervisor.ok) return reply.privately(refusalView(supervisor.reason(t)));
      const outcome = await assignSupervisor(
        prisma,
        access,
        actor,
        place.channelId,
        { supervisee: supervisee.value, supervisor: supervisor.value, kind },
        flagRouting,
      );
      if (!outcome.ok) return reply.privately(refusalView(outcome.reason(t)));
      flagRouting?.notify();
      const { supervisee: member, supervisor: lead } = outcome.value;
      const endOfChain = await hasAdminSupervisor(prisma, context.value.team.id);
      await reply.privately(
        supervisorAssignedView(member.displayName, lead.displayName, kind, endOfChain, t),
      );
    },
  });
}
