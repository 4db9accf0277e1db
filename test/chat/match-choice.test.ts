import { describe, expect, it } from 'vitest';
import { matchChoice, matchChoices } from '../../src/chat/match-choice.ts';

const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((label) => ({
  label,
  value: label.slice(0, 2).toUpperCase(),
}));

describe('typed answers to a choice', () => {
  it('takes a number, a value or a label in any case', () => {
    expect(matchChoice(days, '2')?.label).toBe('Tuesday');
    expect(matchChoice(days, 'we')?.label).toBe('Wednesday');
    expect(matchChoice(days, 'FRIDAY')?.label).toBe('Friday');
    expect(matchChoice(days, '9')).toBeUndefined();
  });

  it('takes the start of one label, never a start several labels share', () => {
    expect(matchChoices(days, 'mon, tue, wed, thu, fri, sat, sun').matched.map((d) => d.value)).toEqual([
      'MO',
      'TU',
      'WE',
      'TH',
      'FR',
      'SA',
      'SU',
    ]);
    expect(matchChoice(days, 't')).toBeUndefined();
    expect(matchChoices(days, 's, tues').unmatched).toEqual(['s']);
  });
});

describe('typed answers to the mood scale (issue 23, item 2)', () => {
  const scale = ['in a hard place', 'struggling', 'getting by', 'doing well', 'thriving'].map((label, i) => ({
    label,
    value: String(i + 1),
  }));

  it('takes the words as printed, and the list number with them', () => {
    expect(matchChoice(scale, 'in a hard place')?.value).toBe('1');
    expect(matchChoice(scale, '  In a  Hard place ')?.value).toBe('1');
    expect(matchChoice(scale, '[2] struggling')?.value).toBe('2');
    expect(matchChoice(scale, '2. struggling')?.value).toBe('2');
  });

  it('keeps a label that starts with a number whole', () => {
    const waits = ['10 minutes', '30 minutes'].map((label) => ({ label, value: label }));
    expect(matchChoice(waits, '30 minutes')?.value).toBe('30 minutes');
  });
});
