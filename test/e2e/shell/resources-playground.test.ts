// The resources flow in the shell playground, in-process: a team in Texas searches for crisis
// lines (its region's first), presses Send to me and gets the entry as a DM, and suggests an
// entry through the form, prompt by prompt.
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import { buttonNumber, terminal, within } from '../../adapters/shell/shell-terminal.ts';
import { startTestApp } from '../../support/app-harness.ts';

let app: RunningApp | undefined;

afterEach(async () => {
  await app?.stop();
  app = undefined;
});

describe('resources in the shell playground', () => {
  it('finds crisis lines first, sends one to me as a DM, and takes a suggestion', async () => {
    const term = terminal();
    app = await startTestApp({}, { mode: 'shell', stdio: { input: term.input, output: term.output } });
    term.type('/peer setup region:US-TX name:Harbor', '/peer find suicide');
    await term.waitFor('Crisis lines for US-TX', { timeoutMs: 20_000 });
    const found = term.text().slice(term.text().indexOf('> /peer find suicide'));
    expect(found.indexOf('Crisis lines for US-TX')).toBeLessThan(
      found.indexOf('988 Suicide & Crisis Lifeline'),
    );
    expect(found).not.toContain('Samaritans');

    const mark = term.mark();
    term.type(buttonNumber(term, 'Send to me', term.text().indexOf('> /peer find suicide')));
    await term.waitFor('[DM to alex] PeerBridge:', { from: mark, timeoutMs: 20_000 });
    expect(term.text().slice(mark)).toContain('Sent to your direct messages.');

    const suggestMark = term.mark();
    term.type(
      '/as sam',
      '/peer resources suggest',
      'Harbor Grief Circle',
      '4',
      'A peer-led circle for people grieving.',
      'web: https://grief.example.org',
      'US-TX',
      '',
      'grief',
      '',
    );
    // The shell renders the bold title in its own way: match the words, not the markup.
    await term.waitFor(/passed .*Harbor Grief Circle.* to the admins/, {
      from: suggestMark,
      timeoutMs: 20_000,
    });
    term.end();
    await within(app.finished, 20_000, 'the playground finishing');
    const stored = await app.storage.db.prisma.resourceSuggestion.findFirstOrThrow();
    expect(stored.proposal).toMatchObject({
      title: 'Harbor Grief Circle',
      regions: ['US-TX'],
      tags: ['grief'],
    });
  }, 120_000);
});
