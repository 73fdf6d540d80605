// Site-wide routes of the portal: contact page and form, site search, the accessibility statement
// (public page and editors' form), the Atom feed, robots.txt and — registered last,
// as a wildcard that static routes of every module win over — the information pages by address.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, type Problem } from '../../core/errors/app-error.js';
import { submitForm } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import { renderMarkdown } from '../../core/text/markdown.js';
import { auditFromRequest } from '../audit/index.js';
import { getInstitution, hoursRows, officeCalendar, officeStatusLine, upcomingClosures } from '../site/index.js';
import { contactAvailable, sendContactMessage } from './contact.service.js';
import * as content from './content.service.js';
import * as v from './content.views.js';
import { atomFeed, FEED_PATH, robotsTxt } from './feeds.js';
import { FormBody, portalRefusals } from './portal.forms.js';
import { manageContent } from './portal.policy.js';
import * as pv from './public.views.js';
import { MAX_QUERY, siteSearch } from './search.service.js';
import { SLUG } from './slug.js';
import { statementFormValues, statementView, getStatement, STATEMENT_PATH, updateStatement } from './statement.service.js';

export async function publicRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const refusals = portalRefusals(ctx);

  // --- contact -----------------------------------------------------------------------------------

  /** The contact page; `sent` after the redirect that follows a sent message. */
  const contactPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    sent: boolean,
    values: Record<string, string> = {},
    problems: Problem[] = [],
    status = 200,
  ) => {
    const inst = await getInstitution(ctx);
    const info: pv.ContactInfo = {
      name: inst.name,
      addressLines: [inst.street, `${inst.postalCode} ${inst.city}`],
      phone: inst.phone,
      email: inst.email,
      epuap: inst.epuap,
      bipUrl: inst.bipUrl,
      location: inst.location,
      hours: hoursRows(inst.hours, request.lang),
      status: await officeStatusLine(ctx, request.lang, inst),
      closures: upcomingClosures(ctx.clock.now(), await officeCalendar(ctx, inst)),
    };
    const view = (
      <pv.ContactView
        info={info}
        csrf={reply.generateCsrf()}
        values={values}
        problems={problems}
        sent={sent && status === 200}
        available={inst.email !== null}
      />
    );
    return sendPage(request, reply, { title: request.t('contact.title') }, view, status);
  };

  app.get(
    '/kontakt',
    { config: { access: 'public' }, schema: { querystring: Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) }) } },
    async (request, reply) => contactPage(request, reply, request.query.ok === 'wyslano'),
  );

  app.post(
    '/kontakt',
    { config: { access: 'public', rateLimit: { max: 5, timeWindow: '10 minutes' } }, schema: { body: FormBody } },
    async (request, reply) => {
      if (!(await contactAvailable(ctx))) throw new AppError('portal.contact_unavailable');
      const sent = await submitForm(() => sendContactMessage(ctx, request.body), refusals);
      if (!sent.ok) return contactPage(request, reply, false, request.body, sent.problems, sent.status);
      return go(request, reply, '/kontakt?ok=wyslano#contact-form-title');
    },
  );

  // --- search ------------------------------------------------------------------------------------

  app.get(
    '/szukaj',
    { config: { access: 'public' }, schema: { querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: MAX_QUERY })) }) } },
    async (request, reply) => {
      const { q } = request.query;
      const results = q === undefined || q.trim() === '' ? null : await siteSearch(ctx, q, request.lang);
      return sendPage(
        request,
        reply,
        { title: results ? request.t('search.titleFor', { query: results.query }) : request.t('search.title') },
        <pv.SearchView results={results} />,
      );
    },
  );

  // --- accessibility statement -------------------------------------------------------------------

  app.get(STATEMENT_PATH, { config: { access: 'public' } }, async (request, reply) =>
    sendPage(request, reply, { title: request.t('statement.title') }, <pv.StatementPage s={await statementView(ctx)} />),
  );

  /** The statement's form; `saved` after the redirect that follows a save. */
  const statementForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    saved: boolean,
    values?: Record<string, string>,
    problems: Problem[] = [],
    status = 200,
  ) =>
    sendPage(
      request,
      reply,
      {
        title: request.t('statement.edit'),
        breadcrumbs: [{ label: request.t('accounts.admin'), path: '/admin' }, { label: request.t('statement.edit') }],
      },
      <pv.StatementFormView
        csrf={reply.generateCsrf()}
        values={values ?? statementFormValues(await getStatement(ctx))}
        problems={problems}
        saved={saved && status === 200}
      />,
      status,
    );

  app.get(
    '/admin/deklaracja-dostepnosci',
    { config: { access: manageContent }, schema: { querystring: Type.Object({ ok: Type.Optional(Type.String({ maxLength: 5 })) }) } },
    async (request, reply) => statementForm(request, reply, request.query.ok === '1'),
  );

  app.post('/admin/deklaracja-dostepnosci', { config: { access: manageContent }, schema: { body: FormBody } }, async (request, reply) => {
    const saved = await submitForm(() => updateStatement(ctx, request.body, auditFromRequest(request)), refusals);
    if (!saved.ok) return statementForm(request, reply, false, request.body, saved.problems, saved.status);
    return go(request, reply, '/admin/deklaracja-dostepnosci?ok=1');
  });

  // --- feeds -------------------------------------------------------------------------------------

  app.get(FEED_PATH, { config: { access: 'public' } }, async (request, reply) => {
    const inst = await getInstitution(ctx);
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(await atomFeed(ctx, request.lang, inst.name));
  });

  app.get('/robots.txt', { config: { access: 'public' } }, async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').send(robotsTxt(ctx)),
  );

  // --- information pages -------------------------------------------------------------------------

  app.get(
    '/*',
    { config: { access: 'public' }, schema: { params: Type.Object({ '*': Type.Optional(Type.String()) }) } },
    async (request, reply) => {
      const raw = (request.params['*'] ?? '').replace(/\/+$/, '');
      const segments = raw.split('/');
      if (raw === '' || segments.length > 10 || !segments.every((s) => SLUG.test(s))) throw new AppError('http.not_found');
      const { page, ancestors, root, menu } = await content.publicPage(ctx, raw, request.lang);
      const en = request.lang === 'en' && page.title_en !== null && page.body_en !== null;
      const pick = (p: { title_pl: string; title_en: string | null }) => (request.lang === 'en' && p.title_en ? p.title_en : p.title_pl);
      const title = en ? page.title_en! : page.title_pl;
      const crumbs = [...ancestors.map((a) => ({ label: pick(a), path: `/${a.path}` })), { label: title }];
      const view = (
        <v.PageView
          id={page.id}
          title={title}
          html={renderMarkdown(en ? page.body_en! : page.body_pl)}
          fallback={request.lang === 'en' && !en}
          rootTitle={pick(root)}
          rootPath={root.path}
          rootFallback={request.lang === 'en' && !root.title_en}
          menu={root.id === page.id && menu.length === 0 ? [] : menu}
        />
      );
      return sendPage(request, reply, { title, breadcrumbs: crumbs }, view);
    },
  );
}
