// Routes of the programme's text versions. Public: the list, one version's numbered sections and
// the comparison of two versions (`/program/{slug}/wersje/{a}/porownanie/{b}`; the list's form
// sends `?z=a&do=b`, which redirects there). Staff (coordinators, administrators and editors): the
// versions of a programme, a new empty or copied version, a Markdown/Word import with a preview
// before saving, and the section editor.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, type Problem } from '../../core/errors/app-error.js';
import { formBody, formProblems, submitForm, textFields } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import { readUpload, uploadedFile } from '../../core/http/uploads.js';
import type { ModuleContext } from '../../core/module.js';
import { FormChecker } from '../../core/validation.js';
import { auditFromRequest } from '../audit/index.js';
import { canManageProgramme, editProgrammeText } from './programme.policy.js';
import { adminCrumbs, FormBody, go, IdParams, noticeText, programmeOr404 } from './programme.routes.js';
import * as programmes from './programme.service.js';
import * as svc from './versions.service.js';
import * as v from './versions.views.js';

const SlugParams = Type.Object({ slug: Type.String({ maxLength: 100 }) });
const VersionParams = Type.Object({ slug: Type.String({ maxLength: 100 }), n: Type.Integer({ minimum: 1, maximum: 100_000 }) });
const CompareParams = Type.Object({
  slug: Type.String({ maxLength: 100 }),
  a: Type.Integer({ minimum: 1, maximum: 100_000 }),
  b: Type.Integer({ minimum: 1, maximum: 100_000 }),
});
const CompareQuery = Type.Object({ z: Type.Integer({ minimum: 1, maximum: 100_000 }), do: Type.Integer({ minimum: 1, maximum: 100_000 }) });
const AdminVersionParams = Type.Object({ id: Type.String({ maxLength: 64 }), n: Type.Integer({ minimum: 1, maximum: 100_000 }) });
const SectionParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  n: Type.Integer({ minimum: 1, maximum: 100_000 }),
  sectionId: Type.String({ maxLength: 64 }),
});
const OkQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) });
/** The confirmed import carries the whole text (base64) through the preview. */
const CarriedBody = formBody({ maxLength: 4_000_000, maxProperties: 20 });

export async function versionsRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const edit = { access: editProgrammeText };

  // --- public --------------------------------------------------------------------------------------

  const publicCrumbs = (request: FastifyRequest, p: programmes.ProgrammeRow, ...rest: { label: string; path?: string }[]) => [
    { label: request.t('programme.title'), path: '/program' },
    ...(p.is_current ? [] : [{ label: p.short_name ?? p.title, path: `/program/${p.slug}` }]),
    ...rest,
  ];

  app.get('/program/:slug/wersje', { config: { access: 'public' }, schema: { params: SlugParams } }, async (request, reply) => {
    const { programme } = await programmes.programmeBySlug(ctx, request.params.slug);
    const versions = await svc.versionsWithCounts(ctx, programme.id);
    return sendPage(
      request,
      reply,
      {
        title: request.t('programme.versions.title'),
        breadcrumbs: publicCrumbs(request, programme, { label: request.t('programme.versions.title') }),
      },
      <v.VersionsListView programme={programme} versions={versions} />,
    );
  });

  app.get(
    '/program/:slug/wersje/porownanie',
    { config: { access: 'public' }, schema: { params: SlugParams, querystring: CompareQuery } },
    async (request, reply) => {
      const { slug } = request.params;
      const q = request.query;
      return reply.redirect(localize(`/program/${slug}/wersje/${q.z}/porownanie/${q.do}`, request.lang), 303);
    },
  );

  app.get('/program/:slug/wersje/:n', { config: { access: 'public' }, schema: { params: VersionParams } }, async (request, reply) => {
    const { slug, n } = request.params;
    const { programme } = await programmes.programmeBySlug(ctx, slug);
    const { version, sections } = await svc.versionByNumber(ctx, programme.id, n);
    const versions = await svc.versionsWithCounts(ctx, programme.id);
    const title = request.t('programme.versions.textTitle', { number: version.number, label: version.label });
    return sendPage(
      request,
      reply,
      {
        title,
        breadcrumbs: publicCrumbs(
          request,
          programme,
          { label: request.t('programme.versions.title'), path: `/program/${slug}/wersje` },
          { label: title },
        ),
      },
      <v.VersionTextView programme={programme} version={version} sections={sections} versions={versions} />,
    );
  });

  app.get(
    '/program/:slug/wersje/:a/porownanie/:b',
    { config: { access: 'public' }, schema: { params: CompareParams } },
    async (request, reply) => {
      const { slug, a, b } = request.params;
      const { programme } = await programmes.programmeBySlug(ctx, slug);
      const before = await svc.versionByNumber(ctx, programme.id, a);
      const after = await svc.versionByNumber(ctx, programme.id, b);
      const comparison = svc.compare(svc.sectionsOf(before.sections), svc.sectionsOf(after.sections));
      const title = request.t('programme.versions.compareHeading', { a, b });
      return sendPage(
        request,
        reply,
        {
          title,
          breadcrumbs: publicCrumbs(
            request,
            programme,
            { label: request.t('programme.versions.title'), path: `/program/${slug}/wersje` },
            { label: title },
          ),
        },
        <v.CompareView programme={programme} before={before.version} after={after.version} comparison={comparison} />,
      );
    },
  );

  // --- staff ---------------------------------------------------------------------------------------

  const staffCrumbs = (request: FastifyRequest, p: programmes.ProgrammeRow, last?: string) =>
    adminCrumbs(
      request,
      ...(request.user && canManageProgramme(request.user) ? [{ label: p.short_name ?? p.title, path: `/admin/program/${p.id}` }] : []),
      ...(last
        ? [{ label: request.t('programme.versions.adminTitle'), path: `/admin/program/${p.id}/wersje` }, { label: last }]
        : [{ label: request.t('programme.versions.adminTitle') }]),
    );

  const listPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    p: programmes.ProgrammeRow,
    extra: { ok?: string; values?: Record<string, string>; problems?: Problem[]; status?: number } = {},
  ) =>
    sendPage(
      request,
      reply,
      { title: request.t('programme.versions.adminTitle'), breadcrumbs: staffCrumbs(request, p) },
      <v.VersionsAdminView
        programme={p}
        versions={await svc.versionsWithCounts(ctx, p.id)}
        csrf={reply.generateCsrf()}
        problems={extra.problems ?? []}
        values={extra.values ?? {}}
        notice={noticeText(request, extra.ok)}
      />,
      extra.status ?? 200,
    );

  app.get('/admin/program/:id/wersje', { config: edit, schema: { params: IdParams, querystring: OkQuery } }, async (request, reply) =>
    listPage(request, reply, await programmeOr404(ctx, request.params.id), { ok: request.query.ok }),
  );

  app.post(
    '/admin/program/:id/wersje/import',
    { config: edit, preValidation: readUpload({ fileSize: svc.MAX_IMPORT_BYTES }), schema: { params: IdParams } },
    async (request, reply) => {
      const p = await programmeOr404(ctx, request.params.id);
      const body = textFields(request.body);
      const values = { ...body, form: 'import' };
      try {
        const c = new FormChecker(body);
        const meta = svc.checkVersionMeta(body, c);
        let parsed: svc.ParsedText | null = null;
        try {
          parsed = await svc.parseUpload(uploadedFile(request, 'file'));
        } catch (err) {
          c.problems.push(...formProblems(err).problems);
        }
        c.assertValid();
        return sendPage(
          request,
          reply,
          {
            title: request.t('programme.versions.previewTitle'),
            breadcrumbs: staffCrumbs(request, p, request.t('programme.versions.previewTitle')),
          },
          <v.ImportPreviewView
            programme={p}
            sections={parsed!.sections}
            problems={parsed!.problems}
            carried={svc.encodeCarried(parsed!.markdown)}
            source={parsed!.source}
            meta={meta}
            csrf={reply.generateCsrf()}
          />,
          parsed!.problems.length ? 400 : 200,
        );
      } catch (err) {
        const { problems, status } = formProblems(err);
        return listPage(request, reply, p, { values, problems, status });
      }
    },
  );

  app.post(
    '/admin/program/:id/wersje/nowa',
    { config: edit, bodyLimit: 6 * 1024 * 1024, schema: { params: IdParams, body: CarriedBody } },
    async (request, reply) => {
      const p = await programmeOr404(ctx, request.params.id);
      const body = request.body;
      const actor = auditFromRequest(request);
      const created = await submitForm(async () => {
        const c = new FormChecker(body);
        const meta = svc.checkVersionMeta(body, c);
        if (body.form === 'import') {
          if (body.source !== 'markdown' && body.source !== 'docx') throw new AppError('http.bad_request');
          c.assertValid();
          const { sections } = svc.parseMarkdown(svc.decodeCarried(body.text ?? ''));
          return svc.createVersion(ctx, p.id, meta, body.source, sections, actor);
        } else {
          const copy = body.copy ? Number(body.copy) : null;
          if (copy !== null && !Number.isInteger(copy))
            c.add('copy', 'programme.versions.copyFrom', 'validation.invalidParam', { field: 'copy' });
          c.assertValid();
          return copy ? svc.copyVersion(ctx, p.id, copy, meta, actor) : svc.createVersion(ctx, p.id, meta, 'manual', [], actor);
        }
      });
      if (!created.ok)
        return listPage(request, reply, p, {
          values: { ...body, form: body.form === 'import' ? 'import' : 'new' },
          problems: created.problems,
          status: created.status,
        });
      return go(request, reply, `/admin/program/${p.id}/wersje/${created.value}?ok=utworzono`);
    },
  );

  /** A version's editor: with the notice of the change that led here (`ok`), or again with one refused form. */
  const editPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    p: programmes.ProgrammeRow,
    n: number,
    shown: { ok?: string; failed?: { form: string; values: Record<string, string>; problems: Problem[]; status: number } },
  ) => {
    const { version, sections } = await svc.versionByNumber(ctx, p.id, n);
    const title = request.t('programme.versions.editTitle', { number: version.number });
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: staffCrumbs(request, p, title) },
      <v.VersionEditView
        programme={p}
        version={version}
        sections={sections}
        csrf={reply.generateCsrf()}
        notice={noticeText(request, shown.ok)}
        failed={shown.failed ?? null}
        nextNumber={svc.nextSectionNumber(sections)}
      />,
      shown.failed?.status ?? 200,
    );
  };

  /** The programme and version of a staff version page (`/admin/program/:id/wersje/:n`), or 404. */
  const target = async (id: string, n: number) => {
    const p = await programmeOr404(ctx, id);
    const { version } = await svc.versionByNumber(ctx, p.id, n);
    return { p, version, base: `/admin/program/${p.id}/wersje/${version.number}` };
  };

  app.get(
    '/admin/program/:id/wersje/:n',
    { config: edit, schema: { params: AdminVersionParams, querystring: OkQuery } },
    async (request, reply) => {
      const { p, version } = await target(request.params.id, request.params.n);
      return editPage(request, reply, p, version.number, { ok: request.query.ok });
    },
  );

  app.post(
    '/admin/program/:id/wersje/:n',
    { config: edit, schema: { params: AdminVersionParams, body: FormBody } },
    async (request, reply) => {
      const { p, version, base } = await target(request.params.id, request.params.n);
      const body = request.body;
      const saved = await submitForm(async () => {
        const c = new FormChecker(body);
        const meta = svc.checkVersionMeta(body, c);
        c.assertValid();
        await svc.updateVersionMeta(ctx, version, meta, auditFromRequest(request));
      });
      if (!saved.ok)
        return editPage(request, reply, p, version.number, {
          failed: { form: 'meta', values: body, problems: saved.problems, status: saved.status },
        });
      return go(request, reply, `${base}?ok=zapisano`);
    },
  );

  app.post(
    '/admin/program/:id/wersje/:n/sekcje',
    { config: edit, schema: { params: AdminVersionParams, body: FormBody } },
    async (request, reply) => {
      const { p, version, base } = await target(request.params.id, request.params.n);
      const body = request.body;
      const saved = await submitForm(() => svc.addSection(ctx, version, body, auditFromRequest(request)));
      if (!saved.ok)
        return editPage(request, reply, p, version.number, {
          failed: { form: 'new', values: body, problems: saved.problems, status: saved.status },
        });
      return go(request, reply, `${base}?ok=zapisano`);
    },
  );

  app.post(
    '/admin/program/:id/wersje/:n/sekcje/:sectionId',
    { config: edit, schema: { params: SectionParams, body: FormBody } },
    async (request, reply) => {
      const { p, version, base } = await target(request.params.id, request.params.n);
      const { sectionId } = request.params;
      const body = request.body;
      const saved = await submitForm(() => svc.updateSection(ctx, version, sectionId, body, auditFromRequest(request)));
      if (!saved.ok)
        return editPage(request, reply, p, version.number, {
          failed: { form: sectionId, values: body, problems: saved.problems, status: saved.status },
        });
      return go(request, reply, `${base}?ok=zapisano`);
    },
  );

  app.post(
    '/admin/program/:id/wersje/:n/sekcje/:sectionId/przesun',
    { config: edit, schema: { params: SectionParams, body: FormBody } },
    async (request, reply) => {
      const { version, base } = await target(request.params.id, request.params.n);
      const { sectionId } = request.params;
      const direction = request.body.kierunek;
      if (direction !== 'gora' && direction !== 'dol') throw new AppError('http.bad_request');
      await svc.moveSection(ctx, version, sectionId, direction === 'gora' ? 'up' : 'down', auditFromRequest(request));
      return go(request, reply, `${base}?ok=przesunieto`);
    },
  );

  app.post(
    '/admin/program/:id/wersje/:n/sekcje/:sectionId/usun',
    { config: edit, schema: { params: SectionParams, body: FormBody } },
    async (request, reply) => {
      const { version, base } = await target(request.params.id, request.params.n);
      await svc.deleteSection(ctx, version, request.params.sectionId, auditFromRequest(request));
      return go(request, reply, `${base}?ok=usunieto`);
    },
  );
}
