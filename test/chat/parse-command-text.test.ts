import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../src/chat/index.ts';
import { english } from '../../src/i18n/index.ts';
import { sampleTable } from './sample-table.ts';

const table = sampleTable();
/** The parse, with a refusal's words in English. */
const parse = (text: string) => {
  const parsed = parseCommandText(table, text);
  return parsed.ok ? parsed : { ok: false, reason: parsed.reason(english) };
};

describe('parseCommandText', () => {
  it('reads name:value and name=value pairs', () => {
    expect(parse('setup tz-ignored timezone:Europe/Berlin region=US')).toEqual({
      ok: false,
      reason: "I wasn't sure what 'tz-ignored' was for. `/peer setup` takes: `timezone`, `region`.",
    });
    expect(parse('setup timezone:Europe/Berlin region=US')).toEqual({
      ok: true,
      path: ['setup'],
      options: { timezone: 'Europe/Berlin', region: 'US' },
    });
  });

  it('fills options in declared order from bare words', () => {
    expect(parse('setup Europe/Berlin US')).toEqual({
      ok: true,
      path: ['setup'],
      options: { timezone: 'Europe/Berlin', region: 'US' },
    });
    expect(parse('setup region:US Europe/Berlin')).toMatchObject({
      options: { timezone: 'Europe/Berlin', region: 'US' },
    });
  });

  it('matches a group and its subcommand before single words', () => {
    expect(parse('admin outbox')).toEqual({ ok: true, path: ['admin', 'outbox'], options: {} });
    expect(parse('ADMIN Outbox')).toMatchObject({ ok: true, path: ['admin', 'outbox'] });
  });

  it('lets a rest option take the rest of the line without quotes', () => {
    expect(parse('topic add a hard week, honestly anonymous:yes')).toEqual({
      ok: true,
      path: ['topic', 'add'],
      options: { text: 'a hard week, honestly', anonymous: 'yes' },
    });
    expect(parse('flag "re:work" was heavy today')).toEqual({
      ok: true,
      path: ['flag'],
      options: { note: 're:work was heavy today' },
    });
    expect(parse('flag Honestly: it was heavy today')).toEqual({
      ok: true,
      path: ['flag'],
      options: { note: 'Honestly: it was heavy today' },
    });
  });

  it('accepts double-quoted values, curly quotes included', () => {
    expect(parse('topic add text:"hard week" anonymous:no')).toMatchObject({
      options: { text: 'hard week', anonymous: 'no' },
    });
    expect(parse('topic add text:\u201Chard week\u201D')).toMatchObject({ options: { text: 'hard week' } });
  });

  it('keeps links whole', () => {
    expect(parse('flag see https://example.org/a:b')).toMatchObject({
      options: { note: 'see https://example.org/a:b' },
    });
  });

  it('treats empty text and help as the help command', () => {
    expect(parse('   ')).toEqual({ ok: true, path: ['help'], options: {} });
    expect(parse('help')).toEqual({ ok: true, path: ['help'], options: {} });
    expect(parse('help admin outbox')).toEqual({
      ok: true,
      path: ['help'],
      options: { command: 'admin outbox' },
    });
  });

  it('suggests the closest subcommand for a typo', () => {
    expect(parse('setpu Europe/Berlin')).toEqual({
      ok: false,
      reason:
        "I don't know `/peer setpu`. Did you mean `/peer setup`? `/peer help` shows everything I can do.",
    });
    expect(parse('outbox')).toMatchObject({
      reason: expect.stringContaining('Did you mean `/peer admin outbox`?'),
    });
    expect(parse('admin outbx')).toMatchObject({
      reason: expect.stringContaining('Did you mean `/peer admin outbox`?'),
    });
  });

  it('says to try help when nothing is close', () => {
    expect(parse('xylophone')).toEqual({
      ok: false,
      reason: "I don't know `/peer xylophone` yet. Try `/peer help` to see everything I can do.",
    });
  });

  it('asks for the second word of a group', () => {
    expect(parse('admin')).toEqual({
      ok: false,
      reason: '`/peer admin` needs one more word: outbox. `/peer help admin` says more.',
    });
  });

  it('refuses an unknown option name, listing the options closest first', () => {
    expect(parse('setup regoin:US timezone:UTC')).toEqual({
      ok: false,
      reason:
        'I don\'t know an option called `regoin` here, so nothing was changed. Did you mean `region`? `/peer setup` takes: `region`, `timezone`. If `regoin:US` is part of your text, put it in "double quotes".',
    });
  });

  it('never takes an unknown key:value as free text', () => {
    expect(parse('flag it was heavy colour:blue')).toMatchObject({
      ok: false,
      reason: expect.stringContaining("I don't know an option called `colour` here"),
    });
    expect(parse('topic add text:hard week timezone:America/New_York')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('`/peer topic add` takes:'),
    });
  });

  it('lets a bare word finish a named value that needs it', () => {
    expect(parse('setup timezone:America/New_York US')).toMatchObject({
      ok: true,
      options: { timezone: 'America/New_York', region: 'US' },
    });
  });

  it('refuses an option given twice', () => {
    expect(parse('setup timezone:UTC timezone:Europe/Berlin')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('given twice'),
    });
  });
});
