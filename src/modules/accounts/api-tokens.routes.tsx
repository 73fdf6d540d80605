// Routes of personal API tokens under the account: /konto/tokeny (list and create; the new token
// is shown once in the answer to the POST, never stored or sent again) and revocation. Only users
// who may hold tokens (reporting partners, coordinators, administrators) reach these pages.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { policy } from '../../core/auth/access.js';
import type { Problem } from '../../core/errors/app-error.js';
import { formBody, submitForm } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { auditFromRequest } from '../audit/index.js';
import * as svc from './api-tokens.service.js';
import { ApiTokensView } from './api-tokens.views.js';

const FormBody = formBody({ maxLength: 1000, maxProperties: 20 });
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const OkQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) });

export const holdApiTokens = policy('accounts.api_tokens', (user) => svc.mayHoldApiTokens(user.roles));

export async function apiTokenRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const access = { access: holdApiTokens };
  /** The tokens page; `ok` is the notice after a redirect, `state` what a POST answers with. */
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    ok: string | undefined,
    state: { created?: { name: string; token: string }; problems?: Problem[]; values?: Record<string, string>; status?: number } = {},
  ) => {
    const tokens = await svc.listApiTokens(ctx, request.user!.id);
    // the answer carrying a new token must not be kept by any cache
    if (state.created) reply.header('cache-control', 'no-store');
    return sendPage(
      request,
      reply,
      { title: request.t('monitoring.tokens.title'), breadcrumbs: [{ label: request.t('accounts.myAccount'), path: '/konto' }] },
      <ApiTokensView
        tokens={tokens}
        csrf={reply.generateCsrf()}
        created={state.created ?? null}
        problems={state.problems ?? []}
        values={state.values ?? {}}
        notice={ok === 'uniewazniono' && !state.status ? request.t('monitoring.tokens.revoked') : null}
      />,
      state.status ?? 200,
    );
  };

  app.get('/konto/tokeny', { config: access, schema: { querystring: OkQuery } }, async (request, reply) =>
    page(request, reply, request.query.ok),
  );

  app.post(
    '/konto/tokeny',
    { config: { ...access, rateLimit: { max: 20, timeWindow: '10 minutes' } }, schema: { body: FormBody } },
    async (request, reply) => {
      const body = request.body;
      const created = await submitForm(async () => {
        const input = svc.checkTokenForm(body);
        const { token } = await svc.createApiToken(ctx, request.user!.id, input, auditFromRequest(request));
        return { name: input.name, token };
      });
      if (!created.ok) return page(request, reply, undefined, { problems: created.problems, values: body, status: created.status });
      return page(request, reply, undefined, { created: created.value });
    },
  );

  app.post('/konto/tokeny/:id/uniewaznij', { config: access, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    await svc.revokeApiToken(ctx, request.user!.id, request.params.id, auditFromRequest(request));
    return reply.redirect(localize('/konto/tokeny?ok=uniewazniono', request.lang), 303);
  });
}
