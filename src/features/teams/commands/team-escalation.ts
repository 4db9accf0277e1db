// `/peer team escalation after:4h urgent:15m`: how long a private flag waits for the
// supervisor before it goes to the next person (admins). Bad durations are refused by the
// option checks before anything is read or written.
import { defineCommand } from '../../../chat/command-table.ts';
import type { BoundTeamsDeps } from '../deps.ts';
import { checkEscalateAfter, checkEscalateUrgent, setEscalationTimes } from '../escalation-times.ts';
import { adminContext } from '../role-changes.ts';
import { escalationTimesView, refusalView } from '../views.ts';

export function teamEscalationCommand({ prisma, access }: BoundTeamsDeps) {
  return defineCommand({
    name: 'escalation',
    group: 'team',
    description: 'Set how long a private flag waits before it goes to the next person (admins)',
    help: 'When a supervisor has not seen a private flag in time, it goes to the backup supervisor, then to admins who are supervisors. `after` is for most flags (30 min to 72 h, default 4h); `urgent` for "talk now" (5 min to 2 h, default 15m). Give neither to see the current times.',
    who: 'admin',
    verb: 'team.escalation',
    where: 'channel',
    options: {
      after: { type: 'string', description: 'Most flags, like 4h (30m to 72h)', check: checkEscalateAfter },
      urgent: {
        type: 'string',
        description: '"Talk now" flags, like 15m (5m to 2h)',
        check: checkEscalateUrgent,
      },
    },
    handler: async ({ actor, place, reply, options, reader }) => {
      const t = await reader();
      const context = await adminContext(prisma, access, actor, place.channelId, 'team.escalation');
      if (!context.ok) return reply.privately(refusalView(context.reason(t)));
      const changing = options.after !== undefined || options.urgent !== undefined;
      if (!changing) return reply.privately(escalationTimesView(context.value.team, false, t));
      const outcome = await setEscalationTimes(prisma, context.value.team, context.value.admin, {
        ...(options.after !== undefined ? { after: options.after } : {}),
        ...(options.urgent !== undefined ? { urgent: options.urgent } : {}),
      });
      await reply.privately(
        outcome.ok ? escalationTimesView(outcome.value, true, t) : refusalView(outcome.reason(t)),
      );
    },
  });
}
