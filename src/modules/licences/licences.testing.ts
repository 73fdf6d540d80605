// The licences module's test surface (the permission matrix, the browser suite, the module's own
// route tests): a licence written straight to the table, as the service would record it (again:
// nothing changes); an application of an entity in a given state; and a certifying board
// ("Kapituła") whose current members are the given accounts (the first one chairs it). The entities,
// offers and bodies they need are rows of other modules' tables written as those modules store them
// (a module's test reaches another only through its tables or index.ts).
import type { Insertable } from 'kysely';
import type { Database } from '../../core/db/schema.js';
import { nowIso } from '../../core/db/time.js';
import type { ModuleContext } from '../../core/module.js';
import { derivedExpiry } from '../registry/index.js';
import type { ApplicationStatus } from './applications/applications.tables.js';
import { SEEDED_EDITION_ID } from './migrations/202702090010_licence_applications.js';

export async function makeLicence(
  ctx: Pick<ModuleContext, 'db' | 'clock'>,
  entityId: string,
  opts: {
    id: string;
    number: string;
    product?: string | null;
    grantedOn?: string;
    example?: boolean;
    offerId?: string;
    renewsId?: string;
  },
): Promise<void> {
  const at = nowIso(ctx.clock);
  const grantedOn = opts.grantedOn ?? at.slice(0, 10);
  await ctx.db
    .insertInto('licences')
    .values({
      id: opts.id,
      number: opts.number,
      entity_id: entityId,
      offer_id: opts.offerId ?? null,
      product: opts.product === undefined ? 'Obiady dla szkół' : opts.product,
      granted_on: grantedOn,
      expires_on: derivedExpiry(grantedOn),
      is_expiry_derived: true,
      source_url: null,
      source_mark_id: null,
      renews_id: opts.renewsId ?? null,
      withdrawn_on: null,
      withdrawal_reason: null,
      suspended_on: null,
      suspension_reason: null,
      is_example: opts.example ?? false,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** An active entity as the registry stores it (again: nothing changes). */
export async function makeEntity(
  ctx: Pick<ModuleContext, 'db'>,
  entity: { id: string; name: string; legalForm?: Insertable<Database['entities']>['legal_form'] },
  at = '2027-01-01T00:00:00.000Z',
): Promise<void> {
  await ctx.db
    .insertInto('entities')
    .values({
      id: entity.id,
      name: entity.name,
      name_sort: entity.name.toLowerCase(),
      legal_form: entity.legalForm ?? 'spoldzielnia_socjalna',
      sectors: '[]',
      lifecycle: 'active',
      search_doc: entity.name,
      is_synthetic: false,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

/** Published catering offers (price on request, the whole region) as the offers module stores them. */
export async function makeOffers(
  ctx: Pick<ModuleContext, 'db'>,
  offers: readonly { id: string; entityId: string; title: string }[],
  at = '2027-01-01T00:00:00.000Z',
): Promise<void> {
  await ctx.db
    .insertInto('offers')
    .values(
      offers.map((o) => ({
        id: o.id,
        entity_id: o.entityId,
        title: o.title,
        title_sort: o.title.toLowerCase(),
        kind: 'service' as const,
        category: 'catering',
        subcategory: 'catering-posilki',
        cpv_codes: '[]',
        description: o.title,
        price_kind: 'on_request' as const,
        price_text: null,
        area_scope: 'region' as const,
        is_reserved_contracts: false,
        is_published: true,
        is_example: false,
        search_doc: o.title,
        created_by: null,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}

/** An application of `entityId` for `offerIds`, in `status`, judged under the seeded rules edition, filed by `createdBy` (no account by default). */
export async function makeApplication(
  ctx: Pick<ModuleContext, 'db' | 'clock'>,
  entityId: string,
  opts: { id: string; status?: ApplicationStatus; offerIds?: string[]; ownRevenueTenths?: number; createdBy?: string },
): Promise<void> {
  const at = nowIso(ctx.clock);
  const status = opts.status ?? 'draft';
  await ctx.db
    .insertInto('licence_applications')
    .values({
      id: opts.id,
      entity_id: entityId,
      edition_id: status === 'draft' ? null : SEEDED_EDITION_ID,
      status,
      contact_name: 'Jan Testowy',
      contact_email: 'wniosek@test.example.pl',
      contact_phone: '600 000 000',
      revenue_period: '2026',
      own_revenue_tenths: opts.ownRevenueTenths ?? 450,
      offer_months: 12,
      market_months: 24,
      is_declared: status !== 'draft',
      formal_message: null,
      decision: null,
      meeting_on: null,
      justification: null,
      decided_by: null,
      submitted_on: status === 'draft' ? null : at.slice(0, 10),
      created_by: opts.createdBy ?? null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  for (const offerId of opts.offerIds ?? []) {
    await ctx.db
      .insertInto('licence_application_offers')
      .values({ application_id: opts.id, offer_id: offerId })
      .onConflict((oc) => oc.columns(['application_id', 'offer_id']).doNothing())
      .execute();
  }
}

/**
 * A certifying board with a term in force whose members are `userIds` (the first one the chair,
 * or all of them with `allChairs`). Run again, it adds the accounts not yet on it.
 */
export async function makeBoard(
  ctx: Pick<ModuleContext, 'db' | 'clock'>,
  userIds: readonly string[],
  id = 'test-kapitula',
  allChairs = false,
): Promise<void> {
  const at = nowIso(ctx.clock);
  if (!(await ctx.db.selectFrom('bodies').select('id').where('id', '=', id).executeTakeFirst())) await newBoard(ctx, id, at);
  const present = new Set(
    (await ctx.db.selectFrom('body_memberships').select('user_id').where('term_id', '=', `${id}-term`).execute()).map((r) => r.user_id),
  );
  for (const [i, userId] of userIds.entries()) {
    if (present.has(userId)) continue;
    const chair = allChairs || i === 0;
    await ctx.db
      .insertInto('body_memberships')
      .values({
        id: `${id}-${userId}`,
        term_id: `${id}-term`,
        seat_id: `${id}-seat`,
        user_id: userId,
        person_name: chair ? 'Ewa Przewodnicząca' : `Członek ${i}`,
        role: chair ? 'chair' : 'member',
        nominating_institution: 'ROPS Toruń',
        starts_on: '2020-01-01',
        ends_on: null,
        end_ground: null,
        appointing_act: 'Zarządzenie testowe',
        dismissing_act: null,
        email: null,
        phone: null,
        is_example: false,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
}

/** The accounts holding the member role scoped to `bodyId` (as the bodies module grants it to members). */
export async function memberRoleHolders(ctx: Pick<ModuleContext, 'db'>, bodyId: string): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('user_roles')
    .select('user_id')
    .where('role', '=', 'team_member')
    .where('scope_type', '=', 'team')
    .where('scope_id', '=', bodyId)
    .execute();
  return rows.map((r) => r.user_id);
}

async function newBoard(ctx: Pick<ModuleContext, 'db'>, id: string, at: string): Promise<void> {
  await makeBody(ctx, { id, name: 'Kapituła testowa', type: 'certifying_board' }, at);
  await ctx.db
    .insertInto('body_terms')
    .values({ id: `${id}-term`, body_id: id, number: 1, starts_on: '2020-01-01', ends_on: null, note: '', created_at: at })
    .execute();
  await ctx.db
    .insertInto('body_seats')
    .values({ id: `${id}-seat`, term_id: `${id}-term`, category: 'other', label: 'Członkowie', seat_count: null, position: 0 })
    .execute();
}

/**
 * A body as the bodies module stores it, without terms: composition and (unless `minutesPublic` is
 * false) minutes public, quorum half the members, simple majority; its slug is `slug` or its id.
 */
export async function makeBody(
  ctx: Pick<ModuleContext, 'db'>,
  body: { id: string; slug?: string; name: string; type: Insertable<Database['bodies']>['type']; minutesPublic?: boolean },
  at: string,
): Promise<void> {
  await ctx.db
    .insertInto('bodies')
    .values({
      id: body.id,
      slug: body.slug ?? body.id,
      name: body.name,
      name_sort: body.name.toLowerCase(),
      type: body.type,
      legal_basis: null,
      description: '',
      is_composition_public: true,
      is_minutes_public: body.minutesPublic ?? true,
      has_rules: false,
      quorum_kind: 'fraction',
      quorum_numerator: 1,
      quorum_denominator: 2,
      quorum_count: null,
      majority: 'simple',
      is_substitutes_allowed: false,
      is_substitutes_quorum: false,
      is_votes_named: false,
      subregion_id: null,
      sources: '',
      created_at: at,
      updated_at: at,
    })
    .execute();
}
