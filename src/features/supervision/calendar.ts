// iCalendar (RFC 5545) files for a series or a session, written with ical-generator.
//   - UID is stable (`series-<id>@peerbridge`, `session-<id>@peerbridge`), so an import updates;
//   - SEQUENCE is the series' (or lone session's) change counter;
//   - a series is one VEVENT with its RRULE (UNTIL = the last start) and the zone's VTIMEZONE,
//     cancelled sessions as EXDATE, moved ones as their own VEVENT with RECURRENCE-ID.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Db } from '../../db/index.ts';
import { addMinutes } from './time.ts';

const PRODID = { company: 'PeerBridge', product: 'Supervision', language: 'EN' };

export const seriesUid = (id: string) => `series-${id}@peerbridge`;
export const sessionUid = (id: string) => `session-${id}@peerbridge`;

const inZone = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone });
const icsUtc = (instant: Date) =>
  DateTime.fromJSDate(instant, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss'Z'");
const icsLocal = (instant: Date, zone: string) => inZone(instant, zone).toFormat("yyyyLLdd'T'HHmmss");

function calendar(zone: string, name: string) {
  const cal = ical({ name, prodId: PRODID });
  cal.timezone({ name: zone, generator: getVtimezoneComponent });
  return cal;
}

export function seriesCalendar(
  series: Db.SupervisionSeries,
  sessions: readonly Db.SupervisionSession[],
  location: string,
): string {
  const zone = series.timeZone;
  const cal = calendar(zone, series.title);
  const first = DateTime.fromISO(series.firstStartLocal, { zone }).toJSDate();
  const cancelled = sessions.filter((s) => s.status === 'cancelled' && s.originalStartsAt);
  const moved = sessions.filter(
    (s) =>
      s.status !== 'cancelled' && s.originalStartsAt && s.originalStartsAt.getTime() !== s.startsAt.getTime(),
  );
  const exdates = cancelled.map((s) => icsLocal(s.originalStartsAt as Date, zone));
  const lines = [`RRULE:${series.rule};UNTIL=${icsUtc(series.lastStartsAt)}`];
  if (exdates.length > 0) lines.push(`EXDATE;TZID=${zone}:${exdates.join(',')}`);
  cal.createEvent({
    id: seriesUid(series.id),
    sequence: series.sequence,
    start: inZone(first, zone),
    end: inZone(addMinutes(first, series.durationMinutes), zone),
    timezone: zone,
    summary: series.title,
    location,
    repeating: lines.join('\r\n'),
  });
  for (const session of moved) {
    cal.createEvent({
      id: seriesUid(series.id),
      sequence: series.sequence,
      start: inZone(session.startsAt, zone),
      end: inZone(session.endsAt, zone),
      timezone: zone,
      recurrenceId: inZone(session.originalStartsAt as Date, zone),
      summary: session.title,
      location,
    });
  }
  return cal.toString();
}

export function sessionCalendar(session: Db.SupervisionSession, location: string): string {
  const zone = session.timeZone;
  const cal = calendar(zone, session.title);
  cal.createEvent({
    id: sessionUid(session.id),
    sequence: session.sequence,
    start: inZone(session.startsAt, zone),
    end: inZone(session.endsAt, zone),
    timezone: zone,
    summary: session.title,
    location,
    ...(session.status === 'cancelled' ? { status: ICalEventStatus.CANCELLED } : {}),
  });
  return cal.toString();
}
