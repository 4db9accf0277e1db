// What Discord refuses, written down from its API reference (Create Message, Embed Limits,
// Message Components, Interaction Response Modal), independently of src/chat/limits.ts: a
// renderer that skips a limit meets the fake's refusal, as it would Discord's. The answer has
// Discord's shape: HTTP 400, code 50035 "Invalid Form Body", and `errors` nested along the
// path of each bad field, e.g. `{ content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH',
// message: 'Must be 2000 or fewer in length.' }] } }`.
import { asRecord } from '../shared/http.ts';
import { discordError, type RestResult } from './discord-rest-kit.ts';

interface Problem {
  readonly path: readonly (string | number)[];
  readonly code: string;
  readonly message: string;
}

type Problems = Problem[];

const TYPE = {
  actionRow: 1,
  button: 2,
  stringSelect: 3,
  textInput: 4,
  textDisplay: 10,
  label: 18,
} as const;

function maxLength(problems: Problems, value: unknown, max: number, path: Problem['path']): void {
  if (typeof value === 'string' && value.length > max)
    problems.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
}

function maxItems(problems: Problems, value: unknown, max: number, path: Problem['path']): void {
  if (Array.isArray(value) && value.length > max)
    problems.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function embeds(problems: Problems, value: unknown, path: Problem['path']): void {
  maxItems(problems, value, 10, path);
  let total = 0;
  const counted = (text: unknown) => {
    if (typeof text === 'string') total += text.length;
  };
  list(value).forEach((raw, i) => {
    const embed = asRecord(raw);
    const at = [...path, i];
    maxLength(problems, embed.title, 256, [...at, 'title']);
    maxLength(problems, embed.description, 4096, [...at, 'description']);
    maxItems(problems, embed.fields, 25, [...at, 'fields']);
    list(embed.fields).forEach((rawField, f) => {
      const field = asRecord(rawField);
      maxLength(problems, field.name, 256, [...at, 'fields', f, 'name']);
      maxLength(problems, field.value, 1024, [...at, 'fields', f, 'value']);
      counted(field.name);
      counted(field.value);
    });
    maxLength(problems, asRecord(embed.footer).text, 2048, [...at, 'footer', 'text']);
    maxLength(problems, asRecord(embed.author).name, 256, [...at, 'author', 'name']);
    counted(embed.title);
    counted(embed.description);
    counted(asRecord(embed.footer).text);
    counted(asRecord(embed.author).name);
  });
  if (total > 6000)
    problems.push({
      path,
      code: 'MAX_EMBED_SIZE_EXCEEDED',
      message: 'Embed size exceeds maximum size of 6000',
    });
}

function selectOptions(problems: Problems, value: unknown, path: Problem['path']): void {
  maxItems(problems, value, 25, path);
  list(value).forEach((raw, i) => {
    const option = asRecord(raw);
    maxLength(problems, option.label, 100, [...path, i, 'label']);
    maxLength(problems, option.value, 100, [...path, i, 'value']);
    maxLength(problems, option.description, 100, [...path, i, 'description']);
  });
}

/** A component inside an action row, a label or (legacy) a modal's row. */
function leaf(problems: Problems, raw: unknown, path: Problem['path']): void {
  const component = asRecord(raw);
  maxLength(problems, component.custom_id, 100, [...path, 'custom_id']);
  switch (component.type) {
    case TYPE.button:
      maxLength(problems, component.label, 80, [...path, 'label']);
      maxLength(problems, component.url, 512, [...path, 'url']);
      break;
    case TYPE.stringSelect:
      maxLength(problems, component.placeholder, 150, [...path, 'placeholder']);
      selectOptions(problems, component.options, [...path, 'options']);
      break;
    case TYPE.textInput:
      maxLength(problems, component.label, 45, [...path, 'label']);
      maxLength(problems, component.placeholder, 100, [...path, 'placeholder']);
      maxLength(problems, component.value, 4000, [...path, 'value']);
      if (typeof component.max_length === 'number' && component.max_length > 4000)
        problems.push({
          path: [...path, 'max_length'],
          code: 'NUMBER_TYPE_MAX',
          message: 'int value should be less than or equal to 4000.',
        });
      break;
  }
}

function actionRows(problems: Problems, value: unknown, path: Problem['path']): void {
  maxItems(problems, value, 5, path);
  list(value).forEach((raw, r) => {
    const row = asRecord(raw);
    if (row.type !== TYPE.actionRow) return;
    const children = list(row.components);
    maxItems(problems, children, 5, [...path, r, 'components']);
    // A select fills a row (width 5); a button takes one place of five.
    const width = children.reduce<number>(
      (sum, child) => sum + (asRecord(child).type === TYPE.button ? 1 : 5),
      0,
    );
    if (width > 5 && children.length <= 5)
      problems.push({
        path: [...path, r, 'components'],
        code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        message: 'The specified component exceeds the maximum width',
      });
    children.forEach((child, c) => {
      leaf(problems, child, [...path, r, 'components', c]);
    });
  });
}

function message(problems: Problems, body: unknown, path: Problem['path'] = []): void {
  const fields = asRecord(body);
  maxLength(problems, fields.content, 2000, [...path, 'content']);
  if (fields.embeds !== undefined) embeds(problems, fields.embeds, [...path, 'embeds']);
  if (fields.components !== undefined) actionRows(problems, fields.components, [...path, 'components']);
}

function modal(problems: Problems, body: unknown, path: Problem['path']): void {
  const fields = asRecord(body);
  maxLength(problems, fields.title, 45, [...path, 'title']);
  maxLength(problems, fields.custom_id, 100, [...path, 'custom_id']);
  const components = list(fields.components);
  maxItems(problems, components, 5, [...path, 'components']);
  components.forEach((raw, i) => {
    const component = asRecord(raw);
    const at = [...path, 'components', i];
    if (component.type === TYPE.label) {
      maxLength(problems, component.label, 45, [...at, 'label']);
      maxLength(problems, component.description, 100, [...at, 'description']);
      leaf(problems, component.component, [...at, 'component']);
    } else if (component.type === TYPE.textDisplay) {
      maxLength(problems, component.content, 4000, [...at, 'content']);
    } else if (component.type === TYPE.actionRow) {
      list(component.components).forEach((child, c) => {
        leaf(problems, child, [...at, 'components', c]);
      });
    }
  });
}

/** `[{ path: ['components', 0, 'label'] … }]` -> `{ components: { 0: { label: { _errors: […] } } } }`. */
function nested(problems: Problems): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  for (const problem of problems) {
    let node = errors;
    for (const key of problem.path) {
      const name = String(key);
      node[name] ??= {};
      node = node[name] as Record<string, unknown>;
    }
    node._errors ??= [];
    (node._errors as unknown[]).push({ code: problem.code, message: problem.message });
  }
  return errors;
}

const MESSAGE_ROUTES = new Set([
  'POST /channels/:channelId/messages',
  'PATCH /channels/:channelId/messages/:messageId',
  'POST /webhooks/:appId/:token',
  'PATCH /webhooks/:appId/:token/messages/:messageId',
]);
const CALLBACK_ROUTE = 'POST /interactions/:interactionId/:token/callback';
/** Interaction callback types whose `data` is a message (4, 7) or a modal (9). */
const MESSAGE_CALLBACKS = new Set([4, 7]);
const MODAL_CALLBACK = 9;

/** Discord's 50035 refusal of a body over its limits, or undefined when Discord would take it. */
export function discordLimitRefusal(route: string, body: unknown): RestResult | undefined {
  const problems: Problems = [];
  if (MESSAGE_ROUTES.has(route)) message(problems, body);
  if (route === CALLBACK_ROUTE) {
    const callback = asRecord(body);
    if (typeof callback.type === 'number' && MESSAGE_CALLBACKS.has(callback.type))
      message(problems, callback.data, ['data']);
    if (callback.type === MODAL_CALLBACK) modal(problems, callback.data, ['data']);
  }
  return problems.length > 0 ? discordError(400, 50035, 'Invalid Form Body', nested(problems)) : undefined;
}
