// What resources say. Compact lists (name, what it is for, how to reach it, hours), cards to
// send or share, help, and the words around suggestions and reviews. Plain and warm; the bot
// points to real help and never advises treatment.
import type { Block, Button, View } from '../../chat/index.ts';
import { literal } from '../../chat/markup.ts';
import { english, type Translate } from '../../i18n/index.ts';
import { type Category, categories, categoryLabels } from './categories.ts';
import type { Contact, ResourceRecord } from './record.ts';
import { type ResourceRow, rowToRecord } from './store.ts';

export const text = (message: string): View => ({ text: message, blocks: [{ type: 'text', text: message }] });

function shortLink(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname.replace(/^www\./, '')}${parsed.pathname === '/' ? '' : parsed.pathname}`.slice(
      0,
      60,
    );
  } catch {
    return url;
  }
}

export function contactText(contact: Contact, t: Translate = english): string {
  const note = contact.note ? ` (${contact.note})` : '';
  const value = literal(contact.value);
  switch (contact.kind) {
    case 'phone':
      return `${t('resource.call', { value })}${note}`;
    case 'text':
      return `${t('resource.text', { value })}${note}`;
    case 'chat':
      return `${t('resource.chat')}: [${shortLink(contact.value)}](${contact.value})${note}`;
    case 'web':
      return `[${shortLink(contact.value)}](${contact.value})${note}`;
    case 'email':
      return `${t('resource.email', { value })}${note}`;
  }
}

const clip = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/**
 * Who changed the entry in chat and when: a workspace's copy of a shared entry says it was
 * edited in this workspace, so nobody mistakes it for the shared starting set.
 */
export function changedNote(row: ResourceRow): string | undefined {
  if (!row.editedAt) return undefined;
  const by = row.editedBy ? ` by ${row.editedBy}` : '';
  const on = row.editedAt.toISOString().slice(0, 10);
  return row.replacesId ? `Edited in this workspace${by} on ${on}` : `Changed${by} on ${on}`;
}

/** One entry in a list: name, what it is for, how to reach it, hours, who changed it. */
export function resourceLine(row: ResourceRow, t: Translate = english): string {
  const note = changedNote(row);
  return `${recordLine(rowToRecord(row), t)}${note ? `\n_${note}._` : ''}`;
}

export function recordLine(record: ResourceRecord, t: Translate = english): string {
  const reach = record.contacts
    .slice(0, 3)
    .map((c) => contactText(c, t))
    .join(' · ');
  const where = record.regions.length > 0 ? record.regions.join(', ') : t('resource.international');
  // Only the crisis-line label is in the catalog yet; other categories keep their English names.
  const category =
    record.category === 'crisis-line' ? t('resource.crisisLine') : categoryLabels[record.category];
  const checked = record.verifiedOn
    ? ` · ${t('resource.checked', { date: literal(record.verifiedOn) })}`
    : '';
  return [
    `**${record.title}**${record.hours ? ` (${record.hours})` : ''}`,
    record.summary ? clip(record.summary, 160) : undefined,
    reach || undefined,
    `_${category} · ${where}${checked}_`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** The whole entry, as sent to someone's DMs or shared in a channel. */
export function resourceCardView(row: ResourceRow): View {
  const record = rowToRecord(row);
  const fields = [
    { label: 'What it is', value: categoryLabels[record.category] },
    { label: 'Where', value: record.regions.length > 0 ? record.regions.join(', ') : 'International' },
    ...(record.hours ? [{ label: 'Hours', value: record.hours }] : []),
    ...(record.languages.length > 0 ? [{ label: 'Languages', value: record.languages.join(', ') }] : []),
    ...(record.cost ? [{ label: 'Cost', value: record.cost }] : []),
  ];
  const blocks: Block[] = [
    { type: 'header', text: record.title },
    ...(record.summary ? [{ type: 'text' as const, text: record.summary }] : []),
    ...(record.contacts.length > 0
      ? [{ type: 'text' as const, text: record.contacts.map((c) => `• ${contactText(c)}`).join('\n') }]
      : []),
    { type: 'fields', fields },
    {
      type: 'context',
      text: `${
        record.verifiedOn
          ? `Details checked ${record.verifiedOn}${record.source ? ` against ${shortLink(record.source)}` : ''}.`
          : 'Details not yet checked by an admin; the service’s own site has the latest.'
      }${changedNote(row) ? ` ${changedNote(row)}.` : ''}`,
    },
  ];
  return {
    text: `${record.title}: ${record.contacts
      .map((c) => contactText(c))
      .slice(0, 2)
      .join(', ')}`,
    blocks,
  };
}

export function crisisCardView(rows: readonly ResourceRow[], region: string, t: Translate = english): View {
  const header = t('crisis.header', { region: literal(region) });
  return {
    text: header,
    blocks: [
      { type: 'header', text: header },
      {
        type: 'text',
        text: rows.map((row) => resourceLine(row, t)).join('\n\n') || t('crisis.none'),
      },
      { type: 'context', text: t('crisis.danger') },
    ],
  };
}

export function resultButtons(id: string, mayChange: boolean): Block {
  const elements: Button[] = [
    { type: 'button', actionId: 'resources:send', label: 'Send to me', value: `r:${id}`, style: 'primary' },
    { type: 'button', actionId: 'resources:share', label: 'Share in channel', value: `r:${id}` },
  ];
  if (mayChange) {
    elements.push(
      { type: 'button', actionId: 'resources:edit', label: 'Edit', value: id },
      { type: 'button', actionId: 'resources:retire', label: 'Retire', value: id, style: 'danger' },
    );
  }
  return { type: 'actions', elements };
}

export interface ResultsInput {
  readonly crisis?: { readonly region: string; readonly rows: readonly ResourceRow[] };
  readonly results: readonly ResourceRow[];
  readonly more?: { readonly value: string };
  readonly words: string;
  readonly page: number;
  readonly correctedTo?: string;
  readonly similarOnly: boolean;
  /** Results this person may change (the access policy said so): they get Edit and Retire. */
  readonly editable: ReadonlySet<string>;
}

/**
 * The crisis part is in the reader's language (`t`); the rest of the results (other categories,
 * search hints) is still English until its strings join the catalog.
 */
export function resultsView(input: ResultsInput, t: Translate = english): View {
  const blocks: Block[] = [];
  const { crisis } = input;
  if (crisis && crisis.rows.length > 0) {
    blocks.push(
      { type: 'header', text: t('crisis.header', { region: literal(crisis.region) }) },
      { type: 'text', text: crisis.rows.map((row) => resourceLine(row, t)).join('\n\n') },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            actionId: 'resources:send',
            label: t('crisis.sendToMe'),
            value: `c:${crisis.region}`,
            style: 'primary',
          },
          {
            type: 'button',
            actionId: 'resources:share',
            label: t('crisis.shareInChannel'),
            value: `c:${crisis.region}`,
          },
        ],
      },
      { type: 'context', text: t('crisis.dangerShort') },
    );
  }
  if (input.correctedTo)
    blocks.push({ type: 'context', text: `Showing results for “${input.correctedTo}”.` });
  if (input.similarOnly)
    blocks.push({ type: 'context', text: 'Nothing matched every word; these come close.' });
  if (input.results.length > 0) {
    blocks.push({
      type: 'header',
      text:
        input.page > 1 ? `More for “${input.words}” (page ${input.page})` : `Results for “${input.words}”`,
    });
    for (const row of input.results) {
      blocks.push(
        { type: 'text', text: resourceLine(row) },
        resultButtons(row.id, input.editable.has(row.id)),
      );
    }
  } else if (!crisis || crisis.rows.length === 0) {
    blocks.push({
      type: 'text',
      text: `I found nothing for “${input.words}”. Fewer or different words often help, or browse a category: ${categories.map((c) => `\`${c}\``).join(', ')}.`,
    });
  }
  if (input.more) {
    blocks.push({
      type: 'actions',
      elements: [
        { type: 'button', actionId: 'resources:more', label: 'More results', value: input.more.value },
      ],
    });
  }
  const count = input.results.length + (crisis?.rows.length ?? 0);
  return { text: t('crisis.resultsSummary', { count, words: literal(input.words) }), blocks };
}

export function findHelpView(): View {
  const list = categories.map((c) => `• \`${c}\`: ${categoryLabels[c]}`).join('\n');
  return {
    text: 'What would you like to find?',
    blocks: [
      {
        type: 'text',
        text: 'Tell me a few words, like `/peer find text line` or `/peer find peer support training`. Add `category:` or `region:` to narrow it, like `/peer find crisis region:GB`.',
      },
      { type: 'text', text: `**Categories**\n${list}` },
      {
        type: 'context',
        text: 'Crisis lines for your region always come first when you search for crisis, suicide or self-harm.',
      },
    ],
  };
}

export const categoryChoices = categories.map((c: Category) => ({ label: categoryLabels[c], value: c }));
