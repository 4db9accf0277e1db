// The access matrix (test/access/access-matrix-support.ts says what it proves) on PostgreSQL, walked
// as the administrators: wsAdmin, adminHere, adminThere and stranger; with the verbs every id
// declares and the resource rows. The team's people: access-matrix-postgres-team.test.ts.
import { postgresAvailable } from '../support/database.ts';
import { administrators, matrix, openPostgresSchema } from './access-matrix-support.ts';

matrix(
  'PostgreSQL',
  openPostgresSchema,
  { walk: administrators, resourceRows: true, verbsKnown: true },
  !(await postgresAvailable()),
);
