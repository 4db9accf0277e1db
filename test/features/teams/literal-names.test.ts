// Issue 7, point 4: what a person wrote is shown as they wrote it, on every renderer. A team
// named like a link must not become a link in the bot's voice (the public set-up announcement,
// App Home, welcome DMs).
import { describe, expect, it } from 'vitest';
import { renderDiscordMessage } from '../../../src/adapters/discord/render-components.ts';
import { renderShellText } from '../../../src/adapters/shell/render-text.ts';
import { renderSlackMessage } from '../../../src/adapters/slack/render-blocks.ts';
import { literal, markup, parseMarkup, toPlainText } from '../../../src/chat/index.ts';
import { teamSetUpView, welcomeView } from '../../../src/features/teams/views.ts';

const evil = '[click](https://evil.example)';
const team = { name: evil, timeZone: 'UTC', crisisRegion: 'US' };

describe('member-written text stays literal', () => {
  it('literal() survives the markup parser character for character', () => {
    for (const text of [evil, '**loud** _soft_ `code` \\ back', 'a_b_c [x] (y)']) {
      expect(toPlainText(literal(text))).toBe(text);
      expect(parseMarkup(literal(text)).every((piece) => piece.kind === 'text')).toBe(true);
    }
  });

  it('a markup template keeps the bot’s own markup and escapes the values in it', () => {
    const shown = markup`**Team:** ${literal(evil)} [guide](https://peerbridge.example/guide)`;
    expect(parseMarkup(shown).map((p) => p.kind)).toEqual(['bold', 'text', 'link']);
  });

  it('Slack: the set-up announcement and welcome show the name, with no link to it', () => {
    for (const view of [teamSetUpView(team, true), welcomeView(evil)]) {
      const json = JSON.stringify(renderSlackMessage(view));
      expect(json).not.toContain('<https://evil.example|click>');
      expect(json).toContain('[click](https://evil.example)');
    }
  });

  it('Discord: no masked link', () => {
    for (const view of [teamSetUpView(team, true), welcomeView(evil)]) {
      const json = JSON.stringify(renderDiscordMessage(view));
      expect(json).not.toContain('[click](<https://evil.example>)');
      expect(json).toContain('\\\\[click\\\\](https://evil.example)');
    }
  });

  it('shell: shown as typed, not as a link with its address', () => {
    const { text } = renderShellText(teamSetUpView(team, true));
    expect(text).toContain('This channel is now the team "[click](https://evil.example)"');
    expect(text).not.toContain('click (https://evil.example)');
  });
});
