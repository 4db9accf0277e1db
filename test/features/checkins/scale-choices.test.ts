// Issue 23, item 2: the mood scale as each renderer shows it. The list's numbers are the
// scale's numbers (1 is "in a hard place", which starts the private safety reply), no label
// carries a second number, and the words as printed are accepted.
import { describe, expect, it } from 'vitest';
import { discordFormPages, renderDiscordModal } from '../../../src/adapters/discord/render-components.ts';
import { startFormSession } from '../../../src/adapters/shell/shell-forms.ts';
import { renderSlackModal } from '../../../src/adapters/slack/render-blocks.ts';
import {
  answerForm,
  parseAnswer,
  scaleWords,
  supportCircle,
} from '../../../src/features/checkins/questions.ts';

const form = answerForm('round-1', 'Support circle', supportCircle);
const place = { kind: 'direct' } as const;

/** Answers the shell's form: the mood as typed, then Enter for everything else. */
function shellMood(typed: string) {
  const session = startFormSession(form, {
    actor: { platform: 'shell', workspaceId: 'playground', userId: 'sam', displayName: 'sam' },
    place: place as never,
  });
  const opening = session.opening();
  let step = session.answer(typed);
  const first = step;
  for (let i = 0; i < 10 && (step.kind === 'ask' || step.kind === 'retry'); i++) step = session.answer('');
  return { opening, first, step };
}

describe('the mood scale on every renderer', () => {
  it('numbers the shell list as the scale: [1] is in a hard place, and no second number', () => {
    const { opening } = shellMood('1');
    expect(opening).toContain('[1] in a hard place');
    expect(opening).toContain('[5] thriving');
    expect(opening).not.toMatch(/\[\d\] \d/);
  });

  it.each([
    ['1', 1],
    ['in a hard place', 1],
    ['In a hard place', 1],
    ['thriving', 5],
    ['[4] doing well', 4],
  ])('the shell reads %j as mood %i', (typed, mood) => {
    const { step } = shellMood(typed);
    expect(step.kind).toBe('done');
    if (step.kind !== 'done') return;
    const parsed = parseAnswer(supportCircle, step.values);
    expect(parsed).toMatchObject({ ok: true, mood });
  });

  it('lists the words lowest first on Slack, each option worth its scale number', () => {
    const modal = renderSlackModal(form);
    const options = [
      ...JSON.stringify(modal.blocks).matchAll(/"text":"([^"]+)","emoji":true},"value":"(\d)"/g),
    ].map((m) => [m[1], m[2]]);
    expect(options).toEqual(scaleWords.map((w, i) => [w, String(i + 1)]));
  });

  it('lists the words lowest first in the Discord modal, each worth its scale number', () => {
    const page = discordFormPages(form)[0]!;
    const text = JSON.stringify(renderDiscordModal(page));
    const options = [...text.matchAll(/"label":"([^"]+)","value":"(\d)"/g)].map((m) => [m[1], m[2]]);
    expect(options).toEqual(scaleWords.map((w, i) => [w, String(i + 1)]));
  });
});
