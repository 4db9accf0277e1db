// The result of reading something a person typed or a row stored: the value, or one sentence
// saying what is wrong that the person can act on.

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason });
