// The add / edit / suggest form and its parsing. Contacts are one a line ("phone: 988",
// "text: 741741 (text HOME)", "web: https://…"), regions and tags comma-separated, so the
// form fits a Discord modal in two parts and a Slack modal in one.
import type { Form, FormInput, FormValues } from '../../chat/index.ts';
import { literal, type MarkupText } from '../../chat/markup.ts';
import { english, type Translate } from '../../i18n/index.ts';
import { type ContactKind, contactKinds, type ResourceInput, type ResourceRecord } from './record.ts';
import { categoryChoices } from './views.ts';

export type FormKind = 'add' | 'edit' | 'suggest';

const titleOf = (kind: FormKind, t: Translate): string =>
  kind === 'add'
    ? t('resources.form.titleAdd')
    : kind === 'edit'
      ? t('resources.form.titleEdit')
      : t('resources.form.titleSuggest');

function contactLine(contact: ResourceRecord['contacts'][number]): string {
  return `${contact.kind}: ${contact.value}${contact.note ? ` (${contact.note})` : ''}`;
}

export function resourceForm(
  kind: FormKind,
  options: { initial?: ResourceRecord; context?: string; teamChoice?: boolean } = {},
  t: Translate = english,
): Form {
  const { initial } = options;
  const inputs: FormInput[] = [
    {
      type: 'text',
      id: 'title',
      label: t('resources.form.name'),
      maxLength: 200,
      ...(initial ? { initial: initial.title } : {}),
    },
    {
      type: 'select',
      id: 'category',
      label: t('resources.form.kind'),
      choices: categoryChoices(t),
      ...(initial ? { initial: initial.category } : {}),
    },
    {
      type: 'text',
      id: 'summary',
      label: t('resources.form.summary'),
      multiline: true,
      maxLength: 2000,
      ...(initial?.summary ? { initial: initial.summary } : {}),
    },
    {
      type: 'text',
      id: 'contacts',
      label: t('resources.form.contacts'),
      hint: t('resources.form.contactsHint'),
      multiline: true,
      maxLength: 1500,
      ...(initial && initial.contacts.length > 0
        ? { initial: initial.contacts.map(contactLine).join('\n') }
        : {}),
    },
    {
      type: 'text',
      id: 'regions',
      label: t('resources.form.regions'),
      hint: t('resources.form.regionsHint'),
      optional: true,
      maxLength: 200,
      ...(initial && initial.regions.length > 0 ? { initial: initial.regions.join(', ') } : {}),
    },
    {
      type: 'text',
      id: 'hours',
      label: t('resources.form.hours'),
      hint: t('resources.form.hoursHint'),
      optional: true,
      maxLength: 200,
      ...(initial?.hours ? { initial: initial.hours } : {}),
    },
    {
      type: 'text',
      id: 'tags',
      label: t('resources.form.tags'),
      optional: true,
      maxLength: 400,
      ...(initial && initial.tags.length > 0 ? { initial: initial.tags.join(', ') } : {}),
    },
    {
      type: 'text',
      id: 'source',
      label: t('resources.form.source'),
      optional: true,
      maxLength: 500,
      ...(initial?.source ? { initial: initial.source } : {}),
    },
  ];
  if (options.teamChoice) {
    inputs.push({
      type: 'select',
      id: 'visibility',
      label: t('resources.form.visibility'),
      choices: [
        { label: t('resources.form.everyone'), value: 'workspace' },
        { label: t('resources.form.team'), value: 'team' },
      ],
      initial: 'workspace',
    });
  }
  return {
    formId: `resources:${kind}-form`,
    title: titleOf(kind, t),
    submitLabel: kind === 'suggest' ? t('resources.form.send') : t('resources.form.save'),
    ...(options.context ? { context: options.context } : {}),
    intro: kind === 'suggest' ? t('resources.form.suggestNote') : t('resources.form.saveNote'),
    inputs,
  };
}

const single = (values: FormValues, id: string): string => {
  const value = values[id];
  return typeof value === 'string' ? value.trim() : Array.isArray(value) ? String(value[0] ?? '') : '';
};

const list = (value: string): string[] =>
  value
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

/** "phone: 988 (note)" lines to contacts; unknown kinds come back as problems. */
export function parseContactLines(
  textValue: string,
  t: Translate = english,
): {
  contacts: ResourceInput['contacts'];
  problems: MarkupText[];
} {
  const contacts: NonNullable<ResourceInput['contacts']> = [];
  const problems: MarkupText[] = [];
  for (const raw of textValue.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^([a-z]+)\s*:\s*(.+?)(?:\s+\(([^)]*)\))?$/i.exec(line);
    const kind = match?.[1]?.toLowerCase();
    if (!match || !kind || !(contactKinds as readonly string[]).includes(kind)) {
      problems.push(t('resources.form.badContact', { line: literal(line) }));
      continue;
    }
    contacts.push({
      kind: kind as ContactKind,
      value: match[2] ?? '',
      ...(match[3] ? { note: match[3] } : {}),
    });
  }
  return { contacts, problems };
}

/** The form's values as record input; zod (ResourceRecordSchema) then decides. */
export function formToInput(values: FormValues, id: string, base?: ResourceRecord, t: Translate = english) {
  const { contacts, problems } = parseContactLines(single(values, 'contacts'), t);
  const input: ResourceInput = {
    ...(base ?? {}),
    id,
    title: single(values, 'title'),
    category: single(values, 'category'),
    summary: single(values, 'summary'),
    contacts,
    regions: list(single(values, 'regions')),
    hours: single(values, 'hours'),
    tags: list(single(values, 'tags')),
    source: single(values, 'source'),
  };
  return {
    input,
    problems,
    visibility: single(values, 'visibility') === 'team' ? ('team' as const) : ('workspace' as const),
  };
}
