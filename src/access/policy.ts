// The one decision: may a person holding these subjects use this verb? Pure and synchronous,
// so it is tested exhaustively without a database (test/access/policy.test.ts) and the README's
// "Who may do what" table is generated from the same table it reads (readme-table.ts).
import type { AccessDecision, AccessRefusal } from '../chat/index.ts';
import { english } from '../i18n/index.ts';
import type { SubjectKind } from './subjects.ts';
import { isVerb, type VerbName, verbs } from './verbs.ts';

/**
 * Allowed, or refused with a catalog entry the reader gets in their own language
 * (`t(decision.refusal)`); `reason` is the same in English, for logs and tests.
 */
export type Decision = AccessDecision;

export const allowed: Decision = { ok: true };

export const refused = (refusal: AccessRefusal): Decision => ({
  ok: false,
  refusal,
  reason: english(refusal),
});

/** Allowed when the actor holds at least one subject the verb lists; else the verb's refusal. */
export function decide(verb: VerbName | string, held: ReadonlySet<SubjectKind>): Decision {
  if (!isVerb(verb)) return refused('chat.access.unknownVerb');
  const rule = verbs[verb];
  return rule.who.some((subject) => held.has(subject)) ? allowed : refused(rule.refusal);
}
