// Forms as Mattermost interactive dialogs, within the server's limits (24-character titles and
// labels, 150-character help texts and one-line answers, 3,000 for a textarea), five questions
// a part, tick boxes as one bool each, and a submission read back by the part's own inputs.
import { describe, expect, it } from 'vitest';
import {
  dialogPages,
  dialogToFormValues,
  renderDialog,
} from '../../../src/adapters/mattermost/render-dialog.ts';
import type { Form } from '../../../src/chat/views.ts';

const form: Form = {
  formId: 'checkins:answer',
  title: 'A rather long check-in form title',
  submitLabel: 'Send my answers',
  context: 'round-1',
  intro: 'Every question can be **skipped**.',
  inputs: [
    {
      id: 'q1',
      type: 'select',
      label: 'How are you arriving today, honestly?',
      choices: [
        { label: 'Okay', value: '3' },
        { label: 'Hard', value: '1' },
      ],
    },
    {
      id: 'q1-who',
      type: 'select',
      label: 'Who sees it',
      choices: [
        { label: 'Team', value: 'team' },
        { label: 'Supervisor', value: 'supervisor' },
      ],
    },
    { id: 'q2', type: 'text', label: 'Anything to share', multiline: true, maxLength: 5_000, optional: true },
    { id: 'q2-who', type: 'select', label: 'Who sees it', choices: [{ label: 'Team', value: 'team' }] },
    {
      id: 'days',
      type: 'checkboxes',
      label: 'Days',
      choices: [
        { label: 'Mon', value: 'mon' },
        { label: 'Tue', value: 'tue' },
      ],
      optional: true,
    },
    { id: 'name', type: 'text', label: 'Name', maxLength: 80 },
  ],
};

describe('Mattermost dialogs', () => {
  it('asks six questions in two parts of three, within the limits', () => {
    const pages = dialogPages(form);
    expect(pages.map((p) => p.inputIds)).toEqual([
      ['q1', 'q1-who', 'q2'],
      ['q2-who', 'days', 'name'],
    ]);
    const first = renderDialog(pages[0] ?? (undefined as never), 'ticket');
    expect(first.title.length).toBeLessThanOrEqual(24);
    expect(first.title).toMatch(/\(1\/2\)$/);
    expect(first.state).toBe('ticket');
    expect(first.callback_id).toBe('checkins:answer');
    for (const element of first.elements) expect(element.display_name.length).toBeLessThanOrEqual(24);
    // A label too long for 24 characters keeps its whole words in the help text.
    expect(first.elements[0]?.help_text).toContain('How are you arriving today, honestly?');
    expect(first.elements[2]).toMatchObject({ type: 'textarea', max_length: 3_000, optional: true });
    const second = renderDialog(pages[1] ?? (undefined as never), 'ticket');
    expect(second.elements.filter((e) => e.type === 'bool').map((e) => e.name)).toEqual(['days.0', 'days.1']);
    expect(second.elements.find((e) => e.name === 'name')).toMatchObject({ type: 'text', max_length: 80 });
  });

  it('reads a submission back: ticked boxes, empty optional answers, and refuses a value that is no choice', () => {
    const second = dialogPages(form)[1]?.form ?? form;
    expect(
      dialogToFormValues(second, { 'q2-who': 'team', 'days.1': true, 'days.0': false, name: 'Sam' }),
    ).toEqual({
      ok: true,
      values: { 'q2-who': 'team', days: ['tue'], name: 'Sam' },
    });
    const first = dialogPages(form)[0]?.form ?? form;
    expect(dialogToFormValues(first, { q1: '3', 'q1-who': 'team', q2: null })).toEqual({
      ok: true,
      values: { q1: '3', 'q1-who': 'team', q2: undefined },
    });
    expect(dialogToFormValues(first, { q1: '9', 'q1-who': 'team' })).toMatchObject({ ok: false });
  });
});
