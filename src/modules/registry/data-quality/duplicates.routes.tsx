// Routes of the suspected duplicates (/admin/podmioty/duplikaty) for staff. Thin: call
// duplicates.service.ts, render or redirect; a pair that is no longer a suspected duplicate
// (merged, dismissed, renamed meanwhile) answers 404.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { formBody } from '../../../core/http/forms.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { auditFromRequest } from '../../audit/index.js';
import { dismissPair, listSuspectedPairs, mergeChoiceFromForm, mergePair, pairDetails } from './duplicates.service.js';
import { DUPLICATES_PATH, DuplicatesListView, PairView } from './duplicates.views.js';
import { manageRegistry } from '../registry.policy.js';
import * as repo from '../entity/registry.repo.js';

const FormBody = formBody({ maxLength: 200, maxProperties: 60 });
const PairParams = Type.Object({ a: Type.String({ maxLength: 64 }), b: Type.String({ maxLength: 64 }) });
const ListQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })), id: Type.Optional(Type.String({ maxLength: 64 })) });

export async function duplicatesRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const config = { access: manageRegistry };
  const title = (request: FastifyRequest) => request.t('registryDuplicates.title');
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);

  app.get(DUPLICATES_PATH, { config, schema: { querystring: ListQuery } }, async (request, reply) => {
    const q = request.query;
    let notice: string | null = null;
    if (q.ok === 'rozne') notice = request.t('registryDuplicates.dismissed');
    if (q.ok === 'scalono' && q.id) {
      const kept = await repo.findEntity(ctx.db, q.id);
      if (kept) notice = request.t('registryDuplicates.merged', { name: kept.name });
    }
    const pairs = await listSuspectedPairs(ctx);
    return sendPage(
      request,
      reply,
      { heading: true, title: title(request), breadcrumbs: [{ label: request.t('registry.admin.title'), path: '/admin/podmioty' }] },
      <DuplicatesListView pairs={pairs} notice={notice} />,
    );
  });

  app.get(`${DUPLICATES_PATH}/:a/:b`, { config, schema: { params: PairParams } }, async (request, reply) => {
    const { a, b } = request.params;
    const details = await pairDetails(ctx, a, b);
    return sendPage(
      request,
      reply,
      {
        heading: true,
        title: request.t('registryDuplicates.compareTitle', { name: details.a.name }),
        breadcrumbs: [
          { label: request.t('registry.admin.title'), path: '/admin/podmioty' },
          { label: title(request), path: DUPLICATES_PATH },
        ],
      },
      <PairView csrf={reply.generateCsrf()} details={details} />,
    );
  });

  app.post(`${DUPLICATES_PATH}/:a/:b/scal`, { config, schema: { params: PairParams, body: FormBody } }, async (request, reply) => {
    const { a, b } = request.params;
    const kept = await mergePair(ctx, a, b, mergeChoiceFromForm(request.body), auditFromRequest(request));
    return go(request, reply, `${DUPLICATES_PATH}?ok=scalono&id=${kept}`);
  });

  app.post(`${DUPLICATES_PATH}/:a/:b/rozne`, { config, schema: { params: PairParams, body: FormBody } }, async (request, reply) => {
    const { a, b } = request.params;
    await dismissPair(ctx, a, b, auditFromRequest(request));
    return go(request, reply, `${DUPLICATES_PATH}?ok=rozne`);
  });
}
