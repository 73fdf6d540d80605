// Staff routes of an entity's record sections (coordinators and administrators): activity, places
// of activity, PS status history, employment by year and marks. Thin: read the form, call the
// record service, render; a refused form is shown again with its problems (400) and saves nothing.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { Type } from 'typebox';
import { AppError, isAppError, type Problem } from '../../../core/errors/app-error.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { ModuleContext } from '../../../core/module.js';
import { warsawToday, warsawYear } from '../../../core/time/index.js';
import type { TKey } from '../../../i18n/index.js';
import { auditFromRequest } from '../../audit/index.js';
import * as rrepo from './record.repo.js';
import * as rec from './record.service.js';
import * as v from './record.views.js';
import { manageRegistry } from '../registry.policy.js';
import * as repo from './registry.repo.js';

const FormBody = Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 10000 }), { maxProperties: 60 });
const Id = Type.String({ maxLength: 64 });
const EntityParams = Type.Object({ id: Id });
const ItemParams = Type.Object({ id: Id, item: Id });
const YearParams = Type.Object({ id: Id, year: Type.String({ pattern: '^[0-9]{4}$' }) });

type Body = Record<string, string>;
type Params = { id: string; item?: string; year?: string };

/** Runs a save; a validation error becomes the problems to show, anything else is rethrown. */
async function attempt(work: () => Promise<unknown>): Promise<Problem[] | null> {
  try {
    await work();
    return null;
  } catch (err) {
    if (isAppError(err) && err.code === 'http.validation') return err.problems;
    throw err;
  }
}

export async function recordRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const config = { access: manageRegistry };
  const get = { config, schema: { params: EntityParams } };
  const post = { config, schema: { params: EntityParams, body: FormBody } };
  const getItem = { config, schema: { params: ItemParams } };
  const postItem = { config, schema: { params: ItemParams, body: FormBody } };
  const getYear = { config, schema: { params: YearParams } };
  const postYear = { config, schema: { params: YearParams, body: FormBody } };

  const params = (request: FastifyRequest) => request.params as Params;
  const body = (request: FastifyRequest) => request.body as Body;
  const back = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(`${path}?ok=1`, request.lang), 303);
  const notice = (request: FastifyRequest) => ((request.query as { ok?: string } | undefined)?.ok ? request.t('entityRecord.saved') : null);

  const overviewOf = async (id: string) => {
    const o = await rec.recordOverview(ctx, id);
    if (!o) throw new AppError('http.not_found');
    return o;
  };
  const entityOf = async (id: string) => {
    const e = await repo.findEntity(ctx.db, id);
    if (!e) throw new AppError('http.not_found');
    return e;
  };
  const page = (request: FastifyRequest, reply: FastifyReply, entity: { id: string; name: string }, title: TKey, body: VNode, status = 200, params: Record<string, string | number> = {}) =>
    sendPage(
      request,
      reply,
      {
        title: request.t(title, { name: entity.name, ...params }),
        breadcrumbs: [
          { label: request.t('registry.admin.title'), path: '/admin/podmioty' },
          { label: entity.name, path: `/admin/podmioty/${entity.id}` },
        ],
      },
      body,
      status,
    );

  // --- activity ------------------------------------------------------------------------------------

  app.get('/admin/podmioty/:id/dzialalnosc', get, async (request, reply) => {
    const e = await entityOf(params(request).id);
    const values = { activity_type: e.activity_type ?? '', pkd: rec.pkdList(e.pkd_codes).join(', '), sectors: (await rec.recordOverview(ctx, e.id))!.sectors.join('\n') };
    return page(request, reply, e, 'entityRecord.title.activity', <v.ActivityPage id={e.id} csrf={reply.generateCsrf()} state={{ values, problems: [] }} notice={notice(request)} />);
  });

  app.post('/admin/podmioty/:id/dzialalnosc', post, async (request, reply) => {
    const e = await entityOf(params(request).id);
    const problems = await attempt(async () => rec.saveActivity(ctx, e.id, rec.checkActivityForm(body(request)), auditFromRequest(request)));
    if (problems) return page(request, reply, e, 'entityRecord.title.activity', <v.ActivityPage id={e.id} csrf={reply.generateCsrf()} state={{ values: body(request), problems }} />, 400);
    return back(request, reply, v.sectionPath(e.id, 'activity'));
  });

  // --- places --------------------------------------------------------------------------------------

  const placesPage = async (request: FastifyRequest, reply: FastifyReply, id: string, state?: { values: Body; problems: Problem[] }) => {
    const o = await overviewOf(id);
    return page(request, reply, o.entity, 'entityRecord.title.places', <v.PlacesPage id={id} csrf={reply.generateCsrf()} places={o.places} state={state} notice={state ? null : notice(request)} />, state ? 400 : 200);
  };

  app.get('/admin/podmioty/:id/miejsca', get, async (request, reply) => placesPage(request, reply, params(request).id));

  app.post('/admin/podmioty/:id/miejsca', post, async (request, reply) => {
    const e = await entityOf(params(request).id);
    const problems = await attempt(async () => rec.addPlace(ctx, e.id, await rec.checkPlaceForm(ctx, body(request)), auditFromRequest(request)));
    if (problems) return placesPage(request, reply, e.id, { values: body(request), problems });
    return back(request, reply, v.sectionPath(e.id, 'places'));
  });

  const placeOf = async (id: string, item: string) => {
    const e = await entityOf(id);
    const p = await rrepo.findPlace(ctx.db, id, item);
    if (!p) throw new AppError('http.not_found');
    return { e, p };
  };

  app.get('/admin/podmioty/:id/miejsca/:item', getItem, async (request, reply) => {
    const { e, p } = await placeOf(params(request).id, params(request).item!);
    const values = { gmina_teryt: p.gmina_teryt ?? '', town: p.town ?? '', address: p.address ?? '', lat: p.lat === null ? '' : String(Math.round(p.lat * 1e6) / 1e6), lon: p.lon === null ? '' : String(Math.round(p.lon * 1e6) / 1e6) };
    return page(request, reply, e, 'entityRecord.title.place', <v.PlaceFormPage id={e.id} placeId={p.id} csrf={reply.generateCsrf()} state={{ values, problems: [] }} />);
  });

  app.post('/admin/podmioty/:id/miejsca/:item', postItem, async (request, reply) => {
    const { e, p } = await placeOf(params(request).id, params(request).item!);
    const problems = await attempt(async () => rec.editPlace(ctx, e.id, p.id, await rec.checkPlaceForm(ctx, body(request)), auditFromRequest(request)));
    if (problems) return page(request, reply, e, 'entityRecord.title.place', <v.PlaceFormPage id={e.id} placeId={p.id} csrf={reply.generateCsrf()} state={{ values: body(request), problems }} />, 400);
    return back(request, reply, v.sectionPath(e.id, 'places'));
  });

  app.post('/admin/podmioty/:id/miejsca/:item/usun', postItem, async (request, reply) => {
    const { e, p } = await placeOf(params(request).id, params(request).item!);
    await rec.removePlace(ctx, e.id, p.id, auditFromRequest(request));
    return back(request, reply, v.sectionPath(e.id, 'places'));
  });

  // --- PS status -------------------------------------------------------------------------------------

  const psPage = async (request: FastifyRequest, reply: FastifyReply, id: string, form?: 'grant' | 'loss' | 'remove', state?: { values: Body; problems: Problem[] }) => {
    const o = await overviewOf(id);
    return page(request, reply, o.entity, 'entityRecord.title.ps', <v.PsPage id={id} csrf={reply.generateCsrf()} overview={o} form={form} state={state} notice={state ? null : notice(request)} />, state ? 400 : 200);
  };

  app.get('/admin/podmioty/:id/status-ps', get, async (request, reply) => psPage(request, reply, params(request).id));

  for (const [path, kind, form] of [
    ['przyznanie', 'granted', 'grant'],
    ['utrata', 'lost', 'loss'],
  ] as const) {
    app.post(`/admin/podmioty/:id/status-ps/${path}`, post, async (request, reply) => {
      const e = await entityOf(params(request).id);
      const problems = await attempt(async () => rec.addPsEntry(ctx, e.id, rec.checkPsForm(body(request), kind, warsawToday(ctx.clock)), auditFromRequest(request)));
      if (problems) return psPage(request, reply, e.id, form, { values: body(request), problems });
      return back(request, reply, v.sectionPath(e.id, 'ps'));
    });
  }

  const entryOf = async (id: string, item: string) => {
    const e = await entityOf(id);
    const entry = await rrepo.findPsEntry(ctx.db, id, item);
    if (!entry) throw new AppError('http.not_found');
    return { e, entry };
  };

  app.get('/admin/podmioty/:id/status-ps/:item', getItem, async (request, reply) => {
    const { e, entry } = await entryOf(params(request).id, params(request).item!);
    return page(request, reply, e, 'entityRecord.title.psEntry', <v.PsEntryFormPage id={e.id} entry={entry} csrf={reply.generateCsrf()} state={{ values: v.psEntryValues(entry), problems: [] }} />);
  });

  app.post('/admin/podmioty/:id/status-ps/:item', postItem, async (request, reply) => {
    const { e, entry } = await entryOf(params(request).id, params(request).item!);
    const problems = await attempt(async () => rec.editPsEntry(ctx, e.id, entry.id, rec.checkPsForm(body(request), entry.kind, warsawToday(ctx.clock)), auditFromRequest(request)));
    if (problems) return page(request, reply, e, 'entityRecord.title.psEntry', <v.PsEntryFormPage id={e.id} entry={entry} csrf={reply.generateCsrf()} state={{ values: body(request), problems }} />, 400);
    return back(request, reply, v.sectionPath(e.id, 'ps'));
  });

  app.post('/admin/podmioty/:id/status-ps/:item/usun', postItem, async (request, reply) => {
    const e = await entityOf(params(request).id);
    const problems = await attempt(async () => rec.removePsEntry(ctx, e.id, params(request).item!, auditFromRequest(request)));
    if (problems) return psPage(request, reply, e.id, 'remove', { values: {}, problems });
    return back(request, reply, v.sectionPath(e.id, 'ps'));
  });

  // --- employment ------------------------------------------------------------------------------------

  const thisYear = () => warsawYear(ctx.clock);
  const employmentPage = async (request: FastifyRequest, reply: FastifyReply, id: string, state?: { values: Body; problems: Problem[] }) => {
    const o = await overviewOf(id);
    return page(request, reply, o.entity, 'entityRecord.title.employment', <v.EmploymentPage id={id} csrf={reply.generateCsrf()} overview={o} state={state} notice={state ? null : notice(request)} />, state ? 400 : 200);
  };

  app.get('/admin/podmioty/:id/zatrudnienie', get, async (request, reply) => employmentPage(request, reply, params(request).id));

  app.post('/admin/podmioty/:id/zatrudnienie', post, async (request, reply) => {
    const e = await entityOf(params(request).id);
    const problems = await attempt(async () => rec.addEmployment(ctx, e.id, rec.checkEmploymentForm(body(request), thisYear()), auditFromRequest(request)));
    if (problems) return employmentPage(request, reply, e.id, { values: body(request), problems });
    return back(request, reply, v.sectionPath(e.id, 'employment'));
  });

  const yearOf = async (id: string, yearText: string) => {
    const e = await entityOf(id);
    const row = await rrepo.findEmployment(ctx.db, id, Number(yearText));
    if (!row) throw new AppError('http.not_found');
    return { e, row };
  };

  app.get('/admin/podmioty/:id/zatrudnienie/:year', getYear, async (request, reply) => {
    const { e, row } = await yearOf(params(request).id, params(request).year!);
    const state = { values: v.employmentValues(rec.figuresOf(row)), problems: [] };
    return page(request, reply, e, 'entityRecord.title.employmentYear', <v.EmploymentFormPage id={e.id} year={row.year} csrf={reply.generateCsrf()} state={state} />, 200, { year: row.year });
  });

  app.post('/admin/podmioty/:id/zatrudnienie/:year', postYear, async (request, reply) => {
    const { e, row } = await yearOf(params(request).id, params(request).year!);
    const problems = await attempt(async () => rec.editEmployment(ctx, e.id, rec.checkEmploymentForm(body(request), thisYear(), row.year), auditFromRequest(request)));
    if (problems) return page(request, reply, e, 'entityRecord.title.employmentYear', <v.EmploymentFormPage id={e.id} year={row.year} csrf={reply.generateCsrf()} state={{ values: body(request), problems }} />, 400, { year: row.year });
    return back(request, reply, v.sectionPath(e.id, 'employment'));
  });

  app.post('/admin/podmioty/:id/zatrudnienie/:year/usun', postYear, async (request, reply) => {
    const { e, row } = await yearOf(params(request).id, params(request).year!);
    await rec.removeEmployment(ctx, e.id, row.year, auditFromRequest(request));
    return back(request, reply, v.sectionPath(e.id, 'employment'));
  });

  // --- marks -------------------------------------------------------------------------------------------

  const marksPage = async (request: FastifyRequest, reply: FastifyReply, id: string, state?: { values: Body; problems: Problem[] }) => {
    const o = await overviewOf(id);
    return page(request, reply, o.entity, 'entityRecord.title.marks', <v.MarksPage id={id} csrf={reply.generateCsrf()} overview={o} state={state} notice={state ? null : notice(request)} />, state ? 400 : 200);
  };

  app.get('/admin/podmioty/:id/znaki', get, async (request, reply) => marksPage(request, reply, params(request).id));

  app.post('/admin/podmioty/:id/znaki', post, async (request, reply) => {
    const e = await entityOf(params(request).id);
    const problems = await attempt(async () => rec.addMark(ctx, e.id, rec.checkMarkForm(body(request)), auditFromRequest(request)));
    if (problems) return marksPage(request, reply, e.id, { values: body(request), problems });
    return back(request, reply, v.sectionPath(e.id, 'marks'));
  });

  const markOf = async (id: string, item: string) => {
    const e = await entityOf(id);
    const m = await rrepo.findMark(ctx.db, id, item);
    if (!m) throw new AppError('http.not_found');
    return { e, m };
  };

  app.get('/admin/podmioty/:id/znaki/:item', getItem, async (request, reply) => {
    const { e, m } = await markOf(params(request).id, params(request).item!);
    const values = { subject: m.subject ?? '', granted_on: m.granted_on ?? '', expires_on: m.expires_on ?? '', source_url: m.source_url ?? '' };
    return page(request, reply, e, 'entityRecord.title.mark', <v.MarkFormPage id={e.id} markId={m.id} csrf={reply.generateCsrf()} state={{ values, problems: [] }} />);
  });

  app.post('/admin/podmioty/:id/znaki/:item', postItem, async (request, reply) => {
    const { e, m } = await markOf(params(request).id, params(request).item!);
    const problems = await attempt(async () => rec.editMark(ctx, e.id, m.id, rec.checkMarkForm(body(request)), auditFromRequest(request)));
    if (problems) return page(request, reply, e, 'entityRecord.title.mark', <v.MarkFormPage id={e.id} markId={m.id} csrf={reply.generateCsrf()} state={{ values: body(request), problems }} />, 400);
    return back(request, reply, v.sectionPath(e.id, 'marks'));
  });

  app.post('/admin/podmioty/:id/znaki/:item/usun', postItem, async (request, reply) => {
    const { e, m } = await markOf(params(request).id, params(request).item!);
    await rec.removeMark(ctx, e.id, m.id, auditFromRequest(request));
    return back(request, reply, v.sectionPath(e.id, 'marks'));
  });
}
