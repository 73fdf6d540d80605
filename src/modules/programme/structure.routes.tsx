// Staff routes of the objective tree: the tree with move up/down buttons, the form to add an
// element (at the root or under a parent), to edit it, and to delete a leaf. Thin: validate,
// authorise, call the structure service, render; refusals re-render with the problem.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Problem } from '../../core/errors/app-error.js';
import { submitForm } from '../../core/http/forms.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { auditFromRequest } from '../audit/index.js';
import { manageProgramme } from './programme.policy.js';
import { adminCrumbs, FormBody, go, IdParams, noticeText, programmeOr404 } from './programme.routes.js';
import type { ProgrammeRow } from './programme.service.js';
import type { ElementKind } from './programme.tables.js';
import * as svc from './structure.service.js';
import * as v from './structure.views.js';

const ElementParams = Type.Object({ id: Type.String({ maxLength: 64 }), elementId: Type.String({ maxLength: 64 }) });
const NewQuery = Type.Object({ rodzic: Type.Optional(Type.String({ maxLength: 64 })) });
const ListQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) });

export async function structureRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const manage = { access: manageProgramme };
  const childKind = (k: ElementKind) => svc.CHILD_KIND[k];
  const crumbs = (request: FastifyRequest, p: ProgrammeRow, last?: string) =>
    adminCrumbs(
      request,
      { label: p.short_name ?? p.title, path: `/admin/program/${p.id}` },
      ...(last
        ? [{ label: request.t('programme.structure.adminTitle'), path: `/admin/program/${p.id}/struktura` }, { label: last }]
        : [{ label: request.t('programme.structure.adminTitle') }]),
    );

  const treePage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    p: ProgrammeRow,
    shown: { ok?: string; problems?: Problem[]; status?: number },
  ) => {
    const tree = (await svc.loadTrees(ctx, [p.id])).get(p.id) ?? [];
    return sendPage(
      request,
      reply,
      { title: request.t('programme.structure.adminTitle'), breadcrumbs: crumbs(request, p) },
      <v.StructureAdminView
        programme={p}
        tree={tree}
        csrf={reply.generateCsrf()}
        notice={noticeText(request, shown.ok)}
        problems={shown.problems ?? []}
        childKind={childKind}
      />,
      shown.status ?? 200,
    );
  };

  app.get(
    '/admin/program/:id/struktura',
    { config: manage, schema: { params: IdParams, querystring: ListQuery } },
    async (request, reply) => treePage(request, reply, await programmeOr404(ctx, request.params.id), { ok: request.query.ok }),
  );

  const parentOf = async (p: ProgrammeRow, parentId: string | undefined) =>
    parentId ? await svc.mustFindElement(ctx, p.id, parentId) : null;

  const form = async (
    request: FastifyRequest,
    reply: FastifyReply,
    p: ProgrammeRow,
    opts: {
      parent: svc.ElementRow | null;
      element: svc.ElementRow | null;
      values: Record<string, string>;
      problems?: Problem[];
      status?: number;
    },
  ) => {
    const expected = svc.CHILD_KIND[opts.parent ? opts.parent.kind : 'root'];
    const filled = Object.keys(opts.values).filter((k) => /^budget_(year|source|amount)_\d+$/.test(k) && opts.values[k]);
    const used = filled.length ? Math.max(...filled.map((k) => Number(k.split('_').pop()))) + 1 : 0;
    const title = opts.element
      ? request.t('programme.structure.editTitle', { code: opts.element.code })
      : request.t('programme.structure.newTitle');
    const action = opts.element ? `/admin/program/${p.id}/struktura/${opts.element.id}` : `/admin/program/${p.id}/struktura/nowy`;
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: crumbs(request, p, title) },
      <v.ElementFormView
        programme={p}
        parent={opts.parent}
        element={opts.element}
        values={opts.values}
        problems={opts.problems ?? []}
        csrf={reply.generateCsrf()}
        action={action}
        expected={expected}
        budgetRows={Math.min(svc.MAX_BUDGET_ROWS, used + 3)}
      />,
      opts.status ?? 200,
    );
  };

  app.get(
    '/admin/program/:id/struktura/nowy',
    { config: manage, schema: { params: IdParams, querystring: NewQuery } },
    async (request, reply) => {
      const p = await programmeOr404(ctx, request.params.id);
      const parent = await parentOf(p, request.query.rodzic);
      const kind = svc.CHILD_KIND[parent ? parent.kind : 'root'];
      return form(request, reply, p, { parent, element: null, values: { kind: kind ?? '', code: parent ? `${parent.code}.` : '' } });
    },
  );

  app.post(
    '/admin/program/:id/struktura/nowy',
    { config: manage, schema: { params: IdParams, body: FormBody } },
    async (request, reply) => {
      const p = await programmeOr404(ctx, request.params.id);
      const body = request.body;
      const parent = await parentOf(p, body.rodzic || undefined);
      const saved = await submitForm(async () => {
        const input = await svc.checkElementForm(ctx, p.id, parent?.id ?? null, body, null);
        await svc.createElement(ctx, p.id, parent?.id ?? null, input, auditFromRequest(request));
      });
      if (!saved.ok)
        return form(request, reply, p, { parent, element: null, values: body, problems: saved.problems, status: saved.status });
      return go(request, reply, `/admin/program/${p.id}/struktura?ok=zapisano`);
    },
  );

  app.get('/admin/program/:id/struktura/:elementId', { config: manage, schema: { params: ElementParams } }, async (request, reply) => {
    const { id, elementId } = request.params;
    const p = await programmeOr404(ctx, id);
    const { element, budget } = await svc.elementWithBudget(ctx, p.id, elementId);
    return form(request, reply, p, {
      parent: await parentOf(p, element.parent_id ?? undefined),
      element,
      values: svc.elementFormValues(element, budget),
    });
  });

  app.post(
    '/admin/program/:id/struktura/:elementId',
    { config: manage, schema: { params: ElementParams, body: FormBody } },
    async (request, reply) => {
      const { id, elementId } = request.params;
      const p = await programmeOr404(ctx, id);
      const element = await svc.mustFindElement(ctx, p.id, elementId);
      const parent = await parentOf(p, element.parent_id ?? undefined);
      const body = request.body;
      const saved = await submitForm(async () => {
        const input = await svc.checkElementForm(ctx, p.id, element.parent_id, body, element.id);
        await svc.updateElement(ctx, p.id, element.id, input, auditFromRequest(request));
      });
      if (!saved.ok) return form(request, reply, p, { parent, element, values: body, problems: saved.problems, status: saved.status });
      return go(request, reply, `/admin/program/${p.id}/struktura?ok=zapisano`);
    },
  );

  app.post(
    '/admin/program/:id/struktura/:elementId/usun',
    { config: manage, schema: { params: ElementParams, body: FormBody } },
    async (request, reply) => {
      const { id, elementId } = request.params;
      const p = await programmeOr404(ctx, id);
      const deleted = await submitForm(() => svc.deleteElement(ctx, p.id, elementId, auditFromRequest(request)), {
        errors: ctx.errors,
        codes: ['programme.element_has_children', 'programme.element_measured'],
      });
      if (!deleted.ok) return treePage(request, reply, p, { problems: deleted.problems, status: deleted.status });
      return go(request, reply, `/admin/program/${p.id}/struktura?ok=usunieto`);
    },
  );

  app.post(
    '/admin/program/:id/struktura/:elementId/przesun',
    { config: manage, schema: { params: ElementParams, body: FormBody } },
    async (request, reply) => {
      const { id, elementId } = request.params;
      const p = await programmeOr404(ctx, id);
      const direction = request.body.kierunek;
      if (direction !== 'gora' && direction !== 'dol')
        return treePage(request, reply, p, { problems: [{ key: 'programme.structure.directionInvalid' }], status: 400 });
      await svc.moveElement(ctx, p.id, elementId, direction === 'gora' ? 'up' : 'down', auditFromRequest(request));
      return go(request, reply, `/admin/program/${p.id}/struktura?ok=przesunieto#el-${elementId}`);
    },
  );
}
