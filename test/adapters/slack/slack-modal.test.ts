import type { ViewOutput } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { formFromSubmittedView, modalForForm } from '../../../src/adapters/slack/slack-modal.ts';
import type { Form } from '../../../src/chat/index.ts';
import { type ViewAnswers, viewStateFor } from '../../fakes/slack/index.ts';

const form: Form = {
  formId: 'flags:raise',
  title: 'A hard session',
  submitLabel: 'Send',
  context: 'team-42',
  intro: 'Only your supervisor sees this.',
  inputs: [
    { type: 'text', id: 'note', label: 'What happened, if you like', multiline: true, optional: true },
    {
      type: 'select',
      id: 'level',
      label: 'How heavy is it?',
      choices: [
        { label: 'I am okay', value: 'ok' },
        { label: 'It is heavy', value: 'heavy' },
      ],
    },
    {
      type: 'checkboxes',
      id: 'wants',
      label: 'What would help',
      optional: true,
      choices: Array.from({ length: 12 }, (_, i) => ({ label: `Option ${i}`, value: `o${i}` })),
    },
  ],
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
      submit(modal, { note: 'rough one', level: 'heavy', wants: ['o1', 'o11'] }),
    );
    expect(submitted).toMatchObject({
      ok: true,
      viewId: 'V0MODAL0001',
      hash: '1712345678.abc',
      context: 'team-42',
      origin: { channelId: 'C0TEAM00001', isDirect: false },
      values: { note: 'rough one', level: 'heavy', wants: ['o1', 'o11'] },
    });
    expect(submitted.ok && submitted.form.inputs.map((input) => `${input.id}:${input.type}`)).toEqual([
      'note:text',
      'level:select',
      'wants:checkboxes',
    ]);
  });

  it('leaves skipped inputs empty', () => {
    const modal = modalForForm({ ...form, context: undefined }, { isDirect: true });
    const submitted = formFromSubmittedView(submit(modal, { level: 'ok' }));
    expect(submitted).toMatchObject({
      ok: true,
      origin: { isDirect: true },
      values: { note: undefined, level: 'ok', wants: [] },
    });
    expect(submitted.ok && submitted.context).toBeUndefined();
  });

  it('treats private_metadata it did not write as the whole context', () => {
    const modal = { ...modalForForm(form, { isDirect: false }), private_metadata: 'legacy-context' };
    expect(formFromSubmittedView(submit(modal, { level: 'ok' }))).toMatchObject({
      ok: true,
      context: 'legacy-context',
      origin: { isDirect: false },
    });
  });

  it('reports a view that is not shaped like a submission', () => {
    expect(formFromSubmittedView({ id: 'V1' })).toMatchObject({ ok: false });
  });
});
