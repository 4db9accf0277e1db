// Issue 23, item 8: a value that fails its input's declared check is named at once, on every
// renderer; these are the checks themselves.
import { describe, expect, it } from 'vitest';
import { checkFormValues, checkValue } from '../../src/chat/index.ts';

describe('input checks', () => {
  it('reads times, dates, zones and whole numbers, and says what to type instead', () => {
    expect(checkValue({ kind: 'time' }, '17:30')).toBeUndefined();
    expect(checkValue({ kind: 'time' }, '5 pm')).toBeUndefined();
    expect(checkValue({ kind: 'time' }, '25:00')).toContain('Try one like 17:30');
    expect(checkValue({ kind: 'date' }, '2027-03-14')).toBeUndefined();
    expect(checkValue({ kind: 'date' }, '2026-02-31')).toContain('year-month-day');
    expect(checkValue({ kind: 'time-zone' }, 'America/New_York')).toBeUndefined();
    expect(checkValue({ kind: 'time-zone' }, 'Mars/Olympus')).toContain('Europe/Berlin');
    const hours = { kind: 'whole-number', min: 1, max: 336, unit: 'hours' } as const;
    expect(checkValue(hours, '24')).toBeUndefined();
    expect(checkValue(hours, '0')).toBe(
      "'0' isn't a number of hours I can use; pick a whole number from 1 to 336.",
    );
  });

  it('checks only given text values, by input id', () => {
    const problems = checkFormValues(
      [
        { id: 'time', type: 'text', label: 'Time', optional: true, check: { kind: 'time' } },
        { id: 'other', type: 'text', label: 'Other', optional: true, check: { kind: 'time' } },
        { id: 'name', type: 'text', label: 'Name' },
      ],
      { time: 'after work', other: '', name: 'anything' },
    );
    expect(Object.keys(problems)).toEqual(['time']);
  });
});
