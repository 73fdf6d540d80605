// Routes of the purchase share. Public: `/oferta/zakupy` (aggregates per powiat and year). A buyer's
// representatives and staff: the buyer's share for a year with exports, and the upload with its dry
// run (`purchases.buyer`: the role scoped to the `:buyer` of the address). Staff: buyer institutions
// and their representatives (`purchases.manage`). Thin: validate, call the service, render or redirect.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Problem } from '../../../core/errors/app-error.js';
import { formBody, formProblems, submitForm, textFields } from '../../../core/http/forms.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import { contentDisposition, readUpload, registerUploads, uploadedFile } from '../../../core/http/uploads.js';
import type { ModuleContext } from '../../../core/module.js';
import { warsawYear } from '../../../core/time/index.js';
import { auditFromRequest } from '../../audit/index.js';
import { isOffersStaff } from '../offers.policy.js';
import { unitChoices } from '../offers.service.js';
import { EXPORT_FORMATS, MEDIA_TYPES, shareFile, shareFileName, type ExportFormat } from './purchases.export.js';
import { MAX_PURCHASE_BYTES } from './purchases.import.js';
import { managePurchaseBuyers, representedBuyerIds, viewBuyerPurchases } from './purchases.policy.js';
import * as svc from './purchases.service.js';
import * as v from './purchases.views.js';

const Id = Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$' });
const BuyerParams = Type.Object({ buyer: Id });
const ExportParams = Type.Object({
  buyer: Id,
  year: Type.String({ pattern: '^\\d{4}$' }),
  format: Type.Union(EXPORT_FORMATS.map((f) => Type.Literal(f))),
});
const YearQuery = Type.Object({ rok: Type.Optional(Type.String({ maxLength: 4 })), ok: Type.Optional(Type.String({ maxLength: 20 })) });
const OkQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) });
const BuyerBody = formBody({ maxLength: 400, maxProperties: 8 });

const NOTICES = {
  zapisano: 'purchases.notices.saved',
  dodano: 'purchases.notices.repAdded',
  usunieto: 'purchases.notices.repRemoved',
} as const;

export async function purchasesRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const noticeOf = (request: FastifyRequest, ok: string | undefined) =>
    ok !== undefined && ok in NOTICES ? request.t(NOTICES[ok as keyof typeof NOTICES]) : null;
  const crumbs = (request: FastifyRequest) => [
    { label: request.t('offers.title'), path: '/oferta' },
    { label: request.t('purchases.title'), path: '/oferta/zakupy' },
  ];
  const adminCrumbs = (request: FastifyRequest) => [
    { label: request.t('accounts.admin'), path: '/admin' },
    { label: request.t('purchases.admin.title'), path: '/admin/oferta/zakupy' },
  ];
  const powiaty = async () => (await unitChoices(ctx)).powiaty;

  app.get('/oferta/zakupy', { config: { access: 'public' } }, async (request, reply) => {
    const user = request.user;
    return sendPage(
      request,
      reply,
      { title: request.t('purchases.title'), breadcrumbs: [crumbs(request)[0]!, { label: request.t('purchases.title') }] },
      <v.PurchasesPublicView
        cells={await svc.publicAggregates(ctx)}
        powiatNames={new Map((await powiaty()).map((p) => [p.teryt, p.name]))}
        mine={user ? await svc.buyersOf(ctx, representedBuyerIds(user)) : []}
        staff={user !== null && isOffersStaff(user)}
      />,
    );
  });

  app.get(
    '/oferta/zakupy/:buyer',
    { config: { access: viewBuyerPurchases }, schema: { params: BuyerParams, querystring: YearQuery } },
    async (request, reply) => {
      const buyer = await svc.getBuyer(ctx, request.params.buyer);
      const years = (await svc.filesOf(ctx, buyer.id)).map((f) => Number(f.year));
      const asked = Number(request.query.rok);
      const year = years.includes(asked) ? asked : years[0];
      reply.header('cache-control', 'private, no-store');
      return sendPage(
        request,
        reply,
        { title: buyer.name, breadcrumbs: [...crumbs(request), { label: buyer.name }] },
        <v.BuyerView
          buyer={buyer}
          years={years}
          share={year === undefined ? null : await svc.buyerShare(ctx, buyer.id, year)}
          notice={noticeOf(request, request.query.ok)}
        />,
      );
    },
  );

  app.get(
    '/oferta/zakupy/:buyer/eksport/:year/:format',
    { config: { access: viewBuyerPurchases }, schema: { params: ExportParams } },
    async (request, reply) => {
      const buyer = await svc.getBuyer(ctx, request.params.buyer);
      const share = await svc.buyerShare(ctx, buyer.id, Number(request.params.year));
      if (!share) return reply.callNotFound();
      const format: ExportFormat = request.params.format;
      const bytes = await shareFile(buyer, share, format, request.lang);
      return reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', contentDisposition(shareFileName(buyer, share.year, format)))
        .type(MEDIA_TYPES[format])
        .send(bytes);
    },
  );

  await app.register(async (scope: AppInstance) => {
    await registerUploads(scope);
    const importPage = async (
      request: FastifyRequest,
      reply: FastifyReply,
      buyerId: string,
      result: svc.ImportResult | null,
      year: string,
      problems: Problem[] = [],
      status = 200,
    ) => {
      const buyer = await svc.getBuyer(ctx, buyerId);
      reply.header('cache-control', 'private, no-store');
      return sendPage(
        request,
        reply,
        {
          title: request.t('purchases.import.title'),
          breadcrumbs: [
            ...crumbs(request),
            { label: buyer.name, path: svc.buyerPath(buyer) },
            { label: request.t('purchases.import.title') },
          ],
        },
        <v.ImportView buyer={buyer} csrf={reply.generateCsrf()} problems={problems} result={result} year={year} />,
        status,
      );
    };
    scope.get(
      '/oferta/zakupy/:buyer/import',
      { config: { access: viewBuyerPurchases }, schema: { params: BuyerParams } },
      async (request, reply) => importPage(request, reply, request.params.buyer, null, String(warsawYear(ctx.clock) - 1)),
    );
    scope.post(
      '/oferta/zakupy/:buyer/import',
      {
        config: { access: viewBuyerPurchases },
        schema: { params: BuyerParams },
        preValidation: readUpload({ fileSize: MAX_PURCHASE_BYTES, files: 1, fields: 5, fieldSize: 1000, parts: 6, headerPairs: 50 }),
      },
      async (request, reply) => {
        const fields = textFields(request.body);
        const actor = { ...auditFromRequest(request), actorId: request.user!.id };
        try {
          const result = await svc.importPurchases(ctx, request.params.buyer, uploadedFile(request, 'file'), fields, actor);
          const refused = result.fileProblems.length > 0 || result.badRows.length > 0;
          return importPage(request, reply, request.params.buyer, result, fields.year ?? '', [], refused ? 400 : 200);
        } catch (err) {
          const { problems, status } = formProblems(err);
          return importPage(request, reply, request.params.buyer, null, fields.year ?? '', problems, status);
        }
      },
    );
  });

  // --- staff: buyer institutions and their representatives ---------------------------------------

  const buyersPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    problems: Problem[] = [],
    status = 200,
  ) =>
    sendPage(
      request,
      reply,
      { title: request.t('purchases.admin.title'), breadcrumbs: [adminCrumbs(request)[0]!, { label: request.t('purchases.admin.title') }] },
      <v.AdminBuyersView
        buyers={await svc.listBuyers(ctx)}
        powiaty={await powiaty()}
        csrf={reply.generateCsrf()}
        values={values}
        problems={problems}
      />,
      status,
    );

  app.get('/admin/oferta/zakupy', { config: { access: managePurchaseBuyers } }, async (request, reply) => buyersPage(request, reply, {}));

  app.post('/admin/oferta/zakupy', { config: { access: managePurchaseBuyers }, schema: { body: BuyerBody } }, async (request, reply) => {
    const saved = await submitForm(() => svc.createBuyer(ctx, request.body, auditFromRequest(request)));
    if (!saved.ok) return buyersPage(request, reply, request.body, saved.problems, saved.status);
    return go(request, reply, `/admin/oferta/zakupy/${saved.value}?ok=zapisano`);
  });

  const buyerPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    notice: string | null,
    values?: Record<string, string>,
    problems: Problem[] = [],
    status = 200,
  ) => {
    const buyer = await svc.getBuyer(ctx, id);
    return sendPage(
      request,
      reply,
      { title: buyer.name, breadcrumbs: [...adminCrumbs(request), { label: buyer.name }] },
      <v.AdminBuyerView
        buyer={buyer}
        powiaty={await powiaty()}
        representatives={await svc.representativesOf(ctx, buyer.id)}
        people={await svc.peopleChoices(ctx)}
        csrf={reply.generateCsrf()}
        values={values ?? { name: buyer.name, powiat: buyer.powiat, nip: buyer.nip ?? '' }}
        problems={problems}
        notice={notice}
      />,
      status,
    );
  };

  app.get(
    '/admin/oferta/zakupy/:buyer',
    { config: { access: managePurchaseBuyers }, schema: { params: BuyerParams, querystring: OkQuery } },
    async (request, reply) => buyerPage(request, reply, request.params.buyer, noticeOf(request, request.query.ok)),
  );

  app.post(
    '/admin/oferta/zakupy/:buyer',
    { config: { access: managePurchaseBuyers }, schema: { params: BuyerParams, body: BuyerBody } },
    async (request, reply) => {
      const saved = await submitForm(() => svc.updateBuyer(ctx, request.params.buyer, request.body, auditFromRequest(request)));
      if (!saved.ok) return buyerPage(request, reply, request.params.buyer, null, request.body, saved.problems, saved.status);
      return go(request, reply, `/admin/oferta/zakupy/${request.params.buyer}?ok=zapisano`);
    },
  );

  app.post(
    '/admin/oferta/zakupy/:buyer/przedstawiciele',
    { config: { access: managePurchaseBuyers }, schema: { params: BuyerParams, body: BuyerBody } },
    async (request, reply) => {
      const saved = await submitForm(() => svc.addRepresentative(ctx, request.params.buyer, request.body, auditFromRequest(request)));
      if (!saved.ok) return buyerPage(request, reply, request.params.buyer, null, undefined, saved.problems, saved.status);
      return go(request, reply, `/admin/oferta/zakupy/${request.params.buyer}?ok=dodano`);
    },
  );

  app.post(
    '/admin/oferta/zakupy/:buyer/przedstawiciele/usun',
    { config: { access: managePurchaseBuyers }, schema: { params: BuyerParams, body: BuyerBody } },
    async (request, reply) => {
      await svc.removeRepresentative(ctx, request.params.buyer, request.body.user_id ?? '', auditFromRequest(request));
      return go(request, reply, `/admin/oferta/zakupy/${request.params.buyer}?ok=usunieto`);
    },
  );
}
