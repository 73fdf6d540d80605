// The reporting API: `POST /api/v1/wskazniki/{code}/wartosci` with `Authorization: Bearer <token>`
// (a personal token from /konto/tokeny). The programme is the one named by the `program` query
// parameter (its slug), otherwise the current programme. The value goes through the same checks as
// the partner's form (the value service) and the same scope rules (monitoring.scope.ts); a partner
// may report only for an indicator and year (or quarter, `quarter` 1–4) of an open round. Answers are JSON; errors are
// problem+json like the rest of /api.
//
// CSRF: this route opts out (`csrf: false`). CSRF abuses the cookies a browser attaches on its own;
// here cookies are ignored altogether — the session user is dropped before the access check and only
// the bearer token, which a browser never attaches by itself, identifies the caller. A forged
// cross-site request therefore carries no credentials at all.
import { Type } from 'typebox';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { auditFromRequest } from '../../audit/index.js';
import { authenticateApiToken } from '../../accounts/index.js';
import { submitByApi } from './monitoring.policy.js';
import { submitViaApi } from './monitoring.service.js';

const Params = Type.Object({ code: Type.String({ minLength: 1, maxLength: 60, description: 'Indicator code, e.g. `W1.1`' }) });
const Query = Type.Object(
  { program: Type.Optional(Type.String({ maxLength: 100, description: 'Programme slug; the current programme when omitted' })) },
  { additionalProperties: false },
);
const Body = Type.Object(
  {
    period: Type.Integer({ minimum: 1900, maximum: 2200, description: 'The year the value describes' }),
    quarter: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 4, description: 'The quarter of that year, for a quarterly round; omitted: the whole year' }),
    ),
    territory: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        description: '`region` (default), a powiat or gmina TERYT code, or an OWES subregion code — per the indicator’s breakdown',
      }),
    ),
    value: Type.Union([Type.Number(), Type.String({ maxLength: 40 })], {
      description: 'A number, or text with a decimal comma (`1 234,5`)',
    }),
    source: Type.Optional(Type.String({ maxLength: 1000 })),
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
    submit: Type.Optional(Type.Boolean({ description: 'true: submit to the coordinator; false or omitted: save as a draft' })),
  },
  { additionalProperties: false },
);
const Reply = Type.Object({
  id: Type.String(),
  indicator: Type.String(),
  period: Type.Integer(),
  quarter: Type.Optional(Type.Integer({ description: 'The quarter (1–4) of a quarterly value; absent for the whole year' })),
  territory: Type.String(),
  value: Type.Union([Type.Number(), Type.Null()]),
  status: Type.String({ description: 'draft | submitted | approved | returned' }),
  is_example: Type.Boolean({ description: 'The indicator is an example of the demonstration: the value counts as example data' }),
});

const BEARER = /^Bearer\s+(\S+)\s*$/iu;

export async function monitoringApiRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  app.post(
    '/api/v1/wskazniki/:code/wartosci',
    {
      config: { access: submitByApi, csrf: false, rateLimit: { max: 60, timeWindow: '1 minute' } },
      // the caller is whoever the bearer token names — never the session of a cookie
      onRequest: async (request, reply) => {
        request.user = null;
        const m = BEARER.exec(request.headers.authorization ?? '');
        if (m) request.user = await authenticateApiToken(ctx, m[1]!);
        if (!request.user) void reply.header('www-authenticate', 'Bearer realm="spojnia"');
      },
      schema: {
        tags: ['programme'],
        summary: 'Report an indicator value (reporting partners; personal API token)',
        description:
          'Saves a draft or submits a value of a reported indicator for a year and territory. Partners may report only indicators and territories of their scope, for a year with an open monitoring round. Validated like the web form; a refused value changes nothing.',
        security: [{ bearerToken: [] }],
        params: Params,
        querystring: Query,
        body: Body,
        response: { 201: Reply },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      const body = request.body;
      const row = await submitViaApi(
        ctx,
        request.user!,
        {
          programmeSlug: request.query.program,
          code,
          period: body.period,
          ...(body.quarter !== undefined ? { quarter: body.quarter } : {}),
          territory: body.territory ?? 'region',
          value: body.value,
          source: body.source,
          comment: body.comment,
          submit: body.submit,
        },
        auditFromRequest(request),
      );
      return reply.code(201).send({
        id: row.id,
        indicator: code,
        period: row.period,
        ...(row.quarter ? { quarter: row.quarter } : {}),
        territory: row.territory_code,
        value: row.value,
        status: row.status,
        is_example: row.is_example,
      });
    },
  );
}
