// The check-ins feature as the router and scheduler see it.
import type { Feature } from '../feature.ts';
import type { CrisisLinesPort, PlanStepsPort } from '../ports.ts';
import { checkinCommands, checkinGroup } from './commands.ts';
import type { CheckinsDeps } from './context.ts';
import { checkinActions, checkinForms } from './handlers.ts';
import { occurrenceHandler, roundJobs } from './jobs.ts';
import { joinRoster } from './joining.ts';
import { checkinsPersonalData, privacyLines } from './privacy.ts';
import { answerRetentionJob } from './retention.ts';

export type { CheckinsDeps };

export interface CheckinPorts {
  readonly crisisLines: CrisisLinesPort;
  readonly planSteps: PlanStepsPort;
}

export function createCheckinsFeature(deps: CheckinsDeps): Feature {
  return {
    name: 'checkins',
    groups: [checkinGroup],
    commands: checkinCommands(deps),
    actions: { checkins: checkinActions(deps) },
    forms: { checkins: checkinForms(deps) },
    verbs: {
      'checkins:edit': 'checkin.manage',
      'checkins:toggle': 'checkin.manage',
      'checkins:delete': 'checkin.manage',
      'checkins:delete-yes': 'checkin.manage',
      'checkins:delete-no': 'checkin.manage',
      'checkins:setup': 'checkin.manage',
      'checkins:answer': 'checkin.self',
      'checkins:skip': 'checkin.self',
      'checkins:snooze': 'checkin.self',
      'checkins:read': 'checkin.read-private',
    },
    occurrences: { checkin: occurrenceHandler(deps) },
    // After teams' hook (earlier in the list), which made the person a member of the team.
    memberJoined: ({ actor, channelId }) => joinRoster(deps, actor, channelId),
    jobs: [
      ...roundJobs(deps),
      answerRetentionJob({
        prisma: deps.prisma,
        retentionDays: deps.config?.retention.checkinAnswerDays ?? 0,
        logger: deps.logger,
      }),
    ],
    privacy: (memberId, t) =>
      privacyLines(deps.prisma, memberId, deps.config?.retention.checkinAnswerDays ?? 0, t),
    personalData: checkinsPersonalData(deps),
  };
}
