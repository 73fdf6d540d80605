// iCalendar files of events (ical-generator, ADR 12): the feed of published events and one file per
// event with its sessions. Times are written as Warsaw wall-clock times with TZID=Europe/Warsaw and
// the zone's VTIMEZONE rules, so a calendar shows 10:00 for a session at 10:00 whatever the season;
// UIDs are built from the record ids, so an updated file replaces the entries it added before.
// Events known only to the month are left out (a calendar entry needs a day).
import ical, { type ICalCalendar } from 'ical-generator';
import { TIME_ZONE, warsawWallClock } from '../../core/time/index.js';
import type { Lang } from '../../i18n/index.js';
import { translator } from '../../i18n/index.js';
import type { EventRow, SessionRow } from './events.repo.js';

/** Europe/Warsaw since 1996 (EU rules): CEST from the last Sunday of March, CET from the last Sunday of October. */
const WARSAW_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Warsaw',
  'X-LIC-LOCATION:Europe/Warsaw',
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

/**
 * The Warsaw wall clock of an instant as a Date whose UTC fields carry it: ical-generator writes a
 * zoned time from the UTC fields of the Date it is given.
 */
function wallClock(at: string): Date {
  const w = warsawWallClock(at);
  const [y, m, d] = w.day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, w.hour, w.minute, w.second));
}

/** A calendar day as the all-day value ical-generator expects (UTC midnight of that day). */
function dayValue(at: string): Date {
  const [y, m, d] = warsawWallClock(at).day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export interface IcsContext {
  publicUrl: string;
  lang: Lang;
  /** The instant written as DTSTAMP (the app clock). */
  stamp: Date;
  /** Names of gminy by TERYT, for the location. */
  gminaNames: ReadonlyMap<string, string>;
}

function host(publicUrl: string): string {
  try {
    return new URL(publicUrl).host || 'spojnia';
  } catch {
    return 'spojnia';
  }
}

function calendar(name: string): ICalCalendar {
  return ical({
    name,
    prodId: { company: 'Spojnia', product: 'wydarzenia', language: 'PL' },
    // the zone's rules for every TZID; no calendar-wide zone, so DTSTAMP stays in UTC as RFC 5545 asks
    timezone: { name: null, generator: (tz) => (tz === TIME_ZONE ? WARSAW_VTIMEZONE : null) },
  });
}

function location(e: EventRow, c: IcsContext): string {
  if (e.is_online) return e.online_url ?? '';
  const gmina = e.gmina_teryt ? c.gminaNames.get(e.gmina_teryt) : undefined;
  return [e.address, gmina].filter(Boolean).join(', ');
}

function addEvent(cal: ICalCalendar, e: EventRow, c: IcsContext): void {
  if (e.date_precision === 'month') return;
  const base = c.publicUrl.replace(/\/$/, '');
  const url = `${base}${c.lang === 'en' ? '/en' : ''}/wydarzenia/${e.id}`;
  const t = translator(c.lang);
  const description = [e.is_example ? t('events.exampleLabel') : null, e.organiser ? `${t('events.organiser')}: ${e.organiser}` : null, url]
    .filter(Boolean)
    .join('\n');
  const common = {
    summary: e.is_example ? `${e.title} (${t('events.exampleLabel')})` : e.title,
    description,
    location: location(e, c),
    url,
    stamp: c.stamp,
  };
  if (e.date_precision === 'day')
    cal.createEvent({
      id: `event-${e.id}@${host(c.publicUrl)}`,
      start: dayValue(e.starts_at),
      end: dayValue(e.ends_at),
      allDay: true,
      ...common,
    });
  else
    cal.createEvent({
      id: `event-${e.id}@${host(c.publicUrl)}`,
      start: wallClock(e.starts_at),
      end: wallClock(e.ends_at),
      timezone: TIME_ZONE,
      ...common,
    });
}

function addSession(cal: ICalCalendar, e: EventRow, s: SessionRow, c: IcsContext): void {
  const t = translator(c.lang);
  const base = c.publicUrl.replace(/\/$/, '');
  const url = `${base}${c.lang === 'en' ? '/en' : ''}/wydarzenia/${e.id}`;
  cal.createEvent({
    id: `session-${s.id}@${host(c.publicUrl)}`,
    start: wallClock(s.starts_at),
    end: wallClock(s.ends_at),
    timezone: TIME_ZONE,
    summary: `${s.title} — ${e.title}`,
    description: [
      s.speakers ? `${t('events.session.speakers')}: ${s.speakers}` : null,
      s.room ? `${t('events.session.room')}: ${s.room}` : null,
      url,
    ]
      .filter(Boolean)
      .join('\n'),
    location: [s.room, location(e, c)].filter(Boolean).join(', '),
    url,
    stamp: c.stamp,
  });
}

/** The feed of events (`/wydarzenia.ics`). */
export function eventsFeed(events: readonly EventRow[], c: IcsContext): string {
  const cal = calendar(translator(c.lang)('events.icsName'));
  for (const e of events) addEvent(cal, e, c);
  return cal.toString();
}

/** One event with its sessions (`/wydarzenia/{id}.ics`). */
export function eventFile(e: EventRow, sessions: readonly SessionRow[], c: IcsContext): string {
  const cal = calendar(e.title);
  addEvent(cal, e, c);
  for (const s of sessions) addSession(cal, e, s, c);
  return cal.toString();
}
