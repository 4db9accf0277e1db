// IANA time zones: is this one real, and when it is not, a sentence with the closest real one
// ("did you mean") by the same edit distance that guesses mistyped commands.
import { IANAZone } from 'luxon';
import { editDistance } from '../chat/closest-name.ts';

export const ZONE_EXAMPLE = 'for example Europe/Berlin or America/New_York';

// Luxon checks a zone by building an Intl formatter each time; every schedule is checked on
// every tick. A zone that was valid stays valid for the life of the process.
const validZones = new Set<string>();

export function isValidTimeZone(zone: string): boolean {
  if (validZones.has(zone)) return true;
  const valid = IANAZone.isValidZone(zone);
  if (valid) validZones.add(zone);
  return valid;
}

// Abbreviations people type for a place. Some are zones (EST, MST, HST: fixed offsets with no
// daylight saving, so a reminder would come an hour off for half the year), some are not zones
// at all (PST, CET is one but rarely meant as the legacy rule). Each names the place's zone.
const abbreviations: Readonly<Record<string, string>> = {
  EST: 'America/New_York',
  EDT: 'America/New_York',
  EST5EDT: 'America/New_York',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  CST6CDT: 'America/Chicago',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  MST7MDT: 'America/Denver',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  PST8PDT: 'America/Los_Angeles',
  AKST: 'America/Anchorage',
  HST: 'Pacific/Honolulu',
  BST: 'Europe/London',
  CET: 'Europe/Berlin',
  CEST: 'Europe/Berlin',
  MET: 'Europe/Berlin',
  EET: 'Europe/Athens',
  WET: 'Europe/Lisbon',
  IST: 'Asia/Kolkata',
  JST: 'Asia/Tokyo',
  AEST: 'Australia/Sydney',
};

/**
 * For a zone a person types (not one already stored: a team set to EST before keeps working):
 * an abbreviation is refused with its place's zone, then as timeZoneProblem.
 */
export function typedTimeZoneProblem(zone: string): string | null {
  const place = abbreviations[zone.trim().toUpperCase()];
  if (place)
    return `'${zone}' names a clock, not a place, so summer time may not follow where you are; please give your place's zone, like ${place}`;
  return timeZoneProblem(zone);
}

/** What is wrong with a typed zone, for the reader's own words: typedTimeZoneProblem's cases. */
export type TimeZoneTrouble =
  | { readonly kind: 'abbreviation'; readonly place: string }
  | { readonly kind: 'unknown'; readonly guess?: string };

export function typedTimeZoneTrouble(zone: string): TimeZoneTrouble | null {
  const place = abbreviations[zone.trim().toUpperCase()];
  if (place) return { kind: 'abbreviation', place };
  if (isValidTimeZone(zone)) return null;
  const guess = closestZone(zone);
  return guess ? { kind: 'unknown', guess } : { kind: 'unknown' };
}

/** A sentence for a person who typed a zone we do not know, with the closest real one if any. */
export function timeZoneProblem(zone: string): string | null {
  if (isValidTimeZone(zone)) return null;
  const guess = closestZone(zone);
  return guess
    ? `time zone '${zone}' is not a known IANA zone, for example ${guess}`
    : `time zone '${zone}' is not a known IANA zone, ${ZONE_EXAMPLE}`;
}

function closestZone(input: string): string | undefined {
  const wanted = input.trim().toLowerCase().replaceAll(' ', '_');
  if (wanted.length < 3) return undefined;
  let best: { zone: string; distance: number } | undefined;
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    const lower = zone.toLowerCase();
    const city = lower.slice(lower.lastIndexOf('/') + 1);
    const distance = Math.min(editDistance(wanted, lower), editDistance(wanted, city));
    if (!best || distance < best.distance) best = { zone, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(wanted.length / 4)) ? best.zone : undefined;
}

export function zoneOrThrow(zone: string): IANAZone {
  const iana = IANAZone.create(zone);
  if (!iana.isValid) throw new RangeError(timeZoneProblem(zone) ?? `time zone '${zone}' is not usable`);
  return iana;
}
