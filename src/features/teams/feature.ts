// The teams feature as the router sees it: its commands and its member-joined welcome.

import type { MemberJoinedHandler } from '../../chat/handler-types.ts';
import type { Feature } from '../feature.ts';
import { type TeamsDeps, teamCommands, teamGroup } from './commands.ts';
import { translatorForActor } from './language.ts';
import { teamsPersonalData, teamsPrivacyLines } from './personal-data.ts';
import { memberJoined } from './service.ts';
import { welcomeView } from './views.ts';

export function createTeamsFeature(deps: TeamsDeps): Feature {
  const onMemberJoined: MemberJoinedHandler = async ({ actor, channelId, reply }) => {
    const joined = await memberJoined(deps.prisma, actor, channelId);
    // For a member-joined event, `privately` is a direct message to the person who joined.
    if (!joined?.welcome) return;
    const t = await translatorForActor(deps.prisma, actor, { teamId: joined.team.id });
    await reply.privately(welcomeView(joined.team.name, t));
  };
  return {
    name: 'teams',
    groups: [teamGroup],
    commands: teamCommands(deps),
    memberJoined: onMemberJoined,
    privacy: teamsPrivacyLines(deps.prisma),
    personalData: teamsPersonalData(deps.prisma),
  };
}
