import type { ViewOutput } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { formFromSubmittedView, modalForForm } from '../../../src/adapters/slack/slack-modal.ts';
import type { Form } from '../../../src/chat/index.ts';
import { choices, shortForm } from '../../chat/sample-views.ts';
import { type ViewAnswers, viewStateFor } from '../../fakes/slack/index.ts';

// More than ten choices: Slack's checkboxes hold ten, so these become a multi-select.
const form: Form = {
  ...shortForm,
  inputs: shortForm.inputs.map((input) =>
    input.type === 'checkboxes' ? { ...input, choices: choices(12) } : input,
  ),
};

/** What Slack echoes in a view_submission for a modal we opened. */
function submit(modal: ReturnType<typeof modalForForm>, answers: ViewAnswers): ViewOutput {
  const echoed = {
    ...modal,
    id: 'V0MODAL0001',
    hash: '1712345678.abc',
    team_id: 'T1',
    app_id: 'A1',
    bot_id: 'B1',
    app_installed_team_id: 'T1',
    root_view_id: 'V0MODAL0001',
    previous_view_id: null,
    external_id: '',
    clear_on_close: false,
    notify_on_close: false,
    close: modal.close ?? null,
    submit: modal.submit ?? null,
    private_metadata: modal.private_metadata ?? '',
    callback_id: modal.callback_id ?? '',
    blocks: modal.blocks as ViewOutput['blocks'],
    state: { values: {} },
  } satisfies ViewOutput;
  return { ...echoed, state: viewStateFor(echoed, answers) };
}

describe('Slack modals', () => {
  it('reads a submission back as the form and values, with nothing remembered in between', () => {
    const modal = modalForForm(form, { channelId: 'C0TEAM00001', isDirect: false });
    const submitted = formFromSubmittedView(
      submit(modal, { note: 'rough one', mood: 'hard', topics: ['c2', 'c12'] }),
    );
    expect(submitted).toMatchObject({
      ok: true,
      viewId: 'V0MODAL0001',
      hash: '1712345678.abc',
      context: 'round-7',
      origin: { channelId: 'C0TEAM00001', isDirect: false },
      values: { note: 'rough one', mood: 'hard', topics: ['c2', 'c12'] },
    });
    expect(submitted.ok && submitted.form.inputs.map((input) => `${input.id}:${input.type}`)).toEqual([
      'note:text',
      'mood:select',
      'topics:checkboxes',
    ]);
  });

  it('leaves skipped inputs empty', () => {
    const modal = modalForForm({ ...form, context: undefined }, { isDirect: true });
    const submitted = formFromSubmittedView(submit(modal, { mood: 'okay' }));
    expect(submitted).toMatchObject({
      ok: true,
      origin: { isDirect: true },
      values: { note: undefined, mood: 'okay', topics: [] },
    });
    expect(submitted.ok && submitted.context).toBeUndefined();
  });

  it('treats private_metadata it did not write as the whole context', () => {
    const modal = { ...modalForForm(form, { isDirect: false }), private_metadata: 'legacy-context' };
    expect(formFromSubmittedView(submit(modal, { mood: 'okay' }))).toMatchObject({
      ok: true,
      context: 'legacy-context',
      origin: { isDirect: false },
    });
  });

  it('reports a view that is not shaped like a submission', () => {
    expect(formFromSubmittedView({ id: 'V1' })).toMatchObject({ ok: false });
  });
});
