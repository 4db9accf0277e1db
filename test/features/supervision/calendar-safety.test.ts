// Calendar files are safe to open (issue 21 item 6, issue 22 item 6): a title or place a person
// typed cannot add properties (control characters are dropped in every property, the calendar's
// name included), and DTSTAMP is in UTC. Pure: the calendar functions on rows built here.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/index.ts';
import { seriesCalendar, sessionCalendar } from '../../../src/features/supervision/calendar.ts';

const hostile = 'Group sup\r\nX-INJECTED:1\u0007\u001b[31m\u2028END:VCALENDAR';
const stamp = new Date('2026-12-06T18:30:00Z');

const session = {
  id: 's1',
  timeZone: 'America/Chicago',
  title: hostile,
  startsAt: new Date('2026-12-10T15:00:00Z'),
  endsAt: new Date('2026-12-10T16:00:00Z'),
  sequence: 0,
  status: 'scheduled',
} as unknown as Db.SupervisionSession;

const series = {
  id: 'r1',
  timeZone: 'America/Chicago',
  title: hostile,
  firstStartLocal: '2026-12-10T09:00',
  durationMinutes: 60,
  rule: 'FREQ=WEEKLY',
  lastStartsAt: new Date('2027-03-04T15:00:00Z'),
  sequence: 2,
} as unknown as Db.SupervisionSeries;

describe.each([
  ['a session', () => sessionCalendar(session, `Room 4\r\nATTENDEE:mailto:x@example.org`, stamp)],
  ['a series', () => seriesCalendar(series, [], `Room 4\r\nATTENDEE:mailto:x@example.org`, stamp)],
])('the calendar file of %s', (_, make) => {
  it('has no control characters in any property and no injected property', () => {
    const text = make();
    const lines = text.split('\r\n').filter(Boolean);
    for (const line of lines) expect(line).not.toMatch(/[\p{Cc}\u2028\u2029]/u);
    expect(lines.some((line) => /^X-INJECTED|^ATTENDEE/.test(line))).toBe(false);
    expect(lines.filter((line) => line === 'END:VCALENDAR')).toHaveLength(1);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Group sup X-INJECTED:1 [31m END:VCALENDAR');
    const event = calendar.getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('summary')).toBe('Group sup X-INJECTED:1 [31m END:VCALENDAR');
    expect(event?.getFirstPropertyValue('location')).toBe('Room 4 ATTENDEE:mailto:x@example.org');
  });

  it('stamps DTSTAMP in UTC', () => {
    const lines = make()
      .split('\r\n')
      .filter((line) => line.startsWith('DTSTAMP'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toBe('DTSTAMP:20261206T183000Z');
  });
});
