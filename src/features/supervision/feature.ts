// The supervision feature as the router and scheduler see it.
import { defineGroup } from '../../chat/index.ts';
import type { Feature } from '../feature.ts';
import { oneToOneCommands } from './commands-one-to-one.ts';
import { pollCommands } from './commands-poll.ts';
import { recordCommands } from './commands-records.ts';
import { seriesCommands } from './commands-series.ts';
import type { SupervisionDeps } from './deps.ts';
import { supervisionActions, supervisionForms } from './interactions.ts';
import { supervisionJob } from './jobs.ts';
import { supervisionPersonalData, supervisionPrivacy } from './personal-data.ts';

export const supervisionGroup = defineGroup({
  name: 'supervision',
  description: 'Group supervision, finding a time, one-to-ones and your hours',
  help: 'Series with RSVPs and reminders, time polls across time zones, agenda topics (anonymous allowed), calendar files, one-to-one booking, attendance and hours.',
});

export function createSupervisionFeature(deps: SupervisionDeps): Feature {
  return {
    name: 'supervision',
    groups: [supervisionGroup],
    commands: [
      ...seriesCommands(deps),
      ...pollCommands(deps),
      ...recordCommands(deps),
      ...oneToOneCommands(deps),
    ],
    actions: { supervision: supervisionActions(deps) },
    forms: { supervision: supervisionForms(deps) },
    verbs: {
      'supervision:rsvp': 'supervision.view',
      'supervision:ics': 'supervision.view',
      'supervision:vote': 'supervision.view',
      'supervision:who': 'supervision.session',
      'supervision:attendance': 'supervision.session',
      'supervision:pick': 'supervision.session',
      'supervision:book': 'supervision.book',
    },
    jobs: [supervisionJob({ prisma: deps.prisma, outbox: deps.outbox })],
    privacy: supervisionPrivacy(deps.prisma),
    personalData: supervisionPersonalData(deps.prisma),
  };
}
