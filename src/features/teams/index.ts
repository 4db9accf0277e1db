export { checkRegion, checkZone } from './checks.ts';
export type { TeamsDeps } from './commands.ts';
export { createTeamsFeature } from './feature.ts';
export { homeView } from './home.ts';
export {
  rememberPlatformLocale,
  setMemberLanguage,
  translatorForActor,
  translatorForMember,
} from './language.ts';
export { ensureMember, findTeamByChannel, rolesIn } from './members.ts';
export { type MentionParse, parseMention } from './mentions.ts';
export { type ClientFor, confirmMember, confirmPerson, personFromMention } from './people.ts';
