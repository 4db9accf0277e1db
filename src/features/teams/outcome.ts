// Errors as values: a refusal is a sentence the person can act on; exceptions are for bugs and
// outages. Every teams rule answers with one of these. The sentence waits for its reader
// (`outcome.reason(t)`), since a rule does not know whose language the answer is in.
import type { AccessDecision } from '../../chat/index.ts';
import { type Wording, wording } from '../../i18n/index.ts';

export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: Wording };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refuse = (reason: Wording): Outcome<never> => ({ ok: false, reason });

/** The access policy's refusal, as a teams refusal. */
export const refusedBy = (decision: AccessDecision & { ok: false }): Outcome<never> =>
  refuse(wording(decision.refusal));
