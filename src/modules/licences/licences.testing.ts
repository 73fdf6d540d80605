// The licences module's test surface (the permission matrix, the browser suite): a licence written
// straight to the table, as the service would record it (again: nothing changes); an application
// of an entity in a given state; and a certifying board ("Kapituła") whose current members are
// the given accounts (the first one chairs it).
import { nowIso } from '../../core/db/time.js';
import type { ModuleContext } from '../../core/module.js';
import { derivedExpiry } from '../registry/index.js';
import type { ApplicationStatus } from './applications/applications.tables.js';
import { SEEDED_EDITION_ID } from './migrations/202702090010_licence_applications.js';

export async function makeLicence(
  ctx: Pick<ModuleContext, 'db' | 'clock'>,
  entityId: string,
  opts: { id: string; number: string; product?: string | null; grantedOn?: string; example?: boolean },
): Promise<void> {
  const at = nowIso(ctx.clock);
  const grantedOn = opts.grantedOn ?? at.slice(0, 10);
  await ctx.db
    .insertInto('licences')
    .values({
      id: opts.id,
      number: opts.number,
      entity_id: entityId,
      offer_id: null,
      product: opts.product === undefined ? 'Obiady dla szkół' : opts.product,
      granted_on: grantedOn,
      expires_on: derivedExpiry(grantedOn),
      is_expiry_derived: true,
      source_url: null,
      source_mark_id: null,
      renews_id: null,
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

/** An application of `entityId` for `offerIds`, in `status`, judged under the seeded rules edition. */
export async function makeApplication(
  ctx: Pick<ModuleContext, 'db' | 'clock'>,
  entityId: string,
  opts: { id: string; status?: ApplicationStatus; offerIds?: string[]; ownRevenueTenths?: number },
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
      created_by: null,
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
  await ctx.db
    .insertInto('bodies')
    .values({
      id,
      slug: id,
      name: 'Kapituła testowa',
      name_sort: 'kapituła testowa',
      type: 'certifying_board',
      legal_basis: null,
      description: '',
      is_composition_public: true,
      is_minutes_public: true,
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
  await ctx.db
    .insertInto('body_terms')
    .values({ id: `${id}-term`, body_id: id, number: 1, starts_on: '2020-01-01', ends_on: null, note: '', created_at: at })
    .execute();
  await ctx.db
    .insertInto('body_seats')
    .values({ id: `${id}-seat`, term_id: `${id}-term`, category: 'other', label: 'Członkowie', seat_count: null, position: 0 })
    .execute();
}
