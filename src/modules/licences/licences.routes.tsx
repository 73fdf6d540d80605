// Routes of the licences module. Public: `/zakup-prospoleczny` (rules and valid licences, searched),
// a licence's page and its certificate (tagged PDF with the QR code of its verification address).
// Staff: all licences with the grant form, and one licence's renewal, suspension and withdrawal
// (CSRF as every form, audit log in the service).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Problem } from '../../core/errors/app-error.js';
import { formBody, submitForm, type FormRefusals } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import { contentDisposition } from '../../core/http/uploads.js';
import type { ModuleContext } from '../../core/module.js';
import { auditFromRequest } from '../audit/index.js';
import { verifiablePdf } from '../verification/index.js';
import { certificateDocument } from './licences.certificate.js';
import { renderDocx, renderPdf } from '../../core/export/index.js';
import { agreementDocument } from './licences.agreement.js';
import { currentEdition, isBoardMember } from './applications/applications.service.js';
import { agreementPolicy, isLicencesStaff, manageLicences, mayReadAgreement } from './licences.policy.js';
import * as svc from './licences.service.js';
import * as v from './licences.views.js';

const NumberParams = Type.Object({ number: Type.String({ pattern: '^[A-Za-z0-9-]{1,40}$' }) });
const IdParams = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9-]{1,80}$' }) });
const SearchQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })) });
const Body = formBody({ maxLength: 2000, maxProperties: 10 });

export async function licencesRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const refusals: FormRefusals = { errors: ctx.errors, codes: (code) => code.startsWith('licences.') && code !== 'licences.not_found' };
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const publicCrumb = (request: FastifyRequest) => ({ label: request.t('licences.title'), path: '/zakup-prospoleczny' });
  const adminCrumbs = (request: FastifyRequest) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    { label: request.t('licences.admin.title'), path: '/admin/zakup-prospoleczny' },
  ];
  const isStaff = (request: FastifyRequest) => request.user !== null && isLicencesStaff(request.user);

  app.get('/zakup-prospoleczny', { config: { access: 'public' }, schema: { querystring: SearchQuery } }, async (request, reply) => {
    const q = request.query.q ?? '';
    const items = await svc.licencesWithState(ctx, { onlyValid: true, q });
    const user = request.user;
    const links = {
      apply: user !== null && user.roles.some((r) => r.role === 'entity_representative'),
      board: user !== null && (await isBoardMember(ctx, user.id)),
    };
    return sendPage(
      request,
      reply,
      { title: request.t('licences.title') },
      <v.PublicView items={items} q={q} edition={await currentEdition(ctx)} links={links} />,
    );
  });

  app.get('/zakup-prospoleczny/:number', { config: { access: 'public' }, schema: { params: NumberParams } }, async (request, reply) => {
    const item = await svc.licenceByNumber(ctx, request.params.number);
    const title = request.t('licences.licenceTitle', { number: item.licence.number });
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [publicCrumb(request), { label: item.licence.number }] },
      <v.LicenceView
        item={item}
        canManage={isStaff(request)}
        renewal={await svc.renewalNumbers(ctx, item.licence)}
        canAgreement={request.user !== null && (await mayReadAgreement(ctx, request.user, item.licence.number))}
        offer={
          item.licence.offer_id === null
            ? undefined
            : (await svc.offerChoices(ctx, item.licence.entity_id)).find((o) => o.id === item.licence.offer_id)
        }
      />,
    );
  });

  app.get(
    '/zakup-prospoleczny/:number/certyfikat.pdf',
    { config: { access: 'public' }, schema: { params: NumberParams } },
    async (request, reply) => {
      const item = await svc.licenceByNumber(ctx, request.params.number);
      const base = ctx.config.publicUrl.replace(/\/$/, '');
      const url = `${base}${svc.licenceVerificationPath(item.licence.number)}`;
      const t = request.t;
      const bytes = await verifiablePdf(certificateDocument(item, request.lang, t), url, {
        qrAlt: t('licences.pdf.qrAlt', { url }),
        qrCaption: t('licences.pdf.qrCaption'),
      });
      return reply
        .header('content-disposition', contentDisposition(`${item.licence.number}.pdf`, 'inline'))
        .header('cache-control', 'no-store')
        .type('application/pdf')
        .send(bytes);
    },
  );

  // the licence agreement: staff and the holder's representatives
  const agreement = async (request: FastifyRequest, number: string) => {
    const item = await svc.licenceByNumber(ctx, number);
    const extra = await svc.agreementFacts(ctx, item.licence);
    return agreementDocument(item, extra, request.lang, request.t);
  };
  app.get(
    '/zakup-prospoleczny/:number/umowa.docx',
    { config: { access: agreementPolicy(ctx) }, schema: { params: NumberParams } },
    async (request, reply) => {
      const bytes = await renderDocx(await agreement(request, request.params.number));
      return reply
        .header('content-disposition', contentDisposition(`umowa-${request.params.number.toUpperCase()}.docx`))
        .header('cache-control', 'no-store')
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .send(bytes);
    },
  );
  app.get(
    '/zakup-prospoleczny/:number/umowa.pdf',
    { config: { access: agreementPolicy(ctx) }, schema: { params: NumberParams } },
    async (request, reply) => {
      const bytes = await renderPdf(await agreement(request, request.params.number));
      return reply
        .header('content-disposition', contentDisposition(`umowa-${request.params.number.toUpperCase()}.pdf`))
        .header('cache-control', 'no-store')
        .type('application/pdf')
        .send(bytes);
    },
  );

  // --- staff ------------------------------------------------------------------------------------

  const adminList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    problems: Problem[],
    status = 200,
  ) =>
    sendPage(
      request,
      reply,
      { title: request.t('licences.admin.title'), breadcrumbs: adminCrumbs(request) },
      <v.AdminListView items={await svc.licencesWithState(ctx)} values={values} problems={problems} />,
      status,
    );

  app.get('/admin/zakup-prospoleczny', { config: { access: manageLicences } }, async (request, reply) => adminList(request, reply, {}, []));

  app.post('/admin/zakup-prospoleczny', { config: { access: manageLicences }, schema: { body: Body } }, async (request, reply) => {
    const done = await submitForm(() => svc.grantFromForm(ctx, auditFromRequest(request), request.body), refusals);
    if (!done.ok) return adminList(request, reply, request.body, done.problems, done.status);
    return go(request, reply, svc.licencePath(done.value));
  });

  const adminLicence = async (request: FastifyRequest, reply: FastifyReply, id: string, problems: Problem[], status = 200) => {
    const all = await svc.licencesWithState(ctx);
    const item = all.find((x) => x.licence.id === id);
    if (!item) return svc.licenceByNumber(ctx, ''); // throws licences.not_found
    return sendPage(
      request,
      reply,
      {
        title: request.t('licences.licenceTitle', { number: item.licence.number }),
        breadcrumbs: [...adminCrumbs(request), { label: item.licence.number }],
      },
      <v.AdminLicenceView item={item} problems={problems} offers={await svc.offerChoices(ctx, item.licence.entity_id)} />,
      status,
    );
  };

  app.get('/admin/zakup-prospoleczny/:id', { config: { access: manageLicences }, schema: { params: IdParams } }, async (request, reply) =>
    adminLicence(request, reply, request.params.id, []),
  );

  const action = (path: string, run: (id: string, body: Record<string, string>, request: FastifyRequest) => Promise<unknown>) =>
    app.post(
      `/admin/zakup-prospoleczny/:id/${path}`,
      { config: { access: manageLicences }, schema: { params: IdParams, body: Body } },
      async (request, reply) => {
        const done = await submitForm(() => run(request.params.id, request.body, request), refusals);
        if (!done.ok) return adminLicence(request, reply, request.params.id, done.problems, done.status);
        return go(request, reply, `/admin/zakup-prospoleczny/${request.params.id}`);
      },
    );
  action('odnow', (id, _body, request) => svc.renewLicence(ctx, auditFromRequest(request), id));
  action('zawies', (id, body, request) => svc.suspendFromForm(ctx, auditFromRequest(request), id, body));
  action('oferta', (id, body, request) => svc.linkOffer(ctx, auditFromRequest(request), id, body.offer ?? ''));
  action('cofnij', (id, body, request) => svc.withdrawFromForm(ctx, auditFromRequest(request), id, body));
}
