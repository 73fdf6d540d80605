// Staff routes of the support module (coordinators and administrators): the centres and the
// request counts, a new centre, one centre's page and the POSTs of its forms; every change is
// audited by the service, and a refused form comes back with its values and problems.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { UUID_PATTERN } from '../../core/db/ids.js';
import type { Problem } from '../../core/errors/app-error.js';
import { formBody, formBodyWithLists, submitForm } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { auditFromRequest } from '../audit/index.js';
import { listSubregionsWithMembers } from '../territory/index.js';
import * as v from './admin.views.js';
import { addCentrePerson, centrePeople, servedToday } from './people/people.service.js';
import { CentrePeopleSection } from './people/people.views.js';
import { leadCounts, retentionMonths, setRetentionMonths } from './leads.service.js';
import { manageSupport } from './support.policy.js';
import * as svc from './support.service.js';

const Body = formBody({ maxLength: 4000, maxProperties: 40 });
const ListBody = formBodyWithLists({ maxLength: 400, maxProperties: 10, maxItems: 20, maxItemLength: 40 });
const Id = Type.String({ pattern: UUID_PATTERN });
const Params = Type.Object({ id: Id });
const KIND_OF_PATH = Object.fromEntries(Object.entries(v.PART_PATHS).map(([k, p]) => [p, k])) as Record<string, svc.PartKind>;
const KindPattern = `^(${Object.values(v.PART_PATHS).join('|')})$`;
const PartParams = Type.Object({ id: Id, kind: Type.String({ pattern: KindPattern }) });
const RemoveParams = Type.Object({ id: Id, kind: Type.String({ pattern: KindPattern }), partId: Id });

export async function adminRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const access = manageSupport;
  const root = (request: FastifyRequest) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    { label: request.t('support.admin.title'), path: '/admin/wsparcie' },
  ];
  const refusals = { errors: ctx.errors, codes: (code: string) => code.startsWith('support.') };

  const listPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    retention?: { value: string; problems: Problem[] },
    status = 200,
  ) => {
    const [centres, counts, months] = await Promise.all([
      svc.listCentreDetails(ctx, request.lang),
      leadCounts(ctx, request.lang),
      retentionMonths(ctx),
    ]);
    return sendPage(
      request,
      reply,
      { title: request.t('support.admin.title'), breadcrumbs: [root(request)[0]!, { label: request.t('support.admin.title') }] },
      <v.AdminListView
        centres={centres}
        counts={counts}
        csrf={reply.generateCsrf()}
        retention={retention ?? { value: String(months), problems: [] }}
      />,
      status,
    );
  };

  app.get('/admin/wsparcie', { config: { access } }, async (request, reply) => listPage(request, reply));

  app.post('/admin/wsparcie/ustawienia', { config: { access }, schema: { body: Body } }, async (request, reply) => {
    const done = await submitForm(() => setRetentionMonths(ctx, request.body, auditFromRequest(request)), refusals);
    if (!done.ok) return listPage(request, reply, { value: request.body.retention_months ?? '', problems: done.problems }, done.status);
    return reply.redirect(localize('/admin/wsparcie', request.lang), 303);
  });

  const newPage = (request: FastifyRequest, reply: FastifyReply, state?: v.FormState, status = 200) =>
    sendPage(
      request,
      reply,
      { title: request.t('support.admin.newTitle'), breadcrumbs: [...root(request), { label: request.t('support.admin.newTitle') }] },
      <v.NewCentreView csrf={reply.generateCsrf()} {...(state ? { state } : {})} />,
      status,
    );

  app.get('/admin/wsparcie/nowy', { config: { access } }, async (request, reply) => newPage(request, reply));

  app.post('/admin/wsparcie/nowy', { config: { access }, schema: { body: Body } }, async (request, reply) => {
    const done = await submitForm(() => svc.createCentre(ctx, request.body, auditFromRequest(request)), refusals);
    if (!done.ok) return newPage(request, reply, { form: 'centre', values: request.body, problems: done.problems }, done.status);
    return reply.redirect(localize(`${v.adminCentrePath(done.value)}?ok=1`, request.lang), 303);
  });

  const centrePage = async (request: FastifyRequest, reply: FastifyReply, id: string, state: v.FormState, saved: boolean, status = 200) => {
    const [d, subregions, gminy, people, served] = await Promise.all([
      svc.centreDetail(ctx, id, request.lang),
      listSubregionsWithMembers(ctx),
      svc.gminaOptions(ctx, request.lang),
      centrePeople(ctx, id),
      servedToday(ctx, id),
    ]);
    const csrf = reply.generateCsrf();
    const servedNames = served.map((code) => {
      const s = subregions.filter((x) => x.code === code).at(-1);
      return s ? (request.lang === 'pl' ? s.name_pl : s.name_en) : code;
    });
    const mine = state.form === 'person';
    return sendPage(
      request,
      reply,
      { title: d.centre.name, breadcrumbs: [...root(request), { label: d.centre.name }] },
      <>
        <v.CentreAdminView d={d} csrf={csrf} state={state} subregions={subregions} gminy={gminy} saved={saved} />
        <CentrePeopleSection
          centreId={id}
          people={people}
          servedToday={servedNames}
          csrf={csrf}
          values={mine ? state.values : {}}
          problems={mine ? state.problems : []}
        />
      </>,
      status,
    );
  };
  const back = (request: FastifyRequest, reply: FastifyReply, id: string) =>
    reply.redirect(localize(`${v.adminCentrePath(id)}?ok=1`, request.lang), 303);

  app.get(
    '/admin/wsparcie/:id',
    { config: { access }, schema: { params: Params, querystring: Type.Object({ ok: Type.Optional(Type.String({ maxLength: 4 })) }) } },
    async (request, reply) =>
      centrePage(request, reply, request.params.id, { form: null, values: {}, problems: [] }, request.query.ok === '1'),
  );

  app.post('/admin/wsparcie/:id', { config: { access }, schema: { params: Params, body: Body } }, async (request, reply) => {
    const { id } = request.params;
    const done = await submitForm(() => svc.updateCentre(ctx, id, request.body, auditFromRequest(request)), refusals);
    if (!done.ok)
      return centrePage(request, reply, id, { form: 'centre', values: request.body, problems: done.problems }, false, done.status);
    return back(request, reply, id);
  });

  app.post('/admin/wsparcie/:id/uslugi', { config: { access }, schema: { params: Params, body: ListBody } }, async (request, reply) => {
    const { id } = request.params;
    const done = await submitForm(() => svc.setServices(ctx, id, request.body, auditFromRequest(request)), refusals);
    if (!done.ok) return centrePage(request, reply, id, { form: 'services', values: {}, problems: done.problems }, false, done.status);
    return back(request, reply, id);
  });

  app.post('/admin/wsparcie/:id/usun', { config: { access }, schema: { params: Params, body: Body } }, async (request, reply) => {
    await svc.deleteCentre(ctx, request.params.id, auditFromRequest(request));
    return reply.redirect(localize('/admin/wsparcie', request.lang), 303);
  });

  app.post('/admin/wsparcie/:id/osoby', { config: { access }, schema: { params: Params, body: Body } }, async (request, reply) => {
    const { id } = request.params;
    const done = await submitForm(
      () => addCentrePerson(ctx, id, request.body, auditFromRequest(request), request.user!, request.lang),
      refusals,
    );
    if (!done.ok)
      return centrePage(request, reply, id, { form: 'person', values: request.body, problems: done.problems }, false, done.status);
    return back(request, reply, id);
  });

  const adders: Record<svc.PartKind, typeof svc.addArea> = {
    area: svc.addArea,
    partner: svc.addPartner,
    office: svc.addOffice,
    contact: svc.addContact,
    accreditation: svc.addAccreditation,
  };

  app.post('/admin/wsparcie/:id/:kind', { config: { access }, schema: { params: PartParams, body: Body } }, async (request, reply) => {
    const { id } = request.params;
    const kind = KIND_OF_PATH[request.params.kind]!;
    const done = await submitForm(() => adders[kind](ctx, id, request.body, auditFromRequest(request)), refusals);
    if (!done.ok) return centrePage(request, reply, id, { form: kind, values: request.body, problems: done.problems }, false, done.status);
    return back(request, reply, id);
  });

  app.post(
    '/admin/wsparcie/:id/:kind/:partId/usun',
    { config: { access }, schema: { params: RemoveParams, body: Body } },
    async (request, reply) => {
      const { id, partId } = request.params;
      await svc.removePart(ctx, id, KIND_OF_PATH[request.params.kind]!, partId, auditFromRequest(request));
      return back(request, reply, id);
    },
  );
}
