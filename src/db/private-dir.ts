// DATA_DIR holds the database, the key file and the backup socket: only the bot's own user may
// list or enter it, whatever the umask. A folder left 0755 by an older version is tightened.
import { chmodSync, mkdirSync } from 'node:fs';

/** Creates `path` (and missing parents) as 0700, and makes an existing `path` 0700. */
export function ensurePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
}
