// The Mattermost renderer: member text stays literal (no link, mention, channel link or
// formatting in the bot's voice), the bot's own markup renders, buttons become post actions
// with letters-and-digits ids and a context the MAC check accepts, and nothing else.
import { describe, expect, it } from 'vitest';
import { actionKey, signAction, verifyAction } from '../../../src/adapters/mattermost/action-mac.ts';
import {
  renderMattermostPosts,
  toMattermostMarkdown,
} from '../../../src/adapters/mattermost/render-markdown.ts';
import { literal, markup } from '../../../src/chat/markup.ts';
import { view } from '../../../src/chat/views.ts';

const key = actionKey(undefined, 'token');
const options = { actionUrl: 'http://bot/mattermost/action', key };

describe('Mattermost markdown from neutral markup', () => {
  it("renders the bot's bold, italic, code and links", () => {
    expect(toMattermostMarkdown('**Hi** _there_ `code` [help](https://example.org/a)')).toBe(
      '**Hi** _there_ `code` [help](https://example.org/a)',
    );
  });

  it('keeps what a member typed literal: links, mentions, channel links, formatting, headings', () => {
    const typed = '[click](https://evil.example) @channel @carol ~town-square **loud** # Title :smile:';
    const shown = toMattermostMarkdown(markup`Team ${literal(typed)}`);
    expect(shown).not.toContain('[click](');
    expect(shown).toContain('\\[click\\](https://evil.example)');
    expect(shown).toContain('@\u200bchannel');
    expect(shown).toContain('@\u200bcarol');
    expect(shown).toContain('\\~\u200btown-square');
    expect(shown).toContain('\\*\\*loud\\*\\*');
    expect(shown).toContain(':\u200bsmile:');
    expect(toMattermostMarkdown(literal('# Title'))).toBe('\\# Title');
  });
});

describe('post actions', () => {
  it('gives buttons letters-and-digits ids and a MAC-signed context; link buttons become links', () => {
    const [post] = renderMattermostPosts(
      view(
        markup`Pick`,
        { type: 'text', text: markup`Pick one` },
        {
          type: 'actions',
          elements: [
            { type: 'button', actionId: 'flags:reach-out', label: "I'll reach out", value: 'f1' },
            { type: 'button', actionId: 'x:y', label: 'Docs', url: 'https://example.org/docs' },
          ],
        },
      ),
      options,
    );
    const actions = post?.props?.attachments[0]?.actions ?? [];
    expect(actions.map((a) => a.id)).toEqual(['a1']);
    expect(actions.every((a) => /^[A-Za-z0-9]+$/.test(a.id))).toBe(true);
    expect(post?.message).toContain('[Docs](https://example.org/docs)');
    expect(verifyAction(key, actions[0]?.integration.context)).toEqual({
      actionId: 'flags:reach-out',
      value: 'f1',
    });
  });

  it('refuses a context without a MAC, with a wrong one, or signed with another key', () => {
    const signed = signAction(key, { actionId: 'flags:open', value: 'f1' });
    expect(verifyAction(key, { a: 'flags:open', v: 'f1' })).toBeUndefined();
    expect(verifyAction(key, { ...signed, v: 'f2' })).toBeUndefined();
    expect(verifyAction(key, { ...signed, m: 'AAAA' })).toBeUndefined();
    expect(
      verifyAction(actionKey('another secret of at least thirty-two chars', 'token'), signed),
    ).toBeUndefined();
    expect(verifyAction(key, signed)).toEqual({ actionId: 'flags:open', value: 'f1' });
  });

  it('splits a long view into several posts, the buttons on the last one', () => {
    const long = 'word '.repeat(4_000);
    const posts = renderMattermostPosts(
      view(
        markup`Long`,
        { type: 'text', text: markup`${literal(long)}` },
        { type: 'actions', elements: [{ type: 'button', actionId: 'a:b', label: 'Go' }] },
      ),
      options,
    );
    expect(posts.length).toBeGreaterThan(1);
    expect(posts.slice(0, -1).every((p) => p.props === undefined)).toBe(true);
    expect(posts.at(-1)?.props?.attachments[0]?.actions).toHaveLength(1);
  });
});
