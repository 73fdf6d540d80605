// Routes of "Moje podmioty". Every page under `/moje-podmioty/:id` is guarded by the
// representEntity policy (a role scoped to that very entity), so a representative of entity X
// gets 403 for entity Y whatever they type. Thin: read the form, call the service, render.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, type Problem } from '../../../core/errors/app-error.js';
import { formBody, submitForm, type FormFields } from '../../../core/http/forms.js';
import { localize } from '../../../core/http/language.js';
import { sendPage } from '../../../core/http/render.js';
import type { AppInstance } from '../../../core/http/types.js';
import type { ModuleContext } from '../../../core/module.js';
import { warsawYear } from '../../../core/time/index.js';
import type { TKey } from '../../../i18n/index.js';
import { auditFromRequest } from '../../audit/index.js';
import { gminaChoices } from '../../territory/index.js';
import * as repo from './claims.repo.js';
import type { ProposalKind } from './claims.tables.js';
import { formatFte } from '../entity/employment.js';
import { representEntity } from './representative.policy.js';
import * as svc from './representative.service.js';
import * as v from './representative.views.js';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const ProposalParams = Type.Object({ id: Type.String({ maxLength: 64 }), kind: Type.String({ maxLength: 40 }) });
const FormBody = formBody({ maxLength: 10000, maxProperties: 200 });
const OkQuery = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 20 })) });

export async function representativeRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const go = (request: FastifyRequest, reply: FastifyReply, path: string) => reply.redirect(localize(path, request.lang), 303);
  const own = { access: representEntity };
  const mineCrumb = (request: FastifyRequest) => ({ label: request.t('claims.mine.title'), path: '/moje-podmioty' });

  app.get('/moje-podmioty', { config: { access: 'authenticated' } }, async (request, reply) => {
    const rows = await svc.myEntities(ctx, request.user!);
    return sendPage(request, reply, { title: request.t('claims.mine.title') }, <v.MyEntitiesView rows={rows} />);
  });

  interface PageState {
    /** The notice after a redirect (`?ok=`). */
    ok?: string;
    profileValues?: FormFields;
    profileProblems?: Problem[];
    placeValues?: FormFields;
    placeProblems?: Problem[];
    status?: number;
  }

  const profilePage = async (request: FastifyRequest, reply: FastifyReply, id: string, state: PageState = {}) => {
    const e = await svc.representedEntity(ctx, id);
    const [places, proposals, gminy] = await Promise.all([repo.listPlaces(ctx.db, id), svc.proposalsOfEntity(ctx, id), gminaChoices(ctx)]);
    const { ok } = state;
    const notices: Record<string, TKey> = {
      zapisano: 'claims.profile.saved',
      bez_zmian: 'claims.profile.unchanged',
      miejsca: 'claims.places.saved',
      propozycja: 'claims.profile.proposalSent',
    };
    const notice = ok && notices[ok] && !state.status ? request.t(notices[ok]!) : null;
    return sendPage(
      request,
      reply,
      { title: request.t('claims.profile.title', { name: e.name }), breadcrumbs: [mineCrumb(request), { label: e.name }] },
      <v.ProfileView
        entity={e}
        csrf={reply.generateCsrf()}
        profileValues={state.profileValues ?? svc.profileValues(e)}
        profileProblems={state.profileProblems ?? []}
        places={places}
        gminy={gminy}
        placeValues={state.placeValues ?? null}
        placeProblems={state.placeProblems ?? []}
        proposals={proposals}
        notice={notice}
      />,
      state.status ?? 200,
    );
  };

  app.get('/moje-podmioty/:id', { config: own, schema: { params: IdParams, querystring: OkQuery } }, async (request, reply) =>
    profilePage(request, reply, request.params.id, { ok: request.query.ok }),
  );

  app.post('/moje-podmioty/:id', { config: own, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params;
    await svc.representedEntity(ctx, id);
    const changed = await submitForm(() => svc.updateProfile(ctx, id, svc.checkProfileForm(request.body), auditFromRequest(request)));
    if (!changed.ok)
      return profilePage(request, reply, id, { profileValues: request.body, profileProblems: changed.problems, status: changed.status });
    return go(request, reply, `/moje-podmioty/${id}?ok=${changed.value ? 'zapisano' : 'bez_zmian'}`);
  });

  app.post('/moje-podmioty/:id/miejsca', { config: own, schema: { params: IdParams, body: FormBody } }, async (request, reply) => {
    const { id } = request.params;
    await svc.representedEntity(ctx, id);
    const existing = (await repo.listPlaces(ctx.db, id)).map((p) => p.id);
    const changed = await submitForm(async () =>
      svc.savePlaces(ctx, id, await svc.checkPlacesForm(ctx, request.body, existing, request.lang), auditFromRequest(request)),
    );
    if (!changed.ok)
      return profilePage(request, reply, id, { placeValues: request.body, placeProblems: changed.problems, status: changed.status });
    return go(request, reply, `/moje-podmioty/${id}?ok=${changed.value ? 'miejsca' : 'bez_zmian'}#places-title`);
  });

  // --- proposals ---------------------------------------------------------------------------------

  const kindOf = (slug: string): ProposalKind => {
    const kind = svc.kindOfSlug(slug);
    if (!kind) throw new AppError('http.not_found');
    return kind;
  };

  const proposalPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    kind: ProposalKind,
    values: FormFields = {},
    problems: Problem[] = [],
    status = 200,
  ) => {
    const e = await svc.representedEntity(ctx, id);
    const t = request.t;
    const current: { label: TKey; value: string | null }[] =
      kind === 'identifiers'
        ? [
            { label: 'registry.field.nip', value: e.nip },
            { label: 'registry.field.regon', value: e.regon },
            { label: 'registry.field.krs', value: e.krs },
          ]
        : kind === 'legal_form'
          ? [
              { label: 'registry.field.legalForm', value: t(`registry.legalForm.${e.legal_form}` as TKey) },
              { label: 'claims.proposal.creatingBody', value: e.creating_body },
            ]
          : [];
    if (kind === 'employment') {
      const year = warsawYear(ctx.clock) - 1;
      const last = await repo.findEmployment(ctx.db, id, year);
      if (last)
        current.push(
          { label: 'claims.proposal.year', value: String(year) },
          { label: 'claims.proposal.employees', value: String(last.employees) },
          { label: 'claims.proposal.fte', value: formatFte(last.fte_hundredths) },
        );
    }
    const initial = Object.keys(values).length
      ? values
      : kind === 'identifiers'
        ? { nip: e.nip ?? '', regon: e.regon ?? '', krs: e.krs ?? '' }
        : kind === 'legal_form'
          ? { legal_form: e.legal_form, creating_body: e.creating_body ?? '' }
          : {};
    const kindLabel = t(`claims.kinds.${kind}` as TKey);
    return sendPage(
      request,
      reply,
      {
        title: t('claims.proposal.title', { kind: kindLabel }),
        breadcrumbs: [mineCrumb(request), { label: e.name, path: `/moje-podmioty/${id}` }, { label: kindLabel }],
      },
      <v.ProposalFormView entity={e} kind={kind} csrf={reply.generateCsrf()} values={initial} problems={problems} current={current} />,
      status,
    );
  };

  app.get('/moje-podmioty/:id/propozycja/:kind', { config: own, schema: { params: ProposalParams } }, async (request, reply) => {
    const p = request.params;
    return proposalPage(request, reply, p.id, kindOf(p.kind));
  });

  app.post(
    '/moje-podmioty/:id/propozycja/:kind',
    { config: own, schema: { params: ProposalParams, body: FormBody } },
    async (request, reply) => {
      const p = request.params;
      const kind = kindOf(p.kind);
      const user = request.user!;
      const sent = await submitForm(() =>
        svc.submitProposal(
          ctx,
          p.id,
          kind,
          request.body,
          { id: user.id, displayName: user.displayName, email: user.email, lang: request.lang },
          auditFromRequest(request),
        ),
      );
      if (!sent.ok) return proposalPage(request, reply, p.id, kind, request.body, sent.problems, sent.status);
      return go(request, reply, `/moje-podmioty/${p.id}?ok=propozycja`);
    },
  );
}
