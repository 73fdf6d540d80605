// `GET /api/v1/zakup-prospoleczny`: every "Zakup Prospołeczny" licence with its state today (valid,
// expired, not yet valid, unknown dates, withdrawn, suspended), holder and product, and `is_example`
// for demonstration data, with the open-data licence and the data's last change (`last_changed`).
// Withdrawal and suspension reasons are not part of the answer.
import { Type, type Static } from 'typebox';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { openDataMeta, OpenDataProperties } from '../opendata/index.js';
import { lastChanged } from './licences.repo.js';
import { entityPath } from '../registry/index.js';
import * as svc from './licences.service.js';

const State = Type.Union([
  Type.Literal('valid'),
  Type.Literal('expired'),
  Type.Literal('not_yet_valid'),
  Type.Literal('unknown'),
  Type.Literal('withdrawn'),
  Type.Literal('suspended'),
]);

const Query = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'search in holder, product and number' })),
  stan: Type.Optional({ ...State, description: 'only licences in this state today' }),
});

const Item = Type.Object({
  number: Type.String({ description: 'ZP-YYYY-XXXXXX' }),
  state: State,
  product: Type.Union([Type.String(), Type.Null()], { description: 'null: not yet specified (migrated marks)' }),
  granted_on: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  expires_on: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'last valid day' }),
  is_expiry_derived: Type.Boolean({ description: 'expiry derived from the grant date (one-year licence)' }),
  withdrawn_on: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  renews: Type.Union([Type.String(), Type.Null()], { description: 'number of the licence this one renews' }),
  holder: Type.Object({ id: Type.String(), name: Type.String(), url: Type.String() }),
  verification_url: Type.String(),
  is_example: Type.Boolean({ description: 'demonstration data, not a real licence' }),
});

const List = Type.Object({
  ...OpenDataProperties,
  as_of: Type.String({ format: 'date' }),
  total: Type.Integer(),
  items: Type.Array(Item),
});

export async function licencesApiRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const base = ctx.config.publicUrl.replace(/\/$/, '');
  app.get(
    '/api/v1/zakup-prospoleczny',
    {
      config: { access: 'public' },
      schema: {
        tags: ['licences'],
        summary: '"Zakup Prospołeczny" licences with their state today',
        querystring: Query,
        response: { 200: List },
      },
    },
    async (request) => {
      const all = await svc.licencesWithState(ctx, { q: request.query.q ?? '' });
      const numbers = new Map(all.map((x) => [x.licence.id, x.licence.number]));
      const items = all
        .filter((x) => request.query.stan === undefined || x.state === request.query.stan)
        .map(({ licence: l, state }): Static<typeof Item> => ({
          number: l.number,
          state,
          product: l.product,
          granted_on: l.granted_on,
          expires_on: l.expires_on,
          is_expiry_derived: l.is_expiry_derived,
          withdrawn_on: l.withdrawn_on,
          renews: l.renews_id === null ? null : (numbers.get(l.renews_id) ?? null),
          holder: { id: l.entity_id, name: l.entity_name, url: `${base}${entityPath({ id: l.entity_id, name: l.entity_name })}` },
          verification_url: `${base}${svc.licenceVerificationPath(l.number)}`,
          is_example: l.is_example || l.entity_synthetic,
        }));
      return { ...openDataMeta(await lastChanged(ctx.db)), as_of: svc.today(ctx), total: items.length, items };
    },
  );
}
