import type { FormValues } from './views.ts';

/**
 * A platform's form submission turned into neutral values. `reason` is a plain sentence for
 * the person (a typed answer that matched no choice) or, for a malformed payload, for the log.
 */
export type ParsedFormValues =
  | { readonly ok: true; readonly values: FormValues }
  | { readonly ok: false; readonly reason: string };
