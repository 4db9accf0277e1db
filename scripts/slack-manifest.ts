// `npm run slack:manifest -- --socket` or `npm run slack:manifest -- --url https://peer.example.org`
// prints the Slack app manifest (JSON) built from the real command table, for pasting into
// "Create an app from a manifest" at https://api.slack.com/apps. Needs no database and no tokens.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createAccess } from '../src/access/index.ts';
import { buildSlackManifest, type SlackManifest } from '../src/adapters/slack/index.ts';
import { buildFeatures } from '../src/app.ts';
import type { CommandTable } from '../src/chat/index.ts';
import { loadConfig } from '../src/config.ts';
import type { FeatureDeps } from '../src/features/feature.ts';
import { systemClock } from '../src/scheduling/index.ts';

const usage = `Usage:
  npm run slack:manifest -- --socket                       Socket Mode (no public address needed)
  npm run slack:manifest -- --url https://peer.example.org HTTP mode; Slack calls <url>/slack/events
Options: --name "Team name" sets the app's display name.`;

/**
 * The real command table. Features only keep the database handle for when a command runs, so
 * a handle that refuses every use is enough to build it, and proves the manifest needs none.
 */
export function commandTableWithoutDatabase(): CommandTable {
  const refuse = (): never => {
    throw new Error(
      'The Slack manifest script has no database; building the command table must not use one.',
    );
  };
  const noDatabase = new Proxy({}, { get: refuse, apply: refuse });
  const silent = { info() {}, warn() {}, error() {} };
  return buildFeatures({
    access: createAccess({
      prisma: noDatabase as unknown as FeatureDeps['prisma'],
      clientFor: () => undefined,
    }),
    prisma: noDatabase as unknown as FeatureDeps['prisma'],
    cipher: noDatabase as unknown as FeatureDeps['cipher'],
    clock: systemClock,
    config: loadConfig({}),
    logger: silent,
    notifyOutbox: () => {},
    clientFor: () => undefined,
  }).table;
}

const explain = (error: unknown): string =>
  error instanceof z.ZodError
    ? error.issues.map((issue) => issue.message).join('; ')
    : error instanceof Error
      ? error.message
      : String(error);

export type ManifestRequest =
  | { readonly ok: true; readonly manifest: SlackManifest }
  | { readonly ok: false; readonly message: string };

export function manifestFromArgs(args: readonly string[]): ManifestRequest {
  let values: { socket?: boolean; url?: string; name?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        socket: { type: 'boolean' },
        url: { type: 'string' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    return { ok: false, message: `${explain(error)}\n\n${usage}` };
  }
  if (values.help) return { ok: false, message: usage };
  const socketMode = values.socket === true;
  if (!socketMode && values.url === undefined) {
    return {
      ok: false,
      message: `Please choose Socket Mode (--socket) or give the public address (--url).\n\n${usage}`,
    };
  }
  try {
    const manifest = buildSlackManifest({
      table: commandTableWithoutDatabase(),
      socketMode,
      ...(values.url === undefined ? {} : { requestUrl: values.url }),
      ...(values.name === undefined ? {} : { appName: values.name }),
    });
    return { ok: true, manifest };
  } catch (error) {
    return { ok: false, message: `${explain(error)}\n\n${usage}` };
  }
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));

if (invokedDirectly) {
  const result = manifestFromArgs(process.argv.slice(2));
  if (result.ok) {
    process.stdout.write(`${JSON.stringify(result.manifest, null, 2)}\n`);
  } else {
    process.stderr.write(`${result.message}\n`);
    process.exitCode = 1;
  }
}
