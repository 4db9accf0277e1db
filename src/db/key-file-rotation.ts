// `npm run keys:rotate` on the embedded database changes the data folder's key file itself.
// Without ENCRYPTION_KEY it makes the new key: the file then holds the new key first and the
// old one after it (written atomically), so the app started meanwhile reads every row; once
// every row is re-encrypted the file holds the new key alone. A run stopped half-way finds
// the old key still in the file and carries on with the same new key. With ENCRYPTION_KEY the
// key file is brought to that key at the end, so a later start without the variable does not
// fall back to a key the rows no longer use.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readKeyFile, writeKeyFile } from './encryption-key.ts';

export interface KeyFileRotation {
  /** The key rows are re-encrypted with. */
  readonly current: Buffer;
  /** Keys that read the rows not yet re-encrypted. */
  readonly old: readonly Buffer[];
  /** True when this run made the new key (and wrote it, first, into the key file). */
  readonly madeNewKey: boolean;
}

export function prepareKeyFileRotation(path: string, given: Buffer | undefined): KeyFileRotation {
  const file = existsSync(path) ? readKeyFile(path) : undefined;
  if (given) {
    const old = file ? [file.current, ...file.old].filter((key) => !key.equals(given)) : [];
    return { current: given, old, madeNewKey: false };
  }
  if (!file) throw new Error(`There is no key file at ${path} to rotate.`);
  // A rotation stopped half-way: the new key is already first in the file.
  if (file.old.length > 0) return { current: file.current, old: file.old, madeNewKey: false };
  const fresh = randomBytes(32);
  writeKeyFile(path, fresh, [file.current]);
  return { current: fresh, old: [file.current], madeNewKey: true };
}

/** Every row is re-encrypted: the key file keeps the current key alone. */
export function finishKeyFileRotation(path: string, current: Buffer): void {
  if (existsSync(path)) writeKeyFile(path, current);
}
