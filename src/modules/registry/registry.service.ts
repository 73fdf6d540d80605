// Rules of the registry: how a catalogue query becomes a filter, the PS status derived from its
// history, the admin form's checks (identifier check digits, known TERYT, hard duplicates), the
// field-level history and audit of staff edits, and loading the real entities of the reference
// list. No HTTP and no SQL strings here.
import type { Insertable } from 'kysely';
import { polishSortKey } from '../../core/db/collation.js';
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { readReferenceCsv } from '../../core/data/reference.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext, SeedResult } from '../../core/module.js';
import { queryTerms, searchDocument } from '../../core/search/index.js';
import { FormChecker } from '../../core/validation.js';
import { translator, type TKey } from '../../i18n/index.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import { listUnits } from '../territory/index.js';
import { isValidKrs, isValidNip, isValidRegon, normaliseIdentifier } from './identifiers.js';
import * as repo from './registry.repo.js';
import { LEGAL_FORMS, LIFECYCLES, type EntitiesTable, type LegalForm, type Lifecycle } from './registry.tables.js';

export type { EntityRow, FacetCounts } from './registry.repo.js';
export const PAGE_SIZE = 20;
export const EXPORT_LIMIT = 5000;

/** Today as a Polish calendar day (marks expire by day). */
export function today(ctx: ModuleContext): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(ctx.clock.now());
}

export interface CatalogueQuery {
  q: string;
  forma: string[];
  powiat: string[];
  gmina: string[];
  statusPs: boolean;
  znak: boolean;
  /** `relevance` is the default while there is search text, `name` otherwise. */
  sort: 'relevance' | 'name' | 'newest';
  page: number;
}

const asList = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** Reads the catalogue's URL parameters; anything unknown is ignored rather than refused. */
export function parseCatalogueQuery(raw: Record<string, unknown>): CatalogueQuery {
  const page = Number.parseInt(String(raw.strona ?? '1'), 10);
  const q = String(raw.q ?? '').slice(0, 200);
  return {
    q,
    forma: asList(raw.forma).filter((f) => (LEGAL_FORMS as readonly string[]).includes(f)),
    powiat: asList(raw.powiat).filter((p) => /^04\d{2}$/.test(p)),
    gmina: asList(raw.gmina).filter((g) => /^04\d{4}[1-3]$/.test(g)),
    statusPs: raw.status_ps === '1',
    znak: raw.znak === '1',
    sort: raw.sort === 'najnowsze' ? 'newest' : raw.sort === 'nazwa' ? 'name' : q.trim() ? 'relevance' : 'name',
    page: Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The query as URL parameters (the catalogue keeps everything in the address). */
export function catalogueParams(q: CatalogueQuery, overrides: Partial<CatalogueQuery> = {}): URLSearchParams {
  const v = { ...q, ...overrides };
  const p = new URLSearchParams();
  if (v.q) p.set('q', v.q);
  for (const f of v.forma) p.append('forma', f);
  for (const f of v.powiat) p.append('powiat', f);
  for (const f of v.gmina) p.append('gmina', f);
  if (v.statusPs) p.set('status_ps', '1');
  if (v.znak) p.set('znak', '1');
  if (v.sort === 'newest') p.set('sort', 'najnowsze');
  else if (v.sort === 'name' && v.q.trim()) p.set('sort', 'nazwa');
  if (v.page > 1) p.set('strona', String(v.page));
  return p;
}

function toFilter(ctx: ModuleContext, q: CatalogueQuery): repo.EntityFilter {
  return { terms: queryTerms(q.q), legalForm: q.forma, powiat: q.powiat, gmina: q.gmina, statusPs: q.statusPs, mark: q.znak, includeClosed: false, today: today(ctx) };
}

export async function searchCatalogue(ctx: ModuleContext, q: CatalogueQuery, limit = PAGE_SIZE) {
  const filter = toFilter(ctx, q);
  const hasTerms = filter.terms.length > 0 || q.q.trim() === '';
  if (!hasTerms) {
    // text with no searchable word (only punctuation): nothing matches, facets stay empty
    return { rows: [], total: 0, facets: { legalForm: new Map(), powiat: new Map(), gmina: new Map(), statusPs: 0, mark: 0 } as repo.FacetCounts };
  }
  const offset = (q.page - 1) * limit;
  const [{ rows, total }, facets] = await Promise.all([
    q.sort === 'relevance' && filter.terms.length
      ? repo.searchEntities(ctx.db, ctx.database.seam, filter, 'name', EXPORT_LIMIT, 0).then((r) => ({ rows: rankByRelevance(r.rows, filter.terms).slice(offset, offset + limit), total: r.total }))
      : repo.searchEntities(ctx.db, ctx.database.seam, filter, q.sort === 'newest' ? 'newest' : 'name', limit, offset),
    repo.facetCounts(ctx.db, ctx.database.seam, filter),
  ]);
  return { rows, total, facets };
}

export async function exportCatalogue(ctx: ModuleContext, q: CatalogueQuery) {
  const filter = toFilter(ctx, q);
  if (filter.terms.length === 0 && q.q.trim() !== '') return [];
  const { rows } = await repo.searchEntities(ctx.db, ctx.database.seam, filter, q.sort === 'newest' ? 'newest' : 'name', EXPORT_LIMIT, 0);
  return q.sort === 'relevance' ? rankByRelevance(rows, filter.terms) : rows;
}

/**
 * Relevance without engine-specific ranking (the same on both databases): entities whose name
 * carries more of the search terms come first; ties keep the order given (by name). Matching is
 * by prefix, as in the full-text index. The catalogue is regional (hundreds of rows), so ranking
 * the matches in memory is cheap.
 */
export function rankByRelevance<R extends { name: string; short_name: string | null }>(rows: readonly R[], terms: readonly string[]): R[] {
  const score = (r: R) => {
    const words = searchDocument(r.name, r.short_name).split(' ');
    return terms.filter((t) => words.some((w) => w.startsWith(t))).length;
  };
  return rows
    .map((r, i) => ({ r, i, s: score(r) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.r);
}

/** Units of the voivodeship by TERYT (names for facets and pages). */
export async function unitNames(ctx: ModuleContext): Promise<Map<string, string>> {
  const [powiaty, gminy] = await Promise.all([listUnits(ctx.db, 'powiat'), listUnits(ctx.db, 'gmina')]);
  return new Map([...powiaty, ...gminy].map((u) => [u.teryt, u.name]));
}

export interface EntityDetails {
  entity: repo.EntityRow;
  /** The status now: the latest decision, when it granted the status. */
  ps: { has: boolean; type: string | null; since: string | null; decisionNumber: string | null };
  marks: { subject: string | null; grantedOn: string | null; expiresOn: string | null; sourceUrl: string | null; isValid: boolean }[];
}

export async function entityDetails(ctx: ModuleContext, id: string): Promise<EntityDetails | null> {
  const entity = await repo.findEntity(ctx.db, id);
  if (!entity) return null;
  const [history, marks] = await Promise.all([repo.listPsStatus(ctx.db, id), repo.listMarks(ctx.db, id)]);
  const last = history.at(-1);
  const day = today(ctx);
  return {
    entity,
    ps: last && last.kind === 'granted' ? { has: true, type: last.ps_type, since: last.decision_date, decisionNumber: last.decision_number } : { has: false, type: null, since: null, decisionNumber: null },
    marks: marks.map((m) => ({ subject: m.subject, grantedOn: m.granted_on, expiresOn: m.expires_on, sourceUrl: m.source_url, isValid: m.expires_on === null || m.expires_on >= day })),
  };
}

/** The readable part of an entity's address: `/podmioty/{id}-{slug}`. */
export function entitySlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

export function entityPath(e: { id: string; name: string }): string {
  return `/podmioty/${e.id}-${entitySlug(e.name)}`;
}

function docOf(e: Pick<EntitiesTable, 'name' | 'short_name' | 'town' | 'description' | 'legal_form'> & { activity_type?: string | null }, legalFormLabel: string, gminaName: string | null): string {
  return searchDocument(e.name, e.short_name, e.town, gminaName, e.description, e.activity_type, legalFormLabel);
}

/** Words of the legal form put into the search document: the Polish label ("other" adds none). */
function legalFormWords(form: LegalForm): string {
  return form === 'inna' ? '' : translator('pl')(`registry.legalForm.${form}`);
}

// --- admin form ------------------------------------------------------------------------------

export interface EntityInput {
  name: string;
  short_name: string | null;
  legal_form: LegalForm;
  nip: string | null;
  regon: string | null;
  krs: string | null;
  description: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  lifecycle: Lifecycle;
  gmina_teryt: string | null;
  town: string | null;
  address: string | null;
  source_url: string | null;
  verified_at: string | null;
}

export const FORM_FIELDS = ['name', 'short_name', 'legal_form', 'nip', 'regon', 'krs', 'description', 'website', 'email', 'phone', 'lifecycle', 'gmina_teryt', 'town', 'address', 'source_url', 'verified_at'] as const;

/** i18n label of each form field (the form and its error messages use the same one). */
export const FIELD_LABELS: Record<(typeof FORM_FIELDS)[number], TKey> = {
  name: 'registry.field.name',
  short_name: 'registry.field.shortName',
  legal_form: 'registry.field.legalForm',
  nip: 'registry.field.nip',
  regon: 'registry.field.regon',
  krs: 'registry.field.krs',
  description: 'registry.field.description',
  website: 'registry.field.website',
  email: 'registry.field.email',
  phone: 'registry.field.phone',
  lifecycle: 'registry.field.lifecycle',
  gmina_teryt: 'registry.field.gmina',
  town: 'registry.field.town',
  address: 'registry.field.address',
  source_url: 'registry.field.sourceUrl',
  verified_at: 'registry.field.verifiedAt',
};

/** Checks the form; throws one 400 with every problem (including hard duplicates). */
export async function checkEntityForm(ctx: ModuleContext, body: Record<string, string>, exceptId: string | null): Promise<EntityInput> {
  const c = new FormChecker(body);
  const opt = (f: (typeof FORM_FIELDS)[number], max = 500) => {
    const v = c.text(f);
    if ([...v].length > max) c.add(f, FIELD_LABELS[f], 'validation.tooLong', { count: max });
    return v === '' ? null : v;
  };
  const name = c.required('name', FIELD_LABELS.name, { max: 300 });
  const legal = c.text('legal_form');
  if (!(LEGAL_FORMS as readonly string[]).includes(legal)) c.add('legal_form', FIELD_LABELS.legal_form, 'registry.invalid.choice');
  const lifecycle = c.text('lifecycle') || 'active';
  if (!(LIFECYCLES as readonly string[]).includes(lifecycle)) c.add('lifecycle', FIELD_LABELS.lifecycle, 'registry.invalid.choice');
  const ident = (f: 'nip' | 'regon' | 'krs', valid: (s: string) => boolean): string | null => {
    const v = c.text(f);
    if (v === '') return null;
    const d = normaliseIdentifier(v);
    if (!d || !valid(d)) {
      c.add(f, FIELD_LABELS[f], `registry.invalid.${f}`);
      return null;
    }
    return d;
  };
  const nip = ident('nip', isValidNip);
  const regon = ident('regon', isValidRegon);
  const krs = ident('krs', isValidKrs);
  const gmina = opt('gmina_teryt', 7);
  if (gmina !== null) {
    const gminy = await listUnits(ctx.db, 'gmina');
    if (!gminy.some((g) => g.teryt === gmina)) c.add('gmina_teryt', FIELD_LABELS.gmina_teryt, 'registry.invalid.teryt');
  }
  const email = opt('email', 254);
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/u.test(email)) c.add('email', FIELD_LABELS.email, 'validation.email');
  const url = (f: 'website' | 'source_url') => {
    const v = opt(f);
    if (v !== null && !/^https?:\/\/\S+$/u.test(v)) c.add(f, FIELD_LABELS[f], 'registry.invalid.url');
    return v;
  };
  const website = url('website');
  const sourceUrl = url('source_url');
  const verified = opt('verified_at', 10);
  if (verified !== null && !/^\d{4}-\d{2}-\d{2}$/.test(verified)) c.add('verified_at', FIELD_LABELS.verified_at, 'registry.invalid.date');
  for (const [f, v] of [['nip', nip], ['regon', regon], ['krs', krs]] as const) {
    if (v !== null && (await repo.findByIdentifier(ctx.db, f, v, exceptId))) c.add(f, FIELD_LABELS[f], 'registry.invalid.duplicate');
  }
  c.assertValid();
  return {
    name,
    short_name: opt('short_name', 200),
    legal_form: legal as LegalForm,
    nip,
    regon,
    krs,
    description: opt('description', 5000),
    website,
    email,
    phone: opt('phone', 50),
    lifecycle: lifecycle as Lifecycle,
    gmina_teryt: gmina,
    town: opt('town', 200),
    address: opt('address', 300),
    source_url: sourceUrl,
    verified_at: verified,
  };
}

async function gminaName(ctx: ModuleContext, teryt: string | null): Promise<string | null> {
  return teryt ? ((await unitNames(ctx)).get(teryt) ?? null) : null;
}

export async function createEntity(ctx: ModuleContext, input: EntityInput, actor: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>): Promise<string> {
  const id = newId();
  const now = nowIso(ctx.clock);
  const doc = docOf(input, legalFormWords(input.legal_form), await gminaName(ctx, input.gmina_teryt));
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertEntity(trx, { ...input, id, name_sort: polishSortKey(input.name), sectors: '[]', search_doc: doc, is_synthetic: false, data_source: null, created_at: now, updated_at: now });
    await repo.insertChanges(
      trx,
      FORM_FIELDS.filter((f) => input[f] !== null).map((f) => ({ id: newId(), entity_id: id, at: now, user_id: actor.actorId, field: f, old_value: null, new_value: String(input[f]) })),
    );
    await recordAudit(trx, { ...actor, action: 'registry.entity.create', subjectType: 'entity', subjectId: id, changes: Object.fromEntries(FORM_FIELDS.map((f) => [f, { before: null, after: input[f] }])) }, ctx.clock);
  });
  return id;
}

export async function updateEntity(ctx: ModuleContext, id: string, input: EntityInput, actor: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>): Promise<void> {
  const before = await repo.findEntity(ctx.db, id);
  if (!before) throw notFound();
  const now = nowIso(ctx.clock);
  const changed = FORM_FIELDS.filter((f) => (before[f] ?? null) !== input[f]);
  if (changed.length === 0) return;
  const doc = docOf(input, legalFormWords(input.legal_form), await gminaName(ctx, input.gmina_teryt));
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateEntity(trx, id, { ...input, name_sort: polishSortKey(input.name), search_doc: doc, updated_at: now });
    await repo.insertChanges(
      trx,
      changed.map((f) => ({ id: newId(), entity_id: id, at: now, user_id: actor.actorId, field: f, old_value: before[f] === null ? null : String(before[f]), new_value: input[f] === null ? null : String(input[f]) })),
    );
    await recordAudit(trx, { ...actor, action: 'registry.entity.update', subjectType: 'entity', subjectId: id, changes: Object.fromEntries(changed.map((f) => [f, { before: before[f], after: input[f] }])) }, ctx.clock);
  });
}

function notFound(): AppError {
  return new AppError('http.not_found');
}

// --- reference list ----------------------------------------------------------------------------

interface ReferenceRow extends Record<string, string> {
  name: string;
  entity_type: string;
  legal_form: string;
  town: string;
  gmina_teryt: string;
  note: string;
  mentioned_for: string;
  source_url: string;
  source_date: string;
}

/** The legal form code of a reference row (form first, then the kind of entity). */
export function legalFormOf(row: Pick<ReferenceRow, 'legal_form' | 'entity_type'>): LegalForm {
  const form = row.legal_form.toLowerCase();
  const type = row.entity_type.toLowerCase();
  if (type === 'cis') return 'cis';
  if (type === 'zaz') return 'zaz';
  if (type === 'wtz') return 'wtz';
  if (form.includes('spółdzielnia socjalna')) return 'spoldzielnia_socjalna';
  if (form.includes('fundacja')) return 'fundacja';
  if (form.includes('stowarzyszenie')) return 'stowarzyszenie';
  if (form.includes('non-profit')) return 'spolka_non_profit';
  if (form.includes('jednostka budżetowa')) return 'jednostka_budzetowa';
  return 'inna';
}

/** A "Zakup Prospołeczny" mark the source states as granted or held (not a mere positive opinion). */
export function markOf(mentionedFor: string): { grantedOn: string | null } | null {
  if (!mentionedFor.includes('Zakup Prospołeczny')) return null;
  const granted = /nadany (\d{4}-\d{2}-\d{2})/.exec(mentionedFor);
  if (granted) return { grantedOn: granted[1]! };
  if (/posiadacz znaku/.test(mentionedFor)) return { grantedOn: null };
  return null;
}

/** Loads the 24 real entities of the partial reference list; matching by name and gmina. */
export async function seedRegistryDemo(ctx: ModuleContext): Promise<SeedResult> {
  const rows = readReferenceCsv<ReferenceRow>('ekonomia_spoleczna_04_czesciowa.csv');
  const names = await unitNames(ctx);
  let added = 0;
  for (const r of rows) {
    const gmina = r.gmina_teryt || null;
    if (await repo.findByNameAndGmina(ctx.db, r.name, gmina)) continue;
    const id = newId();
    const now = nowIso(ctx.clock);
    const legal = legalFormOf(r);
    const row: Insertable<EntitiesTable> = {
      id,
      name: r.name,
      name_sort: polishSortKey(r.name),
      legal_form: legal,
      description: r.note || null,
      sectors: '[]',
      lifecycle: 'active',
      data_source: r.mentioned_for || null,
      source_url: r.source_url || null,
      verified_at: r.source_date || null,
      gmina_teryt: gmina,
      town: r.town || null,
      search_doc: docOf({ name: r.name, short_name: null, town: r.town, description: r.note || null, activity_type: null, legal_form: legal }, legalFormWords(legal), gmina ? (names.get(gmina) ?? null) : null),
      is_synthetic: false,
      created_at: now,
      updated_at: now,
    };
    const mark = markOf(r.mentioned_for);
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertEntity(trx, row);
      if (mark) await repo.insertMark(trx, { id: newId(), entity_id: id, mark: 'zakup_prospoleczny', subject: null, granted_on: mark.grantedOn, expires_on: null, source_url: r.source_url || null });
    });
    added++;
  }
  return { summary: `${rows.length} podmiotów ekonomii społecznej (${added} nowych)` };
}
