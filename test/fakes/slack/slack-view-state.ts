import type { ViewOutput, ViewStateValue } from '@slack/bolt';
import { asRecord, asString } from '../shared/http.ts';

/**
 * What a user typed or picked in a modal, keyed by block_id or action_id:
 * a string (text inputs, single selects by option value, date "2025-01-31", user "U…"),
 * an array of strings (multi-selects, checkboxes), or a full ViewStateValue to bypass conversion.
 */
export type ViewAnswers = Record<string, string | string[] | ViewStateValue>;

interface InputElement {
  blockId: string;
  actionId: string;
  type: string;
  options: Record<string, unknown>[];
}

function inputElements(blocks: ViewOutput['blocks']): InputElement[] {
  const found: InputElement[] = [];
  for (const raw of blocks) {
    const block = asRecord(raw);
    if (block.type !== 'input') continue;
    const element = asRecord(block.element);
    const blockId = asString(block.block_id);
    const actionId = asString(element.action_id);
    const type = asString(element.type);
    if (!blockId || !actionId || !type) {
      throw new Error(
        `fake-slack: input block without block_id/action_id cannot be answered: ${JSON.stringify(raw)}`,
      );
    }
    const options = Array.isArray(element.options) ? element.options.map(asRecord) : [];
    found.push({ blockId, actionId, type, options });
  }
  return found;
}

function option(
  element: InputElement,
  value: string,
): { text: { type: 'plain_text'; text: string }; value: string } {
  const match = element.options.find((candidate) => candidate.value === value);
  if (element.options.length > 0 && !match) {
    throw new Error(`fake-slack: "${value}" is not an option of ${element.blockId}/${element.actionId}`);
  }
  const text = asString(asRecord(match?.text).text) ?? value;
  return { text: { type: 'plain_text', text }, value };
}

function convert(element: InputElement, answer: string | string[] | undefined): ViewStateValue {
  const one = Array.isArray(answer) ? answer[0] : answer;
  const many = answer === undefined ? [] : Array.isArray(answer) ? answer : [answer];
  const type = element.type;
  switch (type) {
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return { type, selected_option: one === undefined ? null : option(element, one) };
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return { type, selected_options: many.map((value) => option(element, value)) };
    case 'datepicker':
      return { type, selected_date: one ?? null };
    case 'timepicker':
      return { type, selected_time: one ?? null };
    case 'users_select':
      return { type, selected_user: one ?? null };
    case 'multi_users_select':
      return { type, selected_users: many };
    case 'conversations_select':
      return { type, selected_conversation: one ?? null };
    case 'channels_select':
      return { type, selected_channel: one ?? null };
    default:
      // plain_text_input, number_input, email_text_input, url_text_input, …
      return { type, value: one ?? null };
  }
}

/** Builds `view.state.values` for a submission of `view`, the way Slack would. Unknown answer keys throw. */
export function viewStateFor(view: Pick<ViewOutput, 'blocks'>, answers: ViewAnswers): ViewOutput['state'] {
  const elements = inputElements(view.blocks);
  for (const key of Object.keys(answers)) {
    if (!elements.some((element) => element.blockId === key || element.actionId === key)) {
      const known = elements.map((element) => `${element.blockId}/${element.actionId}`).join(', ');
      throw new Error(`fake-slack: the view has no input "${key}" (inputs: ${known || 'none'})`);
    }
  }
  const values: ViewOutput['state']['values'] = {};
  for (const element of elements) {
    const answer = answers[element.blockId] ?? answers[element.actionId];
    const state =
      answer !== undefined && typeof answer === 'object' && !Array.isArray(answer)
        ? answer
        : convert(element, answer);
    values[element.blockId] = { [element.actionId]: state };
  }
  return { values };
}
