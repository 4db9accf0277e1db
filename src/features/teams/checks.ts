// The option checks of the teams commands: each says what is wrong, in words that wait for the
// reader's language, or undefined when the value is fine (OptionCheck). Tested in
// test/features/teams/checks.test.ts.
import type { OptionCheck } from '../../chat/command-options.ts';
import { literal } from '../../chat/markup.ts';
import { wording } from '../../i18n/index.ts';
import { parseQuietHours } from '../../scheduling/quiet-hours.ts';
import { typedTimeZoneTrouble } from '../../scheduling/recurrence.ts';
import { parseMention } from './mentions.ts';

export const checkZone: OptionCheck = (value) => {
  const trouble = typedTimeZoneTrouble(value);
  if (!trouble) return undefined;
  const typed = literal(value);
  if (trouble.kind === 'abbreviation')
    return wording('teams.checks.zoneAbbreviation', { value: typed, place: literal(trouble.place) });
  return trouble.guess
    ? wording('teams.checks.zoneUnknownGuess', { value: typed, guess: literal(trouble.guess) })
    : wording('teams.checks.zoneUnknown', { value: typed });
};

export const checkRegion: OptionCheck = (value) =>
  /^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/.test(value)
    ? undefined
    : wording('teams.checks.region', { value: literal(value) });

/** `off`, or hours like 21:00-07:00. */
export const isQuietOff = (value: string): boolean => value.trim().toLowerCase() === 'off';

export const checkQuiet: OptionCheck = (value) => {
  if (isQuietOff(value)) return undefined;
  const parsed = parseQuietHours(value);
  if (parsed.ok) return undefined;
  const { problem } = parsed;
  if (problem.kind === 'same-start-and-end') return wording('teams.checks.quietSame');
  return problem.kind === 'unreadable'
    ? wording('teams.checks.quietUnreadable', { value: literal(problem.text) })
    : wording('teams.checks.quietNotATime', { value: literal(problem.text) });
};

/**
 * A shape any platform could send for a person. The option check cannot know the platform, so
 * the handler reads the mention again for its own platform (mentions.ts) and refuses there.
 */
export const checkMention: OptionCheck = (value) => {
  const readings = (['slack', 'discord', 'mattermost', 'shell'] as const).map((platform) =>
    parseMention(value, platform),
  );
  return readings.some((r) => r.ok) ? undefined : wording('teams.checks.mention', { value: literal(value) });
};
