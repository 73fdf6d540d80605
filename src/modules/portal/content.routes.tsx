// Routes of pages and news: public news list and article, images, the Markdown preview, and the
// editors' pages (lists, forms with server-side preview, versions, comparison, restore). Thin:
// read the form, call the service, render; refusals re-render the form with every problem.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../core/errors/app-error.js';
import { submitForm, textFields } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import { readUpload, sendStored, STORED_FILE_METHODS, uploadedFile } from '../../core/http/uploads.js';
import type { ModuleContext } from '../../core/module.js';
import { headingProblems, renderMarkdown } from '../../core/text/markdown.js';
import type { Lang } from '../../i18n/index.js';
import { auditFromRequest } from '../audit/index.js';
import * as contentRepo from './content.repo.js';
import * as svc from './content.service.js';
import * as v from './content.views.js';
import { MAX_IMAGE_BYTES } from './files.js';
import { FormBody, portalRefusals } from './portal.forms.js';
import { manageContent } from './portal.policy.js';
import type { NewsCategory, VersionedType } from './portal.tables.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const VersionParams = Type.Object({ id: Type.String({ maxLength: 64 }), n: Type.Integer({ minimum: 1, maximum: 1_000_000 }) });
const OkQuery = Type.Object({
  ok: Type.Optional(Type.String({ maxLength: 20 })),
  strona: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
});

export function newsCard(
  n: {
    slug: string;
    title_pl: string;
    title_en: string | null;
    lead_pl: string;
    lead_en: string | null;
    category: NewsCategory;
    image_id: string | null;
    image_alt_pl: string | null;
    image_alt_en: string | null;
    publish_at: string | null;
  },
  lang: Lang,
): v.NewsCard {
  const en = lang === 'en' && n.title_en !== null;
  return {
    slug: n.slug,
    title: en ? n.title_en! : n.title_pl,
    lead: en ? (n.lead_en ?? n.lead_pl) : n.lead_pl,
    category: n.category,
    publishAt: n.publish_at ?? '',
    image: n.image_id ? { id: n.image_id, alt: (en ? n.image_alt_en : n.image_alt_pl) ?? '' } : null,
    fallback: lang === 'en' && !en,
  };
}

function previewOf(values: svc.FormValues): { pl: string; en: string | null } {
  return { pl: renderMarkdown(values.body_pl ?? ''), en: (values.body_en ?? '').trim() ? renderMarkdown(values.body_en ?? '') : null };
}

export async function contentRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const admin = { access: manageContent };
  const refusals = portalRefusals(ctx);
  /** The notice for `?ok=` after a redirect. */
  const okText = (request: FastifyRequest, ok: string | undefined): string | null =>
    ok === 'zapisano'
      ? request.t('portal.saved')
      : ok === 'usunieto'
        ? request.t('portal.deleted')
        : ok === 'przywrocono'
          ? request.t('versions.restored')
          : null;
  const crumbs = (request: FastifyRequest, section: { label: string; path: string }, last: string) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    section,
    { label: last },
  ];

  // --- public news -------------------------------------------------------------------------------

  const NewsQuery = Type.Object({
    kategoria: Type.Optional(Type.String({ maxLength: 40 })),
    strona: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  });

  app.get('/aktualnosci', { config: { access: 'public' }, schema: { querystring: NewsQuery } }, async (request, reply) => {
    const q = request.query;
    const category = q.kategoria && svc.isNewsCategory(q.kategoria) ? q.kategoria : null;
    if (q.kategoria && !category)
      throw new AppError('http.validation', {}, [{ field: 'kategoria', key: 'validation.invalidParam', params: { field: 'kategoria' } }]);
    const page = q.strona ?? 1;
    const list = await svc.publicNewsList(ctx, category, page);
    const view = (
      <v.NewsListView
        items={list.items.map((n) => newsCard(n, request.lang))}
        total={list.total}
        page={page}
        pages={list.pages}
        category={category}
      />
    );
    return sendPage(request, reply, { title: request.t('news.title') }, view);
  });

  app.get(
    '/aktualnosci/:slug',
    { config: { access: 'public' }, schema: { params: Type.Object({ slug: Type.String({ maxLength: 100 }) }) } },
    async (request, reply) => {
      const n = await svc.publicNews(ctx, request.params.slug);
      const card = newsCard(n, request.lang);
      const en = request.lang === 'en' && n.body_en !== null && n.title_en !== null;
      const view = (
        <v.NewsView
          title={card.title}
          lead={card.lead}
          html={renderMarkdown(en ? n.body_en! : n.body_pl)}
          category={n.category}
          publishAt={card.publishAt}
          image={card.image}
          fallback={card.fallback}
        />
      );
      return sendPage(
        request,
        reply,
        { title: card.title, breadcrumbs: [{ label: request.t('news.title'), path: '/aktualnosci' }, { label: card.title }] },
        view,
      );
    },
  );

  // images are immutable (a new upload gets a new id), so browsers may keep them for a year
  app.route({
    method: STORED_FILE_METHODS,
    url: '/media/:id',
    config: { access: 'public' },
    schema: { params: IdParams },
    handler: async (request, reply) => {
      const { id } = request.params;
      const head = await contentRepo.getMediaHead(ctx.db, id);
      if (!head) throw new AppError('http.not_found');
      await sendStored(
        request,
        reply,
        {
          sha256: head.sha256,
          byteSize: head.byte_size,
          contentType: head.content_type,
          cacheControl: 'public, max-age=31536000, immutable',
        },
        async () => (await contentRepo.getMediaData(ctx.db, id)) ?? Buffer.alloc(0),
      );
      return reply;
    },
  });

  // --- preview (used by public/js/portal-preview.js) ---------------------------------------------

  app.post(
    '/admin/podglad',
    { config: { ...admin, rateLimit: { max: 240, timeWindow: '1 minute' } }, schema: { body: FormBody } },
    async (request) => {
      const source = request.body.body ?? '';
      const problems = headingProblems(source).map((p) =>
        p.kind === 'h1'
          ? request.t('portal.headingH1', { field: '', text: p.text })
          : request.t('portal.headingSkip', { field: '', text: p.text, level: p.level, previous: p.previous }),
      );
      return { html: renderMarkdown(source), problems };
    },
  );

  // --- admin: pages ------------------------------------------------------------------------------

  const pageCrumbs = (request: FastifyRequest, last: string) =>
    crumbs(request, { label: request.t('pages.adminTitle'), path: '/admin/strony' }, last);

  app.get('/admin/strony', { config: admin, schema: { querystring: OkQuery } }, async (request, reply) =>
    sendPage(
      request,
      reply,
      {
        title: request.t('pages.adminTitle'),
        breadcrumbs: [{ label: request.t('accounts.admin'), path: '/admin' }, { label: request.t('pages.adminTitle') }],
      },
      <v.PagesAdminView rows={await svc.adminPageTree(ctx)} notice={okText(request, request.query.ok)} />,
    ),
  );

  const pageForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    state: Omit<v.EditState, 'csrf'>,
    status = 200,
  ) => {
    const parents = await svc.pageParentOptions(ctx, id);
    const page = id ? await svc.pageForEdit(ctx, id) : null;
    const title = id ? request.t('pages.edit') : request.t('pages.new');
    const view = (
      <v.PageFormView
        state={{ ...state, csrf: reply.generateCsrf() }}
        id={id}
        parents={parents}
        path={page?.path ?? null}
        isPublic={page ? svc.isPublicNow(page, ctx.clock.now().toISOString()) : false}
      />
    );
    return sendPage(request, reply, { title, breadcrumbs: pageCrumbs(request, title) }, view, status);
  };

  app.get('/admin/strony/nowa', { config: admin }, async (request, reply) => pageForm(request, reply, null, { values: { position: '0' } }));

  const savePage = async (request: FastifyRequest, reply: FastifyReply, id: string | null, body: svc.FormValues) => {
    if (body.action === 'preview') return pageForm(request, reply, id, { values: body, preview: previewOf(body) });
    const saved = await submitForm(async () => {
      const savedId = id ?? (await svc.createPage(ctx, body, auditFromRequest(request)));
      if (id) await svc.updatePage(ctx, id, body, auditFromRequest(request));
      return savedId;
    }, refusals);
    if (!saved.ok) return pageForm(request, reply, id, { values: body, problems: saved.problems, preview: previewOf(body) }, saved.status);
    return go(request, reply, `/admin/strony/${saved.value}?ok=zapisano`);
  };

  app.post('/admin/strony/nowa', { config: admin, schema: { body: FormBody } }, async (request, reply) =>
    savePage(request, reply, null, request.body),
  );

  app.get('/admin/strony/:id', { config: admin, schema: { params: IdParams, querystring: OkQuery } }, async (request, reply) => {
    const page = await svc.pageForEdit(ctx, request.params.id);
    return pageForm(request, reply, page.id, { values: svc.pageFormValues(page), notice: okText(request, request.query.ok) });
  });

  app.post('/admin/strony/:id', { config: admin, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params;
    await svc.pageForEdit(ctx, id);
    return savePage(request, reply, id, request.body);
  });

  app.post('/admin/strony/:id/usun', { config: admin, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params;
    const deleted = await submitForm(() => svc.deletePage(ctx, id, auditFromRequest(request)), refusals);
    if (!deleted.ok) {
      const page = await svc.pageForEdit(ctx, id);
      return pageForm(request, reply, id, { values: svc.pageFormValues(page), problems: deleted.problems }, deleted.status);
    }
    return go(request, reply, '/admin/strony?ok=usunieto');
  });

  // --- admin: news -------------------------------------------------------------------------------

  const newsCrumbs = (request: FastifyRequest, last: string) =>
    crumbs(request, { label: request.t('news.adminTitle'), path: '/admin/aktualnosci' }, last);

  app.get('/admin/aktualnosci', { config: admin, schema: { querystring: OkQuery } }, async (request, reply) => {
    const page = request.query.strona ?? 1;
    const list = await svc.adminNewsList(ctx, page);
    return sendPage(
      request,
      reply,
      {
        title: request.t('news.adminTitle'),
        breadcrumbs: [{ label: request.t('accounts.admin'), path: '/admin' }, { label: request.t('news.adminTitle') }],
      },
      <v.NewsAdminView rows={list.items} page={Math.min(page, list.pages)} pages={list.pages} notice={okText(request, request.query.ok)} />,
    );
  });

  const newsForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string | null,
    state: Omit<v.EditState, 'csrf'>,
    status = 200,
  ) => {
    const item = id ? await svc.newsForEdit(ctx, id) : null;
    const title = id ? request.t('news.edit') : request.t('news.new');
    const view = (
      <v.NewsFormView
        state={{ ...state, csrf: reply.generateCsrf() }}
        id={id}
        slug={item?.slug ?? null}
        isPublic={item ? svc.isPublicNow(item, ctx.clock.now().toISOString()) : false}
      />
    );
    return sendPage(request, reply, { title, breadcrumbs: newsCrumbs(request, title) }, view, status);
  };

  /** The news form is multipart (its image): read after the access rule, up to the image limit. */
  const newsUpload = { config: admin, preValidation: readUpload({ fileSize: MAX_IMAGE_BYTES }) };

  app.get('/admin/aktualnosci/nowa', { config: admin }, async (request, reply) =>
    newsForm(request, reply, null, { values: { category: 'komunikaty' } }),
  );

  const saveNews = async (request: FastifyRequest, reply: FastifyReply, id: string | null) => {
    const body = textFields(request.body);
    const upload = uploadedFile(request, 'image');
    if (body.action === 'preview') {
      const problems = upload && upload.data.length > 0 ? [{ field: 'image', key: 'news.imageAgain', label: 'news.image' }] : [];
      return newsForm(request, reply, id, { values: body, preview: previewOf(body), problems });
    }
    const saved = await submitForm(async () => {
      const savedId = id ?? (await svc.createNews(ctx, body, upload, auditFromRequest(request)));
      if (id) await svc.updateNews(ctx, id, body, upload, auditFromRequest(request));
      return savedId;
    }, refusals);
    if (!saved.ok) return newsForm(request, reply, id, { values: body, problems: saved.problems, preview: previewOf(body) }, saved.status);
    return go(request, reply, `/admin/aktualnosci/${saved.value}?ok=zapisano`);
  };

  app.post('/admin/aktualnosci/nowa', newsUpload, async (request, reply) => saveNews(request, reply, null));

  app.get('/admin/aktualnosci/:id', { config: admin, schema: { params: IdParams, querystring: OkQuery } }, async (request, reply) => {
    const item = await svc.newsForEdit(ctx, request.params.id);
    return newsForm(request, reply, item.id, { values: svc.newsFormValues(item), notice: okText(request, request.query.ok) });
  });

  app.post('/admin/aktualnosci/:id', { ...newsUpload, schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    await svc.newsForEdit(ctx, id);
    return saveNews(request, reply, id);
  });

  app.post('/admin/aktualnosci/:id/usun', { config: admin, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    await svc.deleteNews(ctx, request.params.id, auditFromRequest(request));
    return go(request, reply, '/admin/aktualnosci?ok=usunieto');
  });

  // --- admin: versions (pages and news alike) ----------------------------------------------------

  const kinds: { type: VersionedType; base: string; section: 'pages.adminTitle' | 'news.adminTitle' }[] = [
    { type: 'page', base: '/admin/strony', section: 'pages.adminTitle' },
    { type: 'news', base: '/admin/aktualnosci', section: 'news.adminTitle' },
  ];

  for (const k of kinds) {
    const titleOf = async (id: string) =>
      k.type === 'page' ? (await svc.pageForEdit(ctx, id)).title_pl : (await svc.newsForEdit(ctx, id)).title_pl;
    const versionCrumbs = (request: FastifyRequest, id: string, title: string, last: string) => [
      { label: request.t('accounts.admin'), path: '/admin' },
      { label: request.t(k.section), path: k.base },
      { label: title, path: `${k.base}/${id}` },
      { label: last },
    ];

    const versionsPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      id: string,
      ok: string | undefined,
      problems: v.EditState['problems'] = [],
      status = 200,
    ) => {
      const title = await titleOf(id);
      const versions = await svc.versionsOf(ctx, k.type, id);
      const view = (
        <v.VersionsView
          type={k.type}
          id={id}
          title={title}
          versions={versions}
          csrf={reply.generateCsrf()}
          notice={okText(request, ok)}
          problems={problems}
        />
      );
      return sendPage(
        request,
        reply,
        { title: request.t('versions.titleOf', { title }), breadcrumbs: versionCrumbs(request, id, title, request.t('versions.title')) },
        view,
        status,
      );
    };

    app.get(`${k.base}/:id/wersje`, { config: admin, schema: { params: IdParams, querystring: OkQuery } }, async (request, reply) =>
      versionsPage(request, reply, request.params.id, request.query.ok),
    );

    app.get(
      `${k.base}/:id/wersje/porownaj`,
      {
        config: admin,
        schema: {
          params: IdParams,
          querystring: Type.Object({
            a: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
            b: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
          }),
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const q = request.query;
        const [a, b] = q.a <= q.b ? [q.a, q.b] : [q.b, q.a];
        const title = await titleOf(id);
        const diffs = await svc.compareVersions(ctx, k.type, id, a, b);
        const heading = request.t('versions.compareOf', { title, a, b });
        return sendPage(
          request,
          reply,
          { title: heading, breadcrumbs: versionCrumbs(request, id, title, request.t('versions.compare')) },
          <v.CompareView type={k.type} id={id} title={title} a={a} b={b} diffs={diffs} />,
        );
      },
    );

    app.post(
      `${k.base}/:id/wersje/:n/przywroc`,
      { config: admin, schema: { params: VersionParams, body: FormBody } },
      async (request, reply) => {
        const { id, n } = request.params;
        const restored = await submitForm(() => svc.restoreVersion(ctx, k.type, id, n, auditFromRequest(request)), refusals);
        if (!restored.ok) return versionsPage(request, reply, id, undefined, restored.problems, restored.status);
        return go(request, reply, `${k.base}/${id}/wersje?ok=przywrocono`);
      },
    );
  }
}
