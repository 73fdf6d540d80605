// The offers module's test surface (route tests, the permission matrix, the browser suite): an
// entity to attach offers to and an offer written straight to the tables, as the service would.
import { polishSortKey } from '../../core/db/collation.js';
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import type { ModuleContext } from '../../core/module.js';
import { searchDocument } from '../../core/search/index.js';

export async function makeEntity(
  ctx: Pick<ModuleContext, 'db' | 'clock'>,
  opts: { id?: string; name?: string; email?: string | null; legalForm?: 'fundacja' | 'spoldzielnia_socjalna'; gmina?: string | null } = {},
): Promise<string> {
  const id = opts.id ?? newId();
  const name = opts.name ?? `Spółdzielnia Socjalna Test ${id.slice(-6)}`;
  const at = nowIso(ctx.clock);
  await ctx.db
    .insertInto('entities')
    .values({
      id,
      name,
      name_sort: polishSortKey(name),
      legal_form: opts.legalForm ?? 'spoldzielnia_socjalna',
      email: opts.email === undefined ? `biuro-${id.slice(-6)}@podmiot.example.pl` : opts.email,
      sectors: '[]',
      lifecycle: 'active',
      gmina_teryt: opts.gmina ?? null,
      search_doc: searchDocument(name),
      is_synthetic: false,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return id;
}

export async function makeOffer(
  ctx: Pick<ModuleContext, 'db' | 'clock'>,
  entityId: string,
  opts: { id?: string; title?: string; category?: string; subcategory?: string; powiaty?: string[]; published?: boolean; example?: boolean } = {},
): Promise<string> {
  const id = opts.id ?? newId();
  const title = opts.title ?? 'Catering na szkolenia';
  const at = nowIso(ctx.clock);
  const powiaty = opts.powiaty ?? [];
  await ctx.db
    .insertInto('offers')
    .values({
      id,
      entity_id: entityId,
      title,
      title_sort: polishSortKey(title),
      kind: 'service',
      category: opts.category ?? 'catering',
      subcategory: opts.subcategory ?? 'catering-posilki',
      cpv_codes: '["55520000-1"]',
      description: 'Obiady i przerwy kawowe dla grup do 80 osób, z dowozem.',
      price_kind: 'on_request',
      price_text: null,
      area_scope: powiaty.length ? 'units' : 'region',
      is_reserved_contracts: true,
      is_published: opts.published ?? true,
      is_example: opts.example ?? false,
      search_doc: searchDocument(title, 'Obiady i przerwy kawowe dla grup do 80 osób, z dowozem.', 'Catering i gastronomia'),
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  if (powiaty.length) await ctx.db.insertInto('offer_areas').values(powiaty.map((p) => ({ offer_id: id, teryt: p, powiat_teryt: p.slice(0, 4) }))).execute();
  return id;
}
