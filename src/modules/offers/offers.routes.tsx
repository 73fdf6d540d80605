// Routes of the offers module. Public: the catalogue (URL facets), an offer's page, its photos, the
// enquiry form and its POST (rate limited per IP here and per e-mail in the service; honeypot; CSRF
// as everywhere). Representatives of the entity and staff: "my offers", an entity's offers, the
// offer form, photos (multipart, read only in their own scope). Staff: the enquiry counts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, type Problem } from '../../core/errors/app-error.js';
import { formBody, formBodyWithLists, formProblems, submitForm, textFields, type FormRefusals } from '../../core/http/forms.js';
import { localize } from '../../core/http/language.js';
import { sendPage } from '../../core/http/render.js';
import type { AppInstance } from '../../core/http/types.js';
import { readUpload, registerUploads, sendStored, STORED_FILE_METHODS, uploadedFile } from '../../core/http/uploads.js';
import type { ModuleContext } from '../../core/module.js';
import { renderMarkdown } from '../../core/text/markdown.js';
import { auditFromRequest } from '../audit/index.js';
import { entityFacts, LEGAL_FORMS, representedIds } from '../registry/index.js';
import { categoryCpvTable } from './offers.categories.js';
import { manageEntityOffers, manageOffer, mayManageEntityOffers, viewOfferStats } from './offers.policy.js';
import * as repo from './offers.repo.js';
import * as svc from './offers.service.js';
import * as v from './offers.views.js';
import { cpvLabels } from './cpv/cpv.service.js';

const Id = Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$' });
export const IdParams = Type.Object({ id: Id });
const EntityParams = Type.Object({ entity: Id });
const PhotoParams = Type.Object({ id: Id, photo: Id });
const CatalogueQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  kategoria: Type.Optional(Type.String({ maxLength: 60 })),
  powiat: Type.Optional(Type.String({ maxLength: 4 })),
  gmina: Type.Optional(Type.String({ maxLength: 7 })),
  forma: Type.Optional(Type.String({ maxLength: 60 })),
  status_ps: Type.Optional(Type.String({ maxLength: 1 })),
  znak: Type.Optional(Type.String({ maxLength: 1 })),
  strona: Type.Optional(Type.String({ maxLength: 6 })),
});
const NoticeQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) });
const EnquiryBody = formBody({ maxLength: 6000, maxProperties: 20 });
const OfferBody = formBodyWithLists({ maxLength: 12000, maxProperties: 30, maxItems: 200, maxItemLength: 7 });
const PostBody = formBody({ maxLength: 200, maxProperties: 5 });

export async function offersRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const refusals: FormRefusals = { errors: ctx.errors, codes: (code) => code.startsWith('offers.') && code !== 'offers.not_found' };
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const catalogueCrumb = (request: FastifyRequest) => ({ label: request.t('offers.title'), path: '/oferta' });
  const unitNames = async () => {
    const u = await svc.unitChoices(ctx);
    return new Map([...u.powiaty, ...u.gminy].map((x) => [x.teryt, x.name]));
  };

  // --- public ------------------------------------------------------------------------------------

  app.get('/oferta', { config: { access: 'public' }, schema: { querystring: CatalogueQuery } }, async (request, reply) => {
    const query = svc.parseCatalogueQuery(request.query);
    const [result, units] = await Promise.all([svc.searchCatalogue(ctx, query), svc.unitChoices(ctx)]);
    return sendPage(
      request,
      reply,
      { title: request.t('offers.title') },
      <v.CatalogueView query={query} result={result} units={units} legalForms={LEGAL_FORMS} />,
    );
  });

  app.get('/oferta/:id', { config: { access: 'public' }, schema: { params: IdParams } }, async (request, reply) => {
    const user = request.user;
    const card = await svc.offerForPage(ctx, request.params.id, (entityId) => user !== null && mayManageEntityOffers(user, entityId));
    if (card.isDraft) reply.header('cache-control', 'private, no-store');
    const recipients = card.isDraft ? [] : await svc.enquiryRecipients(ctx, card.entity);
    return sendPage(
      request,
      reply,
      { title: card.offer.title, breadcrumbs: [catalogueCrumb(request), { label: card.offer.title }] },
      <v.OfferView
        card={card}
        cpvLabels={await cpvLabels(ctx, card.cpvCodes)}
        descriptionHtml={renderMarkdown(card.offer.description)}
        unitNames={await unitNames()}
        canEnquire={recipients.length > 0}
        canManage={user !== null && mayManageEntityOffers(user, card.entity.id)}
        isDraft={card.isDraft}
      />,
    );
  });

  app.route({
    method: STORED_FILE_METHODS,
    url: '/oferta/zdjecie/:id',
    config: { access: 'public' },
    schema: { params: IdParams },
    handler: async (request, reply) => {
      const head = await repo.findPhoto(ctx.db, request.params.id);
      // a draft's photos are seen only by those who may manage it
      const visible = head && (head.is_published || (request.user !== null && mayManageEntityOffers(request.user, head.entity_id)));
      if (!head || !visible) throw new AppError('http.not_found');
      reply.header('x-content-type-options', 'nosniff');
      await sendStored(
        request,
        reply,
        {
          sha256: head.sha256,
          byteSize: head.byte_size,
          contentType: head.content_type,
          cacheControl: head.is_published ? 'public, max-age=3600' : 'private, no-store',
        },
        () => repo.photoBytes(ctx.db, head.id),
      );
      return reply;
    },
  });

  const enquiryPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Record<string, string>,
    problems: Problem[] = [],
    status = 200,
  ) => {
    const card = await svc.publicOffer(ctx, id);
    reply.header('cache-control', 'no-store');
    const crumbs = [
      catalogueCrumb(request),
      { label: card.offer.title, path: svc.offerPath(card.offer) },
      { label: request.t('offers.enquiry.title') },
    ];
    if ((await svc.enquiryRecipients(ctx, card.entity)).length === 0) {
      return sendPage(
        request,
        reply,
        { title: request.t('offers.enquiry.title'), breadcrumbs: crumbs, heading: true },
        <p>{request.t('offers.enquiry.unavailable')}</p>,
        409,
      );
    }
    return sendPage(
      request,
      reply,
      { title: request.t('offers.enquiry.title'), breadcrumbs: crumbs },
      <v.EnquiryFormView card={card} values={values} problems={problems} csrf={reply.generateCsrf()} />,
      status,
    );
  };

  app.get('/oferta/:id/zapytanie', { config: { access: 'public' }, schema: { params: IdParams } }, async (request, reply) =>
    enquiryPage(request, reply, request.params.id, {}),
  );

  app.post(
    '/oferta/:id/zapytanie',
    { config: { access: 'public', rateLimit: { max: 10, timeWindow: '10 minutes' } }, schema: { params: IdParams, body: EnquiryBody } },
    async (request, reply) => {
      const { id } = request.params;
      const sent = await submitForm(() => svc.sendEnquiry(ctx, id, request.body, request.lang), {
        errors: ctx.errors,
        codes: ['offers.no_recipient'],
      });
      if (!sent.ok) return enquiryPage(request, reply, id, request.body, sent.problems, sent.status);
      return go(request, reply, `/oferta/${id}/zapytanie/wyslano`);
    },
  );

  app.get('/oferta/:id/zapytanie/wyslano', { config: { access: 'public' }, schema: { params: IdParams } }, async (request, reply) => {
    const card = await svc.publicOffer(ctx, request.params.id);
    return sendPage(
      request,
      reply,
      {
        title: request.t('offers.enquiry.sentTitle'),
        breadcrumbs: [
          catalogueCrumb(request),
          { label: card.offer.title, path: svc.offerPath(card.offer) },
          { label: request.t('offers.enquiry.sentTitle') },
        ],
      },
      <v.EnquirySentView offer={card.offer} />,
    );
  });

  // --- representatives and staff -------------------------------------------------------------------

  app.get('/oferta/moje', { config: { access: 'authenticated' } }, async (request, reply) => {
    const facts = await entityFacts(ctx, representedIds(request.user!));
    const entities = [...facts.values()].filter((e) => e.isListed).sort((a, b) => a.name.localeCompare(b.name, 'pl'));
    return sendPage(
      request,
      reply,
      { title: request.t('offers.manage.mine'), breadcrumbs: [catalogueCrumb(request), { label: request.t('offers.manage.mine') }] },
      <v.MyEntitiesView entities={entities} />,
    );
  });

  const entityOf = async (id: string) => {
    const e = (await entityFacts(ctx, [id])).get(id);
    if (!e) throw new AppError('http.not_found');
    return e;
  };
  const manageCrumbs = (request: FastifyRequest, entity: { id: string; name: string }) => [
    catalogueCrumb(request),
    { label: request.t('offers.manage.mine'), path: '/oferta/moje' },
    { label: entity.name, path: `/oferta/podmiot/${entity.id}` },
  ];
  const notices: Record<
    string,
    'offers.manage.created' | 'offers.manage.saved' | 'offers.manage.deleted' | 'offers.photos.added' | 'offers.photos.removed'
  > = {
    dodano: 'offers.manage.created',
    zapisano: 'offers.manage.saved',
    usunieto: 'offers.manage.deleted',
    zdjecie: 'offers.photos.added',
    'bez-zdjecia': 'offers.photos.removed',
  };
  const noticeOf = (request: FastifyRequest, ok: string | undefined) => (ok && notices[ok] ? request.t(notices[ok]) : null);

  app.get(
    '/oferta/podmiot/:entity',
    { config: { access: manageEntityOffers }, schema: { params: EntityParams, querystring: NoticeQuery } },
    async (request, reply) => {
      const entity = await entityOf(request.params.entity);
      const offers = await svc.entityOffers(ctx, entity.id, false);
      return sendPage(
        request,
        reply,
        {
          title: request.t('offers.manage.entityTitle', { name: entity.name }),
          breadcrumbs: [...manageCrumbs(request, entity).slice(0, 2), { label: entity.name }],
        },
        <v.EntityOffersView entity={entity} offers={offers} notice={noticeOf(request, request.query.ok)} />,
      );
    },
  );

  const offerForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    o: { entityId: string; offerId: string | null },
    values: Record<string, string | string[] | undefined>,
    problems: Problem[] = [],
    status = 200,
    notice: string | null = null,
  ) => {
    const entity = await entityOf(o.entityId);
    const title = request.t(o.offerId ? 'offers.manage.editTitle' : 'offers.manage.newTitle');
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [...manageCrumbs(request, entity), { label: title }] },
      <v.OfferFormView
        title={title}
        action={o.offerId ? `/oferta/${o.offerId}/edycja` : `/oferta/podmiot/${entity.id}/nowa`}
        values={values}
        problems={problems}
        csrf={reply.generateCsrf()}
        units={await svc.unitChoices(ctx)}
        cpvTable={categoryCpvTable()}
        deleteAction={o.offerId ? `/oferta/${o.offerId}/usun` : null}
        notice={notice}
      />,
      status,
    );
  };

  app.get(
    '/oferta/podmiot/:entity/nowa',
    { config: { access: manageEntityOffers }, schema: { params: EntityParams } },
    async (request, reply) =>
      offerForm(
        request,
        reply,
        { entityId: request.params.entity, offerId: null },
        { kind: 'service', price_kind: 'on_request', area_scope: 'region' },
      ),
  );

  app.post(
    '/oferta/podmiot/:entity/nowa',
    { config: { access: manageEntityOffers }, schema: { params: EntityParams, body: OfferBody } },
    async (request, reply) => {
      const { entity } = request.params;
      const saved = await submitForm(() => svc.createOffer(ctx, entity, request.body, auditFromRequest(request)), refusals);
      if (!saved.ok) return offerForm(request, reply, { entityId: entity, offerId: null }, request.body, saved.problems, saved.status);
      return go(request, reply, `/oferta/${saved.value}/edycja?ok=dodano`);
    },
  );

  const manage = { access: manageOffer(ctx) };

  app.get('/oferta/:id/edycja', { config: manage, schema: { params: IdParams, querystring: NoticeQuery } }, async (request, reply) => {
    const o = await svc.getOffer(ctx, request.params.id);
    return offerForm(
      request,
      reply,
      { entityId: o.entity_id, offerId: o.id },
      await svc.formValuesOf(ctx, o),
      [],
      200,
      noticeOf(request, request.query.ok),
    );
  });

  app.post('/oferta/:id/edycja', { config: manage, schema: { params: IdParams, body: OfferBody } }, async (request, reply) => {
    const o = await svc.getOffer(ctx, request.params.id);
    const saved = await submitForm(() => svc.updateOffer(ctx, o.id, request.body, auditFromRequest(request)), refusals);
    if (!saved.ok) return offerForm(request, reply, { entityId: o.entity_id, offerId: o.id }, request.body, saved.problems, saved.status);
    return go(request, reply, `/oferta/${o.id}/edycja?ok=zapisano`);
  });

  app.post('/oferta/:id/usun', { config: manage, schema: { params: IdParams, body: PostBody } }, async (request, reply) => {
    const entityId = await svc.deleteOffer(ctx, request.params.id, auditFromRequest(request));
    return go(request, reply, `/oferta/podmiot/${entityId}?ok=usunieto`);
  });

  const photosPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    values: Record<string, string>,
    problems: Problem[] = [],
    status = 200,
    notice: string | null = null,
  ) => {
    const o = await svc.getOffer(ctx, id);
    const entity = await entityOf(o.entity_id);
    const title = request.t('offers.photos.title');
    return sendPage(
      request,
      reply,
      { title, breadcrumbs: [...manageCrumbs(request, entity), { label: o.title, path: `/oferta/${o.id}/edycja` }, { label: title }] },
      <v.PhotosView
        offer={o}
        photos={await repo.photosOf(ctx.db, [o.id])}
        problems={problems}
        csrf={reply.generateCsrf()}
        notice={notice}
        values={values}
      />,
      status,
    );
  };

  app.get('/oferta/:id/zdjecia', { config: manage, schema: { params: IdParams, querystring: NoticeQuery } }, async (request, reply) =>
    photosPage(request, reply, request.params.id, {}, [], 200, noticeOf(request, request.query.ok)),
  );

  app.post(
    '/oferta/:id/zdjecia/:photo/usun',
    { config: manage, schema: { params: PhotoParams, body: PostBody } },
    async (request, reply) => {
      await svc.removePhoto(ctx, request.params.id, request.params.photo, auditFromRequest(request));
      return go(request, reply, `/oferta/${request.params.id}/zdjecia?ok=bez-zdjecia`);
    },
  );

  await app.register(async (scope: AppInstance) => {
    await registerUploads(scope);
    scope.post(
      '/oferta/:id/zdjecia',
      // a little over the limit is read, so a file just too large is told so rather than cut silently
      {
        config: manage,
        preValidation: readUpload({ fileSize: svc.MAX_PHOTO_BYTES + 1, fields: 5, parts: 6 }),
        schema: { params: IdParams },
      },
      async (request, reply) => {
        const { id } = request.params;
        const fields = textFields(request.body);
        try {
          await svc.addPhoto(ctx, id, uploadedFile(request, 'photo'), fields, auditFromRequest(request));
        } catch (err) {
          const { problems, status } = formProblems(err, refusals);
          return photosPage(request, reply, id, fields, problems, status);
        }
        return go(request, reply, `/oferta/${id}/zdjecia?ok=zdjecie`);
      },
    );
  });

  app.get('/admin/oferta', { config: { access: viewOfferStats } }, async (request, reply) =>
    sendPage(request, reply, { title: request.t('offers.stats.title') }, <v.StatsView rows={await svc.enquiryStats(ctx)} />),
  );
}
