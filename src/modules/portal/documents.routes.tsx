// Routes of the document library: the public list and document pages, downloads (newest version
// or a given one; ETag, Range, counted without personal data), and the editors' pages for
// documents and their file versions. Uploads are multipart forms that work without JavaScript.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, type Problem } from '../../core/errors/app-error.js';
import { submitForm, textFields } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import { readUpload, sendStored, STORED_FILE_METHODS, uploadedFile } from '../../core/http/uploads.js';
import type { ModuleContext } from '../../core/module.js';
import { auditFromRequest } from '../audit/index.js';
import * as svc from './documents.service.js';
import * as v from './documents.views.js';
import { MAX_DOCUMENT_BYTES } from './files.js';
import { FormBody, portalRefusals } from './portal.forms.js';
import { manageContent } from './portal.policy.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const ListQuery = Type.Object({
  kategoria: Type.Optional(Type.String({ maxLength: 40 })),
  strona: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  ok: Type.Optional(Type.String({ maxLength: 20 })),
});

export async function documentsRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const admin = { access: manageContent };
  const refusals = portalRefusals(ctx);
  const isStaff = (request: FastifyRequest) =>
    !!request.user && request.user.roles.some((r) => r.role === 'editor' || r.role === 'administrator');

  // --- public ------------------------------------------------------------------------------------

  app.get('/dokumenty', { config: { access: 'public' }, schema: { querystring: ListQuery } }, async (request, reply) => {
    const q = request.query;
    const category = q.kategoria && svc.isDocumentCategory(q.kategoria) ? q.kategoria : null;
    if (q.kategoria && !category)
      throw new AppError('http.validation', {}, [{ field: 'kategoria', key: 'validation.invalidParam', params: { field: 'kategoria' } }]);
    const page = q.strona ?? 1;
    const list = await svc.documentList(ctx, { category, page, publishedOnly: true });
    return sendPage(
      request,
      reply,
      { title: request.t('documents.title') },
      <v.DocumentsListView items={list.items} total={list.total} page={page} pages={list.pages} category={category} />,
    );
  });

  app.get('/dokumenty/:id', { config: { access: 'public' }, schema: { params: IdParams } }, async (request, reply) => {
    const doc = await svc.documentDetail(ctx, request.params.id, true);
    const title = request.lang === 'en' && doc.title_en ? doc.title_en : doc.title_pl;
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [{ label: request.t('documents.title'), path: '/dokumenty' }, { label: title }] },
      <v.DocumentView doc={doc} />,
    );
  });

  const download = async (request: FastifyRequest, reply: FastifyReply, fileId: string, cacheControl: string) => {
    // editors may download files of unpublished documents (to check them before publishing)
    const staff = isStaff(request);
    const { head, data } = await svc.fileForDownload(ctx, fileId, !staff);
    await sendStored(
      request,
      reply,
      {
        sha256: head.sha256,
        byteSize: head.byte_size,
        contentType: head.content_type,
        fileName: head.file_name,
        cacheControl: staff ? 'private, no-store' : cacheControl,
      },
      data,
      () => svc.countDownload(ctx, fileId),
    );
    return reply;
  };

  // A copy may be kept but is checked again (ETag, 304) before each use: a document unpublished or
  // replaced by a newer version is never served from a browser's or proxy's cache afterwards.
  const REVALIDATE = 'public, no-cache';
  app.route({
    method: STORED_FILE_METHODS,
    url: '/dokumenty/:id/pobierz',
    config: { access: 'public' },
    schema: { params: IdParams },
    handler: async (request, reply) =>
      download(request, reply, await svc.newestFileId(ctx, request.params.id, !isStaff(request)), REVALIDATE),
  });

  app.route({
    method: STORED_FILE_METHODS,
    url: '/dokumenty/pliki/:id',
    config: { access: 'public' },
    schema: { params: IdParams },
    handler: async (request, reply) => download(request, reply, request.params.id, REVALIDATE),
  });

  // --- admin -------------------------------------------------------------------------------------

  const adminCrumbs = (request: FastifyRequest, last?: string) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    ...(last
      ? [{ label: request.t('documents.adminTitle'), path: '/admin/dokumenty' }, { label: last }]
      : [{ label: request.t('documents.adminTitle') }]),
  ];
  /** The notice for `?ok=` after a redirect. */
  const okText = (request: FastifyRequest, ok: string | undefined) =>
    ok === 'zapisano'
      ? request.t('portal.saved')
      : ok === 'usunieto'
        ? request.t('portal.deleted')
        : ok === 'plik'
          ? request.t('documents.versionAdded')
          : ok === 'plik-usuniety'
            ? request.t('documents.versionDeleted')
            : null;

  app.get('/admin/dokumenty', { config: admin, schema: { querystring: ListQuery } }, async (request, reply) => {
    const page = request.query.strona ?? 1;
    const list = await svc.documentList(ctx, { category: null, page, publishedOnly: false });
    return sendPage(
      request,
      reply,
      { title: request.t('documents.adminTitle'), breadcrumbs: adminCrumbs(request) },
      <v.DocumentsAdminView items={list.items} page={page} pages={list.pages} notice={okText(request, request.query.ok)} />,
    );
  });

  const newForm = (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, problems: Problem[] = [], status = 200) =>
    sendPage(
      request,
      reply,
      { title: request.t('documents.new'), breadcrumbs: adminCrumbs(request, request.t('documents.new')) },
      <v.DocumentNewView csrf={reply.generateCsrf()} values={values} problems={problems} />,
      status,
    );

  app.get('/admin/dokumenty/nowy', { config: admin }, async (request, reply) =>
    newForm(request, reply, { category: 'programy', lang: 'pl' }),
  );

  /** The document forms with a file are multipart: read after the access rule, up to the library's limit. */
  const upload = { config: admin, preValidation: readUpload({ fileSize: MAX_DOCUMENT_BYTES }) };

  app.post('/admin/dokumenty/nowy', upload, async (request, reply) => {
    const body = textFields(request.body);
    const created = await submitForm(
      () => svc.createDocument(ctx, body, uploadedFile(request, 'file'), auditFromRequest(request)),
      refusals,
    );
    if (!created.ok) return newForm(request, reply, body, created.problems, created.status);
    return go(request, reply, `/admin/dokumenty/${created.value}?ok=zapisano`);
  });

  const editForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: {
      ok?: string;
      values?: Record<string, string>;
      fileValues?: Record<string, string>;
      problems?: Problem[];
      fileProblems?: Problem[];
      status?: number;
    } = {},
  ) => {
    const doc = await svc.documentDetail(ctx, id, false);
    const view = (
      <v.DocumentEditView
        csrf={reply.generateCsrf()}
        doc={doc}
        values={extra.values ?? svc.documentFormValues(doc)}
        fileValues={extra.fileValues ?? {}}
        problems={extra.problems ?? []}
        fileProblems={extra.fileProblems ?? []}
        notice={okText(request, extra.ok)}
      />
    );
    return sendPage(
      request,
      reply,
      { title: request.t('documents.edit'), breadcrumbs: adminCrumbs(request, doc.title_pl) },
      view,
      extra.status ?? 200,
    );
  };

  app.get('/admin/dokumenty/:id', { config: admin, schema: { params: IdParams, querystring: ListQuery } }, async (request, reply) =>
    editForm(request, reply, request.params.id, { ok: request.query.ok }),
  );

  app.post('/admin/dokumenty/:id', { config: admin, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params;
    const saved = await submitForm(() => svc.updateDocumentMeta(ctx, id, request.body, auditFromRequest(request)), refusals);
    if (!saved.ok) return editForm(request, reply, id, { values: request.body, problems: saved.problems, status: saved.status });
    return go(request, reply, `/admin/dokumenty/${id}?ok=zapisano`);
  });

  app.post('/admin/dokumenty/:id/wersja', { ...upload, schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    const body = textFields(request.body);
    const added = await submitForm(
      () => svc.addFileVersion(ctx, id, body, uploadedFile(request, 'file'), auditFromRequest(request)),
      refusals,
    );
    if (!added.ok) return editForm(request, reply, id, { fileValues: body, fileProblems: added.problems, status: added.status });
    return go(request, reply, `/admin/dokumenty/${id}?ok=plik`);
  });

  app.post(
    '/admin/dokumenty/:id/pliki/:fileId/usun',
    {
      config: admin,
      schema: { params: Type.Object({ id: Type.String({ maxLength: 64 }), fileId: Type.String({ maxLength: 64 }) }), body: FormBody },
    },
    async (request, reply) => {
      const { id, fileId } = request.params;
      const deleted = await submitForm(() => svc.deleteFileVersion(ctx, id, fileId, auditFromRequest(request)), refusals);
      if (!deleted.ok) return editForm(request, reply, id, { problems: deleted.problems, status: deleted.status });
      return go(request, reply, `/admin/dokumenty/${id}?ok=plik-usuniety`);
    },
  );

  app.post('/admin/dokumenty/:id/usun', { config: admin, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    await svc.deleteDocument(ctx, request.params.id, auditFromRequest(request));
    return go(request, reply, '/admin/dokumenty?ok=usunieto');
  });
}
