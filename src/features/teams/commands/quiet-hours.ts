// `/peer quiet-hours`: hours when non-urgent messages wait, in the person's own zone.
import { defineCommand } from '../../../chat/command-table.ts';
import { formatQuietHours, parseQuietHours } from '../../../scheduling/quiet-hours.ts';
import { checkQuiet, isQuietOff } from '../checks.ts';
import type { TeamsDeps } from '../deps.ts';
import { setQuietHours } from '../service.ts';
import { quietHoursSetView } from '../views.ts';

export function quietHoursCommand({ prisma }: TeamsDeps) {
  return defineCommand({
    name: 'quiet-hours',
    description: 'Set hours when I hold non-urgent messages, like 21:00-07:00',
    help: 'During your quiet hours I hold anything that is not urgent until they end, in your own time zone. Use `off` to turn them off.',
    who: 'everyone',
    verb: 'self.settings',
    where: 'anywhere',
    options: {
      hours: { type: 'string', description: 'Like 21:00-07:00, or off', required: true, check: checkQuiet },
    },
    handler: async ({ actor, reply, options, reader }) => {
      const parsed = isQuietOff(options.hours) ? undefined : parseQuietHours(options.hours);
      const quiet = parsed?.ok ? parsed.value : null;
      await setQuietHours(prisma, actor, quiet);
      const t = await reader();
      await reply.privately(quietHoursSetView(quiet ? formatQuietHours(quiet) : null, t));
    },
  });
}
