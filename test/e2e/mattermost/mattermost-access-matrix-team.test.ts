// The access matrix on Mattermost (access-matrix-support.ts says what it proves), walked as the
// team's people: ownSupervisor, otherSupervisor, member and noTeam. The administrators:
// mattermost-access-matrix-administrators.test.ts.
import { mattermostMatrix, teamPeople } from './access-matrix-support.ts';

mattermostMatrix(teamPeople);
