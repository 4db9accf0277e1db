// The playground as a newcomer meets it: the whole app (features, router, outbox, scheduler)
// with scripted typing, and then the real entry point started as a child process, exactly as
// `npm start` would, to prove it answers and exits 0 when its input ends.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import { terminal, within } from '../../adapters/shell/shell-terminal.ts';
import { startTestApp } from '../../support/app-harness.ts';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

describe('shell playground, whole app', () => {
  let app: RunningApp | undefined;

  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('sets up a team, helps, welcomes a newcomer by DM, shows the team and the privacy summary', async () => {
    const term = terminal();
    app = await startTestApp({}, { mode: 'shell', stdio: { input: term.input, output: term.output } });
    term.type(
      '/peer setup timezone:Europe/Berlin region:DE name:Harbor',
      '/peer help',
      '/as sam',
      '/peer team show',
      '/peer privacy',
    );
    term.end();
    await within(app.finished, 20_000, 'the playground finishing');
    const text = term.text();

    expect(text).toContain('PeerBridge playground');
    expect(text).toContain(
      [
        'alex in #team> /peer setup timezone:Europe/Berlin region:DE name:Harbor',
        '',
        '[#team] PeerBridge:',
        '  This channel is now the team "Harbor"',
      ].join('\n'),
    );
    expect(text).toContain('  Time zone: Europe/Berlin\n  Crisis lines shown first for: DE');

    const help = text.slice(text.indexOf('> /peer help'), text.indexOf('> /as sam'));
    expect(help).toContain('[to alex, only you] PeerBridge:\n  What I can help with');
    expect(help).toContain('/peer team role');
    expect(help).toContain('For team admins');

    expect(text).toContain('You are now sam (new here), in #team.');
    expect(text).toContain('[DM to sam] PeerBridge:\n  Welcome to Harbor');

    const show = text.slice(text.indexOf('sam in #team> /peer team show'), text.indexOf('> /peer privacy'));
    expect(show).toContain('[to sam, only you] PeerBridge:\n  Team "Harbor"');
    expect(show).toContain('People: 2');
    expect(show).toMatch(/• alex \((admin, member|member, admin)\)/);
    expect(show).toContain('• sam (member)');

    const privacy = text.slice(text.indexOf('sam in #team> /peer privacy'));
    expect(privacy).toContain('[to sam, only you] PeerBridge:\n  What I store about you, and who can see it');
    expect(privacy).toContain('Your name here: sam');
    expect(privacy).toContain('Teams: Harbor (member)');
    expect(text.trimEnd().endsWith('Bye for now. Take care of yourself.')).toBe(true);
  });
});

interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `node --import tsx src/main.ts` from the repository root with only what a newcomer would
 * set. A child that has not exited after `limitMs` is killed and the test fails with its
 * output, so a hang can never stall the suite.
 */
function runEntryPoint(
  stdin: 'pipe' | 'ignore',
  typed: string,
  limitMs = 75_000,
  recordImportsTo?: string,
): Promise<Finished> {
  const recording = recordImportsTo
    ? ['--import', pathToFileURL(join(repoRoot, 'test/support/record-imports/register.mjs')).href]
    : [];
  const child = spawn(process.execPath, ['--import', 'tsx', ...recording, 'src/main.ts'], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: 'memory://',
      ...(recordImportsTo ? { RECORD_IMPORTS_TO: recordImportsTo } : {}),
      ...(process.env.CI === undefined ? {} : { CI: process.env.CI }),
    },
    stdio: [stdin, 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  if (child.stdin) child.stdin.end(typed);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`src/main.ts did not exit within ${limitMs} ms.\nstdout:\n${stdout}\nstderr:\n${stderr}`),
      );
    }, limitMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe('shell playground, started like a newcomer would', () => {
  it('answers piped commands and exits 0 when the input ends, never loading Slack, Discord or Mattermost', {
    timeout: 100_000,
  }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'peerbridge-imports-'));
    const imports = join(dir, 'imports.txt');
    const run = await runEntryPoint('pipe', '/peer setup timezone:UTC\n/peer help\n', 75_000, imports);
    expect(run, run.stderr).toMatchObject({ code: 0, signal: null });
    expect(run.stdout).toContain('PeerBridge playground');
    expect(run.stdout).toContain('[#team] PeerBridge:\n  This channel is now the team "Peer team"');
    expect(run.stdout).toContain('  Time zone: UTC');
    expect(run.stdout).toContain('[to alex, only you] PeerBridge:\n  What I can help with');
    expect(run.stdout.trimEnd().endsWith('Bye for now. Take care of yourself.')).toBe(true);
    // Logs stay off the person's screen: stdout is the conversation only.
    expect(run.stdout).not.toMatch(/"level":|"event":/);
    // README, "Performance": a platform's library loads only when that platform is configured.
    const loaded = (await readFile(imports, 'utf8')).split('\n');
    await rm(dir, { recursive: true, force: true });
    expect(loaded.some((url) => url.includes('/node_modules/@electric-sql/pglite/'))).toBe(true);
    expect(
      loaded.filter((url) => /\/node_modules\/(discord\.js|@discordjs|@slack|@mattermost)\//.test(url)),
    ).toEqual([]);
  });

  it('exits 0 without hanging when there is no input at all', { timeout: 100_000 }, async () => {
    const run = await runEntryPoint('ignore', '');
    expect(run, run.stderr).toMatchObject({ code: 0, signal: null });
    expect(run.stdout).toContain('PeerBridge playground');
    expect(run.stdout).toContain('Bye for now. Take care of yourself.');
  });
});
