// Fixtures for tests and the browser suite: a published event with sessions and an open
// registration window, built through the module's own services (so they obey the same rules), and
// registrations made and confirmed the way a person would (the tokens taken from the outbox).
import type { ModuleContext } from '../../core/module.js';
import { toWarsawLocal } from '../../core/time/index.js';
import { addSession, createEvent } from './events.service.js';
import * as reg from './registration.service.js';
import { randomUUID } from 'node:crypto';
import { applyCheckins } from './checkin.service.js';
import { certificatePdf } from './certificate.service.js';
import { verificationPath } from '../verification/index.js';
import { publishedDocument } from '../../testing/portal.js';
import { attachDocument } from './documents.service.js';

const actor = { actorId: null, ip: null, requestId: null };
const HOUR = 3600_000;
/** Wall-clock arithmetic on a `YYYY-MM-DDTHH:mm` text (no time zone involved). */
const shift = (local: string, ms: number) => new Date(Date.parse(`${local}:00Z`) + ms).toISOString().slice(0, 16);

export interface EventFixture {
  id: string;
  sessionIds: string[];
}

export interface EventOptions {
  title?: string;
  /** Warsaw wall-clock start, `YYYY-MM-DDTHH:mm`; default a week from the clock. */
  startsAt?: string;
  hours?: number;
  /** Capacities of the sessions (one session per entry; null: no limit). */
  capacities?: (number | null)[];
  /** Registration closes this many hours before the start (default 1); null: no registration. */
  closesBeforeStartHours?: number | null;
  gmina?: string;
  online?: boolean;
}

export async function makeEvent(ctx: ModuleContext, o: EventOptions = {}): Promise<EventFixture> {
  const now = ctx.clock.now().getTime();
  const startsAt = o.startsAt ?? toWarsawLocal(new Date(now + 7 * 24 * HOUR));
  const hours = o.hours ?? 8;
  const closes = o.closesBeforeStartHours === null ? null : (o.closesBeforeStartHours ?? 1);
  const id = await createEvent(
    ctx,
    {
      title: o.title ?? 'Forum testowe',
      type: 'forum',
      description: 'Opis **wydarzenia**.',
      organiser: 'ROPS w Toruniu',
      starts_at: startsAt,
      ends_at: shift(startsAt, hours * HOUR),
      mode: o.online ? 'online' : 'onsite',
      online_url: o.online ? 'https://spotkanie.example.pl/forum' : '',
      address: o.online ? '' : 'ul. Szosa Chełmińska 30',
      gmina_teryt: o.online ? '' : (o.gmina ?? '0463011'),
      registration_opens_at: closes === null ? '' : toWarsawLocal(new Date(now - HOUR)),
      registration_closes_at: closes === null ? '' : shift(startsAt, -closes * HOUR),
      who_may_register: 'przedstawiciele PES i JST',
      has_step_free_access: '1',
      has_induction_loop: '',
      has_sign_language: '1',
      accessibility_notes: 'Parking przy wejściu.',
      is_published: '1',
    },
    actor,
  );
  const sessionIds: string[] = [];
  const caps = o.capacities ?? [null];
  for (const [i, cap] of caps.entries()) {
    const s = shift(startsAt, i * 30 * 60_000);
    const e = shift(startsAt, (i * 30 + 60) * 60_000);
    sessionIds.push(
      await addSession(
        ctx,
        id,
        {
          title: `Sesja ${i + 1}`,
          starts_at: s,
          ends_at: e,
          speakers: 'Anna Kowalska',
          room: `Sala ${i + 1}`,
          capacity: cap === null ? '' : String(cap),
        },
        actor,
      ),
    );
  }
  return { id, sessionIds };
}

/** The token of the newest link of `template` e-mailed to `to` (`potwierdzenie` or `rejestracja`). */
export async function lastToken(
  ctx: ModuleContext,
  to: string,
  template: 'event_confirm' | 'event_confirmed' | 'event_offer',
): Promise<string> {
  const m = await ctx.db
    .selectFrom('mail_outbox')
    .select('text_body')
    .where('to_address', '=', to)
    .where('template', '=', template)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const link = /\/wydarzenia\/(?:potwierdzenie|rejestracja)\/([A-Za-z0-9_-]+)/.exec(m.text_body);
  if (!link) throw new Error(`no link in ${template} to ${to}`);
  return link[1]!;
}

/** A registration by `email` for the sessions, confirmed through its link unless told otherwise; returns the manage token. */
export async function registerPerson(
  ctx: ModuleContext,
  eventId: string,
  email: string,
  sessionIds: string[],
  confirm = true,
): Promise<string | null> {
  const out = await reg.register(
    ctx,
    eventId,
    { name: `Osoba ${email.split('@')[0]}`, email, participant_type: 'pes', gmina_teryt: '0463011', sessions: sessionIds, consent: '1' },
    'pl',
  );
  if (out === 'ignored') throw new Error('ignored');
  if (!confirm) return null;
  return reg.confirm(ctx, await lastToken(ctx, email, 'event_confirm'));
}

/** A confirmed registration checked in at the event; returns its manage token. */
export async function attendedRegistration(ctx: ModuleContext, ev: EventFixture, email: string): Promise<string> {
  const token = (await registerPerson(ctx, ev.id, email, ev.sessionIds))!;
  const r = await ctx.db.selectFrom('event_registrations').select('short_code').where('email', '=', email).executeTakeFirstOrThrow();
  await applyCheckins(ctx, ev.id, [{ id: randomUUID(), code: r.short_code }], null);
  return token;
}

/** The verification page of the certificate of the registration behind a manage token (issued now). */
export async function verificationPathOf(ctx: ModuleContext, token: string): Promise<string> {
  const { number } = await certificatePdf(ctx, token, 'pl');
  return verificationPath('udzial-w-wydarzeniu', number);
}

/** A published library document (portal) attached to the event; returns its title. */
export async function attachLibraryDocument(
  ctx: ModuleContext,
  eventId: string,
  title = 'Program Forum Ekonomii Społecznej',
): Promise<string> {
  const id = await publishedDocument(ctx, title);
  await attachDocument(ctx, eventId, { document_id: id }, actor);
  return title;
}
