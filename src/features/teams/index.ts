export type { TeamsDeps } from './commands.ts';
export { createTeamsFeature } from './feature.ts';
export { homeView } from './home.ts';
export { ensureMember, findTeamByChannel, parseMention, rolesIn } from './members.ts';
