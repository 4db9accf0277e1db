// The option checks of the teams commands: each returns a plain sentence saying what is wrong,
// or undefined when the value is fine (OptionCheck). Tested in test/features/teams/checks.test.ts.
import { parseQuietHours } from '../../scheduling/quiet-hours.ts';
import { typedTimeZoneProblem } from '../../scheduling/recurrence.ts';
import { parseMention } from './mentions.ts';

export const checkZone = (value: string): string | undefined => typedTimeZoneProblem(value) ?? undefined;

export const checkRegion = (value: string): string | undefined =>
  /^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/.test(value)
    ? undefined
    : `'${value}' is not a region code. Use one like US, GB or US-TX.`;

/** `off`, or hours like 21:00-07:00. */
export const isQuietOff = (value: string): boolean => value.trim().toLowerCase() === 'off';

export const checkQuiet = (value: string): string | undefined => {
  if (isQuietOff(value)) return undefined;
  const parsed = parseQuietHours(value);
  return parsed.ok ? undefined : parsed.reason;
};

/**
 * A shape any platform could send for a person. The option check cannot know the platform, so
 * the handler reads the mention again for its own platform (mentions.ts) and refuses there.
 */
export const checkMention = (value: string): string | undefined => {
  const readings = (['slack', 'discord', 'mattermost', 'shell'] as const).map((platform) =>
    parseMention(value, platform),
  );
  return readings.some((r) => r.ok)
    ? undefined
    : `I couldn't tell who '${value}' is. Please mention them, like @alex.`;
};
