import { describe, expect, it } from 'vitest';
import { checks, formatOptionProblems, optionsSchema } from '../../src/chat/index.ts';
import { english } from '../../src/i18n/index.ts';

const decls = {
  timezone: {
    type: 'string',
    description: 'Your time zone, like Europe/Berlin',
    required: true,
    check: checks.timeZone,
  },
  weeks: { type: 'integer', description: 'Weeks', min: 1, max: 12 },
  anonymous: { type: 'boolean', description: 'Leave your name off' },
  region: { type: 'choice', description: 'Region', choices: ['US', 'UK'] },
  note: { type: 'string', description: 'Note', maxLength: 10 },
} as const;
const schema = optionsSchema(decls);

function problems(raw: Record<string, string | number | boolean>): string[] {
  const result = schema.safeParse(raw);
  if (result.success) throw new Error('expected problems');
  return formatOptionProblems(result.error.issues, { path: ['test'], options: decls }).map((say) =>
    say(english),
  );
}

describe('option schema', () => {
  it('turns Slack text values into typed options', () => {
    expect(
      schema.parse({ timezone: ' Europe/Berlin ', weeks: '3', anonymous: 'yes', region: 'uk', note: '' }),
    ).toEqual({ timezone: 'Europe/Berlin', weeks: 3, anonymous: true, region: 'UK' });
  });

  it('accepts Discord typed values as they come', () => {
    expect(schema.parse({ timezone: 'America/New_York', weeks: 12, anonymous: false })).toEqual({
      timezone: 'America/New_York',
      weeks: 12,
      anonymous: false,
    });
  });

  it('names each problem in plain words', () => {
    expect(
      problems({
        timezone: 'Europe/Berln',
        weeks: '0',
        anonymous: 'maybe',
        region: 'FR',
        note: 'x'.repeat(11),
      }),
    ).toEqual([
      "`timezone`: 'Europe/Berln' is not a time zone I know. Try one like Europe/Berlin or America/New_York.",
      '`weeks`: pick a number from 1 to 12.',
      "`anonymous`: 'maybe' isn't a yes or no. Try yes or no.",
      "`region`: 'FR' isn't one of the choices. Try one of: US, UK.",
      "`note`: that's 11 characters, and I can take up to 10. A shorter version works fine.",
    ]);
  });

  it('says what a missing required option is for', () => {
    expect(problems({})).toEqual(['`timezone`: please add this one (Your time zone, like Europe/Berlin).']);
  });

  it('refuses a number that is not whole', () => {
    expect(problems({ timezone: 'UTC', weeks: '2.5' })).toEqual([
      "`weeks`: '2.5' isn't a whole number. Try something like 2.",
    ]);
  });

  it('names options it does not know', () => {
    expect(problems({ timezone: 'UTC', colour: 'blue' })).toEqual([
      "I don't know an option called `colour`.",
    ]);
  });
});
