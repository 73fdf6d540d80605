// Public routes of the localgov maps and ranking: `/samorzady/mapa?miara=&rok=&poziom=` (gminy or
// powiaty) and `/samorzady/ranking?rok=`, both readable without script.
import { Type } from 'typebox';
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { mapGeometry } from '../../territory/index.js';
import { yearsWithRecords } from '../localgov.service.js';
import { MAP_LEVELS, MAP_MEASURES, mapData, rankingOfYear, type MapLevel, type MapMeasure } from './map.service.js';
import { MapView, RankingView } from './map.views.js';

const MapQuery = Type.Object({
  miara: Type.Optional(Type.Union(MAP_MEASURES.map((m) => Type.Literal(m)))),
  rok: Type.Optional(Type.String({ pattern: '^[0-9]{4}$' })),
  // a tuple, so the value is typed (a mapped array would type it as never)
  poziom: Type.Optional(Type.Union([Type.Literal(MAP_LEVELS[0]), Type.Literal(MAP_LEVELS[1])])),
});
const YearQuery = Type.Object({ rok: Type.Optional(Type.String({ pattern: '^[0-9]{4}$' })) });

export async function localgovMapRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const yearsAnd = async (rok: string | undefined) => {
    const known = await yearsWithRecords(ctx);
    const year = rok ? Number(rok) : known[0]!;
    return { year, years: [...new Set([year, ...known])].sort((a, b) => b - a) };
  };
  const crumbs = (request: { t: (k: 'localgov.nav') => string }, label: string) => [
    { label: request.t('localgov.nav'), path: '/samorzady' },
    { label },
  ];

  app.get('/samorzady/mapa', { config: { access: 'public' }, schema: { querystring: MapQuery } }, async (request, reply) => {
    const { year, years } = await yearsAnd(request.query.rok);
    const measure: MapMeasure = request.query.miara ?? 'clauses';
    const level: MapLevel = request.query.poziom ?? 'gminy';
    const [data, geometry] = await Promise.all([mapData(ctx, measure, year, request.lang, level), mapGeometry(ctx.db)]);
    const title = request.t(level === 'powiaty' ? 'localgov.map.titlePowiaty' : 'localgov.map.title');
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: crumbs(request, title) },
      <MapView data={data} years={years} geometry={geometry} />,
    );
  });

  app.get('/samorzady/ranking', { config: { access: 'public' }, schema: { querystring: YearQuery } }, async (request, reply) => {
    const { year, years } = await yearsAnd(request.query.rok);
    const title = request.t('localgov.ranking.title', { year });
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: crumbs(request, title) },
      <RankingView year={year} years={years} rows={await rankingOfYear(ctx, year, request.lang)} />,
    );
  });
}
