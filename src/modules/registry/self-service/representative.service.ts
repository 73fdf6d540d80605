// Rules of the representatives' self-service. A representative edits the public face of their own
// entity directly (description, contact, places of activity, sectors), each change kept in the
// field-level history and the audit log; changes that the registry vouches for (identifiers,
// legal form, PS status, employment) are only proposed, wait in a staff queue and reach the record
// when staff accept them (the history then names the proposer and the verifier). Proposals are
// never shown publicly. Which entities a person may touch is decided by their scoped roles.
import { newId } from '../../../core/db/ids.js';
import { nowIso } from '../../../core/db/time.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { ModuleContext } from '../../../core/module.js';
import { isCalendarDay, warsawToday, warsawYear } from '../../../core/time/index.js';
import { FormChecker } from '../../../core/validation.js';
import { isLang, translator, type Lang, type TKey } from '../../../i18n/index.js';
import { recordAudit } from '../../audit/index.js';
import { checkGminaField, gminaChoices, type GminaChoice } from '../../territory/index.js';
import { enqueueMail } from '../../mail/index.js';
import type { Actor } from './claims.service.js';
import * as repo from './claims.repo.js';
import { PROPOSAL_KINDS, type ProposalKind, type ProposalStatus } from './claims.tables.js';
import {
  AT_RISK_CATEGORIES,
  figureProblems,
  formatFte,
  parseFte,
  PS_TYPES,
  type AtRiskCategory,
  type EmploymentFigures,
} from '../entity/employment.js';
import { isValidKrs, isValidNip, isValidRegon, normaliseIdentifier } from '../entity/identifiers.js';
import * as registryRepo from '../entity/registry.repo.js';
import { parseSectors } from '../catalogue/registry.sectors.js';
import * as rrepo from '../entity/record.repo.js';
import type { EntityEmploymentTable } from '../entity/record.tables.js';
import {
  EMPLOYMENT_LABELS,
  employmentFieldOf,
  figuresOf,
  psSequenceProblem,
  readAtRiskCategories,
  writeEmploymentYear,
} from '../entity/record.service.js';
import { entitySearchDocument, unitNames } from '../entity/registry.service.js';
import { FORMS_WITH_CREATING_BODY, LEGAL_FORMS, type LegalForm } from '../entity/registry.tables.js';

export const MAX_SECTORS = 10;
export const MAX_PLACES = 20;

interface UserWithRoles {
  id: string;
  displayName: string;
  email: string;
  roles: readonly { role: string; scopeType: string | null; scopeId: string | null }[];
}

/** Ids of the entities the user represents (their scoped roles). */
export function representedIds(user: UserWithRoles): string[] {
  return user.roles.filter((r) => r.role === 'entity_representative' && r.scopeType === 'entity' && r.scopeId).map((r) => r.scopeId!);
}

/** Addresses of the accounts representing the entity (e-mails about its offers go to them too). */
export function representativeEmails(ctx: Pick<ModuleContext, 'db'>, entityId: string): Promise<{ email: string; lang: string }[]> {
  return repo.representativeEmails(ctx.db, entityId);
}

export async function myEntities(ctx: ModuleContext, user: UserWithRoles) {
  return repo.entitiesByIds(ctx.db, representedIds(user));
}

export async function representedEntity(ctx: ModuleContext, id: string) {
  const e = await registryRepo.findEntity(ctx.db, id);
  if (!e) throw new AppError('http.not_found');
  return e;
}

// --- direct edits ----------------------------------------------------------------------------------

export const PROFILE_FIELDS = ['description', 'email', 'phone', 'website', 'sectors'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export const PROFILE_LABELS: Record<ProfileField, TKey> = {
  description: 'claims.profile.description',
  email: 'claims.profile.email',
  phone: 'claims.profile.phone',
  website: 'claims.profile.website',
  sectors: 'claims.profile.sectors',
};

export interface ProfileInput {
  description: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  /** Sector names, one per line in the form; stored as the JSON array of `entities.sectors`. */
  sectors: string[];
}

/** The form's values of an entity as stored. */
export function profileValues(e: {
  description: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  sectors: string;
}): Record<string, string> {
  return {
    description: e.description ?? '',
    email: e.email ?? '',
    phone: e.phone ?? '',
    website: e.website ?? '',
    sectors: parseSectors(e.sectors)
      .map((s) => s.sector)
      .join('\n'),
  };
}

export function checkProfileForm(body: Record<string, string | undefined>): ProfileInput {
  const f = new FormChecker(body);
  const opt = (field: Exclude<ProfileField, 'sectors'>, max: number) => {
    const v = f.text(field);
    if ([...v].length > max) f.add(field, PROFILE_LABELS[field], 'validation.tooLong', { count: max });
    return v === '' ? null : v;
  };
  const description = opt('description', 5000);
  const email = opt('email', 254);
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/u.test(email)) f.add('email', PROFILE_LABELS.email, 'validation.email');
  const phone = opt('phone', 50);
  if (phone !== null && !/^[+()\d\s-]{5,50}$/.test(phone)) f.add('phone', PROFILE_LABELS.phone, 'claims.invalid.phone');
  const website = opt('website', 500);
  if (website !== null && !/^https?:\/\/[^\s/]+\.[^\s]+$/u.test(website)) f.add('website', PROFILE_LABELS.website, 'claims.invalid.url');
  const lines = f
    .text('sectors')
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  if (lines.length > MAX_SECTORS) f.add('sectors', PROFILE_LABELS.sectors, 'claims.invalid.tooManySectors', { count: MAX_SECTORS });
  if (lines.some((l) => [...l].length > 80)) f.add('sectors', PROFILE_LABELS.sectors, 'claims.invalid.sectorTooLong', { count: 80 });
  f.assertValid();
  // repeats (by folded key) are dropped, the first spelling kept
  const sectors = parseSectors(JSON.stringify(lines)).map((s) => s.sector);
  return { description, email, phone, website, sectors };
}

async function gminaName(ctx: ModuleContext, teryt: string | null): Promise<string | null> {
  return teryt ? ((await unitNames(ctx)).get(teryt) ?? null) : null;
}

/** Saves a representative's direct edit: only changed fields, each in the history and the audit. */
export async function updateProfile(ctx: ModuleContext, entityId: string, input: ProfileInput, actor: Actor): Promise<number> {
  const before = await representedEntity(ctx, entityId);
  const beforeSectors = parseSectors(before.sectors).map((s) => s.sector);
  const current: Record<ProfileField, string | null> = {
    description: before.description,
    email: before.email,
    phone: before.phone,
    website: before.website,
    sectors: beforeSectors.length ? beforeSectors.join('; ') : null,
  };
  const next: Record<ProfileField, string | null> = {
    description: input.description,
    email: input.email,
    phone: input.phone,
    website: input.website,
    sectors: input.sectors.length ? input.sectors.join('; ') : null,
  };
  const changed = PROFILE_FIELDS.filter((f) => current[f] !== next[f]);
  if (changed.length === 0) return 0;
  const now = nowIso(ctx.clock);
  const sectorsJson = JSON.stringify(input.sectors);
  const doc = entitySearchDocument({ ...before, description: input.description }, await gminaName(ctx, before.gmina_teryt));
  await ctx.db.transaction().execute(async (trx) => {
    await registryRepo.updateEntity(trx, entityId, {
      description: input.description,
      email: input.email,
      phone: input.phone,
      website: input.website,
      sectors: sectorsJson,
      search_doc: doc,
      updated_at: now,
    });
    if (changed.includes('sectors')) await repo.replaceSectorRows(trx, entityId, parseSectors(sectorsJson));
    await registryRepo.insertChanges(
      trx,
      changed.map((f) => ({
        id: newId(),
        entity_id: entityId,
        at: now,
        user_id: actor.actorId,
        field: f,
        old_value: current[f],
        new_value: next[f],
      })),
    );
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'registry.entity.representative_update',
        subjectType: 'entity',
        subjectId: entityId,
        changes: Object.fromEntries(changed.map((f) => [f, { before: current[f], after: next[f] }])),
      },
      ctx.clock,
    );
  });
  return changed.length;
}

// --- places of activity ------------------------------------------------------------------------------

export interface PlacesInput {
  keep: { id: string; gmina_teryt: string | null; town: string; address: string | null }[];
  remove: string[];
  add: { gmina_teryt: string | null; town: string; address: string | null } | null;
}

/** A place as one line of text: "Lubicz Dolny, ul. Szeroka 1 (gmina Lubicz)" — the gmina by its name, never its code. */
export function placeText(
  p: { town: string | null; address: string | null; gmina_teryt: string | null },
  gminy: readonly Pick<GminaChoice, 'teryt' | 'name'>[],
  gminaWord: (name: string) => string,
): string {
  const gmina = p.gmina_teryt ? gminy.find((g) => g.teryt === p.gmina_teryt)?.name : undefined;
  return `${[p.town, p.address].filter(Boolean).join(', ')}${gmina ? ` (${gminaWord(gmina)})` : ''}`;
}

/** A place in the field history, stored the way the staff record screens store it (JSON). */
function placeHistory(p: {
  town: string | null;
  address: string | null;
  gmina_teryt: string | null;
  lat?: number | null;
  lon?: number | null;
}): string {
  return JSON.stringify({ gmina_teryt: p.gmina_teryt, town: p.town, address: p.address, lat: p.lat ?? null, lon: p.lon ?? null });
}

/**
 * Reads the places form: one row per existing place (`place_<id>_town`, `_address`, `_gmina`,
 * `_remove`) and one empty row for a new place (`new_town`…). Ids not of this entity are ignored.
 */
export async function checkPlacesForm(
  ctx: ModuleContext,
  body: Record<string, string | undefined>,
  existingIds: readonly string[],
  lang: Lang = 'pl',
): Promise<PlacesInput> {
  const f = new FormChecker(body);
  const gminy = await gminaChoices(ctx);
  const t = translator(lang);
  const row = (prefix: string, label: (k: 'town' | 'address' | 'gmina') => TKey, needed: boolean) => {
    const town = f.text(`${prefix}_town`);
    const address = f.text(`${prefix}_address`);
    const gmina = f.text(`${prefix}_gmina`);
    if (!needed && town === '' && address === '' && gmina === '') return null;
    if (town === '') f.add(`${prefix}_town`, label('town'), 'validation.required');
    else if ([...town].length > 200) f.add(`${prefix}_town`, label('town'), 'validation.tooLong', { count: 200 });
    if ([...address].length > 300) f.add(`${prefix}_address`, label('address'), 'validation.tooLong', { count: 300 });
    const teryt = gmina === '' ? null : checkGminaField(f, t, gminy, `${prefix}_gmina`, label('gmina'));
    return { town, address: address || null, gmina_teryt: teryt };
  };
  const keep: PlacesInput['keep'] = [];
  const remove: string[] = [];
  for (const id of existingIds) {
    if (f.text(`place_${id}_remove`) === '1') {
      remove.push(id);
      continue;
    }
    const r = row(`place_${id}`, (k) => `claims.places.${k}` as TKey, true);
    if (r) keep.push({ id, ...r });
  }
  const add = row('new', (k) => `claims.places.new_${k}` as TKey, false);
  if (add && keep.length + 1 > MAX_PLACES)
    f.add('new_town', 'claims.places.new_town', 'claims.invalid.tooManyPlaces', { count: MAX_PLACES });
  f.assertValid();
  return { keep, remove, add };
}

export async function savePlaces(ctx: ModuleContext, entityId: string, input: PlacesInput, actor: Actor): Promise<number> {
  await representedEntity(ctx, entityId);
  const before = new Map((await repo.listPlaces(ctx.db, entityId)).map((p) => [p.id, p]));
  const now = nowIso(ctx.clock);
  const history: { old_value: string | null; new_value: string | null }[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    for (const id of input.remove) {
      const old = before.get(id);
      if (!old) continue;
      await repo.deletePlace(trx, entityId, id);
      history.push({ old_value: placeHistory(old), new_value: null });
    }
    for (const p of input.keep) {
      const old = before.get(p.id);
      if (!old || (old.town === p.town && old.address === p.address && old.gmina_teryt === p.gmina_teryt)) continue;
      // coordinates belonged to the old address; staff set them again when needed
      const moved = old.town !== p.town || old.address !== p.address || old.gmina_teryt !== p.gmina_teryt;
      await repo.updatePlace(trx, entityId, p.id, {
        town: p.town,
        address: p.address,
        gmina_teryt: p.gmina_teryt,
        ...(moved ? { lat: null, lon: null } : {}),
      });
      history.push({
        old_value: placeHistory(old),
        new_value: placeHistory({ ...p, lat: moved ? null : old.lat, lon: moved ? null : old.lon }),
      });
    }
    if (input.add) {
      await repo.insertPlace(trx, {
        id: newId(),
        entity_id: entityId,
        town: input.add.town,
        address: input.add.address,
        gmina_teryt: input.add.gmina_teryt,
        lat: null,
        lon: null,
      });
      history.push({ old_value: null, new_value: placeHistory(input.add) });
    }
    if (history.length === 0) return;
    await registryRepo.insertChanges(
      trx,
      history.map((h) => ({ id: newId(), entity_id: entityId, at: now, user_id: actor.actorId, field: 'place', ...h })),
    );
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'registry.entity.representative_places',
        subjectType: 'entity',
        subjectId: entityId,
        changes: { places: { before: history.map((h) => h.old_value), after: history.map((h) => h.new_value) } },
      },
      ctx.clock,
    );
  });
  return history.length;
}

// --- proposals ---------------------------------------------------------------------------------------

export function isProposalKind(v: string): v is ProposalKind {
  return (PROPOSAL_KINDS as readonly string[]).includes(v);
}

/** The address segment of each kind (Polish URLs) and back. */
export const KIND_SLUGS: Record<ProposalKind, string> = {
  identifiers: 'identyfikatory',
  legal_form: 'forma-prawna',
  ps_status: 'status-ps',
  employment: 'zatrudnienie',
};
export function kindOfSlug(slug: string): ProposalKind | null {
  return (Object.entries(KIND_SLUGS).find(([, s]) => s === slug)?.[0] as ProposalKind | undefined) ?? null;
}

export type IdentifiersPayload = { nip: string | null; regon: string | null; krs: string | null };
export type LegalFormPayload = { legal_form: LegalForm; creating_body: string | null };
export type PsStatusPayload = {
  kind: 'granted' | 'lost';
  ps_type: 'reintegration' | 'social_services' | null;
  decision_number: string | null;
  decision_date: string;
  loss_reason: string | null;
};
/** The year's figures as the record stores them; the categories as an object, not JSON text. */
export type EmploymentPayload = Pick<
  EntityEmploymentTable,
  'year' | 'headcount' | 'employees' | 'fte_hundredths' | 'employees_half_time' | 'at_risk' | 'at_risk_half_time'
> & {
  /** At-risk employees by category (zeros left out); absent in proposals sent before it was asked. */
  at_risk_categories?: Partial<Record<AtRiskCategory, number>>;
};
export type ProposalPayload = IdentifiersPayload | LegalFormPayload | PsStatusPayload | EmploymentPayload;

/** The fields of each proposal form and their labels (the form and its messages use the same). */
export const PROPOSAL_FIELDS: Record<ProposalKind, Record<string, TKey>> = {
  identifiers: { nip: 'registry.field.nip', regon: 'registry.field.regon', krs: 'registry.field.krs' },
  legal_form: { legal_form: 'registry.field.legalForm', creating_body: 'claims.proposal.creatingBody' },
  ps_status: {
    kind: 'claims.proposal.psKind',
    ps_type: 'claims.proposal.psType',
    decision_number: 'claims.proposal.decisionNumber',
    decision_date: 'claims.proposal.decisionDate',
    loss_reason: 'claims.proposal.lossReason',
  },
  employment: {
    year: 'claims.proposal.year',
    headcount: 'claims.proposal.headcount',
    employees: 'claims.proposal.employees',
    fte: 'claims.proposal.fte',
    employees_half_time: 'claims.proposal.employeesHalfTime',
    at_risk: 'claims.proposal.atRisk',
    at_risk_half_time: 'claims.proposal.atRiskHalfTime',
  },
};

/** Checks a proposal form of the given kind against the entity; throws one 400 with every problem. */
export async function checkProposal(
  ctx: ModuleContext,
  entityId: string,
  kind: ProposalKind,
  body: Record<string, string | undefined>,
): Promise<{ payload: ProposalPayload; comment: string | null }> {
  const e = await representedEntity(ctx, entityId);
  const f = new FormChecker(body);
  const labels = PROPOSAL_FIELDS[kind];
  const comment = f.text('comment');
  if ([...comment].length > 2000) f.add('comment', 'claims.proposal.comment', 'validation.tooLong', { count: 2000 });
  let payload: ProposalPayload;
  if (kind === 'identifiers') {
    const ident = (field: 'nip' | 'regon' | 'krs', valid: (s: string) => boolean): string | null => {
      const v = f.text(field);
      if (v === '') return null;
      const d = normaliseIdentifier(v);
      if (!d || !valid(d)) {
        f.add(field, labels[field]!, `registry.invalid.${field}` as TKey);
        return null;
      }
      return d;
    };
    const p = { nip: ident('nip', isValidNip), regon: ident('regon', isValidRegon), krs: ident('krs', isValidKrs) };
    for (const field of ['nip', 'regon', 'krs'] as const) {
      if (p[field] !== null && (await registryRepo.findByIdentifier(ctx.db, field, p[field], entityId)))
        f.add(field, labels[field]!, 'registry.invalid.duplicate' as TKey);
    }
    if (!f.problems.length && p.nip === e.nip && p.regon === e.regon && p.krs === e.krs)
      f.add('nip', labels.nip!, 'claims.invalid.noChange');
    payload = p;
  } else if (kind === 'legal_form') {
    const form = f.text('legal_form');
    if (!(LEGAL_FORMS as readonly string[]).includes(form)) f.add('legal_form', labels.legal_form!, 'registry.invalid.choice' as TKey);
    const body = f.text('creating_body');
    if ([...body].length > 300) f.add('creating_body', labels.creating_body!, 'validation.tooLong', { count: 300 });
    const needsBody = FORMS_WITH_CREATING_BODY.includes(form as LegalForm);
    if (needsBody && body === '') f.add('creating_body', labels.creating_body!, 'claims.invalid.creatingBodyRequired');
    const p = { legal_form: form as LegalForm, creating_body: needsBody ? body : null };
    if (!f.problems.length && p.legal_form === e.legal_form && p.creating_body === e.creating_body)
      f.add('legal_form', labels.legal_form!, 'claims.invalid.noChange');
    payload = p;
  } else if (kind === 'ps_status') {
    const k = f.text('kind');
    if (k !== 'granted' && k !== 'lost') f.add('kind', labels.kind!, 'registry.invalid.choice' as TKey);
    const type = f.text('ps_type');
    if (k === 'granted' && !(PS_TYPES as readonly string[]).includes(type))
      f.add('ps_type', labels.ps_type!, 'registry.invalid.choice' as TKey);
    const number = f.text('decision_number');
    if (k === 'granted' && number === '') f.add('decision_number', labels.decision_number!, 'validation.required');
    if ([...number].length > 100) f.add('decision_number', labels.decision_number!, 'validation.tooLong', { count: 100 });
    const date = f.text('decision_date');
    if (!isCalendarDay(date)) f.add('decision_date', labels.decision_date!, 'claims.invalid.date');
    else if (date > warsawToday(ctx.clock)) f.add('decision_date', labels.decision_date!, 'claims.invalid.futureDate');
    const reason = f.text('loss_reason');
    if (k === 'lost' && reason === '') f.add('loss_reason', labels.loss_reason!, 'validation.required');
    if ([...reason].length > 1000) f.add('loss_reason', labels.loss_reason!, 'validation.tooLong', { count: 1000 });
    payload = {
      kind: k as 'granted' | 'lost',
      ps_type: k === 'granted' ? (type as 'reintegration' | 'social_services') : null,
      decision_number: number || null,
      decision_date: date,
      loss_reason: k === 'lost' ? reason : null,
    };
    if (!f.problems.length) {
      const problem = psSequenceProblem([...(await registryRepo.listPsStatus(ctx.db, entityId)), payload]);
      if (problem) f.add('decision_date', labels.decision_date!, `entityRecord.invalid.${problem.key}` as TKey, { date: problem.date });
    }
  } else {
    const int = (field: string) => {
      const v = f.text(field);
      if (!/^\d{1,6}$/.test(v)) {
        f.add(field, labels[field]!, 'claims.invalid.count');
        return 0;
      }
      return Number(v);
    };
    const year = int('year');
    const thisYear = warsawYear(ctx.clock);
    if (!f.hasProblem('year') && (year < 2000 || year > thisYear)) f.add('year', labels.year!, 'claims.invalid.year', { max: thisYear });
    const fte = parseFte(f.text('fte'));
    if (fte === null) f.add('fte', labels.fte!, 'claims.invalid.fte');
    const p: EmploymentPayload = {
      year,
      headcount: int('headcount'),
      employees: int('employees'),
      fte_hundredths: fte ?? 0,
      employees_half_time: int('employees_half_time'),
      at_risk: int('at_risk'),
      at_risk_half_time: int('at_risk_half_time'),
    };
    // the categories are the staff form's own fields, read and checked by the staff form's rules
    p.at_risk_categories = readAtRiskCategories(f);
    if (!f.problems.length) {
      const figures: EmploymentFigures = {
        year,
        headcount: p.headcount,
        employees: p.employees,
        fteHundredths: p.fte_hundredths,
        employeesHalfTime: p.employees_half_time,
        atRisk: p.at_risk,
        atRiskHalfTime: p.at_risk_half_time,
        categories: p.at_risk_categories,
        source: null,
      };
      const fieldOf: Record<string, string> = {
        employees: 'employees',
        employeesHalfTime: 'employees_half_time',
        atRisk: 'at_risk',
        atRiskHalfTime: 'at_risk_half_time',
        fteHundredths: 'fte',
      };
      for (const [field, why] of figureProblems(figures)) {
        const name = fieldOf[field];
        if (name) f.add(name, labels[name]!, `claims.invalid.employment.${why}` as TKey);
        else if (field.startsWith('category.'))
          f.add(employmentFieldOf(field), EMPLOYMENT_LABELS[employmentFieldOf(field)]!, `entityRecord.invalid.${why}`);
      }
    }
    payload = p;
  }
  f.assertValid();
  return { payload, comment: comment || null };
}

export async function submitProposal(
  ctx: ModuleContext,
  entityId: string,
  kind: ProposalKind,
  body: Record<string, string | undefined>,
  proposer: { id: string; displayName: string; email: string; lang: Lang },
  actor: Actor,
): Promise<string> {
  const { payload, comment } = await checkProposal(ctx, entityId, kind, body);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertProposal(trx, {
      id,
      entity_id: entityId,
      kind,
      payload: JSON.stringify(payload),
      comment,
      status: 'pending',
      proposer_id: proposer.id,
      proposer_name: proposer.displayName,
      proposer_email: proposer.email,
      proposer_lang: proposer.lang,
      created_at: nowIso(ctx.clock),
    });
    await recordAudit(
      trx,
      { ...actor, action: 'registry.proposal.submit', subjectType: 'entity_proposal', subjectId: id, meta: { entityId, kind, payload } },
      ctx.clock,
    );
  });
  return id;
}

export async function proposalsOfEntity(ctx: ModuleContext, entityId: string) {
  return repo.listProposals(ctx.db, { entityId }, 100);
}

export async function pendingProposals(ctx: ModuleContext, status: ProposalStatus) {
  return repo.listProposals(ctx.db, { status }, 500);
}

export interface ProposalLine {
  label: TKey;
  before: string | null;
  after: string | null;
}

/** What a proposal would change, field by field, as text in the reader's language. */
export async function proposalLines(ctx: ModuleContext, p: repo.ProposalRow, lang: Lang): Promise<ProposalLine[]> {
  const t = translator(lang);
  const e = await representedEntity(ctx, p.entity_id);
  const payload = JSON.parse(p.payload) as Record<string, unknown>;
  const labels = PROPOSAL_FIELDS[p.kind];
  const str = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
  if (p.kind === 'identifiers')
    return (['nip', 'regon', 'krs'] as const).map((k) => ({ label: labels[k]!, before: e[k], after: str(payload[k]) }));
  if (p.kind === 'legal_form') {
    return [
      {
        label: labels.legal_form!,
        before: t(`registry.legalForm.${e.legal_form}` as TKey),
        after: t(`registry.legalForm.${String(payload.legal_form)}` as TKey),
      },
      { label: labels.creating_body!, before: e.creating_body, after: str(payload.creating_body) },
    ];
  }
  if (p.kind === 'ps_status') {
    return [
      { label: labels.kind!, before: null, after: t(`claims.proposal.psKinds.${String(payload.kind)}` as TKey) },
      {
        label: labels.ps_type!,
        before: null,
        after: payload.ps_type ? t(`claims.proposal.psTypes.${String(payload.ps_type)}` as TKey) : null,
      },
      { label: labels.decision_number!, before: null, after: str(payload.decision_number) },
      { label: labels.decision_date!, before: null, after: str(payload.decision_date) },
      { label: labels.loss_reason!, before: null, after: str(payload.loss_reason) },
    ];
  }
  const year = Number(payload.year);
  const old = await repo.findEmployment(ctx.db, p.entity_id, year);
  const proposed = payload.at_risk_categories as EmploymentPayload['at_risk_categories'];
  const current = old ? figuresOf(old).categories : null;
  // only categories someone counts; none at all for a proposal sent before categories were asked
  const categories = proposed
    ? AT_RISK_CATEGORIES.filter((k) => (proposed[k] ?? 0) > 0 || (current?.[k] ?? 0) > 0).map((k) => ({
        label: EMPLOYMENT_LABELS[`cat_${k}`]!,
        before: current ? String(current[k] ?? 0) : null,
        after: String(proposed[k] ?? 0),
      }))
    : [];
  return [
    { label: labels.year!, before: old ? String(old.year) : null, after: String(year) },
    { label: labels.headcount!, before: old ? String(old.headcount) : null, after: str(payload.headcount) },
    { label: labels.employees!, before: old ? String(old.employees) : null, after: str(payload.employees) },
    { label: labels.fte!, before: old ? formatFte(old.fte_hundredths) : null, after: formatFte(Number(payload.fte_hundredths)) },
    { label: labels.employees_half_time!, before: old ? String(old.employees_half_time) : null, after: str(payload.employees_half_time) },
    { label: labels.at_risk!, before: old ? String(old.at_risk) : null, after: str(payload.at_risk) },
    { label: labels.at_risk_half_time!, before: old ? String(old.at_risk_half_time) : null, after: str(payload.at_risk_half_time) },
    ...categories,
  ];
}

export async function proposalDetail(ctx: ModuleContext, id: string, lang: Lang) {
  const proposal = await repo.findProposal(ctx.db, id);
  if (!proposal) throw new AppError('http.not_found');
  const entity = await representedEntity(ctx, proposal.entity_id);
  return { proposal, entity, lines: await proposalLines(ctx, proposal, lang) };
}

/**
 * Accepts or rejects a pending proposal. Accepting applies it to the record in the same
 * transaction: the history rows carry the verifier (user_id) and the proposer (proposed_by).
 * Rejecting needs a reason, which is e-mailed to the proposer. Identifiers are checked again for
 * duplicates, since another record may have taken the number meanwhile.
 */
export async function decideProposal(
  ctx: ModuleContext,
  id: string,
  body: Record<string, string | undefined>,
  staffId: string,
  actor: Actor,
): Promise<'accept' | 'reject'> {
  const f = new FormChecker(body);
  const decision = f.text('decision');
  if (decision !== 'accept' && decision !== 'reject') f.add('decision', 'claims.admin.decision', 'validation.invalid');
  const reason = f.text('reason');
  if (decision === 'reject' && reason === '') f.add('reason', 'claims.admin.reason', 'claims.invalid.reasonRequired');
  if ([...reason].length > 2000) f.add('reason', 'claims.admin.reason', 'validation.tooLong', { count: 2000 });
  f.assertValid();
  const p = await repo.findProposal(ctx.db, id);
  if (!p) throw new AppError('http.not_found');
  if (p.status !== 'pending') throw new AppError('registry.proposal_decided');
  const e = await representedEntity(ctx, p.entity_id);
  const payload = JSON.parse(p.payload) as Record<string, unknown>;
  const now = nowIso(ctx.clock);
  if (decision === 'accept' && p.kind === 'ps_status') {
    // the register may have changed since the proposal was sent
    const problem = psSequenceProblem([...(await registryRepo.listPsStatus(ctx.db, e.id)), payload as unknown as PsStatusPayload]);
    // no `field`: the staff page has no such input, so the summary shows plain text
    if (problem)
      throw new AppError('http.validation', {}, [
        { label: PROPOSAL_FIELDS.ps_status.decision_date!, key: `entityRecord.invalid.${problem.key}`, params: { date: problem.date } },
      ]);
  }
  if (decision === 'accept' && p.kind === 'identifiers') {
    const taken: { label: TKey; key: TKey }[] = [];
    for (const field of ['nip', 'regon', 'krs'] as const) {
      const v = payload[field] as string | null;
      if (v && (await registryRepo.findByIdentifier(ctx.db, field, v, e.id)))
        taken.push({ label: PROPOSAL_FIELDS.identifiers[field]!, key: 'registry.invalid.duplicate' as TKey });
    }
    if (taken.length) throw new AppError('http.validation', {}, taken);
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (
      !(await repo.decideProposal(trx, id, {
        status: decision === 'accept' ? 'accepted' : 'rejected',
        decided_at: now,
        decided_by: staffId,
        decision_reason: reason || null,
      }))
    )
      throw new AppError('registry.proposal_decided');
    if (decision === 'reject') {
      const lang: Lang = isLang(p.proposer_lang) ? p.proposer_lang : 'pl';
      const change = translator(lang)(`claims.kinds.${p.kind}` as TKey);
      await enqueueMail(
        trx,
        {
          to: p.proposer_email,
          lang,
          template: 'registry_proposal_rejected',
          params: { name: p.proposer_name, entity: e.name, change, reason },
        },
        ctx.clock,
      );
      await recordAudit(
        trx,
        {
          ...actor,
          action: 'registry.proposal.reject',
          subjectType: 'entity_proposal',
          subjectId: id,
          meta: { entityId: e.id, kind: p.kind, reason },
        },
        ctx.clock,
      );
      return;
    }
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    const history = (field: string, before: unknown, after: unknown) => ({
      id: newId(),
      entity_id: e.id,
      at: now,
      user_id: staffId,
      proposed_by: p.proposer_id,
      field,
      old_value: before === null || before === undefined ? null : String(before),
      new_value: after === null || after === undefined ? null : String(after),
    });
    const rows: ReturnType<typeof history>[] = [];
    if (p.kind === 'identifiers' || p.kind === 'legal_form') {
      const fields = p.kind === 'identifiers' ? (['nip', 'regon', 'krs'] as const) : (['legal_form', 'creating_body'] as const);
      const update: Record<string, unknown> = {};
      for (const field of fields) {
        const after = (payload[field] ?? null) as string | null;
        if (e[field] !== after) {
          update[field] = after;
          rows.push(history(field, e[field], after));
        }
      }
      if (p.kind === 'legal_form')
        update.search_doc = entitySearchDocument(
          { ...e, legal_form: payload.legal_form as LegalForm },
          await gminaName(ctx, e.gmina_teryt),
        );
      await registryRepo.updateEntity(trx, e.id, { ...update, updated_at: now });
    } else if (p.kind === 'ps_status') {
      const s = payload as unknown as PsStatusPayload;
      await registryRepo.insertPsStatus(trx, {
        id: newId(),
        entity_id: e.id,
        kind: s.kind,
        ps_type: s.ps_type,
        decision_number: s.decision_number,
        decision_date: s.decision_date,
        loss_reason: s.loss_reason,
      });
      rows.push(
        history(
          'ps_status',
          null,
          JSON.stringify({
            kind: s.kind,
            ps_type: s.ps_type,
            decision_number: s.decision_number,
            decision_date: s.decision_date,
            loss_reason: s.loss_reason,
          }),
        ),
      );
    } else {
      // written exactly as a staff edit of the year (row, field history, audit), naming the proposer
      const m = payload as unknown as EmploymentPayload;
      const old = await rrepo.findEmployment(trx, e.id, m.year);
      const current = old ? figuresOf(old) : null;
      const figures: EmploymentFigures = {
        year: m.year,
        headcount: m.headcount,
        employees: m.employees,
        fteHundredths: m.fte_hundredths,
        employeesHalfTime: m.employees_half_time,
        atRisk: m.at_risk,
        atRiskHalfTime: m.at_risk_half_time,
        // a proposal sent before categories were asked leaves the stored ones as they are
        categories: m.at_risk_categories ?? current?.categories ?? {},
        // the source is a staff note; a proposal has none
        source: current?.source ?? null,
      };
      const change = await writeEmploymentYear(
        trx,
        ctx,
        e.id,
        old,
        figures,
        { ...actor, actorId: staffId },
        { proposedBy: p.proposer_id, meta: { proposalId: id } },
      );
      if (change) changes.employment = change;
    }
    await registryRepo.insertChanges(trx, rows);
    for (const r of rows) changes[r.field] = { before: r.old_value, after: r.new_value };
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'registry.proposal.accept',
        subjectType: 'entity_proposal',
        subjectId: id,
        changes,
        meta: { entityId: e.id, kind: p.kind, proposerId: p.proposer_id },
      },
      ctx.clock,
    );
  });
  return decision as 'accept' | 'reject';
}
