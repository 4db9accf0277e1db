// Issue 21: what a member writes (a name, an answer, a topic, a title…) reaches a view only
// through literal(), and every renderer must show it character for character: no link with a
// hidden destination, no mention or channel ping, no emoji code, no formatting on that platform.
//
// Each check renders the same view twice, once with a harmless value and once with the
// hostile one, and parses what the platform would parse (links, mentions, formatting markers,
// emoji codes, line-start quotes and headings): the hostile rendering must have exactly the
// bot's own structure, nothing more. A bare address stays visible as typed (the platform may
// make it clickable, but it hides nothing), so only masked links count as links here.
import { describe, expect, it } from 'vitest';
import { renderDiscordMessages } from '../../src/adapters/discord/render-components.ts';
import { renderMattermostPosts } from '../../src/adapters/mattermost/render-markdown.ts';
import { renderShellText } from '../../src/adapters/shell/render-text.ts';
import { renderSlackMessages } from '../../src/adapters/slack/render-blocks.ts';
import { literal, markup } from '../../src/chat/markup.ts';
import { type View, view } from '../../src/chat/views.ts';

const fields = [
  'display name',
  'team name',
  'check-in answer',
  'agenda topic',
  'session title',
  'plan section',
  'flag note',
  'resource title',
  'resource summary',
  'resource suggestion',
] as const;

const hostile = [
  '[Join](https://evil.example/x)',
  '<https://evil.example|x>',
  '<@U123> <@123456789012345678> <#C0123> <@&42> <!here> <!channel|channel> @everyone @here @channel @all ~town-square',
  '*b* _i_ ~s~ **b** `c` ~~s~~ ||spoiler|| :smile:',
  '# Heading\n> quote\n- item\n1. first\n```\ncode\n```',
].join('\n');

const harmless = 'plain words';

/** A view holding the value everywhere a feature puts a person's words. */
function viewWith(field: string, typed: string): View {
  const label = markup`${literal(field)}`;
  const value = literal(typed);
  return view(
    markup`${label}: ${value}`,
    { type: 'header', text: markup`${value}` },
    { type: 'text', text: markup`**${label}:** ${value}` },
    { type: 'text', text: markup`${value}` },
    {
      type: 'text',
      text: markup`**${value}** and _${value}_ and [${value}](https://peerbridge.example/guide)`,
    },
    { type: 'fields', fields: [{ label, value: markup`${value}` }] },
    { type: 'context', text: markup`${label} · ${value}` },
  );
}

const zwsp = '\u200b';

// ---- Slack mrkdwn ----

function slackStructure(mrkdwn: string): string[] {
  const found: string[] = [];
  // <url|label>, <@U…>, <!here>, <#C…>: only the bot's own links may be left.
  for (const m of mrkdwn.matchAll(/<[^<>\n]*>/g)) found.push(`angle ${m[0]}`);
  for (const m of mrkdwn.matchAll(/(?<!\u200b)@(here|channel|everyone)\b/g)) found.push(`ping ${m[0]}`);
  // A formatting marker counts unless a zero-width space sits on both sides of it.
  const chars = [...mrkdwn];
  chars.forEach((ch, i) => {
    if (!'*_~`'.includes(ch)) return;
    const before = chars[i - 1];
    const after = chars[i + 1];
    // Slack reads `*_~` only at a word's edge: between two letters or digits they format nothing.
    const word = /[\p{L}\p{N}]/u;
    if (ch !== '`' && word.test(before ?? '') && word.test(after ?? '')) return;
    const broken =
      (before === zwsp || '*_~`'.includes(before ?? '')) && (after === zwsp || '*_~`'.includes(after ?? ''));
    if (!broken) found.push(`marker ${ch}`);
  });
  for (const m of mrkdwn.matchAll(/:[a-z0-9_+-]+:/g)) found.push(`emoji ${m[0]}`);
  for (const m of mrkdwn.matchAll(/^\s*(?:>|&gt;)/gm)) found.push(`quote ${m[0]}`);
  return found;
}

const slackVisible = (mrkdwn: string): string =>
  mrkdwn.replaceAll(zwsp, '').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

function slackTexts(shown: View): string[] {
  return renderSlackMessages(shown).flatMap((message) => [
    message.text,
    ...message.blocks.flatMap((block) => {
      if (block.type === 'section')
        return [block.text?.text ?? '', ...(block.fields ?? []).map((f) => f.text)];
      if (block.type === 'context') return block.elements.map((e) => ('text' in e ? e.text : ''));
      return [];
    }),
  ]);
}

// ---- Discord and Mattermost markdown (backslash escapes) ----

/** The markdown with every backslash-escaped character replaced by a neutral letter. */
function unescapedOnly(markdown: string): string {
  let out = '';
  for (let i = 0; i < markdown.length; i++) {
    const ch = markdown[i]!;
    if (ch === '\\' && /[!-/:-@[-`{-~]/.test(markdown[i + 1] ?? '')) {
      out += 'x';
      i++;
    } else out += ch;
  }
  return out;
}

function markdownStructure(markdown: string, platform: 'discord' | 'mattermost'): string[] {
  // The renderers mark a context block line by line (Mattermost `> `, Discord `-# `): the bot's
  // own marks, taken off before looking at what is left of each line.
  const plain = unescapedOnly(markdown).replace(/^(?:> |-# )/gm, '');
  const found: string[] = [];
  for (const m of plain.matchAll(/\[[^\]\n]*\]\([^)\n]*\)/g)) found.push(`masked link ${m[0]}`);
  for (const m of plain.matchAll(/<(?:@[!&]?|#|!|:|t:|\/)[^<>\n]*>/g)) found.push(`mention ${m[0]}`);
  if (platform === 'discord')
    for (const m of plain.matchAll(/(?<![\w\u200b])@(everyone|here)\b/gi)) found.push(`ping ${m[0]}`);
  else {
    // Mattermost finds @mentions and ~channel links in the text after markdown, where a
    // backslash escape is already gone: only a zero-width space keeps them plain.
    const shown = markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
    for (const m of shown.matchAll(/(?<![\w\u200b])@[a-z][\w.-]*/gi)) found.push(`ping ${m[0]}`);
    for (const m of shown.matchAll(/(?<![\w\u200b])~[a-z][\w-]*/gi)) found.push(`channel ${m[0]}`);
  }
  // A lone `|` formats nothing (a spoiler is `||`; a table needs a `---` row, and a person's
  // line-start `-` is escaped), so it may stay where a bare address keeps it.
  for (const m of plain.matchAll(/[*_~`]|\|\|/g)) found.push(`marker ${m[0]}`);
  for (const m of plain.matchAll(/:[a-z0-9_+-]+:/g)) found.push(`emoji ${m[0]}`);
  for (const m of plain.matchAll(/^\s*(#{1,3} |> |[-*+] |\d+\. )/gm)) found.push(`line ${m[1]}`);
  return found;
}

const discordStructure = (text: string) => markdownStructure(text, 'discord');
const mattermostStructure = (text: string) => markdownStructure(text, 'mattermost');

const markdownVisible = (markdown: string): string =>
  markdown.replaceAll(zwsp, '').replace(/\\([!-/:-@[-`{-~])/g, '$1');

const discordTexts = (shown: View): string[] => renderDiscordMessages(shown).map((m) => m.content ?? '');

const mattermostOptions = {
  actionUrl: 'https://peerbridge.example/mattermost/action',
  key: Buffer.alloc(32, 7),
};
const mattermostTexts = (shown: View): string[] =>
  renderMattermostPosts(shown, mattermostOptions).map((post) => post.message);

// ---- The checks ----

/**
 * What the hostile rendering has that the harmless one does not: it must be nothing. (The
 * hostile value may break the bot's own bold or link around it into plain characters, so the
 * harmless rendering can have more; never the other way round.)
 */
function added(
  texts: { readonly hostile: readonly string[]; readonly harmless: readonly string[] },
  parse: (text: string) => string[],
): string[] {
  const left = texts.harmless.flatMap(parse);
  return texts.hostile.flatMap(parse).filter((token) => {
    const at = left.indexOf(token);
    if (at === -1) return true;
    left.splice(at, 1);
    return false;
  });
}

describe.each(fields)('a %s', (field) => {
  const typed = (value: string) => viewWith(field, value);

  it('stays plain text on Slack: no link, mention, ping, emoji or formatting', () => {
    const shown = slackTexts(typed(hostile));
    expect(added({ hostile: shown, harmless: slackTexts(typed(harmless)) }, slackStructure)).toEqual([]);
    expect(shown.join('\n')).not.toMatch(/<https:\/\/evil|<@U123>|<!here>|<!channel/);
    // The person still reads what they wrote, character for character.
    for (const line of [
      '[Join](https://evil.example/x)',
      '<https://evil.example|x>',
      '*b* _i_ ~s~ **b** `c`',
    ])
      expect(slackVisible(shown.join('\n'))).toContain(line);
  });

  it('stays plain text on Discord, and the message pings nobody', () => {
    const messages = renderDiscordMessages(typed(hostile));
    const shown = messages.map((m) => m.content ?? '');
    expect(added({ hostile: shown, harmless: discordTexts(typed(harmless)) }, discordStructure)).toEqual([]);
    for (const message of messages) expect(message.allowed_mentions).toEqual({ parse: [] });
    for (const line of ['[Join](https://evil.example/x)', '<@U123>', '*b* _i_ ~s~ **b** `c`'])
      expect(markdownVisible(shown.join('\n'))).toContain(line);
  });

  it('stays plain text on Mattermost: no @channel, @all, @here or ~channel', () => {
    const shown = mattermostTexts(typed(hostile));
    expect(
      added({ hostile: shown, harmless: mattermostTexts(typed(harmless)) }, mattermostStructure),
    ).toEqual([]);
    for (const line of [
      '[Join](https://evil.example/x)',
      '@channel @all ~town-square',
      '*b* _i_ ~s~ **b** `c`',
    ])
      expect(markdownVisible(shown.join('\n'))).toContain(line);
  });

  it('shows as typed in the shell, without control characters', () => {
    const { text } = renderShellText(typed(`${hostile}\u001b[2J\r`));
    expect(text).toContain(hostile);
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\r');
  });
});

describe('words with marks inside them', () => {
  it('stay searchable on Slack: America/New_York and 2*3 are left as typed', () => {
    const [message] = renderSlackMessages(
      view(markup`${literal('Zone: America/New_York, 2*3')}`, {
        type: 'text',
        text: markup`${literal('Zone: America/New_York, 2*3')}`,
      }),
    );
    expect(message!.text).toBe('Zone: America/New_York, 2*3');
    expect(JSON.stringify(message!.blocks)).toContain('America/New_York, 2*3');
  });
});

describe('the notification text (View.text)', () => {
  const summary = (value: string): View => view(markup`Agenda: ${literal(value)}`);

  it('is escaped on Slack, where it is what the notification and screen readers show', () => {
    const [message] = renderSlackMessages(summary(hostile));
    expect(slackStructure(message!.text)).toEqual([]);
    expect(slackVisible(message!.text)).toContain('<https://evil.example|x>');
  });

  it('is escaped on Discord and Mattermost when it stands in for an empty view', () => {
    const discord = renderDiscordMessages(summary(hostile))[0]!.content ?? '';
    expect(discordStructure(discord)).toEqual([]);
    const mattermost = mattermostTexts(summary(hostile)).join('\n');
    expect(mattermostStructure(mattermost)).toEqual([]);
  });
});
