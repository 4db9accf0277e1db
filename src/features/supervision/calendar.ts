// iCalendar (RFC 5545) files for a series or a session, written with ical-generator.
//   - UID is stable (`series-<id>@peerbridge`, `session-<id>@peerbridge`), so an import updates;
//   - SEQUENCE is the series' (or lone session's) change counter;
//   - a series is one VEVENT with its RRULE (UNTIL = the last start) and the zone's VTIMEZONE,
//     cancelled sessions as EXDATE, moved ones as their own VEVENT with RECURRENCE-ID.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { toPlainText } from '../../chat/markup.ts';
import type { Db } from '../../db/index.ts';
import { english, type Translate } from '../../i18n/index.ts';
import { addMinutes } from './time.ts';

const PRODID = { company: 'PeerBridge', product: 'Supervision', language: 'EN' };

export const seriesUid = (id: string) => `series-${id}@peerbridge`;
export const sessionUid = (id: string) => `session-${id}@peerbridge`;

const inZone = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone });
const icsUtc = (instant: Date) =>
  DateTime.fromJSDate(instant, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss'Z'");
const icsLocal = (instant: Date, zone: string) => inZone(instant, zone).toFormat("yyyyLLdd'T'HHmmss");

/**
 * Text a person wrote (a title, a place), safe inside a property: control characters dropped.
 * ical-generator escapes `,` `;` `\` and line breaks in event text, but not in the calendar's
 * name, and no property drops the other control characters; a title with a raw CR LF could add
 * properties of its own.
 */
export const icsText = (value: string): string =>
  value
    // \p{Cc}: C0 and C1 controls and DEL; line and paragraph separators too.
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();

function calendar(zone: string, name: string) {
  const cal = ical({ name: icsText(name), prodId: PRODID });
  cal.timezone({ name: zone, generator: getVtimezoneComponent });
  return cal;
}

/**
 * RFC 5545 3.8.7.2: DTSTAMP is in UTC. ical-generator writes it in the calendar's zone without
 * a TZID (a floating time), so it is written again here from the same instant.
 */
function inUtcStamps(text: string, stamp: Date): string {
  return text.replace(/^DTSTAMP:[^\r\n]*/gm, `DTSTAMP:${icsUtc(stamp)}`);
}

export function seriesCalendar(
  series: Db.SupervisionSeries,
  sessions: readonly Db.SupervisionSession[],
  location: string,
  stamp: Date = new Date(),
  t: Translate = english,
): string {
  const zone = series.timeZone;
  // The only words of the bot's own: in the language of the person the file is for.
  const description = toPlainText(t('supervision.calendar.description'));
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
    stamp,
    summary: icsText(series.title),
    description,
    location: icsText(location),
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
      stamp,
      summary: icsText(session.title),
      description,
      location: icsText(location),
    });
  }
  return inUtcStamps(cal.toString(), stamp);
}

export function sessionCalendar(
  session: Db.SupervisionSession,
  location: string,
  stamp: Date = new Date(),
  t: Translate = english,
): string {
  const zone = session.timeZone;
  const oneToOne = session.kind === 'one_on_one';
  // A one-to-one's stored title is the bot's English; the file says it in the reader's words.
  const title = oneToOne ? toPlainText(t('supervision.oneToOne.title')) : session.title;
  const cal = calendar(zone, title);
  cal.createEvent({
    id: sessionUid(session.id),
    sequence: session.sequence,
    start: inZone(session.startsAt, zone),
    end: inZone(session.endsAt, zone),
    timezone: zone,
    stamp,
    summary: icsText(title),
    description: toPlainText(
      oneToOne ? t('supervision.calendar.oneToOneDescription') : t('supervision.calendar.description'),
    ),
    location: icsText(location),
    ...(session.status === 'cancelled' ? { status: ICalEventStatus.CANCELLED } : {}),
  });
  return inUtcStamps(cal.toString(), stamp);
}
