import { describe, expect, it } from 'vitest';
import {
  checkMention,
  checkQuiet,
  checkRegion,
  checkZone,
  isQuietOff,
} from '../../../src/features/teams/checks.ts';
import { parseMention } from '../../../src/features/teams/mentions.ts';
import { english, translatorFor } from '../../../src/i18n/index.ts';

/** What a check says, in English (or the language given). */
const said = (problem: ReturnType<typeof checkZone>, t = english) => problem?.(t);

describe('teams option checks', () => {
  it('names a mistyped zone and suggests the real one', () => {
    expect(checkZone('America/New_York')).toBeUndefined();
    expect(said(checkZone('Europe/Berln'))).toMatch(/Europe\/Berlin/);
  });

  it('takes region codes like US or US-TX, and says what one looks like otherwise', () => {
    expect(checkRegion('US')).toBeUndefined();
    expect(checkRegion('us-tx')).toBeUndefined();
    expect(said(checkRegion('United States'))).toBe(
      "'United States' is not a region code. Use one like US, GB or US-TX.",
    );
    expect(said(checkRegion('Estados Unidos'), translatorFor('es'))).toBe(
      "'Estados Unidos' no es un código de región. Usa uno como US, GB o US-TX.",
    );
  });

  it('takes quiet hours or off', () => {
    expect(checkQuiet('21:00-07:00')).toBeUndefined();
    expect(checkQuiet(' OFF ')).toBeUndefined();
    expect(isQuietOff('Off')).toBe(true);
    expect(said(checkQuiet('late'))).toMatch(/as quiet hours/);
  });

  it('lets through what some platform could send for a person, and nothing else', () => {
    expect(checkMention('<@U0CASEY01|casey>')).toBeUndefined();
    expect(checkMention('<@!100000000000000002>')).toBeUndefined();
    expect(checkMention('@alex')).toBeUndefined();
    expect(said(checkMention('alex smith'))).toMatch(/I couldn't tell who 'alex smith' is/);
  });
});

describe('mentions, read for each platform', () => {
  it('Slack: only <@U…>/<@W…> as Slack sends them, case kept', () => {
    expect(parseMention('<@U0CASEY01|casey>', 'slack')).toEqual({ ok: true, userId: 'U0CASEY01' });
    expect(parseMention('<@W0GRID001>', 'slack')).toEqual({ ok: true, userId: 'W0GRID001' });
    for (const typed of ['alex', '@alex', '<@u21>', '<@123456789012345678>']) {
      expect(parseMention(typed, 'slack').ok).toBe(false);
    }
  });

  it('Discord: snowflakes, mentioned or bare', () => {
    expect(parseMention('<@100000000000000002>', 'discord')).toEqual({
      ok: true,
      userId: '100000000000000002',
    });
    expect(parseMention('<@!100000000000000002>', 'discord')).toEqual({
      ok: true,
      userId: '100000000000000002',
    });
    expect(parseMention('100000000000000002', 'discord')).toEqual({ ok: true, userId: '100000000000000002' });
    for (const typed of ['sam', '@sam', '<@U0CASEY01>', '<@12>'])
      expect(parseMention(typed, 'discord').ok).toBe(false);
  });

  it('Mattermost: only <@id> (26 lower-case letters and digits), as its adapter hands a confirmed @name on', () => {
    const id = 'abcdefghijklmnopqrstuvwxy1';
    expect(parseMention(`<@${id}>`, 'mattermost')).toEqual({ ok: true, userId: id });
    for (const typed of ['@sam', 'sam', id, '<@U0CASEY01>', '<@100000000000000002>'])
      expect(parseMention(typed, 'mattermost').ok).toBe(false);
  });

  it('shell: names are people there, and only there', () => {
    expect(parseMention('@alex', 'shell')).toEqual({ ok: true, userId: 'alex' });
    expect(parseMention('<@casey>', 'shell')).toEqual({ ok: true, userId: 'casey' });
    expect(parseMention('two words', 'shell').ok).toBe(false);
  });
});
