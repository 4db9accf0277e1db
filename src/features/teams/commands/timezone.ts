// `/peer timezone`: a person's own time zone, for their reminders and quiet hours.
import { defineCommand } from '../../../chat/command-table.ts';
import { checkZone } from '../checks.ts';
import type { TeamsDeps } from '../deps.ts';
import { setTimeZone } from '../service.ts';
import { timeZoneSetView } from '../views.ts';

export function timezoneCommand({ prisma }: TeamsDeps) {
  return defineCommand({
    name: 'timezone',
    description: 'Set your own time zone',
    help: 'Reminders and quiet hours follow your own time zone, like Europe/Berlin or America/Chicago.',
    who: 'everyone',
    verb: 'self.settings',
    where: 'anywhere',
    options: {
      zone: {
        type: 'string',
        description: 'Your time zone, like Europe/Berlin',
        required: true,
        check: checkZone,
      },
    },
    handler: async ({ actor, reply, options, reader }) => {
      await setTimeZone(prisma, actor, options.zone);
      const t = await reader();
      await reply.privately(timeZoneSetView(options.zone, t));
    },
  });
}
