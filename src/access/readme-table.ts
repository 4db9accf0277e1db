// README's "Who may do what", generated from the verb table. test/access/readme-table.test.ts
// fails when README.md holds anything else between its markers, so the two cannot drift;
// `npx tsx scripts/access-table.ts` prints the table to paste.
import { type SubjectKind, subjectNames } from './subjects.ts';
import { type VerbName, verbNames, verbs } from './verbs.ts';

export const readmeMarkers = {
  start: '<!-- access-table:start (generated from src/access/verbs.ts; do not edit by hand) -->',
  end: '<!-- access-table:end -->',
} as const;

const columns: readonly SubjectKind[] = [
  'workspace-admin',
  'team-admin',
  'team-supervisor',
  'own-supervisor',
  'team-member',
  'self',
  'anyone',
  'operator',
];

const cell = (verb: VerbName, subject: SubjectKind): string =>
  verbs[verb].who.includes(subject) ? 'yes' : '';

export function accessTableMarkdown(): string {
  const header = `| what | ${columns.map((c) => subjectNames[c]).join(' | ')} |`;
  const rule = `| --- | ${columns.map(() => ':-:').join(' | ')} |`;
  const rows = verbNames.map(
    (verb) => `| ${verbs[verb].what} (\`${verb}\`) | ${columns.map((c) => cell(verb, c)).join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}
