// Real bot processes for the production tests: `node --import tsx src/main.ts` with an
// environment, their output kept, a readiness wait on /readyz, SIGTERM or SIGKILL on demand.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..', '..');

export interface BotProcess {
  readonly name: string;
  output(): string;
  ready(timeoutMs: number): Promise<void>;
  kill(signal: NodeJS.Signals): void;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startBot(name: string, env: Record<string, string>, healthPort: number): BotProcess {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', LOG_FORMAT: 'json', HEALTH_PORT: String(healthPort), ...env },
    stdio: 'pipe',
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  let done = false;
  void exited.then(() => {
    done = true;
  });
  return {
    name,
    output: () => output,
    exited,
    kill: (signal) => {
      if (!done) child.kill(signal);
    },
    async ready(timeoutMs) {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        if (done) throw new Error(`${name} exited before it was ready:\n${output}`);
        const status = await fetch(`http://127.0.0.1:${healthPort}/readyz`).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 200) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`${name} was not ready within ${timeoutMs} ms:\n${output}`);
    },
  };
}
