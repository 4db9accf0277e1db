// Errors as values: a refusal is a sentence the person can act on; exceptions are for bugs and
// outages. Every teams rule answers with one of these.
export type Outcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refuse = (reason: string): Outcome<never> => ({ ok: false, reason });
