// The access matrix (test/access/access-matrix-support.ts says what it proves) on PGlite, walked
// as the team's people: ownSupervisor, otherSupervisor, member and noTeam; with the check-in
// rows. The administrators: access-matrix-pglite-administrators.test.ts.
import { matrix, openPglite, teamPeople } from './access-matrix-support.ts';

matrix('PGlite', openPglite, { walk: teamPeople, checkinRows: true });
