// The institution that runs the platform: its name, address, contact channels, office hours and
// extra closed days are settings (seeded with ROPS Toruń), shown in every page footer with the
// open-now sentence. Also loads the public holiday rules.
import type { Lang } from '../../i18n/index.js';
import { translator } from '../../i18n/index.js';
import type { ModuleContext, SeedResult } from '../../core/module.js';
import type { FooterData } from '../../core/ui/context.js';
import { readReferenceCsv } from '../../core/data/reference.js';
import { isCalendarDay } from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import { diffFields, recordAudit, type AuditEntry } from '../audit/index.js';
import { listHolidayRules, upsertHolidayRules } from './site.repo.js';
import {
  isTime,
  officeStatus,
  statusSentence,
  WEEKDAYS,
  type Calendar,
  type ClosedDay,
  type HolidayRule,
  type OpeningHours,
  type Weekday,
  type WeeklyHours,
} from './office-hours.js';

export { WEEKDAYS, type OpeningHours, type Weekday };

export interface Institution {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string | null;
  email: string | null;
  /** Electronic inbox on ePUAP, e.g. "/abc123/SkrytkaESP". */
  epuap: string | null;
  /** The institution's Public Information Bulletin (BIP). */
  bipUrl: string | null;
  /** Map location (WGS84), shown as a link to a map; null when not set. */
  location: { lat: number; lon: number } | null;
  hours: Record<Weekday, OpeningHours | null>;
  /** Days the office is closed besides statutory holidays (e.g. a day off for a Saturday holiday). */
  closedDays: ClosedDay[];
}

export const INSTITUTION_KEY = 'site.institution';

/** Real public data of ROPS Toruń (address and office hours as published by the institution). */
export const ROPS_TORUN: Institution = {
  name: 'Regionalny Ośrodek Polityki Społecznej w Toruniu',
  street: 'ul. Janiny Bartkiewiczówny 93',
  postalCode: '87-100',
  city: 'Toruń',
  // not published with certainty in a source we hold: editors fill these in at /admin/kontakt
  phone: null,
  email: null,
  epuap: null,
  bipUrl: null,
  location: null,
  hours: {
    mon: { open: '07:30', close: '15:30' },
    tue: { open: '07:30', close: '17:00' },
    wed: { open: '07:30', close: '15:30' },
    thu: { open: '07:30', close: '15:30' },
    fri: { open: '07:30', close: '14:00' },
    sat: null,
    sun: null,
  },
  closedDays: [],
};

export async function getInstitution(ctx: ModuleContext): Promise<Institution> {
  // settings written before a field existed lack it: the defaults fill the gap
  const stored = await ctx.settings.get<Partial<Institution>>(INSTITUTION_KEY, ROPS_TORUN);
  return { ...ROPS_TORUN, ...stored, hours: { ...ROPS_TORUN.hours, ...(stored.hours ?? {}) }, closedDays: stored.closedDays ?? [] };
}

const RULES_TTL_MS = 5 * 60_000;
const rulesCache = new WeakMap<object, { rules: HolidayRule[]; at: number }>();

/** Holiday rules change only when reference data is reloaded; every page footer needs them. */
export async function holidayRules(ctx: ModuleContext): Promise<HolidayRule[]> {
  const hit = rulesCache.get(ctx.db);
  if (hit && Date.now() - hit.at < RULES_TTL_MS) return hit.rules;
  const rules = await listHolidayRules(ctx.db);
  rulesCache.set(ctx.db, { rules, at: Date.now() });
  return rules;
}

export async function officeCalendar(ctx: ModuleContext, inst?: Institution): Promise<Calendar> {
  const i = inst ?? (await getInstitution(ctx));
  return { hours: i.hours, rules: await holidayRules(ctx), closedDays: i.closedDays };
}

/** The open-now sentence for the current moment, or null when no hours are set. */
export async function officeStatusLine(ctx: ModuleContext, lang: Lang, inst?: Institution): Promise<string | null> {
  return statusSentence(officeStatus(ctx.clock.now(), await officeCalendar(ctx, inst)), lang);
}

function hm(time: string): string {
  // "07:30" → "7:30", as Polish offices write it
  return time.replace(/^0(\d)/, '$1');
}

/** Consecutive weekdays with the same hours collapse into one row ("środa–czwartek"). */
export function hoursRows(hours: Institution['hours'], lang: Lang): { label: string; value: string }[] {
  const t = translator(lang);
  const text = (h: OpeningHours | null) => (h ? `${hm(h.open)}–${hm(h.close)}` : t('site.closed'));
  const rows: { from: Weekday; to: Weekday; value: string }[] = [];
  for (const day of WEEKDAYS) {
    const value = text(hours[day]);
    const last = rows.at(-1);
    if (last && last.value === value) last.to = day;
    else rows.push({ from: day, to: day, value });
  }
  return rows.map((r) => ({
    label: r.from === r.to ? t(`weekdays.${r.from}`) : `${t(`weekdays.${r.from}`)}–${t(`weekdays.${r.to}`)}`,
    value: r.value,
  }));
}

/** Per database: the footer of the current minute per language, while the settings and rules are the same objects. */
const footerCache = new WeakMap<object, { stored: unknown; rules: unknown; minute: number; byLang: Map<Lang, FooterData> }>();

/**
 * The footer every page shows: the institution's address and hours and the open-now sentence. It
 * changes at most once a minute (the sentence) or when the settings or holiday rules are reloaded
 * (the stores hand out the same objects until then), so it is built once per minute and language.
 */
export async function footerData(ctx: ModuleContext, lang: Lang): Promise<FooterData> {
  const [stored, rules] = await Promise.all([ctx.settings.get<unknown>(INSTITUTION_KEY, ROPS_TORUN), holidayRules(ctx)]);
  const minute = Math.floor(ctx.clock.now().getTime() / 60_000);
  let cache = footerCache.get(ctx.db);
  if (!cache || cache.stored !== stored || cache.rules !== rules || cache.minute !== minute) {
    cache = { stored, rules, minute, byLang: new Map() };
    footerCache.set(ctx.db, cache);
  }
  const hit = cache.byLang.get(lang);
  if (hit) return hit;
  const data = await buildFooter(ctx, lang);
  cache.byLang.set(lang, data);
  return data;
}

async function buildFooter(ctx: ModuleContext, lang: Lang): Promise<FooterData> {
  const inst = await getInstitution(ctx);
  const status = await officeStatusLine(ctx, lang, inst);
  return {
    institutionName: inst.name,
    addressLines: [inst.street, `${inst.postalCode} ${inst.city}`],
    ...(inst.phone ? { phone: inst.phone } : {}),
    ...(inst.email ? { email: inst.email } : {}),
    hours: hoursRows(inst.hours, lang),
    ...(status ? { status } : {}),
  };
}

interface HolidayRuleRow extends Record<string, string> {
  id: string;
  name_pl: string;
  rule_type: string;
  month_day: string;
  easter_offset_days: string;
  valid_from: string;
}

export async function seedSiteReference(ctx: ModuleContext): Promise<SeedResult> {
  const rules = readReferenceCsv<HolidayRuleRow>('swieta_pl_reguly.csv').map((r) => {
    if (r.rule_type !== 'fixed' && r.rule_type !== 'easter') throw new Error(`unknown holiday rule type ${r.rule_type}`);
    return {
      id: r.id,
      name_pl: r.name_pl,
      rule_type: r.rule_type as 'fixed' | 'easter',
      month_day: r.month_day || null,
      easter_offset_days: r.easter_offset_days === '' ? null : Number(r.easter_offset_days),
      valid_from: r.valid_from || null,
    };
  });
  const added = await upsertHolidayRules(ctx.db, rules);
  rulesCache.delete(ctx.db);
  const institutionAdded = await ctx.settings.setDefault(INSTITUTION_KEY, ROPS_TORUN);
  // the seed holds no e-mail of the institution (none is published with certainty): whoever sets the
  // platform up must be told to set it, or the contact form stays off
  const emailMissing = (await getInstitution(ctx)).email === null;
  const warning = emailMissing
    ? '; WARNING: the institution e-mail is NOT SET — set it at /admin/kontakt (until then the contact form is off and the accessibility statement names the postal address)'
    : '';
  return {
    summary: `holiday rules: ${rules.length} (${added} new); institution settings: ${institutionAdded ? 'created' : 'kept'}${warning}`,
  };
}

// --- editing the institution (admin) ------------------------------------------------------------

type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;

const POSTAL_CODE = /^\d{2}-\d{3}$/;
const DAY = /^(\d{4}-\d{2}-\d{2})\s+(.+)$/;

/** Form values of the institution, as the edit form shows them. */
export function institutionFormValues(inst: Institution): Record<string, string> {
  const v: Record<string, string> = {
    name: inst.name,
    street: inst.street,
    postal_code: inst.postalCode,
    city: inst.city,
    phone: inst.phone ?? '',
    email: inst.email ?? '',
    epuap: inst.epuap ?? '',
    bip_url: inst.bipUrl ?? '',
    lat: inst.location ? String(inst.location.lat) : '',
    lon: inst.location ? String(inst.location.lon) : '',
    closed_days: inst.closedDays.map((d) => `${d.date} ${d.reason}`).join('\n'),
  };
  return { ...v, ...weeklyHoursFormValues(inst.hours) };
}

/** The form values (`open_<day>`, `close_<day>`) of weekly hours; the support centres' offices use the same fields. */
export function weeklyHoursFormValues(hours: WeeklyHours): Record<string, string> {
  const v: Record<string, string> = {};
  for (const day of WEEKDAYS) {
    v[`open_${day}`] = hours[day] ? hm(hours[day].open) : '';
    v[`close_${day}`] = hours[day] ? hm(hours[day].close) : '';
  }
  return v;
}

function normaliseTime(v: string): string | null {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(v);
  if (!m) return null;
  const t = `${m[1]!.padStart(2, '0')}:${m[2]}`;
  return isTime(t) ? t : null;
}

/**
 * Reads the weekly hours fields (`open_<day>`, `close_<day>`: "7:30" or "07.30"; both empty = closed)
 * into the checker's problems; the institution's form and the support centres' offices share it.
 */
export function checkWeeklyHours(f: FormChecker): WeeklyHours {
  const hours = {} as WeeklyHours;
  for (const day of WEEKDAYS) {
    const openText = f.text(`open_${day}`);
    const closeText = f.text(`close_${day}`);
    if (openText === '' && closeText === '') {
      hours[day] = null;
      continue;
    }
    const open = normaliseTime(openText);
    const close = normaliseTime(closeText);
    if (!open) f.add(`open_${day}`, `institution.openOn.${day}`, 'institution.timeInvalid');
    if (!close) f.add(`close_${day}`, `institution.closeOn.${day}`, 'institution.timeInvalid');
    if (open && close && close <= open) f.add(`close_${day}`, `institution.closeOn.${day}`, 'institution.closeBeforeOpen');
    hours[day] = open && close ? { open, close } : null;
  }
  return hours;
}

/** Validates the admin form; every problem is collected, nothing is saved while any remain. */
export function checkInstitutionForm(body: Record<string, string | undefined>): Institution {
  const f = new FormChecker(body);
  const name = f.required('name', 'institution.name', { max: 200 });
  const street = f.required('street', 'institution.street', { max: 200 });
  const postalCode = f.required('postal_code', 'institution.postalCode', { max: 6 });
  if (postalCode && !POSTAL_CODE.test(postalCode)) f.add('postal_code', 'institution.postalCode', 'institution.postalCodeInvalid');
  const city = f.required('city', 'institution.city', { max: 100 });
  const phone = f.text('phone');
  if (phone.length > 50) f.add('phone', 'institution.phone', 'validation.tooLong', { count: 50 });
  const email = f.text('email') === '' ? '' : f.email('email', 'institution.email');
  const epuap = f.text('epuap');
  if (epuap.length > 200) f.add('epuap', 'institution.epuap', 'validation.tooLong', { count: 200 });
  const bipUrl = f.text('bip_url');
  if (bipUrl && !/^https?:\/\/[^\s]+$/.test(bipUrl)) f.add('bip_url', 'institution.bipUrl', 'institution.urlInvalid');
  const latText = f.text('lat').replace(',', '.');
  const lonText = f.text('lon').replace(',', '.');
  let location: Institution['location'] = null;
  if (latText || lonText) {
    const lat = Number(latText);
    const lon = Number(lonText);
    const latOk = latText !== '' && Number.isFinite(lat) && lat >= -90 && lat <= 90;
    const lonOk = lonText !== '' && Number.isFinite(lon) && lon >= -180 && lon <= 180;
    if (!latOk) f.add('lat', 'institution.lat', 'institution.coordinateInvalid');
    if (!lonOk) f.add('lon', 'institution.lon', 'institution.coordinateInvalid');
    if (latOk && lonOk) location = { lat, lon };
  }
  const hours = checkWeeklyHours(f);
  const closedDays: ClosedDay[] = [];
  const lines = f
    .raw('closed_days')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > 200) f.add('closed_days', 'institution.closedDays', 'institution.closedDaysTooMany', { count: 200 });
  for (const [i, line] of lines.entries()) {
    const m = DAY.exec(line);
    if (!m || !isCalendarDay(m[1]!) || m[2]!.length > 200) {
      f.add('closed_days', 'institution.closedDays', 'institution.closedDayInvalid', { line: i + 1 });
      continue;
    }
    closedDays.push({ date: m[1]!, reason: m[2]! });
  }
  closedDays.sort((a, b) => a.date.localeCompare(b.date));
  f.assertValid();
  return {
    name,
    street,
    postalCode,
    city,
    phone: phone || null,
    email: email || null,
    epuap: epuap || null,
    bipUrl: bipUrl || null,
    location,
    hours,
    closedDays,
  };
}

export async function updateInstitution(ctx: ModuleContext, body: Record<string, string | undefined>, actor: Actor): Promise<void> {
  const next = checkInstitutionForm(body);
  const before = await getInstitution(ctx);
  await ctx.settings.set(INSTITUTION_KEY, next);
  const changes = diffFields<Record<string, unknown>>({ ...before }, { ...next }, Object.keys(next));
  await recordAudit(
    ctx.db,
    { ...actor, action: 'site.institution.update', subjectType: 'institution', subjectId: null, changes },
    ctx.clock,
  );
}
