// Routes of the registry module. Thin: read the query or form, call the service, render. The
// catalogue, its exports and the API share one query parser, so the same address filters alike.
import { contentDisposition } from '../../../core/http/uploads.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, type Problem } from '../../../core/errors/app-error.js';
import { formBody, submitForm, type FormFields } from '../../../core/http/forms.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { warsawToday } from '../../../core/time/index.js';
import { auditFromRequest } from '../../audit/index.js';
import { mergeTarget } from '../data-quality/duplicates.service.js';
import { manageRegistry } from '../registry.policy.js';
import * as repo from './registry.repo.js';
import * as svc from './registry.service.js';
import { toCsv, toItem } from '../catalogue/registry.export.js';
import * as v from './registry.views.js';
import { psFlags, publicRecordOf, recordOverview } from './record.service.js';
import { listChangesWithAuthors } from './record.repo.js';
import { RecordSummary } from './record.views.js';
import * as cv from '../catalogue/registry.catalogue.views.js';
import { entityLocation } from '../catalogue/registry.location.js';

const FormBody = formBody({ maxLength: 10000, maxProperties: 60 });
const EntityParams = Type.Object({ ref: Type.String({ maxLength: 200 }) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const ID_PREFIX = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:-.*)?$/;

const ApiItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  legal_form: Type.String(),
  lifecycle: Type.String(),
  town: Type.Union([Type.String(), Type.Null()]),
  gmina_teryt: Type.Union([Type.String(), Type.Null()]),
  nip: Type.Union([Type.String(), Type.Null()]),
  regon: Type.Union([Type.String(), Type.Null()]),
  krs: Type.Union([Type.String(), Type.Null()]),
  source_url: Type.Union([Type.String(), Type.Null()]),
  verified_at: Type.Union([Type.String(), Type.Null()]),
  url: Type.String(),
});
const ApiQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  forma: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
  powiat: Type.Optional(Type.Array(Type.String({ maxLength: 4 }), { maxItems: 50 })),
  gmina: Type.Optional(Type.Array(Type.String({ maxLength: 7 }), { maxItems: 200 })),
  podregion: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20, description: 'OWES subregion code, e.g. torun' })),
  sektor: Type.Optional(Type.Array(Type.String({ maxLength: 80 }), { maxItems: 50, description: 'sector key (folded, hyphenated), e.g. uslugi-opiekuncze' })),
  dzialalnosc: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10, description: 'activity type: business, paid_public_benefit, other_paid' })),
  status_ps: Type.Optional(Type.String({ maxLength: 1 })),
  znak: Type.Optional(Type.String({ maxLength: 1 })),
  sort: Type.Optional(Type.String({ maxLength: 20 })),
  strona: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
});
const ApiPage = Type.Object({ total: Type.Integer(), page: Type.Integer(), per_page: Type.Integer(), items: Type.Array(ApiItem) });

/** A catalogue parameter of the pages and exports: one value, or a list when repeated. */
const CatalogueValue = Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())]));
/**
 * The address of the catalogue's pages and exports: every parameter the parser reads, none
 * constrained here (the parser ignores what it does not understand rather than refuse it).
 */
const CatalogueQuery = Type.Object({
  q: CatalogueValue,
  forma: CatalogueValue,
  powiat: CatalogueValue,
  gmina: CatalogueValue,
  podregion: CatalogueValue,
  sektor: CatalogueValue,
  dzialalnosc: CatalogueValue,
  status_ps: CatalogueValue,
  znak: CatalogueValue,
  sort: CatalogueValue,
  strona: CatalogueValue,
});
const OkQuery = Type.Object({ ok: Type.Optional(Type.String()) });

export async function registryRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const manage = { access: manageRegistry };

  app.get('/podmioty', { config: { access: 'public', pageCache: true }, schema: { querystring: CatalogueQuery } }, async (request, reply) => {
    const query = svc.parseCatalogueQuery(request.query);
    const result = await svc.searchCatalogue(ctx, query);
    return sendPage(request, reply, { heading: true, title: request.t('registry.title') }, <cv.CatalogueView query={query} result={result} />);
  });

  app.get('/podmioty/mapa', { config: { access: 'public', pageCache: true }, schema: { querystring: CatalogueQuery } }, async (request, reply) => {
    const query = svc.parseCatalogueQuery(request.query);
    const map = await svc.catalogueMap(ctx, query);
    return sendPage(request, reply, { heading: true, title: request.t('registryCatalogue.map.title'), breadcrumbs: [{ label: request.t('registry.nav'), path: '/podmioty' }] }, <cv.CatalogueMapView query={query} map={map} />);
  });

  app.get('/podmioty.csv', { config: { access: 'public' }, schema: { querystring: CatalogueQuery } }, async (request, reply) => {
    const rows = await svc.exportCatalogue(ctx, svc.parseCatalogueQuery(request.query));
    return reply.header('content-disposition', contentDisposition('podmioty.csv')).type('text/csv; charset=utf-8').send(toCsv(rows, request.t, ctx.config.publicUrl));
  });

  app.get('/podmioty.json', { config: { access: 'public' }, schema: { querystring: CatalogueQuery } }, async (request, reply) => {
    const rows = await svc.exportCatalogue(ctx, svc.parseCatalogueQuery(request.query));
    return reply.type('application/json; charset=utf-8').send({ count: rows.length, items: rows.map((e) => toItem(e, ctx.config.publicUrl)) });
  });

  app.get(
    '/api/v1/podmioty',
    { config: { access: 'public' }, schema: { tags: ['registry'], summary: 'Social economy entities (paged, same filters as /podmioty)', querystring: ApiQuery, response: { 200: ApiPage } } },
    async (request) => {
      const query = svc.parseCatalogueQuery(request.query);
      const { rows, total } = await svc.searchCatalogue(ctx, query);
      return { total, page: query.page, per_page: svc.PAGE_SIZE, items: rows.map((e) => toItem(e, ctx.config.publicUrl)) };
    },
  );

  app.get('/podmioty/:ref', { config: { access: 'public', pageCache: true }, schema: { params: EntityParams } }, async (request, reply) => {
    const m = ID_PREFIX.exec(request.params.ref);
    const details = m ? await svc.entityDetails(ctx, m[1]!) : null;
    if (!details) throw new AppError('http.not_found');
    const e = details.entity;
    // a record merged into another lives on at the kept record's address
    if (e.merged_into) {
      const target = await mergeTarget(ctx, e);
      if (target) return reply.redirect(localize(svc.entityPath(target), request.lang), 301);
    }
    // an old or shortened slug still works, but the page lives at one address
    const canonical = svc.entityPath(e);
    if (`/podmioty/${request.params.ref}` !== canonical) return reply.redirect(localize(canonical, request.lang), 301);
    const names = await svc.unitNames(ctx);
    const gminaName = e.gmina_teryt ? (names.get(e.gmina_teryt) ?? null) : null;
    const jsonLd = v.jsonLdText({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      name: e.name,
      url: `${ctx.config.publicUrl}${svc.entityPath(e)}`,
      ...(e.website ? { sameAs: e.website } : {}),
      ...(e.nip ? { taxID: e.nip } : {}),
      ...(e.krs || e.regon ? { identifier: [e.krs ? { '@type': 'PropertyValue', propertyID: 'KRS', value: e.krs } : null, e.regon ? { '@type': 'PropertyValue', propertyID: 'REGON', value: e.regon } : null].filter(Boolean) } : {}),
      ...(e.town ? { address: { '@type': 'PostalAddress', addressLocality: e.town, addressRegion: 'kujawsko-pomorskie', addressCountry: 'PL', ...(e.address ? { streetAddress: e.address } : {}) } } : {}),
    });
    // the map's names and boundaries come from per-process caches: no statement of its own
    const [record, location] = await Promise.all([publicRecordOf(ctx, details, names), entityLocation(ctx, e, details.places)]);
    return sendPage(request, reply, { heading: true, title: e.name, breadcrumbs: [{ label: request.t('registry.nav'), path: '/podmioty' }] }, <v.EntityView details={details} gminaName={gminaName} jsonLd={jsonLd} record={record} location={location} />);
  });

  // --- staff -----------------------------------------------------------------------------------

  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const adminTitle = (request: FastifyRequest) => request.t('registry.admin.title');

  app.get('/admin/podmioty', { config: manage, schema: { querystring: OkQuery } }, async (request, reply) => {
    const { rows } = await repo.searchEntities(ctx.db, ctx.database.seam, { terms: [], legalForm: [], powiat: [], gmina: [], statusPs: false, mark: false, includeClosed: true, today: warsawToday(ctx.clock) }, 'name', svc.EXPORT_LIMIT, 0);
    const ok = request.query.ok;
    const flags = await psFlags(ctx);
    return sendPage(request, reply, { heading: true, title: adminTitle(request) }, <v.AdminListView rows={rows} notice={ok ? request.t('registry.admin.created') : null} psFlags={flags} />);
  });

  app.get('/admin/podmioty/nowy', { config: manage }, async (request, reply) => {
    return sendPage(request, reply, { heading: true, title: request.t('registry.admin.create') }, <v.EntityFormView csrf={reply.generateCsrf()} action="/admin/podmioty/nowy" values={{ lifecycle: 'active', legal_form: 'fundacja' }} />);
  });

  app.post('/admin/podmioty/nowy', { config: manage, schema: { body: FormBody } }, async (request, reply) => {
    const created = await submitForm(async () => svc.createEntity(ctx, await svc.checkEntityForm(ctx, request.body, null), auditFromRequest(request)));
    if (!created.ok) return sendPage(request, reply, { heading: true, title: request.t('registry.admin.create') }, <v.EntityFormView csrf={reply.generateCsrf()} action="/admin/podmioty/nowy" values={request.body} problems={created.problems} />, created.status);
    return go(request, reply, '/admin/podmioty?ok=1');
  });

  /** The staff form of an entity: its record, or a refused form's values and problems; `ok` is the notice after a save. */
  const editPage = async (request: FastifyRequest, reply: FastifyReply, id: string, values: FormFields | null, problems: Problem[] = [], status = 200, ok?: string) => {
    const e = await repo.findEntity(ctx.db, id);
    if (!e) throw new AppError('http.not_found');
    const current = values ?? Object.fromEntries(svc.FORM_FIELDS.map((f) => [f, e[f] ?? '']));
    const [history, overview] = await Promise.all([listChangesWithAuthors(ctx.db, id), recordOverview(ctx, id)]);
    return sendPage(
      request,
      reply,
      { heading: true, title: request.t('registry.admin.edit', { name: e.name }), breadcrumbs: [{ label: adminTitle(request), path: '/admin/podmioty' }] },
      <v.EntityFormView csrf={reply.generateCsrf()} action={`/admin/podmioty/${id}`} values={current} problems={problems} history={history} notice={ok && status === 200 ? request.t('registry.admin.saved') : null} summary={overview ? <RecordSummary overview={overview} /> : null} />,
      status,
    );
  };

  app.get('/admin/podmioty/:id', { config: manage, schema: { params: IdParams, querystring: OkQuery } }, async (request, reply) => editPage(request, reply, request.params.id, null, [], 200, request.query.ok));

  app.post('/admin/podmioty/:id', { config: manage, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params;
    if (!(await repo.findEntity(ctx.db, id))) throw new AppError('http.not_found');
    const updated = await submitForm(async () => svc.updateEntity(ctx, id, await svc.checkEntityForm(ctx, request.body, id), auditFromRequest(request)));
    if (!updated.ok) return editPage(request, reply, id, request.body, updated.problems, updated.status);
    return go(request, reply, `/admin/podmioty/${id}?ok=1`);
  });
}
