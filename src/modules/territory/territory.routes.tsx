// Public routes of the territory module: the map of gminy (/terytorium), the profile of a powiat or
// gmina, the white spots, and the open-data API (JSON or GeoJSON, documented in OpenAPI). Thin:
// check the query, ask the service, render. The coordinators' routes are in admin.routes.tsx.
import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { Type } from 'typebox';
import { AppError } from '../../core/errors/app-error.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { isCalendarDay, warsawToday } from '../../core/time/index.js';
import type { TKey } from '../../i18n/index.js';
import { profileSection, profileSections, type ProfileUnit } from './extension.js';
import { focusView, mapGeometry } from './map.geometry.js';
import {
  apiGminy,
  apiPowiaty,
  asFeatureCollection,
  computeMeasure,
  defaultMeasure,
  directory,
  measureOptions,
  profile,
  shadeMeasure,
  whiteSpotsData,
} from './territory.service.js';
import {
  MapPageView,
  MAP_PATH,
  ProfileView,
  profileTitle,
  WHITE_SPOTS_PATH,
  WhiteSpotsView,
  type RenderedSection,
} from './territory.views.js';
import { isCityPowiat, PROFILE_TERYT, profilePath } from './units.js';
import { LICENCE_LINK, OpenDataProperties, openDataMeta } from '../opendata/index.js';
import { territoryDataset } from './territory.opendata.js';

const MapQuery = Type.Object({
  miara: Type.Optional(Type.String({ maxLength: 60 })),
  rok: Type.Optional(Type.String({ maxLength: 10 })),
  /** A powiat the map zooms to (the data and the table stay the whole region's). */
  powiat: Type.Optional(Type.String({ maxLength: 10 })),
});

/** The sections every profile has; another module replaces one by contributing a section with the same id. */
const PLACEHOLDERS: { id: string; order: number; titleKey: TKey; pendingKey: TKey }[] = [
  { id: 'entities', order: 10, titleKey: 'territory.section.entities', pendingKey: 'territory.section.entitiesPending' },
  { id: 'offers', order: 20, titleKey: 'territory.section.offers', pendingKey: 'territory.section.offersPending' },
  { id: 'events', order: 30, titleKey: 'territory.section.events', pendingKey: 'territory.section.eventsPending' },
  { id: 'indicators', order: 40, titleKey: 'territory.section.indicators', pendingKey: 'territory.section.indicatorsPending' },
];

async function renderSections(ctx: ModuleContext, request: FastifyRequest, unit: ProfileUnit): Promise<RenderedSection[]> {
  const placeholderIds = new Set(PLACEHOLDERS.map((p) => p.id));
  const list: { id: string; order: number; title: string; body: () => Promise<VNode> }[] = PLACEHOLDERS.map((p) => {
    const contributed = profileSection(ctx, p.id);
    return contributed
      ? { id: p.id, order: p.order, title: request.t(contributed.titleKey), body: () => contributed.render(ctx, request, unit) }
      : { id: p.id, order: p.order, title: request.t(p.titleKey), body: async () => <p>{request.t(p.pendingKey)}</p> };
  });
  for (const s of profileSections(ctx)) {
    if (!placeholderIds.has(s.id))
      list.push({ id: s.id, order: s.order, title: request.t(s.titleKey), body: () => s.render(ctx, request, unit) });
  }
  list.sort((a, b) => a.order - b.order);
  return Promise.all(list.map(async (s) => ({ id: s.id, title: s.title, body: await s.body() })));
}

/** Builds the map page (data and view); the benchmark times exactly this plus the render. */
export async function buildMapPage(
  ctx: ModuleContext,
  request: Pick<FastifyRequest, 't' | 'lang'>,
  query: { miara?: string; rok?: string; powiat?: string },
) {
  const day = warsawToday(ctx.clock);
  const [dir, options, geometry] = await Promise.all([directory(ctx, day), measureOptions(ctx), mapGeometry(ctx.db)]);
  const slug = query.miara ?? defaultMeasure(options);
  const badParam = (field: string) => new AppError('http.validation', {}, [{ field, key: 'validation.invalidParam', params: { field } }]);
  if (!options.some((o) => o.slug === slug)) throw badParam('miara');
  if (query.rok !== undefined && query.rok !== '' && !/^\d{4}$/u.test(query.rok)) throw badParam('rok');
  const year = query.rok ? Number(query.rok) : undefined;
  const powiat = query.powiat ? dir.powiaty.find((p) => p.teryt === query.powiat) : undefined;
  if (query.powiat && !powiat) throw badParam('powiat');
  const view = powiat ? focusView(geometry.powiaty, [powiat.teryt]) : null;
  const measure = await computeMeasure(ctx, slug, new Set(dir.gminy.map((g) => g.teryt)), year);
  const shading = shadeMeasure(measure, dir.gminy, request.lang);
  return {
    layout: { title: request.t('territory.map.title'), breadcrumbs: [{ label: request.t('territory.nav') }] },
    view: (
      <MapPageView
        options={options}
        measure={measure}
        gminy={dir.gminy}
        powiaty={dir.powiaty}
        shading={shading}
        geometry={geometry}
        focus={powiat && view ? { powiat, view } : null}
      />
    ),
  };
}

// --- API schemas ------------------------------------------------------------------------------

const ApiQuery = Type.Object({
  format: Type.Optional(
    Type.Union([Type.Literal('json'), Type.Literal('geojson')], {
      description: '`json` (default) or `geojson` (a FeatureCollection with WGS84 boundaries)',
    }),
  ),
  date: Type.Optional(
    Type.String({
      pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
      description: 'Day the OWES subregion is given for (YYYY-MM-DD); default: today in Poland',
    }),
  ),
});

const Subregion = Type.Union([
  Type.Object(
    { code: Type.String(), name_pl: Type.String(), name_en: Type.String() },
    { description: 'OWES subregion valid on the day asked for' },
  ),
  Type.Null(),
]);

const GminaItem = Type.Object({
  teryt: Type.String({ description: '7-digit TERYT (TERC) code, e.g. 0463011' }),
  name: Type.String(),
  type: Type.Integer({ description: '1 urban, 2 rural, 3 urban-rural gmina' }),
  powiat_teryt: Type.String(),
  powiat_name: Type.String(),
  subregion: Subregion,
});

const PowiatItem = Type.Object({
  teryt: Type.String({ description: '4-digit TERYT code, e.g. 0463' }),
  name: Type.String(),
  is_city: Type.Boolean({ description: 'A city with powiat rights (codes 61–64)' }),
  gminy: Type.Integer({ description: 'Number of gminy in the powiat' }),
  subregion: Subregion,
});

const listOf = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({ ...OpenDataProperties, date: Type.String(), count: Type.Integer(), items: Type.Array(item), source: Type.String() });

const Geometry = Type.Union([Type.Object({ type: Type.String(), coordinates: Type.Array(Type.Unknown()) }), Type.Null()]);
const featureCollection = (properties: ReturnType<typeof Type.Object>) =>
  Type.Object({
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(Type.Object({ type: Type.Literal('Feature'), id: Type.String(), properties, geometry: Geometry })),
  });

const GminaProperties = Type.Object({
  teryt: Type.String(),
  name: Type.String(),
  type: Type.Integer(),
  powiat_teryt: Type.String(),
  powiat_name: Type.String(),
  subregion: Type.Union([Type.String(), Type.Null()], { description: 'Code of the OWES subregion' }),
  subregion_name: Type.Union([Type.String(), Type.Null()]),
});
const PowiatProperties = Type.Object({
  teryt: Type.String(),
  name: Type.String(),
  is_city: Type.Boolean(),
  gminy: Type.Integer(),
  subregion: Type.Union([Type.String(), Type.Null()]),
  subregion_name: Type.Union([Type.String(), Type.Null()]),
});

const SOURCE = 'GUS, rejestr TERYT (TERC, stan na 2025-01-01); granice: GUGiK, Państwowy Rejestr Granic';

function apiSchema(summary: string, item: ReturnType<typeof Type.Object>, properties: ReturnType<typeof Type.Object>) {
  return {
    tags: ['territory'],
    summary,
    querystring: ApiQuery,
    response: {
      200: {
        description: 'The list (JSON) or a GeoJSON FeatureCollection (`?format=geojson`)',
        content: { 'application/json': { schema: listOf(item) }, 'application/geo+json': { schema: featureCollection(properties) } },
      },
    },
  };
}

export async function territoryRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  app.get(MAP_PATH, { config: { access: 'public', pageCache: true }, schema: { querystring: MapQuery } }, async (request, reply) => {
    const page = await buildMapPage(ctx, request, request.query);
    return sendPage(request, reply, page.layout, page.view);
  });

  app.get(WHITE_SPOTS_PATH, { config: { access: 'public' } }, async (request, reply) => {
    const dir = await directory(ctx, warsawToday(ctx.clock));
    const [data, geometry] = await Promise.all([whiteSpotsData(ctx, dir.gminy), mapGeometry(ctx.db)]);
    const t = request.t;
    return sendPage(
      request,
      reply,
      {
        title: t('territory.whiteSpots.title'),
        breadcrumbs: [{ label: t('territory.nav'), path: MAP_PATH }, { label: t('territory.whiteSpots.title') }],
      },
      <WhiteSpotsView data={data} gminy={dir.gminy} geometry={geometry} />,
    );
  });

  app.get(
    `${MAP_PATH}/:teryt`,
    { config: { access: 'public' }, schema: { params: Type.Object({ teryt: Type.String({ maxLength: 200 }) }) } },
    async (request, reply) => {
      const { teryt } = request.params;
      if (!new RegExp(PROFILE_TERYT, 'u').test(teryt)) throw new AppError('http.not_found');
      const p = await profile(ctx, teryt, warsawToday(ctx.clock));
      const [geometry, sections] = await Promise.all([
        mapGeometry(ctx.db),
        renderSections(ctx, request, { teryt: p.unit.teryt, kind: p.kind, name: p.unit.name, gminy: p.gminy.map((g) => g.teryt) }),
      ]);
      const t = request.t;
      const title = profileTitle(t, p);
      const crumbs = [{ label: t('territory.nav'), path: MAP_PATH }];
      if (p.parent && !isCityPowiat(p.parent.teryt))
        crumbs.push({ label: t('territory.powiatName', { name: p.parent.name }), path: profilePath(p.parent.teryt) });
      return sendPage(
        request,
        reply,
        { title, breadcrumbs: [...crumbs, { label: title }] },
        <ProfileView profile={p} locator={geometry.locator} sections={sections} />,
      );
    },
  );

  // --- open data --------------------------------------------------------------------------------

  /** The day a list is given for: `?date=` (a real calendar day) or today. */
  const day = (date: string | undefined) => {
    if (date === undefined) return warsawToday(ctx.clock);
    if (!isCalendarDay(date))
      throw new AppError('http.validation', {}, [{ field: 'date', key: 'validation.invalidParam', params: { field: 'date' } }]);
    return date;
  };

  app.get(
    '/api/v1/terytorium/gminy',
    {
      config: { access: 'public' },
      schema: apiSchema('Gminy of kujawsko-pomorskie with their powiat and OWES subregion', GminaItem, GminaProperties),
    },
    async (request, reply) => {
      const date = day(request.query.date);
      const [items, lastChanged] = await Promise.all([apiGminy(ctx, date), territoryDataset.lastChanged(ctx)]);
      reply.header('cache-control', 'public, max-age=300').header('link', LICENCE_LINK);
      if (request.query.format === 'geojson')
        return reply.type('application/geo+json').send(await asFeatureCollection(ctx, 'gmina', items));
      return reply.type('application/json').send({ ...openDataMeta(lastChanged), date, count: items.length, items, source: SOURCE });
    },
  );

  app.get(
    '/api/v1/terytorium/powiaty',
    {
      config: { access: 'public' },
      schema: apiSchema(
        'Powiaty of kujawsko-pomorskie (incl. the 4 cities with powiat rights) with their OWES subregion',
        PowiatItem,
        PowiatProperties,
      ),
    },
    async (request, reply) => {
      const date = day(request.query.date);
      const [items, lastChanged] = await Promise.all([apiPowiaty(ctx, date), territoryDataset.lastChanged(ctx)]);
      reply.header('cache-control', 'public, max-age=300').header('link', LICENCE_LINK);
      if (request.query.format === 'geojson')
        return reply.type('application/geo+json').send(await asFeatureCollection(ctx, 'powiat', items));
      return reply.type('application/json').send({ ...openDataMeta(lastChanged), date, count: items.length, items, source: SOURCE });
    },
  );
}
