// The one decision: may a person holding these subjects use this verb? Pure and synchronous,
// so it is tested exhaustively without a database (test/access/policy.test.ts) and the README's
// "Who may do what" table is generated from the same table it reads (readme-table.ts).
import type { SubjectKind } from './subjects.ts';
import { isVerb, type VerbName, verbs } from './verbs.ts';

export type Decision = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export const allowed: Decision = { ok: true };

const unknownVerb =
  'I am not sure who may do that, so I did nothing. Please tell whoever runs PeerBridge: this command has no access rule yet.';

/** Allowed when the actor holds at least one subject the verb lists; else the verb's refusal. */
export function decide(verb: VerbName | string, held: ReadonlySet<SubjectKind>): Decision {
  if (!isVerb(verb)) return { ok: false, reason: unknownVerb };
  const rule = verbs[verb];
  return rule.who.some((subject) => held.has(subject)) ? allowed : { ok: false, reason: rule.refusal };
}
