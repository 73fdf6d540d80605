// The support centres' JSON API (public data only: functions' contacts, never the requests sent to
// centres): every centre with its partnership, areas, offices, services and accreditation, and the
// centre serving one gmina on a day (today unless `data` is given).
import { Type, type Static } from 'typebox';
import { AppError } from '../../core/errors/app-error.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { isCalendarDay, warsawToday } from '../../core/time/index.js';
import { OpenDataProperties, openDataMeta } from '../opendata/index.js';
import { WEEKDAYS } from '../site/index.js';
import { supportLastChanged } from './support.opendata.js';
import { SUPPORT_SERVICES } from './services.js';
import * as svc from './support.service.js';
import { centrePath } from './public.views.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date' });
const Hours = Type.Object(
  Object.fromEntries(WEEKDAYS.map((d) => [d, Type.Union([Type.Object({ open: Type.String(), close: Type.String() }), Type.Null()])])),
  { description: 'opening hours per weekday ("07:30"); null = closed' },
);
const Office = Type.Object({
  street: Type.String(),
  postal_code: Type.String(),
  city: Type.String(),
  gmina_teryt: Type.String(),
  hours: Type.Union([Hours, Type.Null()], { description: 'null when the hours are not known' }),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
});
const Accreditation = Type.Object({
  decision_number: Type.String(),
  decision_date: Nullable(Day),
  valid_from: Day,
  valid_to: Day,
  granting_body: Type.String(),
});
const Centre = Type.Object({
  id: Type.String(),
  name: Type.String(),
  url: Type.String(),
  is_example: Type.Boolean({ description: 'example (demonstration) data, not real' }),
  website: Nullable(Type.String()),
  partners: Type.Array(
    Type.Object({
      role: Type.Union([Type.Literal('lead'), Type.Literal('partner'), Type.Literal('member')], {
        description: 'member: role not known from the sources',
      }),
      name: Type.String(),
      entity_id: Nullable(Type.String()),
    }),
  ),
  areas: Type.Array(Type.Object({ subregion_code: Type.String(), subregion: Type.String(), valid_from: Day, valid_to: Nullable(Day) })),
  offices: Type.Array(Office),
  contacts: Type.Array(Type.Object({ function: Type.String(), email: Nullable(Type.String()), phone: Nullable(Type.String()) })),
  services: Type.Array(Type.String({ enum: [...SUPPORT_SERVICES] }), { description: 'from the fixed list of services' }),
  accreditation_state: Type.Union([Type.Literal('valid'), Type.Literal('lapsed'), Type.Literal('future'), Type.Literal('unknown')]),
  accreditation_valid_to: Type.Union([Day, Type.Null()], { description: 'end of the valid accreditation, or of the last one when lapsed' }),
  accreditations: Type.Array(Accreditation),
  sources: Type.Array(Type.String()),
});
const GminaParams = Type.Object({ teryt: Type.String({ pattern: '^04[0-9]{4}[1-3]$', description: '7-digit TERYT of a gmina' }) });

export async function apiRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const base = ctx.config.publicUrl.replace(/\/$/, '');
  const centre = (d: svc.CentreDetail): Static<typeof Centre> => {
    const acc = d.accreditation;
    return {
      id: d.centre.id,
      name: d.centre.name,
      url: `${base}${centrePath(d.centre.id)}`,
      is_example: d.centre.is_example,
      website: d.centre.website,
      partners: d.partners.map((p) => ({ role: p.role, name: p.name, entity_id: p.entity_id })),
      areas: d.areas.map((a) => ({
        subregion_code: a.subregion_code,
        subregion: a.subregionName,
        valid_from: a.valid_from,
        valid_to: a.valid_to,
      })),
      offices: d.offices.map((o) => ({
        street: o.street,
        postal_code: o.postalCode,
        city: o.city,
        gmina_teryt: o.gminaTeryt,
        hours: o.hours,
        phone: o.phone,
        email: o.email,
      })),
      contacts: d.contacts.map((c) => ({ function: c.function_name, email: c.email, phone: c.phone })),
      services: d.services,
      accreditation_state: acc.kind,
      accreditation_valid_to: acc.kind === 'valid' ? acc.current.valid_to : acc.kind === 'lapsed' ? acc.last.valid_to : null,
      accreditations: d.accreditations.map((a) => ({
        decision_number: a.decision_number,
        decision_date: a.decision_date,
        valid_from: a.valid_from,
        valid_to: a.valid_to,
        granting_body: a.granting_body,
      })),
      sources: d.centre.sources
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean),
    };
  };

  app.get(
    '/api/v1/wsparcie/osrodki',
    {
      config: { access: 'public' },
      schema: {
        tags: ['support'],
        summary: 'Social economy support centres (OWES): partnership, subregions served per period, offices, services, accreditation',
        response: { 200: Type.Object({ ...OpenDataProperties, items: Type.Array(Centre) }) },
      },
    },
    async () => ({
      ...openDataMeta(await supportLastChanged(ctx)),
      items: (await svc.listCentreDetails(ctx, 'pl')).map(centre),
    }),
  );

  app.get(
    '/api/v1/wsparcie/gmina/:teryt',
    {
      config: { access: 'public' },
      schema: {
        tags: ['support'],
        summary: 'The support centre serving a gmina on a day (today in Warsaw by default), its subregion and nearest office',
        params: GminaParams,
        querystring: Type.Object({
          data: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' })),
        }),
        response: {
          200: Type.Object({
            gmina: Type.Object({ teryt: Type.String(), name: Type.String() }),
            date: Day,
            subregion: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
            centre: Type.Union([Centre, Type.Null()], { description: 'null when no centre is recorded for the gmina on that day' }),
            nearest_office: Type.Union([Office, Type.Null()]),
          }),
        },
      },
    },
    async (request) => {
      const day = request.query.data ?? warsawToday(ctx.clock);
      if (!isCalendarDay(day)) throw new AppError('http.bad_request');
      const gmina = (await svc.gminaOptions(ctx, 'pl')).find((g) => g.teryt === request.params.teryt);
      if (!gmina) throw new AppError('http.not_found');
      const serving = await svc.servingCentre(ctx, gmina.teryt, day);
      const detail = serving ? await svc.centreDetail(ctx, serving.centreId, 'pl') : null;
      const office = detail ? await svc.nearestOffice(ctx, detail.offices, gmina.teryt) : null;
      const sub = serving?.subregion ?? (await svc.subregionOn(ctx, gmina.teryt, day));
      return {
        gmina: { teryt: gmina.teryt, name: gmina.name },
        date: day,
        subregion: sub ? { code: sub.code, name: sub.name_pl } : null,
        centre: detail ? centre(detail) : null,
        nearest_office: office
          ? {
              street: office.street,
              postal_code: office.postalCode,
              city: office.city,
              gmina_teryt: office.gminaTeryt,
              hours: office.hours,
              phone: office.phone,
              email: office.email,
            }
          : null,
      };
    },
  );
}
