// The simple CSV for people who keep a spreadsheet. One row per resource; cells with several
// values separate them with ";"; a contact may carry a note in brackets: `741741 (text HOME)`.
// The column names stay these machine names in every language (they are not in the catalog):
// an export is also an import file, and a file made in Spanish must import in English too.
import type { Contact, ContactKind, ResourceInput, ResourceRecord } from '../record.ts';
import type { CsvRow } from './csv.ts';

export const simpleColumns = [
  'id',
  'name',
  'category',
  'description',
  'organization',
  'regions',
  'city',
  'phone',
  'text',
  'chat',
  'web',
  'email',
  'hours',
  'languages',
  'tags',
  'cost',
  'source',
  'verified_on',
  'verified_by',
  'status',
  // Whom a line is for, when it is for a particular group (HSDS eligibility): `veterans; military`.
  'eligibility',
  // The entry this one is the other-language door of (`us-988-lifeline` for 988 en español):
  // readers of other languages see only the main entry.
  'language_variant_of',
] as const;

const contactColumns: readonly ContactKind[] = ['phone', 'text', 'chat', 'web', 'email'];

const many = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * `741741 (text HOME)`: the note is the last bracketed group, matched bracket for bracket, so a
 * note may hold brackets of its own (`435748 (send your ZIP code (HELP4U))`) and a number may
 * start with some (`(512) 555-0199 (TTY)`). No value before the group: it was all the value.
 */
function contactOf(kind: ContactKind, cell: string): Contact {
  if (!cell.endsWith(')')) return { kind, value: cell };
  let depth = 0;
  for (let at = cell.length - 1; at >= 0; at--) {
    if (cell[at] === ')') depth++;
    else if (cell[at] === '(' && --depth === 0) {
      const value = cell.slice(0, at).trim();
      if (!value || !/\s$/.test(cell.slice(0, at))) return { kind, value: cell };
      return { kind, value, note: cell.slice(at + 1, -1) };
    }
  }
  return { kind, value: cell };
}

export function rowToInput(row: CsvRow): ResourceInput {
  const v = row.values;
  const text = (name: string) => {
    const value = v[name]?.trim();
    return value ? value : undefined;
  };
  return {
    id: v.id ?? '',
    title: v.name ?? '',
    category: v.category ?? '',
    summary: v.description ?? '',
    ...(text('organization') ? { organizationName: text('organization') } : {}),
    regions: many(v.regions),
    ...(text('city') ? { city: text('city') } : {}),
    contacts: contactColumns.flatMap((kind) => many(v[kind]).map((cell) => contactOf(kind, cell))),
    ...(text('hours') ? { hours: text('hours') } : {}),
    languages: many(v.languages),
    tags: many(v.tags),
    ...(text('cost') ? { cost: text('cost') } : {}),
    ...(text('source') ? { source: text('source') } : {}),
    ...(text('verified_on') ? { verifiedOn: text('verified_on') } : {}),
    ...(text('verified_by') ? { verifiedBy: text('verified_by') } : {}),
    ...(text('status') ? { status: text('status') as ResourceInput['status'] } : {}),
    ...extrasOf(many(v.eligibility), text('language_variant_of')),
  };
}

function extrasOf(eligibility: string[], variantOf: string | undefined): Pick<ResourceInput, 'extras'> {
  const extras = {
    ...(eligibility.length > 0 ? { x_eligibility: eligibility } : {}),
    ...(variantOf ? { x_language_variant_of: variantOf } : {}),
  };
  return Object.keys(extras).length > 0 ? { extras } : {};
}

const contactCell = (contacts: readonly Contact[], kind: ContactKind) =>
  contacts
    .filter((c) => c.kind === kind)
    .map((c) => (c.note ? `${c.value} (${c.note})` : c.value))
    .join('; ');

export function recordToRow(record: ResourceRecord): Record<string, string> {
  return {
    id: record.id,
    name: record.title,
    category: record.category,
    description: record.summary,
    organization: record.organizationName ?? '',
    regions: record.regions.join('; '),
    city: record.city ?? '',
    ...Object.fromEntries(contactColumns.map((kind) => [kind, contactCell(record.contacts, kind)])),
    hours: record.hours ?? '',
    languages: record.languages.join('; '),
    tags: record.tags.join('; '),
    cost: record.cost ?? '',
    source: record.source ?? '',
    verified_on: record.verifiedOn ?? '',
    verified_by: record.verifiedBy ?? '',
    status: record.status,
    eligibility: eligibilityOf(record).join('; '),
    language_variant_of:
      typeof record.extras.x_language_variant_of === 'string' ? record.extras.x_language_variant_of : '',
  };
}

const eligibilityOf = (record: ResourceRecord): string[] => {
  const groups = record.extras.x_eligibility;
  return Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [];
};
