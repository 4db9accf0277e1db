// Prints README's "Who may do what" table from the access policy's verb table
// (test/access/readme-table.test.ts checks README holds exactly this).
import { accessTableMarkdown, readmeMarkers } from '../src/access/index.ts';

process.stdout.write(`${readmeMarkers.start}\n${accessTableMarkdown()}\n${readmeMarkers.end}\n`);
