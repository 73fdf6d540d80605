// The events' JSON API: published events with their sessions and free places; nothing about
// registrants. The same filters as the list page. An open dataset (on /dane): the answer carries the
// licence and when the events it lists last changed.
import { Type, type Static } from 'typebox';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import * as repo from './events.repo.js';
import * as svc from './events.service.js';
import { parseFilters } from './public.routes.js';
import { OpenDataProperties, openDataMeta } from '../opendata/index.js';

/** When the listed events last changed (an added session changes its event too); null for none. */
export function lastChangedOf(rows: readonly Pick<repo.EventRow, 'updated_at'>[]): string | null {
  return rows.reduce<string | null>((a, e) => (a === null || e.updated_at > a ? e.updated_at : a), null);
}

const Session = Type.Object({
  id: Type.String(),
  title: Type.String(),
  starts_at: Type.String({ format: 'date-time' }),
  ends_at: Type.String({ format: 'date-time' }),
  speakers: Type.String(),
  room: Type.String(),
  capacity: Type.Union([Type.Integer(), Type.Null()], { description: 'null: no limit' }),
  free_places: Type.Union([Type.Integer(), Type.Null()]),
});
const Event = Type.Object({
  id: Type.String(),
  title: Type.String(),
  type: Type.Union([
    Type.Literal('forum'),
    Type.Literal('conference'),
    Type.Literal('training'),
    Type.Literal('fair'),
    Type.Literal('open_day'),
    Type.Literal('study_visit'),
    Type.Literal('meeting'),
  ]),
  organiser: Type.String(),
  starts_at: Type.String({ format: 'date-time' }),
  ends_at: Type.String({ format: 'date-time' }),
  date_precision: Type.Union([Type.Literal('minute'), Type.Literal('day'), Type.Literal('month')], {
    description: 'day: an all-day event (ends_at is the start of the day after); month: only the month is known',
  }),
  is_online: Type.Boolean(),
  online_url: Type.Union([Type.String(), Type.Null()]),
  address: Type.Union([Type.String(), Type.Null()]),
  gmina_teryt: Type.Union([Type.String(), Type.Null()]),
  registration: Type.Union([Type.Literal('none'), Type.Literal('not_yet'), Type.Literal('open'), Type.Literal('closed')]),
  registration_opens_at: Type.Union([Type.String(), Type.Null()]),
  registration_closes_at: Type.Union([Type.String(), Type.Null()]),
  accessibility: Type.Object({
    step_free_access: Type.Boolean(),
    induction_loop: Type.Boolean(),
    sign_language_on_request: Type.Boolean(),
    notes: Type.String(),
  }),
  source: Type.Union([Type.String(), Type.Null()]),
  is_example: Type.Boolean(),
  url: Type.String(),
  ics_url: Type.String(),
  sessions: Type.Array(Session),
});

export async function apiRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const base = ctx.config.publicUrl.replace(/\/$/, '');
  app.get(
    '/api/v1/wydarzenia',
    {
      config: { access: 'public' },
      schema: {
        tags: ['events'],
        summary: 'Published events that have not ended (or of one month), with sessions and free places',
        querystring: Type.Object({
          rodzaj: Type.Optional(Type.String({ maxLength: 20, description: svc.EVENT_TYPES.join(', ') })),
          miesiac: Type.Optional(Type.String({ maxLength: 7, description: 'YYYY-MM' })),
          powiat: Type.Optional(Type.String({ maxLength: 4, description: '4-digit TERYT of a powiat' })),
          forma: Type.Optional(Type.String({ maxLength: 20, description: 'online | stacjonarnie' })),
          otwarta: Type.Optional(Type.String({ maxLength: 2, description: '1: only with registration open' })),
        }),
        response: { 200: Type.Object({ ...OpenDataProperties, items: Type.Array(Event) }) },
      },
    },
    async (request) => {
      const rows = await svc.listForPublic(ctx, parseFilters(request.query));
      const sessions = await repo.listSessionsOf(
        ctx.db,
        rows.map((e) => e.id),
      );
      const now = ctx.clock.now();
      const items: Static<typeof Event>[] = rows.map((e) => ({
        id: e.id,
        title: e.title,
        type: e.type,
        organiser: e.organiser,
        starts_at: e.starts_at,
        ends_at: e.ends_at,
        date_precision: e.date_precision,
        is_online: e.is_online,
        online_url: e.online_url,
        address: e.address,
        gmina_teryt: e.gmina_teryt,
        registration: svc.registrationState(e, now),
        registration_opens_at: e.registration_opens_at,
        registration_closes_at: e.registration_closes_at,
        accessibility: {
          step_free_access: e.has_step_free_access,
          induction_loop: e.has_induction_loop,
          sign_language_on_request: e.has_sign_language,
          notes: e.accessibility_notes,
        },
        source: e.source,
        is_example: e.is_example,
        url: `${base}/wydarzenia/${e.id}`,
        ics_url: `${base}/wydarzenia/${e.id}/kalendarz.ics`,
        sessions: sessions
          .filter((s) => s.event_id === e.id)
          .map((s) => ({
            id: s.id,
            title: s.title,
            starts_at: s.starts_at,
            ends_at: s.ends_at,
            speakers: s.speakers,
            room: s.room,
            capacity: s.capacity,
            free_places: s.capacity === null ? null : Math.max(0, s.capacity - s.taken),
          })),
      }));
      return { ...openDataMeta(lastChangedOf(rows)), items };
    },
  );
}
