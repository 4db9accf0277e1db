// Supervision in the shell playground, in-process: the whole app with scripted typing.
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import { ManualClock } from '../../../src/scheduling/index.ts';
import { terminal, within } from '../../adapters/shell/shell-terminal.ts';
import { startTestApp } from '../../support/app-harness.ts';

describe('supervision in the shell playground', { timeout: 300_000 }, () => {
  let app: RunningApp | undefined;
  afterEach(async () => {
    await app?.stop();
    app = undefined;
  });

  it('a supervisor starts a series, a member sees it in the list, adds an anonymous topic and checks their hours', async () => {
    const term = terminal();
    app = await startTestApp(
      {},
      {
        mode: 'shell',
        stdio: { input: term.input, output: term.output },
        clock: new ManualClock('2026-03-01T12:00:00Z'),
      },
    );
    term.type(
      '/peer setup timezone:Europe/Berlin name:Harbor',
      '/peer team role user:@alex role:supervisor',
      '/peer supervision new title:"Group supervision" date:2026-03-02 time:18:00 length:60 count:2',
    );
    await term.waitFor('A new supervision series', { timeoutMs: 60_000 });
    term.type(
      '/as riley',
      '/peer supervision list',
      '/peer supervision topic anonymous:yes Holding hope after a relapse',
      '/peer supervision hours',
    );
    await term.waitFor('No supervision hours are recorded for you yet', { timeoutMs: 60_000 });
    term.end();
    await within(app.finished, 60_000, 'the playground finishing');
    const text = term.text();

    expect(text).toContain('is planned: 2 sessions');
    const post = text.slice(text.indexOf('[#team] PeerBridge:\n  Group supervision'));
    expect(post).toContain('Going 0 · Maybe 0 · Can’t 0');
    const list = text.slice(
      text.indexOf('riley in #team> /peer supervision list'),
      text.indexOf('> /peer supervision topic'),
    );
    expect(list).toContain('Coming up');
    expect(list).toContain('Mon 2 Mar 2026, 18:00–19:00 (Europe/Berlin)');
    expect(text).toContain('Added anonymously (no name is stored)');
    const topic = await app.storage.db.prisma.agendaTopic.findFirstOrThrow();
    expect(topic).toMatchObject({ text: 'Holding hope after a relapse', authorId: null });
  });
});
