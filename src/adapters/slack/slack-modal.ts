// A form as a Slack modal, and a submitted modal back as the form and its values.
//
// Nothing is remembered between opening and submitting: Slack echoes the whole view (its
// blocks, callback_id and private_metadata) in the view_submission, signed like every request.
// The form's inputs are read back from those blocks, so a submission still parses after a
// restart, on another replica, or twenty minutes later. private_metadata carries the form's
// context plus where the form was opened, so the answer can go back to that channel.
import type { types as Slack } from '@slack/bolt';
import { z } from 'zod';
import { checkFormValues, type InputCheck, InputCheckSchema } from '../../chat/input-checks.ts';
import type { Choice, Form, FormInput, FormValues } from '../../chat/views.ts';
import { platformTranslator } from '../form-parts.ts';
import { renderSlackModal, slackViewStateToFormValues } from './render-blocks.ts';

/** Where a form was opened, so its answer can be given there. */
export interface FormOrigin {
  readonly channelId?: string;
  readonly isDirect: boolean;
}

const metadataSchema = z.object({
  v: z.literal(1),
  context: z.string().optional(),
  channel: z.string().optional(),
  direct: z.boolean(),
  /** Each text input's declared check, by input id: Slack keeps nothing else for us. */
  checks: z.record(z.string(), InputCheckSchema).optional(),
});

function encodeMetadata(form: Form, origin: FormOrigin): string {
  const { context } = form;
  const checks = Object.fromEntries(
    form.inputs.flatMap((input) => (input.type === 'text' && input.check ? [[input.id, input.check]] : [])),
  );
  const metadata: z.infer<typeof metadataSchema> = {
    v: 1,
    ...(context === undefined || context === '' ? {} : { context }),
    ...(origin.channelId === undefined ? {} : { channel: origin.channelId }),
    direct: origin.isDirect,
    ...(Object.keys(checks).length > 0 ? { checks } : {}),
  };
  return JSON.stringify(metadata);
}

function decodeMetadata(text: string): {
  context?: string;
  origin: FormOrigin;
  checks?: Readonly<Record<string, InputCheck>>;
} {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = metadataSchema.safeParse(json);
  // A modal opened by something else (or an older version): all of it is the context.
  if (!parsed.success) return { ...(text === '' ? {} : { context: text }), origin: { isDirect: false } };
  const { context, channel, direct, checks } = parsed.data;
  return {
    ...(context === undefined ? {} : { context }),
    ...(checks === undefined ? {} : { checks }),
    origin: { ...(channel === undefined ? {} : { channelId: channel }), isDirect: direct },
  };
}

export function modalForForm(form: Form, origin: FormOrigin): Slack.ModalView {
  return {
    ...renderSlackModal(form, platformTranslator(form.locale)),
    private_metadata: encodeMetadata(form, origin),
  };
}

const plainText = z.object({ text: z.string() });

const optionSchema = z.object({ value: z.string(), text: plainText });

const inputBlockSchema = z.object({
  type: z.literal('input'),
  block_id: z.string(),
  optional: z.boolean().optional(),
  label: plainText,
  element: z.object({
    type: z.string(),
    action_id: z.string(),
    multiline: z.boolean().optional(),
    options: z.array(optionSchema).optional(),
  }),
});

const submittedViewSchema = z.object({
  id: z.string(),
  hash: z.string().optional(),
  callback_id: z.string().min(1),
  private_metadata: z.string().default(''),
  title: plainText.optional(),
  submit: plainText.nullish(),
  blocks: z.array(z.unknown()),
  state: z.object({ values: z.unknown() }),
});

function inputOf(block: unknown): FormInput | undefined {
  const parsed = inputBlockSchema.safeParse(block);
  if (!parsed.success) return undefined;
  const { block_id: id, label, element } = parsed.data;
  const base = { id, label: label.text, optional: parsed.data.optional ?? false };
  const choices: Choice[] = (element.options ?? []).map((o) => ({ label: o.text.text, value: o.value }));
  switch (element.type) {
    case 'plain_text_input':
      return { ...base, type: 'text', multiline: element.multiline ?? false };
    case 'static_select':
      return { ...base, type: 'select', choices };
    case 'checkboxes':
    case 'multi_static_select':
      return { ...base, type: 'checkboxes', choices };
    default:
      return undefined;
  }
}

export type SubmittedForm =
  | {
      readonly ok: true;
      readonly viewId: string;
      readonly hash?: string;
      readonly form: Form;
      readonly context?: string;
      readonly origin: FormOrigin;
      readonly values: FormValues;
    }
  | {
      readonly ok: false;
      /** For the log: a payload that is not the shape Slack documents. */
      readonly reason: string;
      readonly viewId?: string;
    };

/** A view_submission's `view` -> the form as it was shown, and what the person entered. */
export function formFromSubmittedView(view: unknown): SubmittedForm {
  const parsed = submittedViewSchema.safeParse(view);
  if (!parsed.success)
    return { ok: false, reason: `Slack view did not match: ${z.prettifyError(parsed.error)}` };
  const submitted = parsed.data;
  const { context, origin, checks } = decodeMetadata(submitted.private_metadata);
  const form: Form = {
    formId: submitted.callback_id,
    title: submitted.title?.text ?? '',
    submitLabel: submitted.submit?.text ?? '',
    ...(context === undefined ? {} : { context }),
    inputs: submitted.blocks
      .map(inputOf)
      .filter((input): input is FormInput => input !== undefined)
      .map((input) => {
        const check = checks?.[input.id];
        return check && input.type === 'text' ? { ...input, check } : input;
      }),
  };
  const values = slackViewStateToFormValues(form, submitted.state.values);
  if (!values.ok) return { ok: false, reason: values.reason, viewId: submitted.id };
  return {
    ok: true,
    viewId: submitted.id,
    ...(submitted.hash === undefined ? {} : { hash: submitted.hash }),
    form,
    ...(context === undefined ? {} : { context }),
    origin,
    values: values.values,
  };
}

/**
 * The reasons to show under each input whose value fails its declared check, for
 * `response_action: errors` (keyed by block id, which is the input id); undefined when all fit.
 */
export function submittedInputErrors(view: unknown): Readonly<Record<string, string>> | undefined {
  const submitted = formFromSubmittedView(view);
  if (!submitted.ok) return undefined;
  const problems = checkFormValues(submitted.form.inputs, submitted.values);
  return Object.keys(problems).length > 0 ? problems : undefined;
}
