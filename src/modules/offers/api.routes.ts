// The offers' JSON API: published offers of listed entities with the catalogue's filters, each
// with its provider's public facts (legal form, PS status, valid mark) and `is_example` for the
// demonstration offers. No enquiry and no personal data is ever part of an answer.
import { Type, type Static } from 'typebox';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { LicenceSchema, OPEN_DATA_LICENCE } from '../opendata/index.js';
import * as svc from './offers.service.js';

const ApiQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'search text (Polish folding and stemming)' })),
  kategoria: Type.Optional(Type.String({ maxLength: 60, description: 'category or subcategory key, e.g. catering' })),
  powiat: Type.Optional(Type.String({ maxLength: 4, description: '4-digit TERYT; offers for the whole region match every powiat' })),
  gmina: Type.Optional(Type.String({ maxLength: 7, description: '7-digit TERYT' })),
  forma: Type.Optional(Type.String({ maxLength: 60, description: "provider's legal form" })),
  status_ps: Type.Optional(Type.String({ maxLength: 1, description: '1: providers holding the PS status now' })),
  znak: Type.Optional(Type.String({ maxLength: 1, description: '1: providers with a valid "Zakup Prospołeczny" mark' })),
  strona: Type.Optional(Type.String({ maxLength: 6, description: 'page, from 1' })),
});

const OfferItem = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: Type.Union([Type.Literal('product'), Type.Literal('service')]),
  category: Type.String(),
  subcategory: Type.String(),
  cpv_codes: Type.Array(Type.String({ pattern: '^\\d{8}-\\d$' })),
  description: Type.String({ description: 'Markdown' }),
  price: Type.Union([Type.String(), Type.Null()], { description: 'price information; null means "on request"' }),
  area: Type.Object({
    whole_region: Type.Boolean(),
    powiaty: Type.Array(Type.String()),
    gminy: Type.Array(Type.String()),
  }),
  is_reserved_contracts: Type.Boolean(),
  entity: Type.Object({
    id: Type.String(),
    name: Type.String(),
    legal_form: Type.String(),
    is_ps: Type.Boolean({ description: 'holds the PS status today' }),
    has_valid_mark: Type.Boolean({ description: 'holds a "Zakup Prospołeczny" mark valid today (known dates only)' }),
    url: Type.String(),
  }),
  url: Type.String(),
  is_example: Type.Boolean({ description: 'demonstration data, not a real offer' }),
  updated_at: Type.String({ format: 'date-time' }),
});

const OfferList = Type.Object({
  licence: LicenceSchema,
  total: Type.Integer(),
  page: Type.Integer(),
  per_page: Type.Integer(),
  items: Type.Array(OfferItem),
});

export async function offersApiRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const base = ctx.config.publicUrl.replace(/\/$/, '');
  const item = (c: svc.OfferCard): Static<typeof OfferItem> => ({
    id: c.offer.id,
    title: c.offer.title,
    kind: c.offer.kind,
    category: c.offer.category,
    subcategory: c.offer.subcategory,
    cpv_codes: c.cpvCodes,
    description: c.offer.description,
    price: c.offer.price_kind === 'text' ? c.offer.price_text : null,
    area: {
      whole_region: c.offer.area_scope === 'region',
      powiaty: c.areas.filter((a) => a.teryt.length === 4).map((a) => a.teryt),
      gminy: c.areas.filter((a) => a.teryt.length === 7).map((a) => a.teryt),
    },
    is_reserved_contracts: c.offer.is_reserved_contracts,
    entity: {
      id: c.entity.id,
      name: c.entity.name,
      legal_form: c.entity.legalForm,
      is_ps: c.entity.isPs,
      has_valid_mark: c.entity.hasValidMark,
      url: `${base}${c.entity.path}`,
    },
    url: `${base}${svc.offerPath(c.offer)}`,
    is_example: c.offer.is_example || c.entity.isExample,
    updated_at: c.offer.updated_at,
  });

  app.get(
    '/api/v1/oferta',
    {
      config: { access: 'public' },
      schema: {
        tags: ['offers'],
        summary: 'Published offers of social economy entities (paged, same filters as /oferta)',
        querystring: ApiQuery,
        response: { 200: OfferList },
      },
    },
    async (request) => {
      const query = svc.parseCatalogueQuery(request.query);
      const result = await svc.searchCatalogue(ctx, query);
      return {
        licence: { ...OPEN_DATA_LICENCE },
        total: result.total,
        page: result.page,
        per_page: svc.PAGE_SIZE,
        items: result.cards.map(item),
      };
    },
  );
}
