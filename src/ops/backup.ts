// Backups of the embedded database (PGlite): its data-dir dump, a gzipped tarball. PGlite is
// one process's database, so a backup taken while the bot runs is made BY the bot: it listens
// on a Unix socket in DATA_DIR (mode 0600), and `npm run backup` asks it there. When no bot
// runs, the script opens the folder itself. Either way the dump is consistent: PGlite runs
// one statement at a time, and the dump is one of them.
//
// The encryption key is never in a backup: whoever holds a backup and its key holds every
// private note. Keep them in different places.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { createConnection, createServer, type Server } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { PGlite } from '@electric-sql/pglite';
import { ensurePrivateDir } from '../db/index.ts';

export const CONTROL_SOCKET_NAME = 'control.sock';

export const keyWarning = (keyPlace: string): string =>
  `The encryption key is NOT in this backup. Keep ${keyPlace} somewhere else (a password manager or a secrets store): without it the private text in the backup cannot be read, and with it anyone holding the backup can read it.`;

export const pgliteFolder = (dataDir: string): string => join(resolve(dataDir), 'pglite');
export const controlSocketPath = (dataDir: string): string => join(resolve(dataDir), CONTROL_SOCKET_NAME);

/** Writes the dump to `file` (mode 0600) through a temporary name, so a half-written file never looks like a backup. */
export async function dumpTo(pglite: PGlite, file: string): Promise<number> {
  const blob = await pglite.dumpDataDir('gzip');
  const bytes = Buffer.from(await blob.arrayBuffer());
  const target = resolve(file);
  mkdirSync(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  await writeFile(partial, bytes, { mode: 0o600 });
  renameSync(partial, target);
  return bytes.length;
}

interface ControlReply {
  readonly ok: boolean;
  readonly bytes?: number;
  readonly error?: string;
}

/** The running bot's side: answers `{"op":"backup","file":...}` lines on the control socket. */
export async function serveControlSocket(
  pglite: PGlite,
  dataDir: string,
  onBackup: (bytes: number) => void,
): Promise<() => Promise<void>> {
  const path = controlSocketPath(dataDir);
  // A socket file left by a process that was killed: nobody answers it, so it can go.
  if (existsSync(path) && !(await answers(path))) rmSync(path, { force: true });
  const server: Server = createServer((socket) => {
    let input = '';
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: string) => {
      input += chunk;
      if (!input.includes('\n') || input.length > 10_000) return;
      void handle(input.slice(0, input.indexOf('\n'))).then((reply) =>
        socket.end(`${JSON.stringify(reply)}\n`),
      );
    });
  });
  async function handle(line: string): Promise<ControlReply> {
    try {
      const request = JSON.parse(line) as { op?: unknown; file?: unknown };
      if (request.op === 'ping') return { ok: true };
      if (request.op !== 'backup' || typeof request.file !== 'string')
        return { ok: false, error: 'unknown request' };
      const bytes = await dumpTo(pglite, request.file);
      onBackup(bytes);
      return { ok: true, bytes };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message.split('\n')[0] : 'backup failed' };
    }
  }
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(path, () => done());
  });
  await chmod(path, 0o600);
  return () =>
    new Promise<void>((done) => {
      server.close(() => done());
    });
}

function ask(path: string, request: object, timeoutMs: number): Promise<ControlReply | undefined> {
  return new Promise((done) => {
    const socket = createConnection(path);
    let input = '';
    const timer = setTimeout(() => {
      socket.destroy();
      done(undefined);
    }, timeoutMs);
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => {
      input += chunk;
    });
    socket.on('error', () => {
      clearTimeout(timer);
      done(undefined);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      try {
        done(JSON.parse(input.trim()) as ControlReply);
      } catch {
        done(undefined);
      }
    });
  });
}

async function answers(path: string): Promise<boolean> {
  return (await ask(path, { op: 'ping' }, 2_000))?.ok === true;
}

/** True when a bot is running on this DATA_DIR (its control socket answers). */
export function botIsRunning(dataDir: string): Promise<boolean> {
  const path = controlSocketPath(dataDir);
  return existsSync(path) ? answers(path) : Promise.resolve(false);
}

export type BackupOutcome = { readonly by: 'running-bot' | 'this-process'; readonly bytes: number };

/**
 * Backs the embedded database in `dataDir` up to `file`: through the running bot when there
 * is one, else by opening the folder here (the bot must then stay stopped until this ends).
 */
export async function backUp(
  dataDir: string,
  file: string,
  open: (folder: string) => Promise<PGlite>,
): Promise<BackupOutcome> {
  const path = controlSocketPath(dataDir);
  if (existsSync(path)) {
    const reply = await ask(path, { op: 'backup', file: resolve(file) }, 10 * 60_000);
    if (reply?.ok) return { by: 'running-bot', bytes: reply.bytes ?? 0 };
    if (reply)
      throw new Error(`The running bot could not write the backup: ${reply.error ?? 'unknown error'}`);
  }
  const folder = pgliteFolder(dataDir);
  if (!existsSync(folder) || readdirSync(folder).length === 0) {
    throw new Error(`There is no embedded database in ${folder} to back up.`);
  }
  const pglite = await open(folder);
  try {
    return { by: 'this-process', bytes: await dumpTo(pglite, file) };
  } finally {
    await pglite.close();
  }
}

/** A restore that changed nothing: says what failed and what to do. */
export class RestoreFailedError extends Error {
  constructor(file: string, folder: string, reason: string) {
    super(
      `The backup ${file} was NOT restored: ${reason}. Nothing changed in ${folder}. ` +
        'Try an earlier backup (and check this one copied whole: `gzip -t` on it must say nothing), ' +
        'or, when the key is the problem, set ENCRYPTION_KEY (or put DATA_DIR/encryption.key back) ' +
        'to the key the backup was written with.',
    );
    this.name = 'RestoreFailedError';
  }
}

const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';

/**
 * Restores `file` into `dataDir`. Refuses while a bot runs on it. The backup is unpacked into
 * a folder beside the database and checked there (`check` gets it open); only then is it
 * renamed into place, so a damaged backup never leaves an empty database for the next start
 * to migrate. An existing database is moved aside (never deleted) only with `force`.
 */
export async function restore(
  dataDir: string,
  file: string,
  create: (folder: string, dump: Blob) => Promise<PGlite>,
  options: {
    readonly force?: boolean;
    readonly now?: Date;
    readonly check?: (pglite: PGlite) => Promise<void>;
  } = {},
): Promise<{ readonly movedAside?: string }> {
  if (await botIsRunning(dataDir)) {
    throw new Error('PeerBridge is running on this DATA_DIR. Stop it first, then restore.');
  }
  const folder = pgliteFolder(dataDir);
  const occupied = existsSync(folder) && readdirSync(folder).length > 0;
  if (occupied && !options.force) {
    throw new Error(
      `${folder} already holds a database. Add --force to move it aside (it is kept, renamed) and restore over it.`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(file));
  } catch (error) {
    throw new RestoreFailedError(file, folder, `it cannot be read (${firstLine(error)})`);
  }
  // Checked here, whole: PGlite unpacks a damaged gzip on a stream whose error nobody catches.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      gunzipSync(bytes);
    } catch (error) {
      throw new RestoreFailedError(file, folder, `it is not a whole gzip file (${firstLine(error)})`);
    }
  }
  const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  ensurePrivateDir(resolve(dataDir));
  const staging = `${folder}.restoring-${stamp}`;
  ensurePrivateDir(staging);
  try {
    let pglite: PGlite;
    try {
      pglite = await create(staging, new Blob([bytes]));
    } catch (error) {
      throw new Error(`it does not open as a database (${firstLine(error)})`);
    }
    try {
      await options.check?.(pglite);
    } finally {
      if (!pglite.closed) await pglite.close();
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new RestoreFailedError(file, folder, firstLine(error));
  }
  let movedAside: string | undefined;
  if (occupied) {
    movedAside = `${folder}.before-restore-${stamp}`;
    renameSync(folder, movedAside);
  }
  try {
    renameSync(staging, folder);
  } catch (error) {
    if (movedAside) renameSync(movedAside, folder);
    rmSync(staging, { recursive: true, force: true });
    throw new RestoreFailedError(
      file,
      folder,
      `the checked copy could not be moved into place (${firstLine(error)})`,
    );
  }
  return movedAside === undefined ? {} : { movedAside };
}
