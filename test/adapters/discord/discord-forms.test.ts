import { describe, expect, it } from 'vitest';
import { PendingForms } from '../../../src/adapters/discord/discord-forms.ts';
import type { Form } from '../../../src/chat/index.ts';
import { checkinForm } from '../../chat/sample-views.ts';

const short: Form = {
  formId: 'flags:raise',
  title: 'A private flag',
  submitLabel: 'Send',
  inputs: [{ type: 'text', id: 'what', label: 'What came up?' }],
};

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('forms open on Discord', () => {
  it('finds the form a modal submission belongs to, only for the person who opened it', () => {
    const forms = new PendingForms();
    forms.open('U1', short);
    const modal = { formId: 'flags:raise', page: 1, pageCount: 1 };
    expect(forms.forSubmission('U1', modal)?.form).toBe(short);
    expect(forms.forSubmission('U2', modal)).toBeUndefined();
  });

  it('collects the parts of a long form in order and merges them at the end', () => {
    const forms = new PendingForms();
    const entry = forms.open('U1', checkinForm);
    expect(entry.pages).toHaveLength(2);
    const first = { formId: checkinForm.formId, page: 1, pageCount: 2, context: 'round-42' };
    const second = { ...first, page: 2 };
    expect(forms.forSubmission('U1', second)).toBeUndefined();

    const part = forms.submitted(entry, { mood: 'hard', win: 'a walk' });
    expect(part.kind).toBe('more');
    expect(forms.forSubmission('U1', first)).toBeUndefined();
    expect(forms.page(entry).page).toBe(2);

    expect(forms.submitted(entry, { name: 'Sam', mood: 'okay' })).toEqual({
      kind: 'complete',
      values: { mood: 'okay', win: 'a walk', name: 'Sam' },
    });
    expect(forms.forSubmission('U1', second)).toBeUndefined();
  });

  it('gives the "open the form" button back only to the person it was for', () => {
    const forms = new PendingForms();
    const entry = forms.open('U1', short);
    expect(forms.byTicket('U1', entry.ticket)).toBe(entry);
    expect(forms.byTicket('U2', entry.ticket)).toBeUndefined();
  });

  it('forgets a form after its time, and keeps memory bounded', () => {
    const time = clock();
    const forms = new PendingForms({ ttlMs: 1_000, maxEntries: 2, now: time.now });
    const entry = forms.open('U1', short);
    time.advance(1_000);
    expect(forms.byTicket('U1', entry.ticket)).toBeUndefined();

    forms.open('U1', short);
    forms.open('U2', short);
    forms.open('U3', short);
    expect(forms.size).toBe(2);
    expect(forms.forSubmission('U1', { formId: 'flags:raise', page: 1, pageCount: 1 })).toBeUndefined();
  });
});
