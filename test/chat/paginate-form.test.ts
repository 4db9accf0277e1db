import { describe, expect, it } from 'vitest';
import { mergePageValues, paginateForm } from '../../src/chat/index.ts';
import { checkinForm } from './sample-views.ts';

describe('paginateForm', () => {
  it('splits six inputs into two even parts marked in the title', () => {
    const pages = paginateForm(checkinForm, { maxInputs: 5, maxTitleLength: 24 });
    expect(pages.map((p) => p.inputIds)).toEqual([
      ['mood', 'win', 'barrier'],
      ['support', 'week', 'name'],
    ]);
    expect(pages.map((p) => p.form.title)).toEqual(['Your check-in for… (1/2)', 'Your check-in for… (2/2)']);
    expect(pages.every((p) => p.form.title.length <= 24)).toBe(true);
    expect(pages[0]!.form.intro).toBe('Part 1 of 2. Answer what you like; every question can be skipped.');
    expect(pages[1]!.form.intro).toBe('Part 2 of 2.');
    expect(pages[0]!.form.submitLabel).toBe('Next');
    expect(pages[1]!.form.submitLabel).toBe('Share');
    expect(pages.every((p) => p.form.formId === 'checkins:answer' && p.form.context === 'round-42')).toBe(
      true,
    );
  });

  it('keeps a short form as it is', () => {
    const short = { ...checkinForm, inputs: checkinForm.inputs.slice(0, 2) };
    const [only, ...rest] = paginateForm(short, { maxInputs: 5 });
    expect(rest).toEqual([]);
    expect(only!.form).toEqual(short);
  });

  it('merges the values of every part', () => {
    expect(mergePageValues([{ mood: 'okay', win: undefined }, { support: ['reach-out'] }])).toEqual({
      mood: 'okay',
      win: undefined,
      support: ['reach-out'],
    });
  });
});
