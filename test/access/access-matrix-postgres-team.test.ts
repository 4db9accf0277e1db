// The access matrix (test/access/access-matrix-support.ts says what it proves) on PostgreSQL, walked
// as the team's people: ownSupervisor, otherSupervisor, member and noTeam; with the check-in
// rows. The administrators: access-matrix-postgres-administrators.test.ts.
import { postgresAvailable } from '../support/database.ts';
import { matrix, openPostgresSchema, teamPeople } from './access-matrix-support.ts';

matrix(
  'PostgreSQL',
  openPostgresSchema,
  { walk: teamPeople, checkinRows: true },
  !(await postgresAvailable()),
);
