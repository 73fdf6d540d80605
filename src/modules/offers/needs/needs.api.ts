// The buyers' needs JSON API: published needs only (what, kind, category, CPV, area, deadline,
// amount, buyer and its contact as published on the page). Drafts, staff messages and
// notifications are never part of an answer.
import { Type, type Static } from 'typebox';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { OpenDataProperties, openDataMeta } from '../../opendata/index.js';
import * as svc from './needs.service.js';

const NeedItem = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('tender'), Type.Literal('quote'), Type.Literal('sounding')]),
  title: Type.String(),
  category: Type.String(),
  cpv: Type.Union([Type.String({ pattern: '^\\d{8}-\\d$' }), Type.Null()]),
  area: Type.Object({ whole_region: Type.Boolean(), powiaty: Type.Array(Type.String()), gminy: Type.Array(Type.String()) }),
  deadline: Type.String({ format: 'date' }),
  amount: Type.Object({
    kind: Type.Union([Type.Literal('range'), Type.Literal('exact'), Type.Literal('undisclosed')]),
    min: Type.Union([Type.Integer(), Type.Null()], { description: 'PLN; the exact amount when kind is exact' }),
    max: Type.Union([Type.Integer(), Type.Null()], { description: 'PLN; only for a range' }),
  }),
  link: Type.Union([Type.String(), Type.Null()], { description: 'the tender notice published elsewhere' }),
  institution: Type.String(),
  contact: Type.Object({ name: Type.String(), email: Type.String(), phone: Type.Union([Type.String(), Type.Null()]) }),
  url: Type.String(),
  published_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  filters: Type.Object(
    { only_ps: Type.Boolean(), only_valid_mark: Type.Boolean(), only_reserved_contracts: Type.Boolean() },
    { description: 'optional conditions of the matching rule: which entities are notified' },
  ),
  is_example: Type.Boolean({ description: 'demonstration data, not a real need' }),
});

const NeedList = Type.Object({ ...OpenDataProperties, total: Type.Integer(), items: Type.Array(NeedItem) });

export async function needsApiRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const base = ctx.config.publicUrl.replace(/\/$/, '');
  app.get(
    '/api/v1/oferta/potrzeby',
    {
      config: { access: 'public' },
      schema: { tags: ['offers'], summary: "Published buyers' needs (those the entities are notified of)", response: { 200: NeedList } },
    },
    async () => {
      const needs = await svc.publishedNeeds(ctx);
      const items: Static<typeof NeedItem>[] = [];
      for (const n of needs) {
        const areas = await svc.areasOf(ctx, n.id);
        items.push({
          id: n.id,
          kind: n.kind,
          title: n.title,
          category: n.category,
          cpv: n.cpv,
          area: {
            whole_region: n.area_scope === 'region',
            powiaty: areas.filter((a) => a.length === 4),
            gminy: areas.filter((a) => a.length === 7),
          },
          deadline: n.deadline,
          amount: {
            kind: n.amount_kind,
            min: n.amount_min === null ? null : Number(n.amount_min),
            max: n.amount_max === null ? null : Number(n.amount_max),
          },
          link: n.link,
          institution: n.institution,
          contact: { name: n.contact_name, email: n.contact_email, phone: n.contact_phone },
          url: `${base}${svc.needPath(n)}`,
          published_at: n.published_at,
          filters: {
            only_ps: Boolean(n.only_ps),
            only_valid_mark: Boolean(n.only_mark),
            only_reserved_contracts: Boolean(n.only_reserved),
          },
          is_example: Boolean(n.is_example),
        });
      }
      return { ...openDataMeta(await svc.lastPublishedChange(ctx)), total: items.length, items };
    },
  );
}
