// The access matrix on Mattermost (access-matrix-support.ts says what it proves), walked as the
// administrators: wsAdmin, adminHere, adminThere and the stranger from another Mattermost team.
// The team's people: mattermost-access-matrix-team.test.ts.
import { administrators, mattermostMatrix } from './access-matrix-support.ts';

mattermostMatrix(administrators);
