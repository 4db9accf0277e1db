// Issue 23, item 8: playground forms. Each question shows its default and Enter keeps it (an
// optional one can still be emptied with -), and a "one a line" answer can be several lines.
import { describe, expect, it } from 'vitest';
import { type FormStep, startFormSession } from '../../../src/adapters/shell/shell-forms.ts';
import type { Form } from '../../../src/chat/index.ts';

const form: Form = {
  formId: 'plans:edit',
  title: 'Your plan',
  submitLabel: 'Save',
  inputs: [
    { id: 'name', type: 'text', label: 'Name', initial: 'Monday circle' },
    { id: 'steps', type: 'text', label: 'Steps, one a line', multiline: true, optional: true },
    {
      id: 'who',
      type: 'select',
      label: 'Who sees it?',
      optional: true,
      initial: 'anonymous',
      choices: [
        { label: 'The team', value: 'team' },
        { label: 'The team, without my name', value: 'anonymous' },
      ],
    },
  ],
};

function run(...lines: string[]): { opening: string; steps: FormStep[] } {
  const session = startFormSession(form, {
    actor: { platform: 'shell', workspaceId: 'local', userId: 'sam', displayName: 'sam' },
    place: { channelId: 'dm-sam', isDirect: true },
  });
  return { opening: session.opening(), steps: lines.map((line) => session.answer(line)) };
}

describe('playground forms', () => {
  it('shows each default and keeps it on Enter', () => {
    const { opening, steps } = run('', '', '');
    expect(opening).toContain('Name (press Enter to keep "Monday circle")');
    expect(steps.at(-1)).toEqual({
      kind: 'done',
      values: { name: 'Monday circle', steps: undefined, who: 'anonymous' },
    });
  });

  it('lets an optional default be emptied with -', () => {
    const { steps } = run('', '', '-');
    expect(steps.at(-1)).toMatchObject({ kind: 'done', values: { who: undefined } });
  });

  it('takes several lines where the question says one a line', () => {
    const { steps } = run('Harbor circle', 'walk by the water \\', 'call Sam \\', 'tea', '1');
    expect(steps[1]).toEqual({ kind: 'ask', text: '  …' });
    expect(steps.at(-1)).toEqual({
      kind: 'done',
      values: { name: 'Harbor circle', steps: 'walk by the water\ncall Sam\ntea', who: 'team' },
    });
  });
});

describe('optional questions in the playground', () => {
  const optional: Form = {
    formId: 'flags:close',
    title: 'Close this flag',
    submitLabel: 'Close it',
    inputs: [
      { id: 'followup', type: 'text', label: 'Private follow-up note (optional)', optional: true },
      { id: 'time', type: 'text', label: 'At what time?', optional: true },
    ],
  };

  it('says once that a question is optional, and Enter skips it', () => {
    const session = startFormSession(optional, {
      actor: { platform: 'shell', workspaceId: 'local', userId: 'sam', displayName: 'sam' },
      place: { channelId: 'dm-sam', isDirect: true },
    });
    const opening = session.opening();
    expect(opening).toContain('Private follow-up note (optional, Enter to skip)');
    expect(opening).not.toContain('(optional) (optional');
    expect(session.answer('')).toEqual({
      kind: 'ask',
      text: '  (2 of 2) At what time? (optional, Enter to skip)',
    });
    expect(session.answer('')).toEqual({ kind: 'done', values: { followup: undefined, time: undefined } });
  });
});

describe('checked questions in the playground', () => {
  const checked: Form = {
    formId: 'selfcare:choose',
    title: 'Self-care prompts',
    submitLabel: 'Save',
    inputs: [
      { id: 'time', type: 'text', label: 'At what time?', optional: true, check: { kind: 'time' } },
      { id: 'note', type: 'text', label: 'Anything else?', optional: true },
    ],
  };

  it('asks a value that fails its check again at once, with the reason, keeping nothing', () => {
    const session = startFormSession(checked, {
      actor: { platform: 'shell', workspaceId: 'local', userId: 'sam', displayName: 'sam' },
      place: { channelId: 'dm-sam', isDirect: true },
    });
    session.opening();
    const retry = session.answer('after work');
    expect(retry.kind).toBe('retry');
    expect(retry.kind === 'retry' ? retry.text : '').toContain("'after work' isn't a time of day I can read");
    expect(retry.kind === 'retry' ? retry.text : '').toContain('(1 of 2) At what time?');
    expect(session.answer('17:30')).toMatchObject({ kind: 'ask' });
    expect(session.answer('')).toEqual({ kind: 'done', values: { time: '17:30', note: undefined } });
  });
});
