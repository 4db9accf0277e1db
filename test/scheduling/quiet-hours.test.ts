import { describe, expect, it } from 'vitest';
import {
  deliverableAt,
  formatQuietHours,
  isQuiet,
  parseQuietHours,
  type QuietHours,
  QuietHoursSchema,
  quietEndsAt,
} from '../../src/scheduling/quiet-hours.ts';

const NIGHT: QuietHours = { start: 21 * 60, end: 7 * 60 }; // 21:00-07:00
const NEW_YORK = 'America/New_York';

const at = (iso: string): Date => new Date(iso);
const deliver = (iso: string, quiet: QuietHours | null, zone: string | null, urgent = false): string =>
  deliverableAt(at(iso), quiet, zone, urgent).toISOString();

describe('deliverableAt', () => {
  it('holds a 22:00 message for a New York member quiet 21:00-07:00 until 07:00 next morning', () => {
    // 2026-06-10 22:00 EDT = 2026-06-11T02:00Z; 07:00 EDT next morning = 11:00Z.
    expect(deliver('2026-06-11T02:00:00Z', NIGHT, NEW_YORK)).toBe('2026-06-11T11:00:00.000Z');
    // In winter the same local times are an hour later in UTC.
    expect(deliver('2026-01-16T03:00:00Z', NIGHT, NEW_YORK)).toBe('2026-01-16T12:00:00.000Z');
  });

  it('sends urgent messages at once, quiet or not', () => {
    expect(deliver('2026-06-11T02:00:00Z', NIGHT, NEW_YORK, true)).toBe('2026-06-11T02:00:00.000Z');
  });

  it('sends at once outside quiet hours or without quiet hours', () => {
    expect(deliver('2026-06-10T16:00:00Z', NIGHT, NEW_YORK)).toBe('2026-06-10T16:00:00.000Z');
    expect(deliver('2026-06-11T02:00:00Z', null, NEW_YORK)).toBe('2026-06-11T02:00:00.000Z');
    expect(deliver('2026-06-11T02:00:00Z', { start: 600, end: 600 }, NEW_YORK)).toBe(
      '2026-06-11T02:00:00.000Z',
    );
  });

  it('holds an early-morning message until 07:00 the same day', () => {
    // 05:00 EDT = 09:00Z.
    expect(deliver('2026-06-11T09:00:00Z', NIGHT, NEW_YORK)).toBe('2026-06-11T11:00:00.000Z');
  });

  it('works for a member in Asia/Tokyo (UTC+9, no DST)', () => {
    const tokyoNight: QuietHours = { start: 22 * 60, end: 6 * 60 + 30 };
    // 23:00 JST on 2026-03-10 = 14:00Z; 06:30 JST on the 11th = 2026-03-10T21:30Z.
    expect(deliver('2026-03-10T14:00:00Z', tokyoNight, 'Asia/Tokyo')).toBe('2026-03-10T21:30:00.000Z');
    // 12:00 JST = 03:00Z is not quiet.
    expect(deliver('2026-03-11T03:00:00Z', tokyoNight, 'Asia/Tokyo')).toBe('2026-03-11T03:00:00.000Z');
  });

  it('reads quiet hours as UTC when the member has no zone', () => {
    expect(deliver('2026-06-10T22:00:00Z', NIGHT, null)).toBe('2026-06-11T07:00:00.000Z');
  });

  it('counts the night by the member’s clock across spring forward (one hour shorter)', () => {
    // 22:00 EST on 2026-03-07 = 03:00Z; 07:00 EDT on 2026-03-08 = 11:00Z.
    expect(deliver('2026-03-08T03:00:00Z', NIGHT, NEW_YORK)).toBe('2026-03-08T11:00:00.000Z');
  });
});

describe('isQuiet', () => {
  it('includes the start and excludes the end, wrapping midnight', () => {
    // New York in June is UTC-4.
    expect(isQuiet(at('2026-06-11T00:59:59Z'), NIGHT, NEW_YORK)).toBe(false); // 20:59:59
    expect(isQuiet(at('2026-06-11T01:00:00Z'), NIGHT, NEW_YORK)).toBe(true); // 21:00
    expect(isQuiet(at('2026-06-11T04:00:00Z'), NIGHT, NEW_YORK)).toBe(true); // 00:00
    expect(isQuiet(at('2026-06-11T10:59:59Z'), NIGHT, NEW_YORK)).toBe(true); // 06:59:59
    expect(isQuiet(at('2026-06-11T11:00:00Z'), NIGHT, NEW_YORK)).toBe(false); // 07:00
  });

  it('handles windows inside one day', () => {
    const afternoon: QuietHours = { start: 13 * 60, end: 15 * 60 };
    expect(isQuiet(at('2026-06-11T12:59:00Z'), afternoon, 'UTC')).toBe(false);
    expect(isQuiet(at('2026-06-11T13:00:00Z'), afternoon, 'UTC')).toBe(true);
    expect(isQuiet(at('2026-06-11T15:00:00Z'), afternoon, 'UTC')).toBe(false);
    expect(quietEndsAt(at('2026-06-11T14:00:00Z'), afternoon, 'UTC').toISOString()).toBe(
      '2026-06-11T15:00:00.000Z',
    );
    expect(isQuiet(at('2026-06-11T23:00:00Z'), afternoon, 'UTC')).toBe(false);
  });

  it('is never quiet when start equals end', () => {
    for (const hour of [0, 6, 12, 18, 23]) {
      expect(
        isQuiet(at(`2026-06-11T${String(hour).padStart(2, '0')}:00:00Z`), { start: 0, end: 0 }, 'UTC'),
      ).toBe(false);
    }
  });
});

describe('quietEndsAt and DST', () => {
  it('ends at the jump when the end time falls in a spring-forward gap (Berlin 02:30 on 2026-03-29)', () => {
    const quiet: QuietHours = { start: 22 * 60, end: 2 * 60 + 30 };
    // 00:30 CET = 2026-03-28T23:30Z. 02:30 does not exist; the clock jumps 02:00 CET -> 03:00 CEST at 01:00Z.
    expect(quietEndsAt(at('2026-03-28T23:30:00Z'), quiet, 'Europe/Berlin').toISOString()).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(isQuiet(at('2026-03-29T00:59:59Z'), quiet, 'Europe/Berlin')).toBe(true);
    expect(isQuiet(at('2026-03-29T01:00:00Z'), quiet, 'Europe/Berlin')).toBe(false);
  });

  it('ends at the jump in New York too (02:15 on 2026-03-08 -> 03:00 EDT = 07:00Z)', () => {
    const quiet: QuietHours = { start: 23 * 60, end: 2 * 60 + 15 };
    expect(quietEndsAt(at('2026-03-08T05:00:00Z'), quiet, NEW_YORK).toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
  });

  it('ends at the first 01:30 on the fall-back night, or the second one once the first has passed', () => {
    const quiet: QuietHours = { start: 21 * 60, end: 90 };
    // 00:30 EDT = 04:30Z -> first 01:30 (EDT) = 05:30Z.
    expect(quietEndsAt(at('2026-11-01T04:30:00Z'), quiet, NEW_YORK).toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    // 06:10Z is 01:10 EST, in the repeated hour, quiet again by the clock; it ends at 01:30 EST = 06:30Z.
    expect(isQuiet(at('2026-11-01T06:10:00Z'), quiet, NEW_YORK)).toBe(true);
    expect(quietEndsAt(at('2026-11-01T06:10:00Z'), quiet, NEW_YORK).toISOString()).toBe(
      '2026-11-01T06:30:00.000Z',
    );
  });

  it('returns the instant itself when not quiet', () => {
    expect(quietEndsAt(at('2026-06-10T16:00:00Z'), NIGHT, NEW_YORK).toISOString()).toBe(
      '2026-06-10T16:00:00.000Z',
    );
  });
});

describe('parseQuietHours and formatQuietHours', () => {
  it.each([
    ['21:00-07:00', { start: 1260, end: 420 }],
    ['21:00 - 07:00', { start: 1260, end: 420 }],
    ['9pm-7am', { start: 1260, end: 420 }],
    ['22:30 to 6:45', { start: 1350, end: 405 }],
    ['13:00–15:00', { start: 780, end: 900 }],
    ['off', { start: 0, end: 0 }],
    ['None', { start: 0, end: 0 }],
  ])('%s', (text, value) => {
    expect(parseQuietHours(text)).toEqual({ ok: true, value });
  });

  it('explains what is wrong', () => {
    expect(parseQuietHours('25:00-07:00')).toEqual({
      ok: false,
      reason:
        "'25:00' is not a time of day; write them as start-end on a 24-hour clock, for example 21:00-07:00, or 'off'",
      problem: { kind: 'not-a-time', text: '25:00' },
    });
    expect(parseQuietHours('21:00')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^I couldn't read '21:00'/),
    });
    expect(parseQuietHours('21:00-21:00')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/say 'off'/),
      problem: { kind: 'same-start-and-end' },
    });
  });

  it('formats so that parsing gives the value back', () => {
    for (const quiet of [
      { start: 1260, end: 420 },
      { start: 5, end: 1439 },
      { start: 0, end: 0 },
    ]) {
      const text = formatQuietHours(quiet);
      expect(parseQuietHours(text)).toEqual({ ok: true, value: quiet });
    }
    expect(formatQuietHours({ start: 1260, end: 420 })).toBe('21:00-07:00');
    expect(formatQuietHours({ start: 600, end: 600 })).toBe('off');
  });

  it('validates stored values', () => {
    expect(QuietHoursSchema.safeParse({ start: 1260, end: 420 }).success).toBe(true);
    expect(QuietHoursSchema.safeParse({ start: 1440, end: 420 }).success).toBe(false);
    expect(QuietHoursSchema.safeParse({ start: 1.5, end: 420 }).success).toBe(false);
  });
});
