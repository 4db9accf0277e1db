// What resources say. Compact lists (name, what it is for, how to reach it, hours), cards to
// send or share, help, and the words around suggestions and reviews. Plain and warm; the bot
// points to real help and never advises treatment.
import type { Block, Button, View } from '../../chat/index.ts';
import { literal, type MarkupText, markup } from '../../chat/markup.ts';
import { english, type Translate } from '../../i18n/index.ts';
import { type Category, categories } from './categories.ts';
import type { Contact, ResourceRecord } from './record.ts';
import { type ResourceRow, rowToRecord } from './store.ts';

/** Text a person or a data file wrote, as view text of its own. */
const own = (value: string): MarkupText => markup`${literal(value)}`;

export const text = (message: MarkupText): View => ({
  text: message,
  blocks: [{ type: 'text', text: message }],
});

/** A category's name in the reader's language. */
export const categoryLabel = (category: Category, t: Translate = english): MarkupText =>
  t(`resources.category.${category}`);

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

/**
 * A web address from the database as a link. The markup reads a link's target as it stands
 * (no escapes), so only an address that literal() leaves unchanged (no `_`, `*`, brackets…)
 * and that the markup reads as a link becomes one; any other is shown whole as literal text,
 * which every platform still makes clickable. (A `link(label, url)` in src/chat/markup.ts would
 * let every address be a link.)
 */
function linkTo(url: string): MarkupText {
  const target = literal(url);
  return target === url && /^https?:\/\/[^\s)]+$/.test(url)
    ? markup`[${literal(shortLink(url))}](${target})`
    : markup`${target}`;
}

export function contactText(contact: Contact, t: Translate = english): MarkupText {
  const note = contact.note ? markup` (${literal(contact.note)})` : markup``;
  const value = literal(contact.value);
  switch (contact.kind) {
    case 'phone':
      return markup`${t('resource.call', { value })}${note}`;
    case 'text':
      return markup`${t('resource.text', { value })}${note}`;
    case 'chat':
      return markup`${t('resource.chat')}: ${linkTo(contact.value)}${note}`;
    case 'web':
      return markup`${linkTo(contact.value)}${note}`;
    case 'email':
      return markup`${t('resource.email', { value })}${note}`;
  }
}

const clip = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

const joined = (parts: readonly MarkupText[], separator: MarkupText): MarkupText =>
  parts.length === 0 ? markup`` : parts.reduce((all, part) => markup`${all}${separator}${part}`);

/**
 * Who changed the entry in chat and when: a workspace's copy of a shared entry says it was
 * edited in this workspace, so nobody mistakes it for the shared starting set.
 */
export function changedNote(row: ResourceRow, t: Translate = english): MarkupText | undefined {
  if (!row.editedAt) return undefined;
  const date = literal(row.editedAt.toISOString().slice(0, 10));
  const name = row.editedBy ? literal(row.editedBy) : undefined;
  if (row.replacesId)
    return name
      ? t('resources.changed.workspaceBy', { name, date })
      : t('resources.changed.workspace', { date });
  return name ? t('resources.changed.by', { name, date }) : t('resources.changed.plain', { date });
}

/** One entry in a list: name, what it is for, how to reach it, hours, who changed it. */
export function resourceLine(row: ResourceRow, t: Translate = english): MarkupText {
  const note = changedNote(row, t);
  return note ? markup`${recordLine(rowToRecord(row), t)}\n_${note}._` : recordLine(rowToRecord(row), t);
}

const regionsOf = (record: ResourceRecord, t: Translate): MarkupText =>
  record.regions.length > 0 ? own(record.regions.join(', ')) : t('resource.international');

/** The entry's own words (title, summary, hours, numbers) are literal: a data file wrote them. */
export function recordLine(record: ResourceRecord, t: Translate = english): MarkupText {
  const reach = joined(
    record.contacts.slice(0, 3).map((c) => contactText(c, t)),
    markup` · `,
  );
  const checked = record.verifiedOn
    ? markup` · ${t('resource.checked', { date: literal(record.verifiedOn) })}`
    : markup``;
  const title = record.hours
    ? markup`**${literal(record.title)}** (${literal(record.hours)})`
    : markup`**${literal(record.title)}**`;
  const lines = [
    title,
    ...(record.summary ? [own(clip(record.summary, 160))] : []),
    ...(record.contacts.length > 0 ? [reach] : []),
    markup`_${categoryLabel(record.category, t)} · ${regionsOf(record, t)}${checked}_`,
  ];
  return joined(lines, markup`\n`);
}

/** The whole entry, as sent to someone's DMs or shared in a channel, in the reader's language. */
export function resourceCardView(row: ResourceRow, t: Translate = english): View {
  const record = rowToRecord(row);
  const fields = [
    { label: t('resources.card.whatItIs'), value: categoryLabel(record.category, t) },
    { label: t('resources.card.where'), value: regionsOf(record, t) },
    ...(record.hours ? [{ label: t('resources.card.hours'), value: own(record.hours) }] : []),
    ...(record.languages.length > 0
      ? [{ label: t('resources.card.languages'), value: own(record.languages.join(', ')) }]
      : []),
    ...(record.cost ? [{ label: t('resources.card.cost'), value: own(record.cost) }] : []),
  ];
  const checked = record.verifiedOn
    ? record.source
      ? t('resources.card.checkedAgainst', {
          date: literal(record.verifiedOn),
          source: literal(shortLink(record.source)),
        })
      : t('resources.card.checked', { date: literal(record.verifiedOn) })
    : t('resources.card.unchecked');
  const note = changedNote(row, t);
  const blocks: Block[] = [
    { type: 'header', text: own(record.title) },
    ...(record.summary ? [{ type: 'text' as const, text: own(record.summary) }] : []),
    ...(record.contacts.length > 0
      ? [
          {
            type: 'text' as const,
            text: joined(
              record.contacts.map((c) => markup`• ${contactText(c, t)}`),
              markup`\n`,
            ),
          },
        ]
      : []),
    { type: 'fields', fields },
    { type: 'context', text: note ? markup`${checked} ${note}.` : checked },
  ];
  return {
    text: markup`${literal(record.title)}: ${joined(
      record.contacts.slice(0, 2).map((c) => contactText(c, t)),
      markup`, `,
    )}`,
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
        text:
          rows.length > 0
            ? joined(
                rows.map((row) => resourceLine(row, t)),
                markup`\n\n`,
              )
            : t('crisis.none'),
      },
      { type: 'context', text: t('crisis.danger') },
    ],
  };
}

export function resultButtons(id: string, mayChange: boolean, t: Translate = english): Block {
  const elements: Button[] = [
    {
      type: 'button',
      actionId: 'resources:send',
      label: t('resources.find.sendToMe'),
      value: `r:${id}`,
      style: 'primary',
    },
    { type: 'button', actionId: 'resources:share', label: t('resources.find.share'), value: `r:${id}` },
  ];
  if (mayChange) {
    elements.push(
      { type: 'button', actionId: 'resources:edit', label: t('resources.find.edit'), value: id },
      {
        type: 'button',
        actionId: 'resources:retire',
        label: t('resources.find.retire'),
        value: id,
        style: 'danger',
      },
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

/** Every category as typed in a command: `crisis-line`, `self-care`, … */
const categoryCodes = (): MarkupText =>
  joined(
    categories.map((c) => markup`\`${literal(c)}\``),
    markup`, `,
  );

/** The whole results message is in the reader's language (`t`); the entries' own words are literal. */
export function resultsView(input: ResultsInput, t: Translate = english): View {
  const blocks: Block[] = [];
  const { crisis } = input;
  const words = literal(input.words);
  if (crisis && crisis.rows.length > 0) {
    blocks.push(
      { type: 'header', text: t('crisis.header', { region: literal(crisis.region) }) },
      {
        type: 'text',
        text: joined(
          crisis.rows.map((row) => resourceLine(row, t)),
          markup`\n\n`,
        ),
      },
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
    blocks.push({
      type: 'context',
      text: t('resources.find.correctedTo', { words: literal(input.correctedTo) }),
    });
  if (input.similarOnly) blocks.push({ type: 'context', text: t('resources.find.similarOnly') });
  if (input.results.length > 0) {
    blocks.push({
      type: 'header',
      text:
        input.page > 1
          ? t('resources.find.morePage', { words, page: input.page })
          : t('resources.find.results', { words }),
    });
    for (const row of input.results) {
      blocks.push(
        { type: 'text', text: resourceLine(row, t) },
        resultButtons(row.id, input.editable.has(row.id), t),
      );
    }
  } else if (!crisis || crisis.rows.length === 0) {
    blocks.push({
      type: 'text',
      text: t('resources.find.nothing', { words, categories: categoryCodes() }),
    });
  }
  if (input.more) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          actionId: 'resources:more',
          label: t('resources.find.more'),
          value: input.more.value,
        },
      ],
    });
  }
  const count = input.results.length + (crisis?.rows.length ?? 0);
  return { text: t('crisis.resultsSummary', { count, words }), blocks };
}

export function findHelpView(t: Translate = english): View {
  const list = joined(
    categories.map((c) => markup`• \`${literal(c)}\`: ${categoryLabel(c, t)}`),
    markup`\n`,
  );
  return {
    text: t('resources.help.summary'),
    blocks: [
      { type: 'text', text: t('resources.help.howTo') },
      { type: 'text', text: markup`${t('resources.help.categories')}\n${list}` },
      { type: 'context', text: t('resources.help.crisisFirst') },
    ],
  };
}

export const categoryChoices = (t: Translate = english) =>
  categories.map((c: Category) => ({ label: categoryLabel(c, t), value: c }));
