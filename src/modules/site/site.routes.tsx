// Routes of the site module: the home page (with the sections other modules contribute) and the
// editors' page for the institution's data, office hours and closed days.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { Type } from 'typebox';
import type { Problem } from '../../core/errors/app-error.js';
import { formBody, submitForm, type FormFields } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { auditFromRequest } from '../audit/index.js';
import { homeSections } from './home-sections.js';
import { manageInstitution } from './site.policy.js';
import { getInstitution, institutionFormValues, updateInstitution } from './site.service.js';
import { HomeView, InstitutionFormView } from './site.views.js';

const FormBody = formBody({ maxLength: 20_000, maxProperties: 60 });

export async function siteRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  // the most visited page: anonymous visitors may get a copy a few seconds old
  app.get('/', { config: { access: 'public', pageCache: true } }, async (request, reply) => {
    const rendered = await Promise.all(homeSections(ctx).map((s) => s.render(ctx, request)));
    const sections = rendered.filter((v): v is VNode => v !== null);
    return sendPage(request, reply, { title: request.t('home.title') }, <HomeView sections={sections} />);
  });

  const form = (request: FastifyRequest, reply: FastifyReply, values: FormFields, saved: boolean, problems: Problem[] = [], status = 200) =>
    sendPage(
      request,
      reply,
      {
        title: request.t('institution.title'),
        breadcrumbs: [{ label: request.t('accounts.admin'), path: '/admin' }, { label: request.t('institution.title') }],
      },
      <InstitutionFormView csrf={reply.generateCsrf()} values={values} problems={problems} saved={saved} />,
      status,
    );

  app.get(
    '/admin/kontakt',
    { config: { access: manageInstitution }, schema: { querystring: Type.Object({ ok: Type.Optional(Type.String({ maxLength: 5 })) }) } },
    async (request, reply) => form(request, reply, institutionFormValues(await getInstitution(ctx)), request.query.ok === '1'),
  );

  app.post('/admin/kontakt', { config: { access: manageInstitution }, schema: { body: FormBody } }, async (request, reply) => {
    const updated = await submitForm(() => updateInstitution(ctx, request.body, auditFromRequest(request)));
    if (!updated.ok) return form(request, reply, request.body, false, updated.problems, updated.status);
    return reply.redirect(localize('/admin/kontakt?ok=1', request.lang), 303);
  });
}
