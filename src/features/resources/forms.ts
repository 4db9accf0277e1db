// The add / edit / suggest form and its parsing. Contacts are one a line ("phone: 988",
// "text: 741741 (text HOME)", "web: https://…"), regions and tags comma-separated, so the
// form fits a Discord modal in two parts and a Slack modal in one.
import type { Form, FormInput, FormValues } from '../../chat/index.ts';
import { type ContactKind, contactKinds, type ResourceInput, type ResourceRecord } from './record.ts';
import { categoryChoices } from './views.ts';

export type FormKind = 'add' | 'edit' | 'suggest';

const titles: Readonly<Record<FormKind, string>> = {
  add: 'Add a resource',
  edit: 'Edit a resource',
  suggest: 'Suggest a resource',
};

function contactLine(contact: ResourceRecord['contacts'][number]): string {
  return `${contact.kind}: ${contact.value}${contact.note ? ` (${contact.note})` : ''}`;
}

export function resourceForm(
  kind: FormKind,
  options: { initial?: ResourceRecord; context?: string; teamChoice?: boolean } = {},
): Form {
  const { initial } = options;
  const inputs: FormInput[] = [
    {
      type: 'text',
      id: 'title',
      label: 'Name',
      maxLength: 200,
      ...(initial ? { initial: initial.title } : {}),
    },
    {
      type: 'select',
      id: 'category',
      label: 'What kind of resource',
      choices: categoryChoices,
      ...(initial ? { initial: initial.category } : {}),
    },
    {
      type: 'text',
      id: 'summary',
      label: 'What it is for',
      multiline: true,
      maxLength: 2000,
      ...(initial?.summary ? { initial: initial.summary } : {}),
    },
    {
      type: 'text',
      id: 'contacts',
      label: 'How to reach it (one a line)',
      hint: 'Like `phone: 988`, `text: 741741 (text HOME)`, `web: https://…`, `chat: https://…`, `email: …`',
      multiline: true,
      maxLength: 1500,
      ...(initial && initial.contacts.length > 0
        ? { initial: initial.contacts.map(contactLine).join('\n') }
        : {}),
    },
    {
      type: 'text',
      id: 'regions',
      label: 'Where (region codes)',
      hint: 'Like US, US-TX or GB, comma-separated. Leave empty for international.',
      optional: true,
      maxLength: 200,
      ...(initial && initial.regions.length > 0 ? { initial: initial.regions.join(', ') } : {}),
    },
    {
      type: 'text',
      id: 'hours',
      label: 'Hours',
      hint: 'Like 24/7 or Mon-Fri 9-5 Eastern',
      optional: true,
      maxLength: 200,
      ...(initial?.hours ? { initial: initial.hours } : {}),
    },
    {
      type: 'text',
      id: 'tags',
      label: 'Search words (comma-separated)',
      optional: true,
      maxLength: 400,
      ...(initial && initial.tags.length > 0 ? { initial: initial.tags.join(', ') } : {}),
    },
    {
      type: 'text',
      id: 'source',
      label: 'Where the details come from',
      optional: true,
      maxLength: 500,
      ...(initial?.source ? { initial: initial.source } : {}),
    },
  ];
  if (options.teamChoice) {
    inputs.push({
      type: 'select',
      id: 'visibility',
      label: 'Who sees it',
      choices: [
        { label: 'Everyone in this workspace', value: 'workspace' },
        { label: 'Only this team', value: 'team' },
      ],
      initial: 'workspace',
    });
  }
  return {
    formId: `resources:${kind}-form`,
    title: titles[kind],
    submitLabel: kind === 'suggest' ? 'Send suggestion' : 'Save',
    ...(options.context ? { context: options.context } : {}),
    intro:
      kind === 'suggest'
        ? 'An admin looks at each suggestion before it is added, and I will tell you what they decide.'
        : 'Only what you type here is saved; nothing is half-written if something needs a change.',
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
export function parseContactLines(textValue: string): {
  contacts: ResourceInput['contacts'];
  problems: string[];
} {
  const contacts: NonNullable<ResourceInput['contacts']> = [];
  const problems: string[] = [];
  for (const raw of textValue.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const match = /^([a-z]+)\s*:\s*(.+?)(?:\s+\(([^)]*)\))?$/i.exec(line);
    const kind = match?.[1]?.toLowerCase();
    if (!match || !kind || !(contactKinds as readonly string[]).includes(kind)) {
      problems.push(
        `I couldn't read the contact line '${line}'. Start it with phone:, text:, chat:, web: or email:.`,
      );
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
export function formToInput(values: FormValues, id: string, base?: ResourceRecord) {
  const { contacts, problems } = parseContactLines(single(values, 'contacts'));
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
