// Rules of the registry: how a catalogue query becomes a filter, the PS status derived from its
// history, the admin form's checks (identifier check digits, known TERYT, hard duplicates), the
// field-level history and audit of staff edits, and loading the real entities of the reference
// list. No HTTP and no SQL strings here.
import { polishSortKey } from '../../../core/db/collation.js';
import { newId } from '../../../core/db/ids.js';
import { nowIso } from '../../../core/db/time.js';
import { readReferenceCsv } from '../../../core/data/reference.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { ModuleContext, SeedResult } from '../../../core/module.js';
import { searchDocument } from '../../../core/search/index.js';
import { isCalendarDay, warsawToday } from '../../../core/time/index.js';
import { FormChecker } from '../../../core/validation.js';
import { translator, operatorText, type Lang, type TKey } from '../../../i18n/index.js';
import { recordAudit, type AuditEntry } from '../../audit/index.js';
import { checkGminaField, gminaChoices } from '../../territory/index.js';
import { isValidKrs, isValidNip, isValidRegon, normaliseIdentifier } from './identifiers.js';
import { expiryOf, markView, type MarkView } from './mark-validity.js';
import { listPlaces } from './record.repo.js';
import * as repo from './registry.repo.js';
import { parseSectors } from '../catalogue/registry.sectors.js';
import {
  ACTIVITY_TYPES,
  FORMS_WITH_CREATING_BODY,
  LEGAL_FORMS,
  LIFECYCLES,
  type ActivityType,
  type EntitiesTable,
  type LegalForm,
  type Lifecycle,
} from './registry.tables.js';

export type { EntityRow, FacetCounts } from './registry.repo.js';
// the catalogue's rules live in registry.catalogue.ts; re-exported so callers keep one import
export {
  PAGE_SIZE,
  EXPORT_LIMIT,
  parseCatalogueQuery,
  catalogueParams,
  searchCatalogue,
  exportCatalogue,
  catalogueMap,
  unitNames,
  territoryIndex,
  type CatalogueQuery,
  type CatalogueResult,
  type CatalogueMap,
} from '../catalogue/registry.catalogue.js';
import { unitNames } from '../catalogue/registry.catalogue.js';

export interface EntityDetails {
  entity: repo.EntityRow;
  /** The status now: the latest decision, when it granted the status. */
  ps: { has: boolean; type: string | null; since: string | null; decisionNumber: string | null };
  /** Every mark with its state today (valid only between known dates, see mark-validity.ts). */
  marks: MarkView[];
  /** The whole status history and the places of activity (the page's record sections). */
  psHistory: Awaited<ReturnType<typeof repo.listPsStatus>>;
  places: Awaited<ReturnType<typeof listPlaces>>;
}

export async function entityDetails(ctx: ModuleContext, id: string): Promise<EntityDetails | null> {
  const entity = await repo.findEntity(ctx.db, id);
  if (!entity) return null;
  const [history, marks, places] = await Promise.all([repo.listPsStatus(ctx.db, id), repo.listMarks(ctx.db, id), listPlaces(ctx.db, id)]);
  const last = history.at(-1);
  const day = warsawToday(ctx.clock);
  return {
    entity,
    ps:
      last && last.kind === 'granted'
        ? { has: true, type: last.ps_type, since: last.decision_date, decisionNumber: last.decision_number }
        : { has: false, type: null, since: null, decisionNumber: null },
    marks: marks.map((m) => markView(m, day)),
    psHistory: history,
    places,
  };
}

/** The readable part of an entity's address: `/podmioty/{id}-{slug}`. */
export function entitySlug(name: string): string {
  // every link to an entity (20 on a catalogue page, more on maps) makes one: names of ASCII and
  // Polish letters, nearly all of them, are done in one pass; any other letter takes the general way
  let out = '';
  let gap = false;
  for (let i = 0; i < name.length; i += 1) {
    const c = name.charCodeAt(i);
    let letter: string | undefined;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) letter = name[i];
    else if (c >= 65 && c <= 90) letter = String.fromCharCode(c + 32);
    else if (c >= 128 && !GAPS.has(c)) {
      letter = POLISH_LETTERS.get(c);
      if (letter === undefined) return generalSlug(name);
    }
    if (letter === undefined) gap = out !== '';
    else {
      if (gap) out += '-';
      gap = false;
      out += letter;
    }
  }
  return out.slice(0, 80);
}

/** Marks between words in Polish names (quotes, dashes, a no-break space): gaps, as in the general way. */
const GAPS = new Set([...'„”“«»–—’‘\u00a0…'].map((ch) => ch.charCodeAt(0)));
const POLISH_LETTERS = new Map([...'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ'].map((ch, i) => [ch.charCodeAt(0), 'acelnoszz'[i % 9]!]));

/** The slug of any name: lower case, ł as l, other diacritics dropped, runs of the rest as one dash. */
export function generalSlug(name: string): string {
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

function docOf(
  e: Pick<EntitiesTable, 'name' | 'short_name' | 'town' | 'description' | 'legal_form'> & {
    activity_type?: string | null;
    sectors?: string | null;
  },
  legalFormLabel: string,
  gminaName: string | null,
): string {
  // the activity type by its Polish label (its code is English) and the sectors by name
  const activity =
    e.activity_type && (ACTIVITY_TYPES as readonly string[]).includes(e.activity_type)
      ? translator('pl')(`registry.activityType.${e.activity_type as ActivityType}`)
      : null;
  return searchDocument(
    e.name,
    e.short_name,
    e.town,
    gminaName,
    e.description,
    activity,
    legalFormLabel,
    ...parseSectors(e.sectors).map((s) => s.sector),
  );
}

/** The stored search document of an entity, built the one way every writer (form, import, merge) uses. */
export function entitySearchDocument(e: Parameters<typeof docOf>[0], gminaName: string | null): string {
  return docOf(e, legalFormWords(e.legal_form), gminaName);
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
  creating_body: string | null;
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
  data_source: string | null;
  source_url: string | null;
  verified_at: string | null;
}

export const FORM_FIELDS = [
  'name',
  'short_name',
  'legal_form',
  'creating_body',
  'nip',
  'regon',
  'krs',
  'description',
  'website',
  'email',
  'phone',
  'lifecycle',
  'gmina_teryt',
  'town',
  'address',
  'data_source',
  'source_url',
  'verified_at',
] as const;

/** i18n label of each form field (the form and its error messages use the same one). */
export const FIELD_LABELS: Record<(typeof FORM_FIELDS)[number], TKey> = {
  name: 'registry.field.name',
  short_name: 'registry.field.shortName',
  legal_form: 'registry.field.legalForm',
  creating_body: 'registry.field.creatingBody',
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
  data_source: 'registry.field.dataSource',
  source_url: 'registry.field.sourceUrl',
  verified_at: 'registry.field.verifiedAt',
};

/** Checks the form; throws one 400 with every problem (including hard duplicates), worded in `lang`. */
export async function checkEntityForm(
  ctx: ModuleContext,
  body: Record<string, string>,
  exceptId: string | null,
  lang: Lang = 'pl',
): Promise<EntityInput> {
  const c = new FormChecker(body);
  const opt = (f: (typeof FORM_FIELDS)[number], max = 500) => {
    const v = c.text(f);
    if ([...v].length > max) c.add(f, FIELD_LABELS[f], 'validation.tooLong', { count: max });
    return v === '' ? null : v;
  };
  const name = c.required('name', FIELD_LABELS.name, { max: 300 });
  const legal = c.text('legal_form');
  if (!(LEGAL_FORMS as readonly string[]).includes(legal)) c.add('legal_form', FIELD_LABELS.legal_form, 'registry.invalid.choice');
  // a CIS, KIS, ZAZ or WTZ is run by its creating body, which applies for the PS status in its stead
  const creatingBody = opt('creating_body', 300);
  if (creatingBody === null && (FORMS_WITH_CREATING_BODY as readonly string[]).includes(legal))
    c.add('creating_body', FIELD_LABELS.creating_body, 'registry.invalid.creatingBody');
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
  // the gmina is named ("Lubicz"), or its code given; never guessed among several of one name
  const gmina = checkGminaField(c, translator(lang), await gminaChoices(ctx), 'gmina_teryt', FIELD_LABELS.gmina_teryt);
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
  if (verified !== null && !isCalendarDay(verified)) c.add('verified_at', FIELD_LABELS.verified_at, 'registry.invalid.date');
  for (const [f, v] of [
    ['nip', nip],
    ['regon', regon],
    ['krs', krs],
  ] as const) {
    if (v !== null && (await repo.findByIdentifier(ctx.db, f, v, exceptId))) c.add(f, FIELD_LABELS[f], 'registry.invalid.duplicate');
  }
  c.assertValid();
  return {
    name,
    short_name: opt('short_name', 200),
    legal_form: legal as LegalForm,
    creating_body: creatingBody,
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
    data_source: opt('data_source', 500),
    source_url: sourceUrl,
    verified_at: verified,
  };
}

async function gminaName(ctx: ModuleContext, teryt: string | null): Promise<string | null> {
  return teryt ? ((await unitNames(ctx)).get(teryt) ?? null) : null;
}

export async function createEntity(
  ctx: ModuleContext,
  input: EntityInput,
  actor: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>,
): Promise<string> {
  const id = newId();
  const now = nowIso(ctx.clock);
  const doc = docOf(input, legalFormWords(input.legal_form), await gminaName(ctx, input.gmina_teryt));
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertEntity(trx, {
      ...input,
      id,
      name_sort: polishSortKey(input.name),
      sectors: '[]',
      search_doc: doc,
      is_synthetic: false,
      created_at: now,
      updated_at: now,
    });
    await repo.insertChanges(
      trx,
      FORM_FIELDS.filter((f) => input[f] !== null).map((f) => ({
        id: newId(),
        entity_id: id,
        at: now,
        user_id: actor.actorId,
        field: f,
        old_value: null,
        new_value: String(input[f]),
      })),
    );
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'registry.entity.create',
        subjectType: 'entity',
        subjectId: id,
        changes: Object.fromEntries(FORM_FIELDS.map((f) => [f, { before: null, after: input[f] }])),
      },
      ctx.clock,
    );
  });
  return id;
}

export async function updateEntity(
  ctx: ModuleContext,
  id: string,
  input: EntityInput,
  actor: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>,
): Promise<void> {
  const before = await repo.findEntity(ctx.db, id);
  if (!before) throw notFound();
  const now = nowIso(ctx.clock);
  const changed = FORM_FIELDS.filter((f) => (before[f] ?? null) !== input[f]);
  if (changed.length === 0) return;
  const doc = docOf(
    { ...input, activity_type: before.activity_type, sectors: before.sectors },
    legalFormWords(input.legal_form),
    await gminaName(ctx, input.gmina_teryt),
  );
  // a check of the activity was a check of the previous life cycle: a new one is unchecked again
  const dropCheck = input.lifecycle !== before.lifecycle && before.activity_verified_on !== null;
  const rows = changed.map((f) => ({
    field: f as string,
    before: before[f] === null ? null : String(before[f]),
    after: input[f] === null ? null : String(input[f]),
  }));
  if (dropCheck) rows.push({ field: 'activity_verified_on', before: before.activity_verified_on, after: null });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateEntity(trx, id, {
      ...input,
      ...(dropCheck ? { activity_verified_on: null, activity_verified_by: null } : {}),
      name_sort: polishSortKey(input.name),
      search_doc: doc,
      updated_at: now,
    });
    await repo.insertChanges(
      trx,
      rows.map((r) => ({
        id: newId(),
        entity_id: id,
        at: now,
        user_id: actor.actorId,
        field: r.field,
        old_value: r.before,
        new_value: r.after,
      })),
    );
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'registry.entity.update',
        subjectType: 'entity',
        subjectId: id,
        changes: Object.fromEntries(rows.map((r) => [r.field, { before: r.before, after: r.after }])),
      },
      ctx.clock,
    );
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
  if (type === 'kis') return 'kis';
  if (type === 'zaz') return 'zaz';
  if (type === 'wtz') return 'wtz';
  if (form.includes('spółdzielnia socjalna')) return 'spoldzielnia_socjalna';
  if (form.includes('spółdzielnia inwalidów')) return 'spoldzielnia_inwalidow';
  if (form.includes('spółdzielnia niewidomych')) return 'spoldzielnia_niewidomych';
  if (form.includes('spółdzielnia produkcji rolnej') || form.includes('rolnicza spółdzielnia produkcyjna'))
    return 'spoldzielnia_produkcji_rolnej';
  if (form.includes('spółdzielnia pracy')) return 'spoldzielnia_pracy';
  if (form.includes('fundacja')) return 'fundacja';
  if (form.includes('koło gospodyń wiejskich')) return 'kolo_gospodyn_wiejskich';
  if (form.includes('ochotnicza straż pożarna')) return 'ochotnicza_straz_pozarna';
  if (form.includes('kościelna osoba prawna')) return 'koscielna_osoba_prawna';
  if (form.includes('klub sportowy')) return 'klub_sportowy_non_profit';
  if (form.includes('stowarzyszenie')) return 'stowarzyszenie';
  if (form.includes('non-profit')) return 'spolka_non_profit';
  return 'inna';
}

/** The creating body a reference note names ("organizator: gmina Lisewo", "organ prowadzący: …"). */
export function creatingBodyOf(note: string): string | null {
  const m = /(?:organizator|organ prowadzący)(?: od [\d-]+)?:\s*([^;(]+)/u.exec(note);
  return m ? m[1]!.trim() || null : null;
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
    const row: repo.NewEntity = {
      id,
      name: r.name,
      name_sort: polishSortKey(r.name),
      legal_form: legal,
      creating_body: (FORMS_WITH_CREATING_BODY as readonly string[]).includes(legal) ? creatingBodyOf(r.note) : null,
      description: r.note || null,
      sectors: '[]',
      // the source named the entity as active on its date; whether it is active now nobody has
      // checked (PROVENANCE.md §4): 'active' as stated, with no activity check, is shown and
      // counted as "activity not verified since <source date>" (activity-state.ts)
      lifecycle: 'active',
      data_source: r.mentioned_for || null,
      source_url: r.source_url || null,
      verified_at: r.source_date || null,
      activity_verified_on: null,
      activity_verified_by: null,
      gmina_teryt: gmina,
      town: r.town || null,
      search_doc: docOf(
        { name: r.name, short_name: null, town: r.town, description: r.note || null, activity_type: null, legal_form: legal },
        legalFormWords(legal),
        gmina ? (names.get(gmina) ?? null) : null,
      ),
      is_synthetic: false,
      created_at: now,
      updated_at: now,
    };
    const mark = markOf(r.mentioned_for);
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertEntity(trx, row);
      // the sources state no expiry: a dated mark gets its licence's derived one, an undated one none
      if (mark)
        await repo.insertMark(trx, {
          id: newId(),
          entity_id: id,
          mark: 'zakup_prospoleczny',
          subject: null,
          granted_on: mark.grantedOn,
          ...expiryOf(mark.grantedOn, null),
          source_url: r.source_url || null,
        });
    });
    added++;
  }
  return { summary: operatorText('registry.cli.demoEntities', { count: rows.length, added }) };
}
