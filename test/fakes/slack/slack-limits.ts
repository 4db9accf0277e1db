// What Slack refuses, written down from its Block Kit reference (docs.slack.dev: blocks, block
// elements, composition objects, modal and Home tab views, chat.postMessage), independently of
// src/chat/limits.ts: a renderer that skips a limit meets the fake's refusal, as it would
// Slack's. The answers have Slack's shape: `invalid_blocks` with `errors` for messages,
// `invalid_arguments` for views, each message naming the JSON pointer, e.g.
// "must be less than 3001 characters [json-pointer:/blocks/0/text/text]".
import { asRecord, asString } from '../shared/http.ts';
import type { SlackAnswer } from './slack-workspace.ts';

/** chat.postMessage: Slack refuses message text over 40,000 characters. */
export const SLACK_MESSAGE_TEXT_MAX = 40_000;

type Problems = string[];

const MESSAGE_METHODS = new Set([
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'chat.scheduleMessage',
  'response_url',
]);
const MODAL_METHODS = new Set(['views.open', 'views.push', 'views.update']);

function maxLength(problems: Problems, value: unknown, max: number, pointer: string): void {
  if (typeof value === 'string' && value.length > max)
    problems.push(`must be less than ${max + 1} characters [json-pointer:${pointer}]`);
}

function maxItems(problems: Problems, value: unknown, max: number, pointer: string): void {
  if (Array.isArray(value) && value.length > max)
    problems.push(`no more than ${max} items allowed [json-pointer:${pointer}]`);
}

/** A text object's text: present and at most `max` characters. */
function textObject(problems: Problems, value: unknown, max: number, pointer: string): void {
  if (value === undefined) return;
  const text = asRecord(value).text;
  if (typeof text !== 'string' || text.length === 0) {
    problems.push(`must be more than 0 characters [json-pointer:${pointer}/text]`);
    return;
  }
  maxLength(problems, text, max, `${pointer}/text`);
}

function options(problems: Problems, value: unknown, maxCount: number, pointer: string): void {
  if (!Array.isArray(value)) return;
  maxItems(problems, value, maxCount, pointer);
  value.forEach((raw, i) => {
    const option = asRecord(raw);
    textObject(problems, option.text, 75, `${pointer}/${i}/text`);
    maxLength(problems, option.value, 150, `${pointer}/${i}/value`);
    textObject(problems, option.description, 75, `${pointer}/${i}/description`);
  });
}

function element(problems: Problems, raw: unknown, pointer: string): void {
  const el = asRecord(raw);
  maxLength(problems, el.action_id, 255, `${pointer}/action_id`);
  textObject(problems, el.placeholder, 150, `${pointer}/placeholder`);
  switch (el.type) {
    case 'button':
      textObject(problems, el.text, 75, `${pointer}/text`);
      maxLength(problems, el.value, 2000, `${pointer}/value`);
      maxLength(problems, el.url, 3000, `${pointer}/url`);
      break;
    case 'static_select':
    case 'multi_static_select':
      options(problems, el.options, 100, `${pointer}/options`);
      maxItems(problems, el.option_groups, 100, `${pointer}/option_groups`);
      break;
    case 'checkboxes':
    case 'radio_buttons':
      options(problems, el.options, 10, `${pointer}/options`);
      break;
    case 'overflow':
      options(problems, el.options, 5, `${pointer}/options`);
      break;
    case 'plain_text_input':
      // Slack documents no limit on initial_value; max_length and min_length go up to 3000.
      for (const key of ['max_length', 'min_length'] as const)
        if (typeof el[key] === 'number' && el[key] > 3000)
          problems.push(`must be less than 3001 [json-pointer:${pointer}/${key}]`);
      break;
  }
}

function block(problems: Problems, raw: unknown, pointer: string): void {
  const b = asRecord(raw);
  maxLength(problems, b.block_id, 255, `${pointer}/block_id`);
  switch (b.type) {
    case 'section':
      textObject(problems, b.text, 3000, `${pointer}/text`);
      if (Array.isArray(b.fields)) {
        maxItems(problems, b.fields, 10, `${pointer}/fields`);
        b.fields.forEach((field, i) => {
          textObject(problems, field, 2000, `${pointer}/fields/${i}`);
        });
      }
      if (b.text === undefined && b.fields === undefined)
        problems.push(`must provide either text or fields [json-pointer:${pointer}]`);
      if (b.accessory !== undefined) element(problems, b.accessory, `${pointer}/accessory`);
      break;
    case 'header':
      textObject(problems, b.text, 150, `${pointer}/text`);
      break;
    case 'context':
      maxItems(problems, b.elements, 10, `${pointer}/elements`);
      break;
    case 'actions':
      maxItems(problems, b.elements, 25, `${pointer}/elements`);
      if (Array.isArray(b.elements))
        b.elements.forEach((el, i) => {
          element(problems, el, `${pointer}/elements/${i}`);
        });
      break;
    case 'input':
      textObject(problems, b.label, 2000, `${pointer}/label`);
      textObject(problems, b.hint, 2000, `${pointer}/hint`);
      element(problems, b.element, `${pointer}/element`);
      break;
    case 'image':
      maxLength(problems, b.alt_text, 2000, `${pointer}/alt_text`);
      maxLength(problems, b.image_url, 3000, `${pointer}/image_url`);
      break;
  }
}

function blocks(problems: Problems, value: unknown, max: number, pointer: string): void {
  if (!Array.isArray(value)) return;
  maxItems(problems, value, max, pointer);
  value.forEach((raw, i) => {
    block(problems, raw, `${pointer}/${i}`);
  });
}

const refusal = (error: string, problems: Problems): SlackAnswer => ({
  ok: false,
  error,
  errors: problems,
  response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) },
});

/** Slack's refusal of a message or view over its limits, or undefined when Slack would take it. */
export function slackLimitRefusal(method: string, args: Record<string, unknown>): SlackAnswer | undefined {
  if (MESSAGE_METHODS.has(method)) {
    if ((asString(args.text)?.length ?? 0) > SLACK_MESSAGE_TEXT_MAX)
      return { ok: false, error: 'msg_too_long' };
    const problems: Problems = [];
    blocks(problems, args.blocks, 50, '/blocks');
    return problems.length > 0 ? refusal('invalid_blocks', problems) : undefined;
  }
  if (MODAL_METHODS.has(method) || method === 'views.publish') {
    const view = asRecord(args.view);
    const problems: Problems = [];
    blocks(problems, view.blocks, 100, '/view/blocks');
    maxLength(problems, view.private_metadata, 3000, '/view/private_metadata');
    maxLength(problems, view.callback_id, 255, '/view/callback_id');
    if (view.type === 'modal') {
      textObject(problems, view.title, 24, '/view/title');
      textObject(problems, view.submit, 24, '/view/submit');
      textObject(problems, view.close, 24, '/view/close');
    }
    return problems.length > 0 ? refusal('invalid_arguments', problems) : undefined;
  }
  return undefined;
}
