// Staff routes of an entity's record sections (coordinators and administrators): activity, places
// of activity, PS status history, employment by year and marks. Thin: read the form, call the
// record service, render; a refused form is shown again with its problems (400) and saves nothing.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { Type } from 'typebox';
import { AppError } from '../../../core/errors/app-error.js';
import { formBody, submitForm, type FormFields, type FormRefused } from '../../../core/http/forms.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { warsawToday, warsawYear } from '../../../core/time/index.js';
import type { TKey } from '../../../i18n/index.js';
import { auditFromRequest } from '../../audit/index.js';
import { gminaChoices } from '../../territory/index.js';
import * as rrepo from './record.repo.js';
import * as rec from './record.service.js';
import * as v from './record.views.js';
import { manageRegistry } from '../registry.policy.js';
import * as repo from './registry.repo.js';

const FormBody = formBody({ maxLength: 10000, maxProperties: 60 });
const Id = Type.String({ maxLength: 64 });
const EntityParams = Type.Object({ id: Id });
const ItemParams = Type.Object({ id: Id, item: Id });
const YearParams = Type.Object({ id: Id, year: Type.String({ pattern: '^[0-9]{4}$' }) });
const OkQuery = Type.Object({ ok: Type.Optional(Type.String()) });

/** A refused form shown again: what was sent, its problems and the status to answer with. */
type Refused = FormRefused & { values: FormFields };

/** What a section page shows besides the record: the notice after a save (`?ok=`), or a refused form. */
interface Shown {
  ok?: string;
  refused?: Refused;
}

export async function recordRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const config = { access: manageRegistry };
  const get = { config, schema: { params: EntityParams, querystring: OkQuery } };
  const post = { config, schema: { params: EntityParams, body: FormBody } };
  const getItem = { config, schema: { params: ItemParams } };
  const postItem = { config, schema: { params: ItemParams, body: FormBody } };
  const getYear = { config, schema: { params: YearParams } };
  const postYear = { config, schema: { params: YearParams, body: FormBody } };

  const back = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(`${path}?ok=1`, request.lang), 303);
  const notice = (request: FastifyRequest, shown: Shown) => (shown.ok && !shown.refused ? request.t('entityRecord.saved') : null);
  const refused = (values: FormFields, outcome: FormRefused): Refused => ({ values, problems: outcome.problems, status: outcome.status });

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
  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    entity: { id: string; name: string },
    title: TKey,
    body: VNode,
    status = 200,
    params: Record<string, string | number> = {},
  ) =>
    sendPage(
      request,
      reply,
      {
        heading: true,
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
    const e = await entityOf(request.params.id);
    const values = {
      activity_type: e.activity_type ?? '',
      pkd: rec.pkdList(e.pkd_codes).join(', '),
      sectors: (await rec.recordOverview(ctx, e.id))!.sectors.join('\n'),
    };
    return page(
      request,
      reply,
      e,
      'entityRecord.title.activity',
      <v.ActivityPage id={e.id} csrf={reply.generateCsrf()} state={{ values, problems: [] }} notice={notice(request, request.query)} />,
    );
  });

  app.post('/admin/podmioty/:id/dzialalnosc', post, async (request, reply) => {
    const e = await entityOf(request.params.id);
    const saved = await submitForm(() => rec.saveActivity(ctx, e.id, rec.checkActivityForm(request.body), auditFromRequest(request)));
    if (!saved.ok)
      return page(
        request,
        reply,
        e,
        'entityRecord.title.activity',
        <v.ActivityPage id={e.id} csrf={reply.generateCsrf()} state={refused(request.body, saved)} />,
        saved.status,
      );
    return back(request, reply, v.sectionPath(e.id, 'activity'));
  });

  // --- places --------------------------------------------------------------------------------------

  const placesPage = async (request: FastifyRequest, reply: FastifyReply, id: string, shown: Shown) => {
    const o = await overviewOf(id);
    return page(
      request,
      reply,
      o.entity,
      'entityRecord.title.places',
      <v.PlacesPage
        id={id}
        csrf={reply.generateCsrf()}
        places={o.places}
        gminy={await gminaChoices(ctx)}
        state={shown.refused}
        notice={notice(request, shown)}
      />,
      shown.refused?.status ?? 200,
    );
  };

  app.get('/admin/podmioty/:id/miejsca', get, async (request, reply) => placesPage(request, reply, request.params.id, request.query));

  app.post('/admin/podmioty/:id/miejsca', post, async (request, reply) => {
    const e = await entityOf(request.params.id);
    const saved = await submitForm(async () =>
      rec.addPlace(ctx, e.id, await rec.checkPlaceForm(ctx, request.body, request.lang), auditFromRequest(request)),
    );
    if (!saved.ok) return placesPage(request, reply, e.id, { refused: refused(request.body, saved) });
    return back(request, reply, v.sectionPath(e.id, 'places'));
  });

  const placeOf = async (id: string, item: string) => {
    const e = await entityOf(id);
    const p = await rrepo.findPlace(ctx.db, id, item);
    if (!p) throw new AppError('http.not_found');
    return { e, p };
  };

  app.get('/admin/podmioty/:id/miejsca/:item', getItem, async (request, reply) => {
    const { e, p } = await placeOf(request.params.id, request.params.item);
    const values = {
      gmina_teryt: p.gmina_teryt ?? '',
      town: p.town ?? '',
      address: p.address ?? '',
      lat: p.lat === null ? '' : String(Math.round(p.lat * 1e6) / 1e6),
      lon: p.lon === null ? '' : String(Math.round(p.lon * 1e6) / 1e6),
    };
    return page(
      request,
      reply,
      e,
      'entityRecord.title.place',
      <v.PlaceFormPage
        id={e.id}
        placeId={p.id}
        gminy={await gminaChoices(ctx)}
        csrf={reply.generateCsrf()}
        state={{ values, problems: [] }}
      />,
    );
  });

  app.post('/admin/podmioty/:id/miejsca/:item', postItem, async (request, reply) => {
    const { e, p } = await placeOf(request.params.id, request.params.item);
    const saved = await submitForm(async () =>
      rec.editPlace(ctx, e.id, p.id, await rec.checkPlaceForm(ctx, request.body, request.lang), auditFromRequest(request)),
    );
    if (!saved.ok)
      return page(
        request,
        reply,
        e,
        'entityRecord.title.place',
        <v.PlaceFormPage
          id={e.id}
          placeId={p.id}
          gminy={await gminaChoices(ctx)}
          csrf={reply.generateCsrf()}
          state={refused(request.body, saved)}
        />,
        saved.status,
      );
    return back(request, reply, v.sectionPath(e.id, 'places'));
  });

  app.post('/admin/podmioty/:id/miejsca/:item/usun', postItem, async (request, reply) => {
    const { e, p } = await placeOf(request.params.id, request.params.item);
    await rec.removePlace(ctx, e.id, p.id, auditFromRequest(request));
    return back(request, reply, v.sectionPath(e.id, 'places'));
  });

  // --- PS status -------------------------------------------------------------------------------------

  const psPage = async (request: FastifyRequest, reply: FastifyReply, id: string, shown: Shown, form?: 'grant' | 'loss' | 'remove') => {
    const o = await overviewOf(id);
    return page(
      request,
      reply,
      o.entity,
      'entityRecord.title.ps',
      <v.PsPage id={id} csrf={reply.generateCsrf()} overview={o} form={form} state={shown.refused} notice={notice(request, shown)} />,
      shown.refused?.status ?? 200,
    );
  };

  app.get('/admin/podmioty/:id/status-ps', get, async (request, reply) => psPage(request, reply, request.params.id, request.query));

  for (const [path, kind, form] of [
    ['przyznanie', 'granted', 'grant'],
    ['utrata', 'lost', 'loss'],
  ] as const) {
    app.post(`/admin/podmioty/:id/status-ps/${path}`, post, async (request, reply) => {
      const e = await entityOf(request.params.id);
      const saved = await submitForm(() =>
        rec.addPsEntry(ctx, e.id, rec.checkPsForm(request.body, kind, warsawToday(ctx.clock)), auditFromRequest(request)),
      );
      if (!saved.ok) return psPage(request, reply, e.id, { refused: refused(request.body, saved) }, form);
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
    const { e, entry } = await entryOf(request.params.id, request.params.item);
    return page(
      request,
      reply,
      e,
      'entityRecord.title.psEntry',
      <v.PsEntryFormPage id={e.id} entry={entry} csrf={reply.generateCsrf()} state={{ values: v.psEntryValues(entry), problems: [] }} />,
    );
  });

  app.post('/admin/podmioty/:id/status-ps/:item', postItem, async (request, reply) => {
    const { e, entry } = await entryOf(request.params.id, request.params.item);
    const saved = await submitForm(() =>
      rec.editPsEntry(ctx, e.id, entry.id, rec.checkPsForm(request.body, entry.kind, warsawToday(ctx.clock)), auditFromRequest(request)),
    );
    if (!saved.ok)
      return page(
        request,
        reply,
        e,
        'entityRecord.title.psEntry',
        <v.PsEntryFormPage id={e.id} entry={entry} csrf={reply.generateCsrf()} state={refused(request.body, saved)} />,
        saved.status,
      );
    return back(request, reply, v.sectionPath(e.id, 'ps'));
  });

  app.post('/admin/podmioty/:id/status-ps/:item/usun', postItem, async (request, reply) => {
    const e = await entityOf(request.params.id);
    const removed = await submitForm(() => rec.removePsEntry(ctx, e.id, request.params.item, auditFromRequest(request)));
    if (!removed.ok) return psPage(request, reply, e.id, { refused: refused({}, removed) }, 'remove');
    return back(request, reply, v.sectionPath(e.id, 'ps'));
  });

  // --- employment ------------------------------------------------------------------------------------

  const thisYear = () => warsawYear(ctx.clock);
  const employmentPage = async (request: FastifyRequest, reply: FastifyReply, id: string, shown: Shown) => {
    const o = await overviewOf(id);
    return page(
      request,
      reply,
      o.entity,
      'entityRecord.title.employment',
      <v.EmploymentPage id={id} csrf={reply.generateCsrf()} overview={o} state={shown.refused} notice={notice(request, shown)} />,
      shown.refused?.status ?? 200,
    );
  };

  app.get('/admin/podmioty/:id/zatrudnienie', get, async (request, reply) =>
    employmentPage(request, reply, request.params.id, request.query),
  );

  app.post('/admin/podmioty/:id/zatrudnienie', post, async (request, reply) => {
    const e = await entityOf(request.params.id);
    const saved = await submitForm(() =>
      rec.addEmployment(ctx, e.id, rec.checkEmploymentForm(request.body, thisYear()), auditFromRequest(request)),
    );
    if (!saved.ok) return employmentPage(request, reply, e.id, { refused: refused(request.body, saved) });
    return back(request, reply, v.sectionPath(e.id, 'employment'));
  });

  const yearOf = async (id: string, yearText: string) => {
    const e = await entityOf(id);
    const row = await rrepo.findEmployment(ctx.db, id, Number(yearText));
    if (!row) throw new AppError('http.not_found');
    return { e, row };
  };

  app.get('/admin/podmioty/:id/zatrudnienie/:year', getYear, async (request, reply) => {
    const { e, row } = await yearOf(request.params.id, request.params.year);
    const state = { values: v.employmentValues(rec.figuresOf(row)), problems: [] };
    return page(
      request,
      reply,
      e,
      'entityRecord.title.employmentYear',
      <v.EmploymentFormPage id={e.id} year={row.year} csrf={reply.generateCsrf()} state={state} />,
      200,
      { year: row.year },
    );
  });

  app.post('/admin/podmioty/:id/zatrudnienie/:year', postYear, async (request, reply) => {
    const { e, row } = await yearOf(request.params.id, request.params.year);
    const saved = await submitForm(() =>
      rec.editEmployment(ctx, e.id, rec.checkEmploymentForm(request.body, thisYear(), row.year), auditFromRequest(request)),
    );
    if (!saved.ok)
      return page(
        request,
        reply,
        e,
        'entityRecord.title.employmentYear',
        <v.EmploymentFormPage id={e.id} year={row.year} csrf={reply.generateCsrf()} state={refused(request.body, saved)} />,
        saved.status,
        { year: row.year },
      );
    return back(request, reply, v.sectionPath(e.id, 'employment'));
  });

  app.post('/admin/podmioty/:id/zatrudnienie/:year/usun', postYear, async (request, reply) => {
    const { e, row } = await yearOf(request.params.id, request.params.year);
    await rec.removeEmployment(ctx, e.id, row.year, auditFromRequest(request));
    return back(request, reply, v.sectionPath(e.id, 'employment'));
  });

  // --- marks -------------------------------------------------------------------------------------------

  const marksPage = async (request: FastifyRequest, reply: FastifyReply, id: string, shown: Shown) => {
    const o = await overviewOf(id);
    return page(
      request,
      reply,
      o.entity,
      'entityRecord.title.marks',
      <v.MarksPage id={id} csrf={reply.generateCsrf()} overview={o} state={shown.refused} notice={notice(request, shown)} />,
      shown.refused?.status ?? 200,
    );
  };

  app.get('/admin/podmioty/:id/znaki', get, async (request, reply) => marksPage(request, reply, request.params.id, request.query));

  app.post('/admin/podmioty/:id/znaki', post, async (request, reply) => {
    const e = await entityOf(request.params.id);
    const saved = await submitForm(() => rec.addMark(ctx, e.id, rec.checkMarkForm(request.body), auditFromRequest(request)));
    if (!saved.ok) return marksPage(request, reply, e.id, { refused: refused(request.body, saved) });
    return back(request, reply, v.sectionPath(e.id, 'marks'));
  });

  const markOf = async (id: string, item: string) => {
    const e = await entityOf(id);
    const m = await rrepo.findMark(ctx.db, id, item);
    if (!m) throw new AppError('http.not_found');
    return { e, m };
  };

  app.get('/admin/podmioty/:id/znaki/:item', getItem, async (request, reply) => {
    const { e, m } = await markOf(request.params.id, request.params.item);
    const values = {
      subject: m.subject ?? '',
      granted_on: m.granted_on ?? '',
      expires_on: m.expires_on ?? '',
      source_url: m.source_url ?? '',
    };
    return page(
      request,
      reply,
      e,
      'entityRecord.title.mark',
      <v.MarkFormPage id={e.id} markId={m.id} csrf={reply.generateCsrf()} state={{ values, problems: [] }} />,
    );
  });

  app.post('/admin/podmioty/:id/znaki/:item', postItem, async (request, reply) => {
    const { e, m } = await markOf(request.params.id, request.params.item);
    const saved = await submitForm(() => rec.editMark(ctx, e.id, m.id, rec.checkMarkForm(request.body), auditFromRequest(request)));
    if (!saved.ok)
      return page(
        request,
        reply,
        e,
        'entityRecord.title.mark',
        <v.MarkFormPage id={e.id} markId={m.id} csrf={reply.generateCsrf()} state={refused(request.body, saved)} />,
        saved.status,
      );
    return back(request, reply, v.sectionPath(e.id, 'marks'));
  });

  app.post('/admin/podmioty/:id/znaki/:item/usun', postItem, async (request, reply) => {
    const { e, m } = await markOf(request.params.id, request.params.item);
    await rec.removeMark(ctx, e.id, m.id, auditFromRequest(request));
    return back(request, reply, v.sectionPath(e.id, 'marks'));
  });
}
