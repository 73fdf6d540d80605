// Routes of the registry module. Thin: read the query or form, call the service, render. The
// catalogue, its exports and the API share one query parser, so the same address filters alike.
import { renderEntityPageSections } from './entity-page.extensions.js';
import { contentDisposition } from '../../../core/http/uploads.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { AppError, type Problem } from '../../../core/errors/app-error.js';
import { formBody, submitForm, type FormFields } from '../../../core/http/forms.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { auditFromRequest } from '../../audit/index.js';
import { gminaChoices } from '../../territory/index.js';
import { mergeTarget } from '../data-quality/duplicates.service.js';
import { TEASER_PICTURE_PATH, teaserPicture } from '../registry.extensions.js';
import { manageRegistry } from '../registry.policy.js';
import * as repo from './registry.repo.js';
import * as svc from './registry.service.js';
import { parseStaffListQuery, staffList } from './staff-list.service.js';
import { ACTIVITY_STATES } from './activity-state.js';
import { EntityDetailSchema, EntityFileSchema, EntityListSchema, toCsv, toDetail, toItem } from '../catalogue/registry.export.js';
import { itemParts, LISTED_STATES, registryLastChanged } from '../catalogue/registry.catalogue.js';
import { ACTIVITY_TYPES, LEGAL_FORMS } from './registry.tables.js';
import { LICENCE_LINK, openDataMeta } from '../../opendata/index.js';
import * as v from './registry.views.js';
import { confirmActivity, psFlags, publicRecordOf, recordOverview } from './record.service.js';
import { listChangesWithAuthors } from './record.repo.js';
import { RecordSummary } from './record.views.js';
import * as cv from '../catalogue/registry.catalogue.views.js';
import { entityLocation } from '../catalogue/registry.location.js';

const FormBody = formBody({ maxLength: 10000, maxProperties: 60 });
const EntityParams = Type.Object({ ref: Type.String({ maxLength: 200 }) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const ID_PREFIX = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:-.*)?$/;

const ApiQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  forma: Type.Optional(Type.Array(Type.Union(LEGAL_FORMS.map((f) => Type.Literal(f))), { maxItems: 20 })),
  powiat: Type.Optional(Type.Array(Type.String({ pattern: '^04\\d{2}$' }), { maxItems: 50 })),
  gmina: Type.Optional(Type.Array(Type.String({ pattern: '^04\\d{4}[1-3]$' }), { maxItems: 200 })),
  podregion: Type.Optional(
    Type.Array(Type.String({ pattern: '^[a-z0-9-]{1,40}$' }), { maxItems: 20, description: 'OWES subregion code, e.g. torun' }),
  ),
  sektor: Type.Optional(
    Type.Array(Type.String({ maxLength: 80 }), { maxItems: 50, description: 'sector key (folded, hyphenated), e.g. uslugi-opiekuncze' }),
  ),
  dzialalnosc: Type.Optional(
    Type.Array(Type.Union(ACTIVITY_TYPES.map((a) => Type.Literal(a))), {
      maxItems: 10,
      description: 'activity type: business, paid_public_benefit, other_paid',
    }),
  ),
  stan: Type.Optional(
    Type.Array(Type.Union(LISTED_STATES.map((a) => Type.Literal(a))), {
      maxItems: 4,
      description: 'activity state: active (a person checked it), unverified (stated active, nobody checked), suspended',
    }),
  ),
  status_ps: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('')])),
  znak: Type.Optional(
    Type.Union([Type.Literal('1'), Type.Literal('')], {
      description: '1: only entities with a "Zakup Prospołeczny" mark valid today by known dates',
    }),
  ),
  sort: Type.Optional(Type.Union([Type.Literal('najnowsze'), Type.Literal('nazwa'), Type.Literal('')])),
  strona: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
});
const ApiEntityParams = Type.Object({
  id: Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', description: 'the entity id (UUID)' }),
});
/** The CSV file as OpenAPI describes it (the body is sent as text; no serializer touches it). */
const CsvFile = {
  description:
    'The entities of the search as a spreadsheet file: UTF-8 with a BOM, semicolons, CRLF; a column "Przykładowe" (1/0) flags example data. The licence is in the Link header (rel="license"), the last change of the data in Last-Modified.',
  headers: {
    'last-modified': { type: 'string', description: 'when the data of the registry last changed' },
    link: { type: 'string', description: '<licence URL>; rel="license"' },
  },
  content: { 'text/csv': { schema: { type: 'string' } } },
};

/** A catalogue parameter of the pages and exports: one value, or a list when repeated (an empty value means "any"). */
const oneOrMany = (item: TSchema) => Type.Optional(Type.Union([item, Type.Array(item, { maxItems: 500 })]));
const choice = (values: readonly string[]) => oneOrMany(Type.Union([...values, ''].map((v) => Type.Literal(v))));
const matching = (pattern: string) => oneOrMany(Type.String({ pattern: `^(${pattern})?$` }));
/**
 * The address of the catalogue's pages and exports. A value the catalogue does not know (a legal
 * form that does not exist, a code of no powiat) is refused with a 400 naming the parameter: shown
 * a list that silently dropped a filter, a reader would take it for the filtered one.
 */
const CatalogueQuery = Type.Object({
  q: oneOrMany(Type.String({ maxLength: 1000 })),
  forma: choice(LEGAL_FORMS),
  powiat: matching('04\\d{2}'),
  gmina: matching('04\\d{4}[1-3]'),
  podregion: matching('[a-z0-9-]{1,40}'),
  sektor: oneOrMany(Type.String({ maxLength: 80 })),
  dzialalnosc: choice(ACTIVITY_TYPES),
  stan: choice(LISTED_STATES),
  status_ps: choice(['1']),
  znak: choice(['1']),
  miejsce: choice(['0']),
  sort: choice(['najnowsze', 'nazwa']),
  strona: matching('[1-9]\\d{0,5}'),
});
/** The map of the search: the same address, and `widok=wojewodztwo` to show the whole region with a powiat chosen. */
const CatalogueMapQuery = Type.Object({ ...CatalogueQuery.properties, widok: Type.Optional(Type.Literal('wojewodztwo')) });
const OkQuery = Type.Object({ ok: Type.Optional(Type.String()) });
/** The staff list's address: a page number that is not one is refused with a 400, as on the catalogue. */
const StaffListQuerySchema = Type.Object({
  ok: Type.Optional(Type.String({ maxLength: 10 })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  forma: choice(LEGAL_FORMS),
  stan: choice(ACTIVITY_STATES),
  strona: Type.Optional(Type.String({ pattern: '^([1-9]\\d{0,5})?$' })),
});

export async function registryRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const manage = { access: manageRegistry };

  app.get(
    '/podmioty',
    { config: { access: 'public', pageCache: true }, schema: { querystring: CatalogueQuery } },
    async (request, reply) => {
      const query = svc.parseCatalogueQuery(request.query);
      const result = await svc.searchCatalogue(ctx, query, svc.PAGE_SIZE, { forgiving: true });
      return sendPage(
        request,
        reply,
        { heading: true, title: request.t('registry.title') },
        <cv.CatalogueView query={query} result={result} />,
      );
    },
  );

  // the home page's map teaser as a picture file: drawn once per registry write; the page links it
  // with its version, so a browser keeps that address for good, and an older one is revalidated
  app.get(
    TEASER_PICTURE_PATH,
    { config: { access: 'public' }, schema: { querystring: Type.Object({ v: Type.Optional(Type.String({ maxLength: 40 })) }) } },
    async (request, reply) => {
      const picture = await teaserPicture(ctx);
      const etag = `"${picture.version}"`;
      reply
        .type('image/svg+xml')
        .header('etag', etag)
        .header('cache-control', request.query.v === picture.version ? 'public, max-age=31536000, immutable' : 'public, no-cache');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.send(picture.svg);
    },
  );

  app.get(
    '/podmioty/mapa',
    { config: { access: 'public', pageCache: true }, schema: { querystring: CatalogueMapQuery } },
    async (request, reply) => {
      const query = svc.parseCatalogueQuery(request.query);
      const map = await svc.catalogueMap(ctx, query, { whole: request.query.widok === 'wojewodztwo' });
      return sendPage(
        request,
        reply,
        {
          heading: true,
          title: request.t('registryCatalogue.map.title'),
          breadcrumbs: [{ label: request.t('registry.nav'), path: '/podmioty' }],
        },
        <cv.CatalogueMapView query={query} map={map} />,
      );
    },
  );

  // the open data: the catalogue's current search as files and as the API, with the licence and
  // the time of the last change; each item carries its activity state, PS status and marks
  const openData = async () => openDataMeta(await registryLastChanged(ctx));

  app.get(
    '/podmioty.csv',
    {
      config: { access: 'public' },
      schema: {
        tags: ['registry'],
        summary: 'Social economy entities as CSV (same filters as /podmioty, at most 5000 rows)',
        querystring: CatalogueQuery,
        response: { 200: CsvFile },
      },
    },
    async (request, reply) => {
      const rows = await svc.exportCatalogue(ctx, svc.parseCatalogueQuery(request.query));
      const [parts, meta] = await Promise.all([itemParts(ctx, rows), openData()]);
      if (meta.last_changed) reply.header('last-modified', new Date(meta.last_changed).toUTCString());
      return reply
        .header('link', LICENCE_LINK)
        .header('content-disposition', contentDisposition('podmioty.csv'))
        .type('text/csv; charset=utf-8')
        .send(toCsv(rows, parts, request.t, ctx.config.publicUrl));
    },
  );

  app.get(
    '/podmioty.json',
    {
      config: { access: 'public' },
      schema: {
        tags: ['registry'],
        summary: 'Social economy entities as one JSON file (same filters as /podmioty, at most 5000 items)',
        querystring: CatalogueQuery,
        response: { 200: EntityFileSchema },
      },
    },
    async (request, reply) => {
      const rows = await svc.exportCatalogue(ctx, svc.parseCatalogueQuery(request.query));
      const [parts, meta] = await Promise.all([itemParts(ctx, rows), openData()]);
      return reply
        .type('application/json; charset=utf-8')
        .send({ ...meta, count: rows.length, items: rows.map((e) => toItem(e, parts, ctx.config.publicUrl)) });
    },
  );

  app.get(
    '/api/v1/podmioty',
    {
      config: { access: 'public' },
      schema: {
        tags: ['registry'],
        summary: 'Social economy entities (paged, same filters as /podmioty)',
        querystring: ApiQuery,
        response: { 200: EntityListSchema },
      },
    },
    async (request) => {
      const query = svc.parseCatalogueQuery(request.query);
      const { rows, total } = await svc.searchCatalogue(ctx, query);
      const [parts, meta] = await Promise.all([itemParts(ctx, rows), openData()]);
      return { ...meta, total, page: query.page, per_page: svc.PAGE_SIZE, items: rows.map((e) => toItem(e, parts, ctx.config.publicUrl)) };
    },
  );

  app.get(
    '/api/v1/podmioty/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['registry'],
        summary: 'One entity: activity state, PS status with its history, "Zakup Prospołeczny" marks with dates and validity',
        params: ApiEntityParams,
        response: { 200: EntityDetailSchema },
      },
    },
    async (request, reply) => {
      const e = await repo.findEntity(ctx.db, request.params.id);
      if (!e) throw new AppError('http.not_found');
      // a record merged into another lives on as the kept one
      if (e.merged_into) {
        const target = await mergeTarget(ctx, e);
        if (target) return reply.redirect(`/api/v1/podmioty/${target.id}`, 301);
      }
      return toDetail(e, await itemParts(ctx, [e]), ctx.config.publicUrl);
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
      ...(e.krs || e.regon
        ? {
            identifier: [
              e.krs ? { '@type': 'PropertyValue', propertyID: 'KRS', value: e.krs } : null,
              e.regon ? { '@type': 'PropertyValue', propertyID: 'REGON', value: e.regon } : null,
            ].filter(Boolean),
          }
        : {}),
      ...(e.town
        ? {
            address: {
              '@type': 'PostalAddress',
              addressLocality: e.town,
              addressRegion: 'kujawsko-pomorskie',
              addressCountry: 'PL',
              ...(e.address ? { streetAddress: e.address } : {}),
            },
          }
        : {}),
    });
    // the map's names and boundaries come from per-process caches: no statement of its own
    const [record, location, sections] = await Promise.all([
      publicRecordOf(ctx, details, names),
      entityLocation(ctx, e, details.places),
      renderEntityPageSections(ctx, request, { id: e.id, name: e.name, gminaTeryt: e.gmina_teryt }),
    ]);
    return sendPage(
      request,
      reply,
      { heading: true, title: e.name, breadcrumbs: [{ label: request.t('registry.nav'), path: '/podmioty' }] },
      <v.EntityView details={details} gminaName={gminaName} jsonLd={jsonLd} record={record} location={location} sections={sections} />,
    );
  });

  // --- staff -----------------------------------------------------------------------------------

  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const adminTitle = (request: FastifyRequest) => request.t('registry.admin.title');

  app.get('/admin/podmioty', { config: manage, schema: { querystring: StaffListQuerySchema } }, async (request, reply) => {
    const query = parseStaffListQuery(request.query);
    const result = await staffList(ctx, query);
    const flags = await psFlags(
      ctx,
      result.rows.map((r) => r.id),
    );
    return sendPage(
      request,
      reply,
      { heading: true, title: adminTitle(request) },
      <v.AdminListView
        result={result}
        query={query}
        notice={request.query.ok ? request.t('registry.admin.created') : null}
        psFlags={flags}
      />,
    );
  });

  app.get('/admin/podmioty/nowy', { config: manage }, async (request, reply) => {
    return sendPage(
      request,
      reply,
      { heading: true, title: request.t('registry.admin.create') },
      <v.EntityFormView
        gminy={await gminaChoices(ctx)}
        csrf={reply.generateCsrf()}
        action="/admin/podmioty/nowy"
        values={{ lifecycle: 'active', legal_form: 'fundacja' }}
      />,
    );
  });

  app.post('/admin/podmioty/nowy', { config: manage, schema: { body: FormBody } }, async (request, reply) => {
    const created = await submitForm(async () =>
      svc.createEntity(ctx, await svc.checkEntityForm(ctx, request.body, null, request.lang), auditFromRequest(request)),
    );
    if (!created.ok)
      return sendPage(
        request,
        reply,
        { heading: true, title: request.t('registry.admin.create') },
        <v.EntityFormView
          gminy={await gminaChoices(ctx)}
          csrf={reply.generateCsrf()}
          action="/admin/podmioty/nowy"
          values={request.body}
          problems={created.problems}
        />,
        created.status,
      );
    return go(request, reply, '/admin/podmioty?ok=1');
  });

  /** The staff form of an entity: its record, or a refused form's values and problems; `ok` is the notice after a save. */
  const editPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: FormFields | null,
    problems: Problem[] = [],
    status = 200,
    ok?: string,
  ) => {
    const e = await repo.findEntity(ctx.db, id);
    if (!e) throw new AppError('http.not_found');
    const current = values ?? Object.fromEntries(svc.FORM_FIELDS.map((f) => [f, e[f] ?? '']));
    const [history, overview] = await Promise.all([listChangesWithAuthors(ctx.db, id), recordOverview(ctx, id)]);
    return sendPage(
      request,
      reply,
      {
        heading: true,
        title: request.t('registry.admin.edit', { name: e.name }),
        breadcrumbs: [{ label: adminTitle(request), path: '/admin/podmioty' }],
      },
      <v.EntityFormView
        gminy={await gminaChoices(ctx)}
        csrf={reply.generateCsrf()}
        action={`/admin/podmioty/${id}`}
        values={current}
        problems={problems}
        history={history}
        notice={ok && status === 200 ? request.t('registry.admin.saved') : null}
        summary={overview ? <RecordSummary overview={overview} csrf={reply.generateCsrf()} /> : null}
      />,
      status,
    );
  };

  app.get('/admin/podmioty/:id', { config: manage, schema: { params: IdParams, querystring: OkQuery } }, async (request, reply) =>
    editPage(request, reply, request.params.id, null, [], 200, request.query.ok),
  );

  app.post('/admin/podmioty/:id', { config: manage, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params;
    if (!(await repo.findEntity(ctx.db, id))) throw new AppError('http.not_found');
    const updated = await submitForm(async () =>
      svc.updateEntity(ctx, id, await svc.checkEntityForm(ctx, request.body, id, request.lang), auditFromRequest(request)),
    );
    if (!updated.ok) return editPage(request, reply, id, request.body, updated.problems, updated.status);
    return go(request, reply, `/admin/podmioty/${id}?ok=1`);
  });

  // a staff member records that they checked the entity is active (the only way it counts as active)
  app.post(
    '/admin/podmioty/:id/sprawdzenie-dzialalnosci',
    { config: manage, schema: { params: IdParams, body: FormBody } },
    async (request, reply) => {
      const { id } = request.params;
      if (!(await repo.findEntity(ctx.db, id))) throw new AppError('http.not_found');
      const checked = await submitForm(() => confirmActivity(ctx, id, auditFromRequest(request)));
      if (!checked.ok) return editPage(request, reply, id, null, checked.problems, checked.status);
      return go(request, reply, `/admin/podmioty/${id}?ok=1`);
    },
  );
}
