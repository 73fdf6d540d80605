// Rules of the support centres (OWES): which centre serves a gmina on a day (the gmina's powiat →
// the territory subregion valid that day → the centre serving that subregion's code that day), the
// state of a centre's accreditation (valid, lapsed with its date, not known), the nearest office, the
// staff's edits (each audited), and the daily reminders 60 and 14 days before an accreditation ends.
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { polishSortKey } from '../../core/db/collation.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { addDays, daysBetween, isCalendarDay, warsawToday } from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import { translator, type Lang, type TKey } from '../../i18n/index.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import { enqueueMail } from '../mail/index.js';
import { checkWeeklyHours, getInstitution, type WeeklyHours } from '../site/index.js';
import {
  checkGminaField,
  GMINA_PATTERN,
  gminaChoices,
  gminaTypeKey,
  resolveGmina,
  type GminaChoice,
  listSubregionsWithMembers,
  listUnits,
  mapGeometry,
  periodContains,
  periodsOverlap,
  subregionOfPowiat,
  type Subregion,
} from '../territory/index.js';
import { isSupportService, SUPPORT_SERVICES, type SupportService } from './services.js';
import { CENTRE_REMOVED_SETTING } from './support.opendata.js';
import * as repo from './support.repo.js';
import type { AccreditationRow, AreaRow, CentreRow, ContactRow, Executor, PartnerRow } from './support.repo.js';

export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;

/** Days before the end of an accreditation when staff are reminded. */
export const REMINDER_DAYS = [60, 14] as const;

// --- gminy ----------------------------------------------------------------------------------------

/** A gmina as the support pages name it: territory's choice with a label that always tells kind and powiat. */
export interface GminaOption extends GminaChoice {
  /** "Grudziądz (gmina miejska, powiat Grudziądz)": unique, so two gminy of one name can be told apart. */
  label: string;
  powiat: string;
}

export async function gminaOptions(ctx: Pick<ModuleContext, 'db' | 'database'>, lang: Lang): Promise<GminaOption[]> {
  const t = translator(lang);
  return (await gminaChoices(ctx)).map((g) => ({
    ...g,
    powiat: g.powiatTeryt,
    label: `${g.name} (${t(gminaTypeKey(g.gminaType))}, ${t('support.finder.powiat', { name: g.powiatName || g.powiatTeryt })})`,
  }));
}

/**
 * The gminy a typed name may mean, through territory's one resolver: the gmina it names, else the
 * several of that name (to choose from), else the names close to it (possibly none). The finder
 * offers them as links; a form reads its field with `checkGminaField` and never takes a guess.
 */
export function matchGmina(options: readonly GminaOption[], text: string): GminaOption[] {
  const r = resolveGmina(options, text);
  if (r.kind === 'found') return [r.gmina];
  if (r.kind === 'ambiguous') return r.candidates;
  if (r.kind === 'unknown') return r.suggestions;
  return [];
}

// --- which centre serves a gmina ------------------------------------------------------------------

export interface Serving {
  centreId: string;
  subregion: Subregion;
}

/** The centre serving `gminaTeryt` on `day`, from already read subregions and areas (pure). */
export function servingFrom(subregions: readonly Subregion[], areas: readonly AreaRow[], gminaTeryt: string, day: string): Serving | null {
  const subregion = subregionOfPowiat(subregions, day).get(gminaTeryt.slice(0, 4));
  if (!subregion) return null;
  const area = areas
    .filter((a) => a.subregion_code === subregion.code && periodContains({ from: a.valid_from, to: a.valid_to }, day))
    .sort((a, b) => b.valid_from.localeCompare(a.valid_from))[0];
  return area ? { centreId: area.centre_id, subregion } : null;
}

/** The territory subregion of a gmina on a day, whether or not a centre serves it. */
export async function subregionOn(ctx: Pick<ModuleContext, 'db' | 'database'>, gminaTeryt: string, day: string): Promise<Subregion | null> {
  return subregionOfPowiat(await listSubregionsWithMembers(ctx), day).get(gminaTeryt.slice(0, 4)) ?? null;
}

/** Which centre serves each of `gminaTeryts` on `day`, from one read of the subregions and areas. */
export async function servingCentres(
  ctx: Pick<ModuleContext, 'db' | 'database'>,
  gminaTeryts: readonly string[],
  day: string,
): Promise<Map<string, Serving>> {
  const [subregions, areas] = await Promise.all([listSubregionsWithMembers(ctx), repo.listAreas(ctx.db)]);
  const out = new Map<string, Serving>();
  for (const g of gminaTeryts) {
    const serving = servingFrom(subregions, areas, g, day);
    if (serving) out.set(g, serving);
  }
  return out;
}

export async function servingCentre(ctx: Pick<ModuleContext, 'db' | 'database'>, gminaTeryt: string, day: string): Promise<Serving | null> {
  const [subregions, areas] = await Promise.all([listSubregionsWithMembers(ctx), repo.listAreas(ctx.db)]);
  return servingFrom(subregions, areas, gminaTeryt, day);
}

// --- accreditation --------------------------------------------------------------------------------

export type AccreditationState =
  | { kind: 'valid'; current: AccreditationRow }
  /** The last accreditation ended on `last.valid_to` and none covers today. */
  | { kind: 'lapsed'; last: AccreditationRow }
  /** Only a future accreditation is known. */
  | { kind: 'future'; next: AccreditationRow }
  | { kind: 'unknown' };

export function accreditationState(accreditations: readonly AccreditationRow[], today: string): AccreditationState {
  const current = accreditations
    .filter((a) => a.valid_from <= today && today <= a.valid_to)
    .sort((a, b) => b.valid_to.localeCompare(a.valid_to))[0];
  if (current) return { kind: 'valid', current };
  const last = accreditations.filter((a) => a.valid_to < today).sort((a, b) => b.valid_to.localeCompare(a.valid_to))[0];
  if (last) return { kind: 'lapsed', last };
  const next = accreditations.filter((a) => a.valid_from > today).sort((a, b) => a.valid_from.localeCompare(b.valid_from))[0];
  return next ? { kind: 'future', next } : { kind: 'unknown' };
}

/**
 * The reminder due for an accreditation on `today`: 60 days ahead (until 15 days before), 14 days
 * ahead (until the last day), none when a later accreditation of the centre already follows it.
 */
export function reminderDue(
  a: AccreditationRow,
  all: readonly AccreditationRow[],
  today: string,
  sent: ReadonlySet<number>,
): number | null {
  if (all.some((o) => o.centre_id === a.centre_id && o.id !== a.id && o.valid_to > a.valid_to && o.valid_from <= addDays(a.valid_to, 1)))
    return null;
  const left = daysBetween(today, a.valid_to);
  if (left < 0) return null;
  if (left <= 14) return sent.has(14) ? null : 14;
  if (left <= 60) return sent.has(60) ? null : 60;
  return null;
}

/** The scheduled job: each due reminder goes to the institution's e-mail once (the ledger makes it idempotent). */
export async function sendAccreditationReminders(ctx: ModuleContext): Promise<string> {
  const today = warsawToday(ctx.clock);
  const to = (await getInstitution(ctx)).email;
  const [all, sentRows, centres] = await Promise.all([
    repo.listAccreditations(ctx.db),
    repo.remindersSent(ctx.db),
    repo.listCentres(ctx.db),
  ]);
  if (!to) return 'accreditation reminders: no institution e-mail set';
  const names = new Map(centres.map((c) => [c.id, c.name]));
  const sentBy = new Map<string, Set<number>>();
  for (const r of sentRows) sentBy.set(r.accreditation_id, new Set([...(sentBy.get(r.accreditation_id) ?? []), r.days_before]));
  let sent = 0;
  for (const a of all) {
    const due = reminderDue(a, all, today, sentBy.get(a.id) ?? new Set());
    if (due === null) continue;
    const t = translator('pl');
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.recordReminder(trx, a.id, due, nowIso(ctx.clock)))) return;
      // a 14-day reminder makes the 60-day one pointless if it was never sent
      if (due === 14) await repo.recordReminder(trx, a.id, 60, nowIso(ctx.clock));
      await enqueueMail(
        trx,
        {
          to,
          lang: 'pl',
          template: 'support_accreditation_reminder',
          params: {
            centre: names.get(a.centre_id) ?? a.centre_id,
            validTo: a.valid_to,
            days: t('support.daysLeft', { count: daysBetween(today, a.valid_to) }),
            link: `${ctx.config.publicUrl.replace(/\/$/, '')}/admin/wsparcie/${a.centre_id}`,
          },
        },
        ctx.clock,
      );
      sent += 1;
    });
  }
  return `accreditation reminders: ${sent} sent`;
}

// --- centres as shown -------------------------------------------------------------------------------

export interface OfficeView {
  id: string;
  street: string;
  postalCode: string;
  city: string;
  gminaTeryt: string;
  gminaName: string | null;
  hours: WeeklyHours | null;
  phone: string | null;
  email: string | null;
}

export interface AreaView extends AreaRow {
  /** The subregion's name (in the page's language) as the territory module has it for that period, or its code. */
  subregionName: string;
}

export interface CentreDetail {
  centre: CentreRow;
  partners: PartnerRow[];
  areas: AreaView[];
  offices: OfficeView[];
  contacts: ContactRow[];
  services: SupportService[];
  accreditations: AccreditationRow[];
  accreditation: AccreditationState;
}

function subregionName(subregions: readonly Subregion[], code: string, day: string, lang: Lang): string {
  const same = subregions.filter((s) => s.code === code);
  const s = same.find((x) => periodContains({ from: x.valid_from, to: x.valid_to }, day)) ?? same.at(-1);
  return s ? (lang === 'pl' ? s.name_pl : s.name_en) : code;
}

export async function listCentreDetails(ctx: ModuleContext, lang: Lang, only?: string): Promise<CentreDetail[]> {
  const today = warsawToday(ctx.clock);
  const [centres, partners, areas, offices, contacts, services, accreditations, subregions, gminy] = await Promise.all([
    only ? repo.findCentre(ctx.db, only).then((c) => (c ? [c] : [])) : repo.listCentres(ctx.db),
    repo.listPartners(ctx.db, only),
    repo.listAreas(ctx.db, only),
    repo.listOffices(ctx.db, only),
    repo.listContacts(ctx.db, only),
    repo.listServices(ctx.db, only),
    repo.listAccreditations(ctx.db, only),
    listSubregionsWithMembers(ctx),
    listUnits(ctx.db, 'gmina'),
  ]);
  const gminaName = new Map(gminy.map((g) => [g.teryt, g.name]));
  const of = <T extends { centre_id: string }>(rows: readonly T[], id: string) => rows.filter((r) => r.centre_id === id);
  return centres.map((centre) => {
    const accs = of(accreditations, centre.id);
    return {
      centre,
      partners: of(partners, centre.id).sort(
        (a, b) => (a.role === 'lead' ? 0 : 1) - (b.role === 'lead' ? 0 : 1) || a.position - b.position,
      ),
      areas: of(areas, centre.id).map((a) => ({ ...a, subregionName: subregionName(subregions, a.subregion_code, a.valid_from, lang) })),
      offices: of(offices, centre.id).map((o) => ({
        id: o.id,
        street: o.street,
        postalCode: o.postal_code,
        city: o.city,
        gminaTeryt: o.gmina_teryt,
        gminaName: gminaName.get(o.gmina_teryt) ?? null,
        hours: o.hours === null ? null : (JSON.parse(o.hours) as WeeklyHours),
        phone: o.phone,
        email: o.email,
      })),
      contacts: of(contacts, centre.id),
      services: SUPPORT_SERVICES.filter((s) => of(services, centre.id).some((r) => r.service === s)),
      accreditations: accs,
      accreditation: accreditationState(accs, today),
    };
  });
}

export async function centreDetail(ctx: ModuleContext, id: string, lang: Lang): Promise<CentreDetail> {
  const [found] = await listCentreDetails(ctx, lang, id);
  if (!found) throw new AppError('http.not_found');
  return found;
}

/** The office nearest to a gmina: one in the gmina itself, else the one whose gmina's centre is closest on the map. */
export async function nearestOffice(ctx: ModuleContext, offices: readonly OfficeView[], gminaTeryt: string): Promise<OfficeView | null> {
  if (offices.length === 0) return null;
  const inGmina = offices.find((o) => o.gminaTeryt === gminaTeryt);
  if (inGmina) return inGmina;
  const centres = (await mapGeometry(ctx.db)).gminy.centres;
  const here = centres.get(gminaTeryt);
  if (!here) return offices[0]!;
  const dist = (o: OfficeView) => {
    const c = centres.get(o.gminaTeryt);
    return c ? Math.hypot(c[0] - here[0], c[1] - here[1]) : Number.POSITIVE_INFINITY;
  };
  return [...offices].sort((a, b) => dist(a) - dist(b))[0]!;
}

export interface SupportAnswer {
  gmina: GminaOption;
  today: string;
  /** null: no centre is recorded as serving this gmina today. */
  centre: CentreDetail | null;
  subregion: Subregion | null;
  office: OfficeView | null;
}

export async function supportFor(ctx: ModuleContext, gmina: GminaOption, lang: Lang): Promise<SupportAnswer> {
  const today = warsawToday(ctx.clock);
  const serving = await servingCentre(ctx, gmina.teryt, today);
  if (!serving) {
    return { gmina, today, centre: null, subregion: await subregionOn(ctx, gmina.teryt, today), office: null };
  }
  const centre = await centreDetail(ctx, serving.centreId, lang);
  return { gmina, today, centre, subregion: serving.subregion, office: await nearestOffice(ctx, centre.offices, gmina.teryt) };
}

// --- staff edits ----------------------------------------------------------------------------------

type Values = Record<string, unknown>;

async function audit(trx: Executor, ctx: ModuleContext, actor: Actor, action: string, centreId: string, changes: Record<string, unknown>) {
  const diff: Record<string, { before: unknown; after: unknown }> = {};
  for (const [k, v] of Object.entries(changes)) diff[k] = v as { before: unknown; after: unknown };
  await recordAudit(
    trx,
    { ...actor, action: `support.${action}`, subjectType: 'support_centre', subjectId: centreId, changes: diff },
    ctx.clock,
  );
}

const change = (before: unknown, after: unknown) => ({ before, after });
const URL_RE = /^https?:\/\/[^\s]+$/u;
const POSTAL_RE = /^\d{2}-\d{3}$/u;

function optionalEmail(f: FormChecker, field: string, label: TKey): string | null {
  return f.text(field) === '' ? null : f.email(field, label);
}

function checkCentre(values: Values): {
  name: string;
  website: string | null;
  leads_email: string | null;
  sources: string;
  is_example: boolean;
} {
  const f = new FormChecker(values);
  const name = f.required('name', 'support.field.name', { max: 300 });
  const website = f.text('website');
  if (website !== '' && !URL_RE.test(website)) f.add('website', 'support.field.website', 'support.problem.url');
  const leads_email = optionalEmail(f, 'leads_email', 'support.field.leadsEmail');
  const sources = f.text('sources');
  if (sources.length > 4000) f.add('sources', 'support.field.sources', 'validation.tooLong', { count: 4000 });
  f.assertValid();
  return { name, website: website || null, leads_email, sources, is_example: f.text('is_example') === '1' };
}

export async function createCentre(ctx: ModuleContext, values: Values, actor: Actor): Promise<string> {
  const input = checkCentre(values);
  const id = newId();
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertCentre(trx, { id, ...input, name_sort: polishSortKey(input.name), created_at: now, updated_at: now });
    await audit(trx, ctx, actor, 'centre.create', id, Object.fromEntries(Object.entries(input).map(([k, v]) => [k, change(null, v)])));
  });
  return id;
}

export async function findCentre(ctx: Pick<ModuleContext, 'db'>, id: string): Promise<CentreRow | undefined> {
  return repo.findCentre(ctx.db, id);
}

export async function findCentreByName(ctx: Pick<ModuleContext, 'db'>, name: string): Promise<CentreRow | undefined> {
  return repo.findCentreByName(ctx.db, name);
}

async function existing(ctx: ModuleContext, id: string): Promise<CentreRow> {
  const c = await repo.findCentre(ctx.db, id);
  if (!c) throw new AppError('http.not_found');
  return c;
}

export async function updateCentre(ctx: ModuleContext, id: string, values: Values, actor: Actor): Promise<void> {
  const before = await existing(ctx, id);
  const input = checkCentre(values);
  const changes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input))
    if (before[k as keyof typeof input] !== v) changes[k] = change(before[k as keyof typeof input], v);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateCentre(trx, id, { ...input, name_sort: polishSortKey(input.name), updated_at: nowIso(ctx.clock) });
    await audit(trx, ctx, actor, 'centre.update', id, changes);
  });
}

export async function deleteCentre(ctx: ModuleContext, id: string, actor: Actor): Promise<void> {
  const before = await existing(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteCentre(trx, id);
    await audit(trx, ctx, actor, 'centre.delete', id, { name: change(before.name, null) });
  });
  // the open dataset's "last changed" must move even though the centre's row is gone
  await ctx.settings.set(CENTRE_REMOVED_SETTING, nowIso(ctx.clock));
}

export async function setServices(ctx: ModuleContext, id: string, values: Values, actor: Actor): Promise<void> {
  await existing(ctx, id);
  const raw = values.services;
  const list = (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []).filter((v): v is string => typeof v === 'string');
  const f = new FormChecker(values);
  if (list.some((s) => !isSupportService(s))) f.add('services', 'support.field.services', 'support.problem.service');
  f.assertValid();
  const before = (await repo.listServices(ctx.db, id)).map((r) => r.service);
  const after = SUPPORT_SERVICES.filter((s) => list.includes(s));
  await ctx.db.transaction().execute(async (trx) => {
    await repo.replaceServices(trx, id, after);
    await repo.touchCentre(trx, id, nowIso(ctx.clock));
    await audit(trx, ctx, actor, 'services.update', id, { services: change(before, after) });
  });
}

/** A period's two fields (`<prefix>_from`, `<prefix>_to`: each form on the staff page has its own names). */
function checkPeriod(f: FormChecker, prefix: string, required: boolean): { from: string; to: string | null } {
  const [fromField, toField] = [`${prefix}_from`, `${prefix}_to`];
  const from = f.text(fromField);
  const to = f.text(toField);
  if (from === '') f.add(fromField, 'support.field.validFrom', 'validation.required');
  else if (!isCalendarDay(from)) f.add(fromField, 'support.field.validFrom', 'support.problem.date');
  if (to === '' && required) f.add(toField, 'support.field.validTo', 'validation.required');
  else if (to !== '' && !isCalendarDay(to)) f.add(toField, 'support.field.validTo', 'support.problem.date');
  else if (to !== '' && isCalendarDay(from) && to < from) f.add(toField, 'support.field.validTo', 'support.problem.endBeforeStart');
  return { from, to: to === '' ? null : to };
}

/** A subregion served for a period; refused when another centre (or this one) serves that subregion on an overlapping day. */
export async function addArea(ctx: ModuleContext, id: string, values: Values, actor: Actor): Promise<void> {
  await existing(ctx, id);
  const f = new FormChecker(values);
  const code = f.text('subregion_code');
  const subregions = await listSubregionsWithMembers(ctx);
  if (!subregions.some((s) => s.code === code)) f.add('subregion_code', 'support.field.subregion', 'support.problem.subregion');
  const period = checkPeriod(f, 'area', false);
  if (f.problems.length === 0) {
    const centres = new Map((await repo.listCentres(ctx.db)).map((c) => [c.id, c.name]));
    const clash = (await repo.listAreas(ctx.db)).find(
      (a) => a.subregion_code === code && periodsOverlap(period, { from: a.valid_from, to: a.valid_to }),
    );
    if (clash)
      f.add('area_from', 'support.field.validFrom', 'support.problem.areaTaken', {
        centre: centres.get(clash.centre_id) ?? '',
        from: clash.valid_from,
        to: clash.valid_to ?? '…',
      });
  }
  f.assertValid();
  const row = { id: newId(), centre_id: id, subregion_code: code, valid_from: period.from, valid_to: period.to };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertPart(trx, 'support_centre_areas', row);
    await repo.touchCentre(trx, id, nowIso(ctx.clock));
    await audit(trx, ctx, actor, 'area.create', id, {
      area: change(null, { subregion_code: code, valid_from: period.from, valid_to: period.to }),
    });
  });
}

export async function addPartner(ctx: ModuleContext, id: string, values: Values, actor: Actor): Promise<void> {
  await existing(ctx, id);
  const f = new FormChecker(values);
  const name = f.required('partner_name', 'support.field.partnerName', { max: 300 });
  const roleText = f.text('role');
  const role = roleText === 'lead' ? 'lead' : roleText === 'member' ? 'member' : 'partner';
  // the registry entity is named by the address of its page (/podmioty/<id>-<name>), copied from the catalogue
  const entityText = f.text('entity');
  let entity_id: string | null = null;
  if (entityText !== '') {
    const m = /\/podmioty\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/u.exec(entityText);
    if (m) entity_id = m[1]!;
    else f.add('entity', 'support.field.entity', 'support.problem.entity');
  }
  f.assertValid();
  const row = {
    id: newId(),
    centre_id: id,
    role,
    name,
    entity_id,
    position: await repo.nextPosition(ctx.db, 'support_centre_partners', id),
  } as const;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertPart(trx, 'support_centre_partners', row);
    await repo.touchCentre(trx, id, nowIso(ctx.clock));
    await audit(trx, ctx, actor, 'partner.create', id, { partner: change(null, { role, name, entity_id }) });
  });
}

export async function addOffice(ctx: ModuleContext, id: string, values: Values, actor: Actor): Promise<void> {
  await existing(ctx, id);
  const f = new FormChecker(values);
  const street = f.required('street', 'support.field.street', { max: 200 });
  const postal_code = f.required('postal_code', 'support.field.postalCode', { max: 6 });
  if (postal_code !== '' && !POSTAL_RE.test(postal_code)) f.add('postal_code', 'support.field.postalCode', 'support.problem.postalCode');
  const city = f.required('city', 'support.field.city', { max: 100 });
  const gminaTeryt = checkGminaField(f, translator('pl'), await gminaChoices(ctx), 'gmina', 'support.field.gmina', { required: true });
  const hoursKnown = f.text('hours_known') === '1';
  const hours = checkWeeklyHours(f);
  const phone = f.text('office_phone');
  if (phone.length > 50) f.add('office_phone', 'support.field.phone', 'validation.tooLong', { count: 50 });
  const email = optionalEmail(f, 'office_email', 'support.field.email');
  f.assertValid();
  const gmina_teryt = gminaTeryt ?? '';
  if (!GMINA_PATTERN.test(gmina_teryt)) throw new AppError('http.validation');
  const row = {
    id: newId(),
    centre_id: id,
    street,
    postal_code,
    city,
    gmina_teryt,
    hours: hoursKnown ? JSON.stringify(hours) : null,
    phone: phone || null,
    email,
    position: await repo.nextPosition(ctx.db, 'support_centre_offices', id),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertPart(trx, 'support_centre_offices', row);
    await repo.touchCentre(trx, id, nowIso(ctx.clock));
    await audit(trx, ctx, actor, 'office.create', id, {
      office: change(null, { street, postal_code, city, gmina_teryt, hours: row.hours, phone, email }),
    });
  });
}

export async function addContact(ctx: ModuleContext, id: string, values: Values, actor: Actor): Promise<void> {
  await existing(ctx, id);
  const f = new FormChecker(values);
  const function_name = f.required('function_name', 'support.field.function', { max: 200 });
  const email = optionalEmail(f, 'contact_email', 'support.field.email');
  const phone = f.text('contact_phone');
  if (phone.length > 50) f.add('contact_phone', 'support.field.phone', 'validation.tooLong', { count: 50 });
  if (!email && phone === '') f.add('contact_email', 'support.field.email', 'support.problem.contactChannel');
  f.assertValid();
  const row = {
    id: newId(),
    centre_id: id,
    function_name,
    email,
    phone: phone || null,
    position: await repo.nextPosition(ctx.db, 'support_centre_contacts', id),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertPart(trx, 'support_centre_contacts', row);
    await repo.touchCentre(trx, id, nowIso(ctx.clock));
    await audit(trx, ctx, actor, 'contact.create', id, { contact: change(null, { function_name, email, phone }) });
  });
}

export async function addAccreditation(ctx: ModuleContext, id: string, values: Values, actor: Actor): Promise<void> {
  await existing(ctx, id);
  const f = new FormChecker(values);
  const decision_number = f.required('decision_number', 'support.field.decisionNumber', { max: 100 });
  const decision_date = f.text('decision_date');
  if (decision_date !== '' && !isCalendarDay(decision_date)) f.add('decision_date', 'support.field.decisionDate', 'support.problem.date');
  const period = checkPeriod(f, 'acc', true);
  const granting_body = f.required('granting_body', 'support.field.grantingBody', { max: 300 });
  f.assertValid();
  const row = {
    id: newId(),
    centre_id: id,
    decision_number,
    decision_date: decision_date || null,
    valid_from: period.from,
    valid_to: period.to!,
    granting_body,
    created_at: nowIso(ctx.clock),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertPart(trx, 'support_accreditations', row);
    await repo.touchCentre(trx, id, nowIso(ctx.clock));
    const { id: _id, centre_id: _c, created_at: _a, ...facts } = row;
    await audit(trx, ctx, actor, 'accreditation.create', id, { accreditation: change(null, facts) });
  });
}

export const PART_TABLES = {
  partner: 'support_centre_partners',
  area: 'support_centre_areas',
  office: 'support_centre_offices',
  contact: 'support_centre_contacts',
  accreditation: 'support_accreditations',
} as const;
export type PartKind = keyof typeof PART_TABLES;

export async function removePart(ctx: ModuleContext, id: string, kind: PartKind, partId: string, actor: Actor): Promise<void> {
  await existing(ctx, id);
  const table = PART_TABLES[kind];
  const before = await repo.findPart(ctx.db, table, id, partId);
  if (!before) throw new AppError('http.not_found');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deletePart(trx, table, id, partId);
    await repo.touchCentre(trx, id, nowIso(ctx.clock));
    await audit(trx, ctx, actor, `${kind}.delete`, id, { [kind]: change(before, null) });
  });
}
