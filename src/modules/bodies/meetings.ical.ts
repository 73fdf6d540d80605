// iCalendar for meetings, written with ical-generator (ADR 12): an invitation (`METHOD:REQUEST`) or a
// cancellation (`METHOD:CANCEL`) of one meeting, and a body's feed of public meetings. Every time is
// written in an explicit Europe/Warsaw zone with its VTIMEZONE, as the wall clock of the office
// (core/time), so 10:00 on the last Sunday of October reads 10:00 whatever the server's own zone.
// The UID of a meeting never changes; its SEQUENCE grows with every change, so calendars replace it.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { TIME_ZONE, warsawWallClock } from '../../core/time/index.js';

/**
 * Europe/Warsaw as a VTIMEZONE (the EU rule since 1996: CEST from the last Sunday of March at 02:00,
 * CET from the last Sunday of October at 03:00).
 */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Warsaw',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A plain date-time (the Temporal.PlainDateTime shape ical-generator reads). */
function plain(f: Fields) {
  return {
    ...f,
    toPlainDate: () => ({ year: f.year, month: f.month, day: f.day }),
    toZonedDateTime: () => {
      throw new Error('not used');
    },
  };
}

/**
 * An instant in a zone (the Temporal.ZonedDateTime shape ical-generator reads), for Europe/Warsaw or
 * UTC; the wall clock comes from core/time.
 */
function zoned(at: string, zone: string, fixed = false): object {
  const d = new Date(at);
  let f: Fields;
  if (zone === 'UTC') {
    f = {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
  } else {
    const w = warsawWallClock(d);
    const [year, month, day] = w.day.split('-').map(Number) as [number, number, number];
    f = { year, month, day, hour: w.hour, minute: w.minute, second: w.second };
  }
  return {
    ...f,
    timeZoneId: zone,
    toPlainDateTime: () => plain(f),
    toInstant: () => ({ epochMilliseconds: d.getTime() }),
    withTimeZone: (z: string) => (fixed ? zoned(at, zone, true) : zoned(at, z)),
    toString: () => d.toISOString(),
    toJSON: () => d.toISOString(),
  };
}

export interface IcalMeeting {
  uid: string;
  sequence: number;
  startsAt: string;
  endsAt: string;
  summary: string;
  description: string;
  location: string;
  url: string | null;
  isCancelled: boolean;
}

export interface IcalOrganizer {
  name: string;
  email: string;
}

/** DTSTAMP is written from UTC fields; RFC 5545 wants it marked as UTC. */
function utcStamp(text: string): string {
  return text.replace(/^DTSTAMP:(\d{8}T\d{6})\r$/gm, 'DTSTAMP:$1Z\r');
}

function calendar(method: ICalCalendarMethod, name: string) {
  return ical({
    prodId: { company: 'ROPS Torun', product: 'Spojnia', language: 'PL' },
    method,
    name,
    timezone: { name: TIME_ZONE, generator: (tz) => (tz === TIME_ZONE ? VTIMEZONE : null) },
  });
}

function addEvent(
  cal: ReturnType<typeof ical>,
  m: IcalMeeting,
  stamp: string,
  extra: { organizer?: IcalOrganizer; attendee?: { name: string; email: string } },
) {
  cal.createEvent({
    id: m.uid,
    sequence: m.sequence,
    // the library writes every time of a zoned event in its zone; DTSTAMP must be UTC (see utcStamp)
    stamp: zoned(stamp, 'UTC', true) as never,
    start: zoned(m.startsAt, TIME_ZONE) as never,
    end: zoned(m.endsAt, TIME_ZONE) as never,
    timezone: TIME_ZONE,
    summary: m.summary,
    description: m.description,
    location: m.location,
    url: m.url,
    status: m.isCancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    ...(extra.organizer ? { organizer: extra.organizer } : {}),
    ...(extra.attendee ? { attendees: [{ ...extra.attendee, rsvp: true }] } : {}),
  });
}

/** The calendar part of an invitation to one member (REQUEST) or of its cancellation (CANCEL). */
export function invitationIcs(m: IcalMeeting, organizer: IcalOrganizer, attendee: { name: string; email: string }, stamp: string): string {
  const cal = calendar(m.isCancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST, m.summary);
  addEvent(cal, m, stamp, { organizer, attendee });
  return utcStamp(cal.toString());
}

/** A subscribable feed of meetings (METHOD:PUBLISH). */
export function feedIcs(name: string, meetings: readonly IcalMeeting[], stamp: string): string {
  const cal = calendar(ICalCalendarMethod.PUBLISH, name);
  for (const m of meetings) addEvent(cal, m, stamp, {});
  return utcStamp(cal.toString());
}
