// The access matrix (test/access/access-matrix-support.ts says what it proves) on PGlite, walked
// as the administrators: wsAdmin, adminHere, adminThere and stranger; with the verbs every id
// declares and the resource rows. The team's people: access-matrix-pglite-team.test.ts.
import { administrators, matrix, openPglite } from './access-matrix-support.ts';

matrix('PGlite', openPglite, { walk: administrators, resourceRows: true, verbsKnown: true });
