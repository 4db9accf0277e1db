// Issue 7, point 9: the teams commands read as people type them on Slack and in the shell
// (both hand their line to parseCommandText, tested here against the real teams table).
import { describe, expect, it } from 'vitest';
import { createCommandTable, parseCommandText } from '../../../src/chat/index.ts';
import { toPlainText } from '../../../src/chat/markup.ts';
import type { PrismaClient } from '../../../src/db/index.ts';
import { teamCommands, teamGroup } from '../../../src/features/teams/commands.ts';
import { english } from '../../../src/i18n/index.ts';
import { clientsFor } from '../../support/people.ts';

// Parsing never reaches a handler, so the database is never touched.
const table = createCommandTable({
  groups: [teamGroup],
  commands: teamCommands({
    prisma: {} as PrismaClient,
    defaults: { timeZone: 'UTC', crisisRegion: 'US' },
    clientFor: clientsFor(),
  }),
});
/** The parse, with a refusal's words in English. */
const parse = (text: string) => {
  const parsed = parseCommandText(table, text);
  return parsed.ok ? parsed : { ok: false, reason: parsed.reason(english) };
};

describe('typed /peer setup', () => {
  it('gives a named rest-of-line option the words after it', () => {
    expect(parse('setup name:Night shift crew')).toEqual({
      ok: true,
      path: ['setup'],
      options: { name: 'Night shift crew' },
    });
    expect(parse('setup name:Night shift crew timezone:Europe/Berlin')).toEqual({
      ok: true,
      path: ['setup'],
      options: { name: 'Night shift crew', timezone: 'Europe/Berlin' },
    });
  });

  it('fills positional options only where the words fit', () => {
    expect(parse('setup Night shift crew')).toEqual({
      ok: true,
      path: ['setup'],
      options: { name: 'Night shift crew' },
    });
    expect(parse('setup Europe/Berlin DE Night shift')).toEqual({
      ok: true,
      path: ['setup'],
      options: { timezone: 'Europe/Berlin', region: 'DE', name: 'Night shift' },
    });
  });

  it('says which reading it tried when a word fits nowhere', () => {
    const parsed = parse('team role @casey boss');
    expect(parsed).toEqual({
      ok: false,
      reason:
        "I read 'boss' as `role`, and it isn't one of: member, supervisor, admin. `/peer team role` takes: `user`, `role`, `remove`.",
    });
  });
});

describe('typed options the command lacks (issue 23, item 3)', () => {
  it('refuses `colour:blue` instead of naming the team after it', () => {
    const parsed = parse('setup colour:blue');
    expect(parsed.ok).toBe(false);
    expect(parsed).toMatchObject({
      reason: expect.stringMatching(
        /^I don't know an option called `colour` here, so nothing was changed\. `\/peer setup` takes: /,
      ),
    });
  });

  it('reads `after:2 hours` as one length of time, never as `urgent`', () => {
    expect(parse('team escalation after:2 hours')).toEqual({
      ok: true,
      path: ['team', 'escalation'],
      options: { after: '2 hours' },
    });
    expect(parse('team escalation after:2 hours urgent:15 minutes')).toMatchObject({
      ok: true,
      options: { after: '2 hours', urgent: '15 minutes' },
    });
  });
});

describe('a zone typed as an abbreviation (issue 23, item 10)', () => {
  it('refuses timezone:EST and names the place zone instead of taking it silently', () => {
    const parsed = parse('timezone zone:EST');
    expect(parsed.ok).toBe(true);
    const zone = table.find(['timezone'])!.options.zone;
    /** What the check says, in English, as a renderer shows it. */
    const said = (typed: string) =>
      zone?.type === 'string' ? toPlainText(zone.check?.(typed)?.(english) ?? '') : undefined;
    expect(said('EST')).toContain('America/New_York');
    expect(said('PST')).toContain('America/Los_Angeles');
    expect(zone?.type === 'string' ? zone.check?.('America/New_York') : 'x').toBeUndefined();
  });
});
