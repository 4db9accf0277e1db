import rrulePkg from 'rrule';
import { describe, expect, it } from 'vitest';
import {
  describeSchedule,
  instantAtLocalTime,
  localTimeInZone,
  nextOccurrences,
  occurrencesBetween,
  parseSchedule,
  parseScheduleText,
  parseTimeOfDay,
  type RRuleSchedule,
  type Schedule,
  type WeeklySchedule,
} from '../../src/scheduling/recurrence.ts';

const { RRule } = rrulePkg;

const EVERY_DAY: WeeklySchedule['days'] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

function daily(time: string, timeZone: string): WeeklySchedule {
  return { kind: 'weekly', days: EVERY_DAY, time, timeZone };
}

function rrule(text: string, timeZone: string, dtstart?: string): RRuleSchedule {
  return dtstart === undefined
    ? { kind: 'rrule', rrule: text, timeZone }
    : { kind: 'rrule', rrule: text, timeZone, dtstart };
}

const iso = (dates: Date[]): string[] => dates.map((d) => d.toISOString());

function between(spec: Schedule, from: string, to: string): string[] {
  return iso(occurrencesBetween(spec, new Date(from), new Date(to)));
}

function next(spec: Schedule, after: string, count: number): string[] {
  return iso(nextOccurrences(spec, new Date(after), count));
}

describe('daily 09:00 around the 2026 DST changes', () => {
  it('Europe/Berlin, spring forward on 2026-03-29', () => {
    expect(next(daily('09:00', 'Europe/Berlin'), '2026-03-27T12:00:00Z', 3)).toEqual([
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
  });

  it('Europe/Berlin, fall back on 2026-10-25', () => {
    expect(next(daily('09:00', 'Europe/Berlin'), '2026-10-23T12:00:00Z', 3)).toEqual([
      '2026-10-24T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
    ]);
  });

  it('America/New_York, spring forward on 2026-03-08', () => {
    expect(next(daily('09:00', 'America/New_York'), '2026-03-06T18:00:00Z', 3)).toEqual([
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
  });

  it('America/New_York, fall back on 2026-11-01', () => {
    expect(next(daily('09:00', 'America/New_York'), '2026-10-30T18:00:00Z', 3)).toEqual([
      '2026-10-31T13:00:00.000Z',
      '2026-11-01T14:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
    ]);
  });
});

describe('wall times that do not exist (spring forward gap)', () => {
  it('Berlin 02:30 fires once on 2026-03-29, shifted by the gap to 03:30 CEST = 01:30Z', () => {
    const spec = daily('02:30', 'Europe/Berlin');
    // The local day 2026-03-29 runs from 2026-03-28T23:00Z to 2026-03-29T22:00Z.
    expect(between(spec, '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z')).toEqual([
      '2026-03-29T01:30:00.000Z',
    ]);
    expect(next(spec, '2026-03-27T00:00:00Z', 3)).toEqual([
      '2026-03-27T01:30:00.000Z',
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ]);
    expect(next(spec, '2026-03-29T01:30:00Z', 2)).toEqual([
      '2026-03-30T00:30:00.000Z',
      '2026-03-31T00:30:00.000Z',
    ]);
  });

  it('New York 02:30 fires once on 2026-03-08, at 03:30 EDT = 07:30Z', () => {
    const spec = daily('02:30', 'America/New_York');
    expect(between(spec, '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z')).toEqual([
      '2026-03-08T07:30:00.000Z',
    ]);
    expect(between(spec, '2026-03-06T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual([
      '2026-03-06T07:30:00.000Z',
      '2026-03-07T07:30:00.000Z',
      '2026-03-08T07:30:00.000Z',
      '2026-03-09T06:30:00.000Z',
    ]);
  });

  it('a gap time and the real time it shifts onto count once', () => {
    const spec = rrule('FREQ=DAILY;BYHOUR=2,3;BYMINUTE=30', 'Europe/Berlin');
    expect(between(spec, '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z')).toEqual([
      '2026-03-29T01:30:00.000Z',
    ]);
    expect(next(spec, '2026-03-28T23:00:00Z', 3)).toEqual([
      '2026-03-29T01:30:00.000Z',
      '2026-03-30T00:30:00.000Z',
      '2026-03-30T01:30:00.000Z',
    ]);
  });
});

describe('wall times that happen twice (fall back overlap)', () => {
  it('New York 01:30 on 2026-11-01 fires once, at the first (EDT) instant 05:30Z', () => {
    const spec = daily('01:30', 'America/New_York');
    expect(between(spec, '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z')).toEqual([
      '2026-11-01T05:30:00.000Z',
    ]);
    expect(next(spec, '2026-10-30T12:00:00Z', 3)).toEqual([
      '2026-10-31T05:30:00.000Z',
      '2026-11-01T05:30:00.000Z',
      '2026-11-02T06:30:00.000Z',
    ]);
  });

  it('Berlin 02:30 on 2026-10-25 fires once, at 02:30 CEST = 00:30Z', () => {
    const spec = daily('02:30', 'Europe/Berlin');
    expect(between(spec, '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z')).toEqual([
      '2026-10-25T00:30:00.000Z',
    ]);
  });

  it('instantAtLocalTime can be asked for the later reading', () => {
    const local = { year: 2026, month: 11, day: 1, hour: 1, minute: 30 };
    expect(instantAtLocalTime(local, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(instantAtLocalTime(local, 'America/New_York', { overlap: 'later' }).toISOString()).toBe(
      '2026-11-01T06:30:00.000Z',
    );
  });
});

describe('window semantics', () => {
  const spec = daily('09:00', 'UTC');

  it('nextOccurrences is strictly after', () => {
    expect(next(spec, '2026-05-01T09:00:00Z', 1)).toEqual(['2026-05-02T09:00:00.000Z']);
    expect(next(spec, '2026-05-01T08:59:59.999Z', 1)).toEqual(['2026-05-01T09:00:00.000Z']);
    expect(next(spec, '2026-05-01T00:00:00Z', 0)).toEqual([]);
  });

  it('occurrencesBetween is [from, to)', () => {
    expect(between(spec, '2026-05-01T09:00:00Z', '2026-05-03T09:00:00Z')).toEqual([
      '2026-05-01T09:00:00.000Z',
      '2026-05-02T09:00:00.000Z',
    ]);
    expect(between(spec, '2026-05-03T09:00:00Z', '2026-05-01T09:00:00Z')).toEqual([]);
  });

  it('refuses windows with absurdly many occurrences', () => {
    expect(() =>
      occurrencesBetween(spec, new Date('2000-01-01T00:00:00Z'), new Date('2040-01-01T00:00:00Z')),
    ).toThrow(RangeError);
  });
});

describe('rrule form', () => {
  const equivalents: [string, WeeklySchedule, RRuleSchedule][] = [
    [
      'daily 09:00 Berlin',
      daily('09:00', 'Europe/Berlin'),
      rrule('FREQ=DAILY;BYHOUR=9;BYMINUTE=0', 'Europe/Berlin'),
    ],
    [
      'MO,WE,FR 09:30 New York',
      { kind: 'weekly', days: ['MO', 'WE', 'FR'], time: '09:30', timeZone: 'America/New_York' },
      rrule('FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=9;BYMINUTE=30', 'America/New_York'),
    ],
    [
      'daily 02:30 Berlin (gap)',
      daily('02:30', 'Europe/Berlin'),
      rrule('RRULE:FREQ=DAILY;BYHOUR=2;BYMINUTE=30', 'Europe/Berlin'),
    ],
    [
      'daily 01:30 New York (overlap)',
      daily('01:30', 'America/New_York'),
      rrule('FREQ=DAILY;BYHOUR=1;BYMINUTE=30', 'America/New_York'),
    ],
    [
      'SU 23:45 Tokyo',
      { kind: 'weekly', days: ['SU'], time: '23:45', timeZone: 'Asia/Tokyo' },
      rrule('FREQ=WEEKLY;BYDAY=SU;BYHOUR=23;BYMINUTE=45', 'Asia/Tokyo'),
    ],
  ];

  it.each(equivalents)('%s gives the same instants as the weekly form', (_name, weekly, rule) => {
    const from = '2026-01-01T00:00:00Z';
    const to = '2027-01-01T00:00:00Z';
    const expected = between(weekly, from, to);
    expect(expected.length).toBeGreaterThan(50);
    expect(between(rule, from, to)).toEqual(expected);
    expect(next(rule, '2026-10-20T00:00:00Z', 20)).toEqual(next(weekly, '2026-10-20T00:00:00Z', 20));
  });

  it('counts INTERVAL from dtstart in the schedule’s zone', () => {
    const spec = rrule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', 'Europe/Berlin', '2026-03-03T18:00');
    expect(next(spec, '2026-03-01T00:00:00Z', 3)).toEqual([
      '2026-03-03T17:00:00.000Z',
      '2026-03-17T17:00:00.000Z',
      '2026-03-31T16:00:00.000Z',
    ]);
  });

  it('honours COUNT and UNTIL', () => {
    const counted = rrule('FREQ=DAILY;COUNT=3', 'America/New_York', '2026-03-07T09:00');
    expect(next(counted, '2026-01-01T00:00:00Z', 10)).toEqual([
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
    const until = rrule('FREQ=DAILY;BYHOUR=9;BYMINUTE=0;UNTIL=20260310T000000', 'UTC');
    expect(next(until, '2026-03-07T12:00:00Z', 10)).toEqual([
      '2026-03-08T09:00:00.000Z',
      '2026-03-09T09:00:00.000Z',
    ]);
  });

  // Long-running rules start iterating near the window rather than at dtstart; this checks the
  // shortcut against rrule evaluating the whole history (in UTC, so no zone conversion is involved).
  it.each([
    ['FREQ=DAILY;INTERVAL=3;BYHOUR=7,19;BYMINUTE=15', '2019-05-17T10:00'],
    ['FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,TH', '2020-01-08T09:00'],
    ['FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,MO', '2021-06-01T08:30'],
    ['FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR', '2018-11-30T16:00'],
    ['FREQ=MONTHLY', '2020-01-31T12:00'],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15;BYSETPOS=-1', '2020-03-04T06:00'],
    ['FREQ=YEARLY;INTERVAL=3;BYMONTH=2;BYMONTHDAY=29', '2000-02-29T10:00'],
    ['FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO', '2015-01-01T11:00'],
  ])('%s from %s matches rrule over its whole history', (text, dtstart) => {
    const full = new RRule({ ...RRule.parseString(text), dtstart: new Date(`${dtstart}:00Z`) });
    const spec = rrule(text, 'UTC', dtstart);
    for (const after of ['2026-01-01T00:00:00Z', '2026-07-15T13:00:00Z', '2031-02-28T23:59:00Z']) {
      const from = new Date(after);
      const expected = full.between(
        from,
        new Date('2200-01-01T00:00:00Z'),
        false,
        (_date, found) => found < 6,
      );
      expect(next(spec, after, 6)).toEqual(iso(expected));
    }
  });
});

describe('parseSchedule', () => {
  it('accepts both forms', () => {
    const weekly = { kind: 'weekly', days: ['MO', 'FR'], time: '09:30', timeZone: 'Europe/Berlin' };
    expect(parseSchedule(weekly)).toEqual({ ok: true, value: weekly });
    const rule = {
      kind: 'rrule',
      rrule: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=0',
      timeZone: 'UTC',
      dtstart: '2026-01-05T09:00',
    };
    expect(parseSchedule(rule)).toEqual({ ok: true, value: rule });
  });

  const reasonFor = (data: unknown): string => {
    const result = parseSchedule(data);
    if (result.ok) throw new Error(`expected ${JSON.stringify(data)} to be rejected`);
    return result.reason;
  };
  const weekly = { kind: 'weekly', days: ['MO'], time: '09:00', timeZone: 'Europe/Berlin' };

  it('explains a misspelt zone and suggests the real one', () => {
    expect(reasonFor({ ...weekly, timeZone: 'Europe/Berln' })).toBe(
      "time zone 'Europe/Berln' is not a known IANA zone, for example Europe/Berlin",
    );
    expect(reasonFor({ ...weekly, timeZone: 'Mars/Olympus' })).toBe(
      "time zone 'Mars/Olympus' is not a known IANA zone, for example Europe/Berlin or America/New_York",
    );
  });

  it('explains bad times, days and kinds', () => {
    expect(reasonFor({ ...weekly, time: '25:00' })).toBe(
      "time '25:00' must be HH:MM on a 24-hour clock, for example 09:30",
    );
    expect(reasonFor({ ...weekly, days: [] })).toBe('pick at least one day');
    expect(reasonFor({ ...weekly, days: ['MO', 'MO'] })).toBe('each day may appear only once');
    expect(reasonFor({ ...weekly, days: ['MON'] })).toBe(
      "'MON' is not a day; use MO, TU, WE, TH, FR, SA or SU",
    );
    expect(reasonFor({ ...weekly, kind: 'monthly' })).toBe("a schedule's kind must be 'weekly' or 'rrule'");
  });

  it('explains bad rrules', () => {
    const rule = (text: string, extra: object = {}): unknown => ({
      kind: 'rrule',
      rrule: text,
      timeZone: 'UTC',
      ...extra,
    });
    expect(reasonFor(rule('garbage'))).toMatch(
      /^rrule 'garbage' could not be read .*for example FREQ=WEEKLY/,
    );
    expect(reasonFor(rule('FREQ=WEEKLY;BYDAY=XX'))).toMatch(/BYDAY has an unknown day/);
    expect(reasonFor(rule('FREQ=DAILY;BYHOUR=25'))).toMatch(/BYHOUR=25 is out of range \(0\.\.23\)/);
    expect(reasonFor(rule('FREQ=HOURLY'))).toMatch(/at most daily/);
    expect(reasonFor(rule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'))).toMatch(/it never fires/);
    expect(reasonFor(rule(''))).toMatch(/the rrule is empty/);
    expect(reasonFor(rule('DTSTART:20260101T090000Z\nRRULE:FREQ=DAILY'))).toMatch(/put the start in dtstart/);
    expect(reasonFor(rule('FREQ=WEEKLY;COUNT=4'))).toMatch(/needs a dtstart/);
    expect(reasonFor(rule('FREQ=WEEKLY', { dtstart: '2026-02-30T09:00' }))).toMatch(
      /dtstart '2026-02-30T09:00'/,
    );
    expect(reasonFor(rule('FREQ=WEEKLY', { dtstart: '2026-02-03T09:00+01:00' }))).toMatch(/without a zone/);
  });
});

describe('parseScheduleText and describeSchedule', () => {
  const parse = (text: string, zone: string | null = 'Europe/Berlin'): string => {
    const result = parseScheduleText(text, zone ?? undefined);
    return result.ok ? describeSchedule(result.value) : `error: ${result.reason}`;
  };

  it.each([
    ['mon,wed,fri 09:30', 'Mondays, Wednesdays and Fridays at 09:30 (Europe/Berlin)'],
    ['weekdays 17:00', 'Weekdays at 17:00 (Europe/Berlin)'],
    ['daily 08:00', 'Every day at 08:00 (Europe/Berlin)'],
    ['every day at 8am', 'Every day at 08:00 (Europe/Berlin)'],
    ['every monday 10:00', 'Mondays at 10:00 (Europe/Berlin)'],
    ['Tuesdays and Thursdays at 7:15 pm', 'Tuesdays and Thursdays at 19:15 (Europe/Berlin)'],
    ['mon-fri 9:00', 'Weekdays at 09:00 (Europe/Berlin)'],
    ['fri-sun 12am', 'Fridays, Saturdays and Sundays at 00:00 (Europe/Berlin)'],
    ['sat sun 11:00', 'Weekends at 11:00 (Europe/Berlin)'],
    ['wed 18:00 America/New_York', 'Wednesdays at 18:00 (America/New_York)'],
  ])('%s -> %s', (text, described) => {
    expect(parse(text)).toBe(described);
  });

  it('returns the weekly spec', () => {
    expect(parseScheduleText('mon,wed,fri 09:30', 'Europe/Berlin')).toEqual({
      ok: true,
      value: { kind: 'weekly', days: ['MO', 'WE', 'FR'], time: '09:30', timeZone: 'Europe/Berlin' },
    });
  });

  it('gives reasons a person can act on', () => {
    expect(parse('blah 09:00')).toMatch(/^error: I didn't understand 'blah'; .*'mon,wed,fri 09:30'/);
    expect(parse('monday')).toMatch(/^error: add a time such as 09:30/);
    expect(parse('09:30')).toMatch(/^error: say which days/);
    expect(parse('monday 25:00')).toBe(
      "error: '25:00' is not a time of day; use 24-hour HH:MM such as 09:30, or 9:30am",
    );
    expect(parse('mon 09:00 17:00')).toMatch(/^error: one time per schedule/);
    expect(parse('mon 09:00', null)).toMatch(/^error: add a time zone/);
    expect(parse('mon 09:00 Europe/Berln')).toBe(
      "error: time zone 'Europe/Berln' is not a known IANA zone, for example Europe/Berlin",
    );
  });

  it('describes rrule schedules with HH:MM times', () => {
    expect(describeSchedule(rrule('FREQ=WEEKLY;BYDAY=MO,WE;BYHOUR=9,17;BYMINUTE=30', 'Europe/Berlin'))).toBe(
      'Every week on Monday, Wednesday at 09:30 and 17:30 (Europe/Berlin)',
    );
    expect(describeSchedule(rrule('FREQ=MONTHLY;BYDAY=1MO', 'UTC', '2026-01-05T09:15'))).toBe(
      'Every month on the 1st Monday at 09:15 (UTC)',
    );
  });
});

describe('time helpers', () => {
  it('parses times of day', () => {
    expect(['09:30', '9:30', '9am', '9:30 PM', '12am', '12pm', '23:59'].map(parseTimeOfDay)).toEqual([
      570, 570, 540, 1290, 0, 720, 1439,
    ]);
    expect(['24:00', '9', '13pm', '9:60', 'noon'].map(parseTimeOfDay)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('reads local time in a zone', () => {
    expect(localTimeInZone(new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toEqual({
      year: 2026,
      month: 3,
      day: 29,
      hour: 3,
      minute: 30,
      second: 0,
      weekday: 'SU',
      minuteOfDay: 210,
    });
    expect(() => localTimeInZone(new Date(), 'Nowhere/Special')).toThrow(/not a known IANA zone/);
  });
});
