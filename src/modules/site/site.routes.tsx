// Routes of the site module: the home page (with the sections other modules contribute), the
// editors' page for the institution's data, office hours and closed days, the administrators' logo
// form on that page, and the logo itself at a stable public address.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { Type } from 'typebox';
import type { Problem } from '../../core/errors/app-error.js';
import { AppError } from '../../core/errors/app-error.js';
import { formBody, submitForm, textFields } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import { readUpload, registerUploads, sendStored, STORED_FILE_METHODS, uploadedFile } from '../../core/http/uploads.js';
import type { ModuleContext } from '../../core/module.js';
import type { TKey } from '../../i18n/index.js';
import { auditFromRequest } from '../audit/index.js';
import { homeSections } from './home-sections.js';
import { LOGO_PATH, MAX_LOGO_BYTES, removeLogo, setLogo, shownSize } from './logo.service.js';
import { logoBytes, findLogo } from './site.repo.js';
import { manageInstitution, manageLogo, mayManageLogo } from './site.policy.js';
import { getInstitution, institutionFormValues, updateInstitution } from './site.service.js';
import { HomeView, InstitutionFormView, type LogoForm } from './site.views.js';

const FormBody = formBody({ maxLength: 20_000, maxProperties: 60 });
const NOTICES: Record<string, TKey> = { '1': 'institution.saved', logo: 'institution.logo.saved', 'bez-logo': 'institution.logo.removed' };

export async function siteRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  // the most visited page: anonymous visitors may get a copy a few seconds old
  app.get('/', { config: { access: 'public', pageCache: true } }, async (request, reply) => {
    const rendered = await Promise.all(homeSections(ctx).map((s) => s.render(ctx, request)));
    const sections = rendered.filter((v): v is VNode => v !== null);
    return sendPage(request, reply, { title: request.t('home.title') }, <HomeView sections={sections} />);
  });

  /** The page of the institution's data; `values` are the data form's, `logoAlt` the logo form's. */
  const form = async (
    request: FastifyRequest,
    reply: FastifyReply,
    opts: { values?: Record<string, string>; logoAlt?: string; notice?: string | undefined; problems?: Problem[]; status?: number } = {},
  ) => {
    const institution = await getInstitution(ctx);
    // read past the header's cache: the administrator sees what was just stored
    const head = await findLogo(ctx.db);
    const logo: LogoForm = {
      current: head ? { src: `${LOGO_PATH}?v=${head.sha256.slice(0, 16)}`, alt: head.alt, ...shownSize(head.width, head.height) } : null,
      canManage: request.user !== null && mayManageLogo(request.user),
      alt: opts.logoAlt ?? head?.alt ?? institution.name,
    };
    const notice = opts.notice && NOTICES[opts.notice] ? request.t(NOTICES[opts.notice]!) : null;
    return sendPage(
      request,
      reply,
      {
        title: request.t('institution.title'),
        breadcrumbs: [{ label: request.t('accounts.admin'), path: '/admin' }, { label: request.t('institution.title') }],
      },
      <InstitutionFormView
        csrf={reply.generateCsrf()}
        values={opts.values ?? institutionFormValues(institution)}
        problems={opts.problems ?? []}
        notice={notice}
        logo={logo}
      />,
      opts.status ?? 200,
    );
  };
  const back = (request: FastifyRequest, reply: FastifyReply, ok: string) =>
    reply.redirect(localize(`/admin/kontakt?ok=${ok}`, request.lang), 303);

  app.get(
    '/admin/kontakt',
    { config: { access: manageInstitution }, schema: { querystring: Type.Object({ ok: Type.Optional(Type.String({ maxLength: 10 })) }) } },
    async (request, reply) => form(request, reply, { notice: request.query.ok }),
  );

  app.post('/admin/kontakt', { config: { access: manageInstitution }, schema: { body: FormBody } }, async (request, reply) => {
    const updated = await submitForm(() => updateInstitution(ctx, request.body, auditFromRequest(request)));
    if (!updated.ok) return form(request, reply, { values: request.body, problems: updated.problems, status: updated.status });
    return back(request, reply, '1');
  });

  app.post('/admin/kontakt/logo/usun', { config: { access: manageLogo }, schema: { body: FormBody } }, async (request, reply) => {
    await removeLogo(ctx, auditFromRequest(request));
    return back(request, reply, 'bez-logo');
  });

  await app.register(async (scope: AppInstance) => {
    await registerUploads(scope);
    scope.post(
      '/admin/kontakt/logo',
      // a little over the limit is read, so a file just too large is told so rather than cut silently
      { config: { access: manageLogo }, preValidation: readUpload({ fileSize: MAX_LOGO_BYTES + 1, fields: 4, parts: 5 }) },
      async (request, reply) => {
        const fields = textFields(request.body);
        const saved = await submitForm(() => setLogo(ctx, uploadedFile(request, 'logo'), fields, auditFromRequest(request)));
        if (!saved.ok) return form(request, reply, { logoAlt: fields.logo_alt ?? '', problems: saved.problems, status: saved.status });
        return back(request, reply, 'logo');
      },
    );
  });

  app.route({
    method: STORED_FILE_METHODS,
    url: LOGO_PATH,
    config: { access: 'public' },
    schema: { querystring: Type.Object({ v: Type.Optional(Type.String({ maxLength: 64 })) }) },
    handler: async (request, reply) => {
      const head = await findLogo(ctx.db);
      if (!head) throw new AppError('http.not_found');
      reply.header('x-content-type-options', 'nosniff');
      // the header asks for `?v=<hash>`: that address never changes its bytes; the plain one may
      const versioned = request.query.v === head.sha256.slice(0, 16);
      await sendStored(
        request,
        reply,
        {
          sha256: head.sha256,
          byteSize: head.byte_size,
          contentType: head.content_type,
          cacheControl: versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        },
        () => logoBytes(ctx.db),
      );
      return reply;
    },
  });
}
