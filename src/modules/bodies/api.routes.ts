// The bodies' JSON API: public data only. A body's composition appears when it is public, without
// contact data, accounts or the demo placeholders; terms and seats with their known counts.
import { Type, type Static } from 'typebox';
import type { AppInstance } from '../../core/http/types.js';
import type { ModuleContext } from '../../core/module.js';
import * as repo from './bodies.repo.js';
import * as svc from './bodies.service.js';
import { BODY_TYPES, END_GROUNDS, MAJORITIES, MEETING_STATUSES, MEMBER_ROLES, SEAT_CATEGORIES } from './bodies.tables.js';
import { SlugParams } from './public.routes.js';
import * as mrepo from './meetings.repo.js';
import { publicAgenda } from './agenda.service.js';

const Day = Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'YYYY-MM-DD; null when unknown' });

const Summary = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  type: Type.Enum(BODY_TYPES),
  url: Type.String(),
});
const Membership = Type.Object({
  id: Type.String(),
  person_name: Type.String(),
  role: Type.Enum(MEMBER_ROLES),
  seat_category: Type.Enum(SEAT_CATEGORIES),
  nominating_institution: Type.String(),
  starts_on: Day,
  ends_on: Day,
  end_ground: Type.Union([Type.Enum(END_GROUNDS), Type.Null()]),
  appointing_act: Type.String(),
  dismissing_act: Type.Union([Type.String(), Type.Null()]),
});
const Term = Type.Object({
  number: Type.Integer(),
  starts_on: Day,
  ends_on: Day,
  note: Type.String(),
  is_current: Type.Boolean(),
  seats: Type.Array(
    Type.Object({
      category: Type.Enum(SEAT_CATEGORIES),
      label: Type.Union([Type.String(), Type.Null()], { description: 'the name of an `other` category' }),
      seat_count: Type.Union([Type.Integer(), Type.Null()], { description: 'null when unknown' }),
    }),
  ),
  memberships: Type.Union([Type.Array(Membership), Type.Null()], { description: 'null when the composition is not public' }),
});
const Detail = Type.Object({
  ...Summary.properties,
  legal_basis: Type.Union([Type.String(), Type.Null()]),
  description: Type.String({ description: 'Markdown' }),
  sources: Type.Array(Type.String()),
  rules: Type.Union(
    [
      Type.Object({
        quorum_kind: Type.Union([Type.Literal('fraction'), Type.Literal('count')]),
        quorum_numerator: Type.Union([Type.Integer(), Type.Null()]),
        quorum_denominator: Type.Union([Type.Integer(), Type.Null()]),
        quorum_count: Type.Union([Type.Integer(), Type.Null()]),
        majority: Type.Enum(MAJORITIES),
        is_substitutes_allowed: Type.Boolean(),
        is_substitutes_quorum: Type.Boolean(),
        is_votes_named: Type.Boolean(),
      }),
      Type.Null(),
    ],
    { description: 'null while the rules are not known' },
  ),
  terms: Type.Array(Term),
  meetings: Type.Array(
    Type.Object({
      id: Type.String(),
      starts_at: Type.String({ format: 'date-time' }),
      ends_at: Type.String({ format: 'date-time' }),
      status: Type.Enum(MEETING_STATUSES),
      place: Type.String(),
      minutes_url: Type.Union([Type.String(), Type.Null()], {
        description: 'the approved minutes (HTML; add .pdf for the PDF) when public',
      }),
      agenda: Type.Array(
        Type.Object({
          title: Type.String(),
          presenter: Type.Union([Type.String(), Type.Null()]),
          documents: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), url: Type.String() }), {
            description: 'attached library documents (published ones)',
          }),
          object: Type.Union(
            [
              Type.Object({
                kind: Type.String({ description: 'e.g. annual-report, consultation, evaluation-study, evaluation-summary' }),
                title: Type.String(),
                url: Type.Union([Type.String(), Type.Null()], { description: 'null while the object is not public' }),
              }),
              Type.Null(),
            ],
            { description: 'the object the item concerns' },
          ),
        }),
        { description: 'the public items (internal items are never listed)' },
      ),
    }),
    { description: 'public meetings, soonest first' },
  ),
});

export async function apiRoutes(app: AppInstance, ctx: ModuleContext): Promise<void> {
  const base = ctx.config.publicUrl.replace(/\/$/, '');
  const summary = (b: repo.BodyRow): Static<typeof Summary> => ({
    slug: b.slug,
    name: b.name,
    type: b.type,
    url: `${base}/zespoly/${b.slug}`,
  });

  app.get(
    '/api/v1/zespoly',
    {
      config: { access: 'public' },
      schema: {
        tags: ['bodies'],
        summary: 'Statutory and advisory bodies of the programme',
        response: { 200: Type.Object({ items: Type.Array(Summary) }) },
      },
    },
    async () => ({ items: (await repo.listBodies(ctx.db)).map(summary) }),
  );

  app.get(
    '/api/v1/zespoly/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags: ['bodies'],
        summary: 'One body: legal basis, rules, terms with seats and (when public) the memberships; no contact data, no demo placeholders',
        params: SlugParams,
        response: { 200: Detail },
      },
    },
    async (request) => {
      const body = await svc.getBodyBySlug(ctx, request.params.slug);
      const page = await svc.bodyPage(ctx, body);
      const terms: Static<typeof Term>[] = [];
      for (const term of page.terms) {
        const seats = await repo.listSeats(ctx.db, term.id);
        const category = new Map(seats.map((s) => [s.id, s.category]));
        const memberships = body.is_composition_public ? svc.publicMemberships(await repo.listMemberships(ctx.db, term.id), false) : null;
        terms.push({
          number: term.number,
          starts_on: term.starts_on,
          ends_on: term.ends_on,
          note: term.note,
          is_current: page.term?.id === term.id,
          seats: seats.map((s) => ({ category: s.category, label: s.label, seat_count: s.seat_count })),
          memberships:
            memberships?.map((m) => ({
              id: m.id,
              person_name: m.person_name,
              role: m.role,
              seat_category: category.get(m.seat_id) ?? 'other',
              nominating_institution: m.nominating_institution,
              starts_on: m.starts_on,
              ends_on: m.ends_on,
              end_ground: m.end_ground,
              appointing_act: m.appointing_act,
              dismissing_act: m.dismissing_act,
            })) ?? null,
        });
      }
      return {
        ...summary(body),
        legal_basis: body.legal_basis,
        description: body.description,
        sources: body.sources === '' ? [] : body.sources.split('\n'),
        rules: !body.has_rules
          ? null
          : {
              quorum_kind: body.quorum_kind,
              quorum_numerator: body.quorum_numerator,
              quorum_denominator: body.quorum_denominator,
              quorum_count: body.quorum_count,
              majority: body.majority,
              is_substitutes_allowed: body.is_substitutes_allowed,
              is_substitutes_quorum: body.is_substitutes_quorum,
              is_votes_named: body.is_votes_named,
            },
        terms,
        meetings: await Promise.all(
          (await mrepo.listMeetings(ctx.db, body.id))
            .filter((m) => m.is_public)
            .map(async (m) => {
              const agenda = await publicAgenda(ctx, m.id, 'pl');
              return {
                id: m.id,
                starts_at: m.starts_at,
                ends_at: m.ends_at,
                status: m.status,
                place: [m.place, m.online_url].filter(Boolean).join(', '),
                minutes_url:
                  m.status === 'minutes_approved' && body.is_minutes_public
                    ? `${base}/zespoly/${body.slug}/posiedzenia/${m.id}/protokol`
                    : null,
                agenda: agenda.items.map((a) => {
                  const links = agenda.links.get(a.id);
                  const o = links?.object ?? null;
                  return {
                    title: a.title,
                    presenter: a.presenter,
                    documents: (links?.documents ?? []).map((d) => ({ id: d.id, title: d.title, url: `${base}${d.href}` })),
                    object: o ? { kind: o.kind, title: o.title, url: o.url ? `${base}${o.url}` : null } : null,
                  };
                }),
              };
            }),
        ),
      };
    },
  );
}
