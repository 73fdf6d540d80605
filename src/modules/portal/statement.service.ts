// The accessibility statement (deklaracja dostępności) required of Polish public bodies. Its
// fields are settings with sensible defaults; editors keep them current. The page follows the
// structure of the 2024 (v2.0) technical conditions: fixed element ids, dates in <time datetime>.
// It always names a contact path that works: the postal address of the institution, its e-mail and
// phone when set, and the contact form only while the form can be sent (an institution e-mail is set).
import type { ModuleContext } from '../../core/module.js';
import { isCalendarDay, warsawToday } from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import { localize } from '../../core/http/language.js';
import type { Lang } from '../../i18n/index.js';
import { recordAudit } from '../audit/index.js';
import { getInstitution } from '../site/index.js';
import { contactFormOn } from './contact.service.js';
import type { Actor, FormValues } from './content.service.js';

export const STATEMENT_PATH = '/deklaracja-dostepnosci';
export const STATEMENT_KEY = 'portal.a11y_statement';

export type ComplianceStatus = 'full' | 'partial' | 'none';
export const COMPLIANCE: readonly ComplianceStatus[] = ['full', 'partial', 'none'];

export interface StatementSettings {
  /** Null: the institution's name from the contact settings. */
  entityName: string | null;
  publishedOn: string;
  updatedOn: string;
  preparedOn: string;
  /** Date of the last review; the element a11y-data-przeglad appears only when set. */
  reviewedOn: string | null;
  status: ComplianceStatus;
  /** One item per line: what is not accessible and why. */
  nonCompliancePl: string;
  nonComplianceEn: string;
  /** Who assessed accessibility when it was not a self-assessment (a11y-ocena appears only then). */
  assessmentBy: string | null;
  contactName: string;
  /** Null: the institution's e-mail / phone. */
  contactEmail: string | null;
  contactPhone: string | null;
  architecturePl: string;
  architectureEn: string;
  communicationPl: string;
  communicationEn: string;
  /** Mobile applications of the body, if any (a11y-aplikacje appears only when set). */
  appsPl: string;
  appsEn: string;
}

export function defaultStatement(today: string): StatementSettings {
  return {
    entityName: null,
    publishedOn: today,
    updatedOn: today,
    preparedOn: today,
    reviewedOn: null,
    status: 'partial',
    nonCompliancePl:
      'Część dokumentów do pobrania opublikowanych przed uruchomieniem serwisu może nie być w pełni dostępna cyfrowo; takie pliki nie mają oznaczenia „dokument dostępny”. Na prośbę przygotujemy ich treść w dostępnej formie.',
    nonComplianceEn:
      'Some documents for download published before the platform was launched may not be fully accessible; such files are not marked as “accessible document”. On request we will provide their content in an accessible form.',
    assessmentBy: null,
    contactName: 'Redakcja serwisu Spójnia',
    contactEmail: null,
    contactPhone: null,
    architecturePl:
      'Informacje o dostępności architektonicznej siedziby (wejścia, windy, toalety, miejsca parkingowe, pętla indukcyjna) uzupełnia redakcja serwisu. Do czasu ich publikacji udzielamy ich na prośbę przesłaną jedną z dróg kontaktu podanych wyżej.',
    architectureEn:
      'Information on the physical accessibility of the office (entrances, lifts, toilets, parking, induction loop) is being completed by the editors. Until it is published, we provide it on request sent by any of the contact paths above.',
    communicationPl:
      'Osoby doświadczające trudności w komunikowaniu się mogą skontaktować się z nami pisemnie, na adres pocztowy podany wyżej, albo inną drogą kontaktu wymienioną w części „Informacje zwrotne i dane kontaktowe”. Możliwość skorzystania z pomocy tłumacza języka migowego należy zgłosić z wyprzedzeniem.',
    communicationEn:
      'People who experience difficulties in communicating can contact us in writing, at the postal address above, or by any other contact path listed under “Feedback and contact information”. The help of a sign-language interpreter should be requested in advance.',
    appsPl: '',
    appsEn: '',
  };
}

export async function getStatement(ctx: ModuleContext): Promise<StatementSettings> {
  const fallback = defaultStatement(warsawToday(ctx.clock));
  const stored = await ctx.settings.get<Partial<StatementSettings> | null>(STATEMENT_KEY, null);
  return { ...fallback, ...(stored ?? {}) };
}

/** Fixes the dates on first start (seed reference), so they do not move with the calendar. */
export async function seedStatementDefaults(ctx: ModuleContext): Promise<boolean> {
  return ctx.settings.setDefault(STATEMENT_KEY, defaultStatement(warsawToday(ctx.clock)));
}

export interface StatementView extends StatementSettings {
  entity: string;
  email: string | null;
  phone: string | null;
  /** The institution's postal address (name, street, postal code and city): always a working path. */
  postalAddress: string[];
  /** The contact form can be sent (the institution's e-mail is set); otherwise the statement does not point to it. */
  contactForm: boolean;
  siteUrl: string;
}

export async function statementView(ctx: ModuleContext): Promise<StatementView> {
  const [s, inst] = await Promise.all([getStatement(ctx), getInstitution(ctx)]);
  return {
    ...s,
    entity: s.entityName ?? inst.name,
    email: s.contactEmail ?? inst.email,
    phone: s.contactPhone ?? inst.phone,
    postalAddress: [inst.name, inst.street, `${inst.postalCode} ${inst.city}`],
    contactForm: contactFormOn(inst),
    siteUrl: ctx.config.publicUrl,
  };
}

/** The absolute address of the statement, for the `<meta name="deklaracja-dostępności">` of every page. */
export function statementUrl(ctx: ModuleContext, lang: Lang): string {
  return `${ctx.config.publicUrl}${localize(STATEMENT_PATH, lang)}`;
}

export function statementFormValues(s: StatementSettings): Record<string, string> {
  return {
    entity_name: s.entityName ?? '',
    published_on: s.publishedOn,
    updated_on: s.updatedOn,
    prepared_on: s.preparedOn,
    reviewed_on: s.reviewedOn ?? '',
    status: s.status,
    non_compliance_pl: s.nonCompliancePl,
    non_compliance_en: s.nonComplianceEn,
    assessment_by: s.assessmentBy ?? '',
    contact_name: s.contactName,
    contact_email: s.contactEmail ?? '',
    contact_phone: s.contactPhone ?? '',
    architecture_pl: s.architecturePl,
    architecture_en: s.architectureEn,
    communication_pl: s.communicationPl,
    communication_en: s.communicationEn,
    apps_pl: s.appsPl,
    apps_en: s.appsEn,
  };
}

export async function updateStatement(ctx: ModuleContext, body: FormValues, actor: Actor): Promise<void> {
  const f = new FormChecker(body);
  const date = (field: string, label: Parameters<FormChecker['add']>[1], required: boolean): string | null => {
    const v = f.text(field);
    if (v === '') {
      if (required) f.add(field, label, 'validation.required');
      return null;
    }
    if (!isCalendarDay(v)) f.add(field, label, 'portal.dateInvalid');
    return v;
  };
  const long = (field: string, label: Parameters<FormChecker['add']>[1], required: boolean) => {
    const v = required ? f.required(field, label, { max: 5000 }) : f.text(field);
    if (!required && [...v].length > 5000) f.add(field, label, 'validation.tooLong', { count: 5000 });
    return v;
  };
  const status = f.text('status');
  if (!(COMPLIANCE as readonly string[]).includes(status)) f.add('status', 'statement.status', 'validation.invalid');
  const entityName = f.text('entity_name');
  const contactEmail = f.text('contact_email') === '' ? '' : f.email('contact_email', 'statement.contactEmail');
  const next: StatementSettings = {
    entityName: entityName || null,
    publishedOn: date('published_on', 'statement.publishedOn', true) ?? '',
    updatedOn: date('updated_on', 'statement.updatedOn', true) ?? '',
    preparedOn: date('prepared_on', 'statement.preparedOn', true) ?? '',
    reviewedOn: date('reviewed_on', 'statement.reviewedOn', false),
    status: status as ComplianceStatus,
    nonCompliancePl: long('non_compliance_pl', 'statement.nonCompliancePl', false),
    nonComplianceEn: long('non_compliance_en', 'statement.nonComplianceEn', false),
    assessmentBy: f.text('assessment_by') || null,
    contactName: f.required('contact_name', 'statement.contactName', { max: 200 }),
    contactEmail: contactEmail || null,
    contactPhone: f.text('contact_phone') || null,
    architecturePl: long('architecture_pl', 'statement.architecturePl', true),
    architectureEn: long('architecture_en', 'statement.architectureEn', false),
    communicationPl: long('communication_pl', 'statement.communicationPl', true),
    communicationEn: long('communication_en', 'statement.communicationEn', false),
    appsPl: long('apps_pl', 'statement.appsPl', false),
    appsEn: long('apps_en', 'statement.appsEn', false),
  };
  if (next.status !== 'full' && next.nonCompliancePl === '')
    f.add('non_compliance_pl', 'statement.nonCompliancePl', 'statement.nonComplianceRequired');
  f.assertValid();
  const before = await getStatement(ctx);
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [k, v] of Object.entries(next)) {
    const b = before[k as keyof StatementSettings];
    if (JSON.stringify(b) !== JSON.stringify(v)) changes[k] = { before: b, after: v };
  }
  await ctx.settings.set(STATEMENT_KEY, next);
  await recordAudit(
    ctx.db,
    { ...actor, action: 'portal.statement.update', subjectType: 'a11y_statement', subjectId: null, changes },
    ctx.clock,
  );
}
