// Rules of "Zakup Prospołeczny" licences. A licence's state on a day is one rule: withdrawn (from
// its withdrawal date) or suspended by staff first, otherwise the registry's mark rule
// (registry/entity/mark-validity.ts: valid between a known grant date and its known or derived
// expiry, expired after it) — so licences migrated from marks count exactly as the marks did, and
// an expired licence leaves the list by the date alone. A renewal filed before expiry starts on
// the old expiry — by staff, or by the Kapituła granting an offer whose licence is still valid;
// reminders go 60 and 14 days before expiry, each at most once per licence, none once renewed.
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { queryTerms, textMatches } from '../../core/search/index.js';
import { addDays, daysBetween, isCalendarDay, warsawToday, warsawYear } from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import { operatorText, type Lang } from '../../i18n/index.js';
import { recordAudit, type AuditEntry } from '../audit/index.js';
import { enqueueMail } from '../mail/index.js';
import { entityOfferChoices } from '../offers/index.js';
import { derivedExpiry, entityIdByName, markValidity, putGrantedMark, removeGrantedMark, representativeEmails } from '../registry/index.js';
import { documentNumber, verificationPath, type VerifiedDocument } from '../verification/index.js';
import * as repo from './licences.repo.js';
import type { ReminderKind } from './licences.tables.js';

export const LICENCE_KIND = 'zakup-prospoleczny';
export const LICENCE_STATES = ['valid', 'expired', 'not_yet_valid', 'unknown', 'withdrawn', 'suspended'] as const;
export type LicenceState = (typeof LICENCE_STATES)[number];
export type Actor = Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>;
export type { LicenceWithEntity } from './licences.repo.js';

type Dated = {
  granted_on: string | null;
  expires_on: string | null;
  withdrawn_on: string | null;
  suspended_on: string | null;
};

/** The state of a licence on `day` (`YYYY-MM-DD`, Warsaw). */
export function licenceState(l: Dated, day: string): LicenceState {
  if (l.withdrawn_on !== null && l.withdrawn_on <= day) return 'withdrawn';
  if (l.suspended_on !== null && l.suspended_on <= day) return 'suspended';
  return markValidity(l, day);
}

export const licencePath = (number: string) => `/zakup-prospoleczny/${encodeURIComponent(number)}`;
export const licenceVerificationPath = (number: string) => verificationPath(LICENCE_KIND, number);

/** Licences with their state today; `onlyValid` for the public list, `q` searched in holder, product and number. */
export async function licencesWithState(
  ctx: ModuleContext,
  opts: { onlyValid?: boolean; q?: string } = {},
): Promise<{ licence: repo.LicenceWithEntity; state: LicenceState }[]> {
  const day = warsawToday(ctx.clock);
  const terms = queryTerms(opts.q ?? '');
  return (await repo.allLicences(ctx.db))
    .map((licence) => ({ licence, state: licenceState(licence, day) }))
    .filter((x) => !opts.onlyValid || x.state === 'valid')
    .filter((x) => terms.length === 0 || textMatches(terms, x.licence.entity_name, x.licence.product, x.licence.number));
}

/** Licences valid on `day` of holders not merged away: the same figure as the registry's valid marks. */
export async function countValidLicences(ctx: Pick<ModuleContext, 'db'>, day: string): Promise<number> {
  return (await repo.allLicences(ctx.db)).filter((l) => !l.entity_merged && licenceState(l, day) === 'valid').length;
}

export async function licenceByNumber(
  ctx: ModuleContext,
  number: string,
): Promise<{ licence: repo.LicenceWithEntity; state: LicenceState }> {
  const licence = await repo.licenceByNumber(ctx.db, number.toUpperCase());
  if (!licence) throw new AppError('licences.not_found');
  return { licence, state: licenceState(licence, warsawToday(ctx.clock)) };
}

/** The numbers of the licence `l` renews and of its renewal (the licence page links both). */
export async function renewalNumbers(
  ctx: Pick<ModuleContext, 'db'>,
  l: { id: string; renews_id: string | null },
): Promise<{ renews: string | null; renewedBy: string | null }> {
  const renews = l.renews_id === null ? undefined : await repo.licenceById(ctx.db, l.renews_id);
  const renewedBy = await repo.renewalOf(ctx.db, l.id);
  return { renews: renews?.number ?? null, renewedBy: renewedBy?.number ?? null };
}

/** The verification module's answer for a licence number. */
export async function verifyLicence(ctx: ModuleContext, number: string): Promise<VerifiedDocument | null> {
  const licence = await repo.licenceByNumber(ctx.db, number);
  if (!licence) return null;
  const state = licenceState(licence, warsawToday(ctx.clock));
  const verified = state === 'unknown' ? 'undetermined' : state;
  return {
    number: licence.number,
    state: verified,
    isExample: licence.is_example || licence.entity_synthetic,
    fields: [
      { labelKey: 'licences.field.holder', value: licence.entity_name, isPolish: true },
      { labelKey: 'licences.field.product', value: licence.product ?? '—', isPolish: true },
      { labelKey: 'licences.field.grantedOn', value: licence.granted_on ?? '—' },
      { labelKey: 'licences.field.expiresOn', value: licence.expires_on ?? '—' },
      ...(licence.withdrawn_on ? [{ labelKey: 'licences.field.withdrawnOn' as const, value: licence.withdrawn_on }] : []),
    ],
  };
}

/**
 * Keeps the registry's mark row of a licence in step with it (registry/entity/mark-sync.ts), in the
 * caller's transaction: the licence's dates, its last valid day cut to the eve of a withdrawal, and
 * no row while it is suspended. A licence migrated from a mark keeps that mark's row.
 */
export async function syncMark(db: repo.Exec, id: string): Promise<void> {
  const l = await repo.licenceById(db, id);
  if (!l) return;
  const markId = l.source_mark_id ?? `licence-${l.id}`;
  if (l.suspended_on !== null) return removeGrantedMark(db, markId);
  const cut = l.withdrawn_on === null ? null : addDays(l.withdrawn_on, -1);
  const withdrawnEarlier = cut !== null && (l.expires_on === null || cut < l.expires_on);
  await putGrantedMark(db, {
    id: markId,
    entityId: l.entity_id,
    subject: l.product,
    grantedOn: l.granted_on,
    expiresOn: withdrawnEarlier ? cut : l.expires_on,
    isExpiryDerived: withdrawnEarlier ? false : l.is_expiry_derived,
    sourceUrl: l.source_url,
  });
}

export interface GrantInput {
  entityId: string;
  product: string;
  offerId?: string | null;
  grantedOn: string;
}

/** Records a licence granted by the ROPS (one year from `grantedOn`) in its own transaction; returns its number. */
export async function grantLicence(ctx: ModuleContext, actor: Actor, input: GrantInput, renewsId: string | null = null): Promise<string> {
  return ctx.db.transaction().execute((trx) => grantLicenceIn(trx, ctx, actor, input, renewsId));
}

/**
 * Records a licence in the caller's transaction `trx` (the row, its registry mark and the audit
 * entry), so a caller that records more — the Kapituła's decision — commits all of it or nothing.
 */
export async function grantLicenceIn(
  trx: repo.Exec,
  ctx: Pick<ModuleContext, 'clock'>,
  actor: Actor,
  input: GrantInput,
  renewsId: string | null = null,
): Promise<string> {
  const product = input.product.trim();
  if (!product) throw new AppError('licences.invalid', { field: 'product' });
  const number = documentNumber('ZP', Number(input.grantedOn.slice(0, 4)) || warsawYear(ctx.clock));
  const id = newId();
  const now = nowIso(ctx.clock);
  await repo.insertLicence(trx, {
    id,
    number,
    entity_id: input.entityId,
    offer_id: input.offerId ?? null,
    product,
    granted_on: input.grantedOn,
    expires_on: derivedExpiry(input.grantedOn),
    is_expiry_derived: true,
    source_url: null,
    source_mark_id: null,
    renews_id: renewsId,
    withdrawn_on: null,
    withdrawal_reason: null,
    suspended_on: null,
    suspension_reason: null,
    created_by: actor.actorId,
    created_at: now,
    updated_at: now,
  });
  await syncMark(trx, id);
  await recordAudit(
    trx,
    {
      ...actor,
      action: renewsId ? 'licences.renew' : 'licences.grant',
      subjectType: 'licence',
      subjectId: id,
      meta: { number, renews: renewsId },
    },
    ctx.clock,
  );
  return number;
}

/**
 * Renews a licence: filed before (or on) its last day, the new one starts exactly at the old expiry;
 * filed later, it starts today. One renewal per licence.
 */
export async function renewLicence(ctx: ModuleContext, actor: Actor, id: string, product?: string): Promise<string> {
  const old = await repo.licenceById(ctx.db, id);
  if (!old) throw new AppError('licences.not_found');
  if (await repo.renewalOf(ctx.db, id)) throw new AppError('licences.already_renewed');
  const today = warsawToday(ctx.clock);
  const state = licenceState(old, today);
  if (state === 'withdrawn') throw new AppError('licences.withdrawn');
  const grantedOn = renewalStartsOn(old, today);
  return grantLicence(ctx, actor, { entityId: old.entity_id, product: product ?? old.product ?? '', offerId: old.offer_id, grantedOn }, id);
}

/** The first day of a renewal of `old` filed on `day`: exactly the old expiry when filed by then, else `day`. */
export function renewalStartsOn(old: { expires_on: string | null }, day: string): string {
  return old.expires_on !== null && day <= old.expires_on ? old.expires_on : day;
}

/**
 * Where a licence for an offer granted on `day` (the Kapituła's meeting) starts: when a licence of
 * the offer is valid that day, the new one renews it — or its latest renewal, as one licence has one
 * renewal — and starts at its expiry ({@link renewalStartsOn}, as a staff renewal); otherwise (none,
 * expired, withdrawn or suspended) it is a new licence from `day`.
 */
export async function offerContinuation(
  db: repo.Exec,
  offerId: string,
  day: string,
): Promise<{ grantedOn: string; renewsId: string | null }> {
  const valid = (await repo.licencesOfOffer(db, offerId))
    .filter((l) => licenceState(l, day) === 'valid')
    .sort((a, b) => (a.expires_on ?? '').localeCompare(b.expires_on ?? ''));
  let last = valid[valid.length - 1];
  if (!last) return { grantedOn: day, renewsId: null };
  for (let next = await repo.renewalOf(db, last.id); next; next = await repo.renewalOf(db, last.id)) last = next;
  return { grantedOn: renewalStartsOn(last, day), renewsId: last.id };
}

export async function withdrawLicence(ctx: ModuleContext, actor: Actor, id: string, input: { on: string; reason: string }): Promise<void> {
  const l = await repo.licenceById(ctx.db, id);
  if (!l) throw new AppError('licences.not_found');
  const reason = input.reason.trim();
  if (!reason) throw new AppError('licences.invalid', { field: 'reason' });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateLicence(trx, id, { withdrawn_on: input.on, withdrawal_reason: reason, updated_at: nowIso(ctx.clock) });
    await syncMark(trx, id);
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'licences.withdraw',
        subjectType: 'licence',
        subjectId: id,
        changes: { withdrawn_on: { before: l.withdrawn_on, after: input.on } },
        meta: { reason },
      },
      ctx.clock,
    );
  });
}

/** The holder's offers a licence may be linked to (by title). */
export function offerChoices(ctx: ModuleContext, entityId: string) {
  return entityOfferChoices(ctx, entityId);
}

/** Links a licence to one of its holder's offers (the product it covers), or unlinks it (''). */
export async function linkOffer(ctx: ModuleContext, actor: Actor, id: string, offerId: string): Promise<void> {
  const l = await repo.licenceById(ctx.db, id);
  if (!l) throw new AppError('licences.not_found');
  const chosen = offerId === '' ? null : offerId;
  const f = new FormChecker({ offer: offerId });
  if (chosen !== null && !(await entityOfferChoices(ctx, l.entity_id)).some((o) => o.id === chosen)) {
    f.add('offer', 'licences.form.offer', 'licences.validation.offer');
  }
  f.assertValid();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateLicence(trx, id, { offer_id: chosen, updated_at: nowIso(ctx.clock) });
    await recordAudit(
      trx,
      {
        ...actor,
        action: 'licences.link_offer',
        subjectType: 'licence',
        subjectId: id,
        changes: { offer_id: { before: l.offer_id, after: chosen } },
      },
      ctx.clock,
    );
  });
}

/** Suspends a licence from today (`reason` given), or lifts the suspension (`reason` null). */
export async function suspendLicence(ctx: ModuleContext, actor: Actor, id: string, reason: string | null): Promise<void> {
  const l = await repo.licenceById(ctx.db, id);
  if (!l) throw new AppError('licences.not_found');
  const on = reason === null ? null : warsawToday(ctx.clock);
  if (reason !== null && !reason.trim()) throw new AppError('licences.invalid', { field: 'reason' });
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateLicence(trx, id, { suspended_on: on, suspension_reason: reason?.trim() ?? null, updated_at: nowIso(ctx.clock) });
    await syncMark(trx, id);
    await recordAudit(
      trx,
      {
        ...actor,
        action: reason === null ? 'licences.unsuspend' : 'licences.suspend',
        subjectType: 'licence',
        subjectId: id,
        changes: { suspended_on: { before: l.suspended_on, after: on } },
        ...(reason ? { meta: { reason } } : {}),
      },
      ctx.clock,
    );
  });
}

/** Which reminder is due for a licence expiring on `expiresOn`, seen on `today`. */
export function dueReminder(expiresOn: string, today: string): ReminderKind | null {
  const left = daysBetween(today, expiresOn);
  if (left < 0) return null;
  if (left <= 14) return '14';
  if (left <= 60) return '60';
  return null;
}

/**
 * The scheduled job: reminds the holder's representatives 60 and 14 days before a valid licence
 * expires, unless it was renewed. A row per licence and kind, claimed in the mail's transaction,
 * makes every reminder go once however often (and on however many instances) the job runs.
 */
export async function sendExpiryReminders(ctx: ModuleContext): Promise<string> {
  const today = warsawToday(ctx.clock);
  let sent = 0;
  for (const l of await repo.allLicences(ctx.db)) {
    if (l.expires_on === null || licenceState(l, today) !== 'valid') continue;
    const kind = dueReminder(l.expires_on, today);
    if (kind === null || (await repo.renewalOf(ctx.db, l.id))) continue;
    const recipients = await representativeEmails(ctx, l.entity_id);
    const base = ctx.config.publicUrl.replace(/\/$/, '');
    const mailed = await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.claimReminder(trx, l.id, kind, nowIso(ctx.clock)))) return false;
      for (const r of recipients) {
        await enqueueMail(
          trx,
          {
            to: r.email,
            lang: r.lang as Lang,
            template: 'licence_expiry_reminder',
            params: {
              number: l.number,
              entity: l.entity_name,
              product: l.product ?? '—',
              expires: l.expires_on!,
              days: String(daysBetween(today, l.expires_on!)),
              link: `${base}${licencePath(l.number)}`,
            },
          },
          ctx.clock,
        );
      }
      return true;
    });
    if (mailed) sent++;
  }
  return operatorText('licences.cli.reminders', { count: sent });
}

/** The staff's grant form: the holder chosen by its exact name in the registry, the product, the grant date. */
export async function grantFromForm(ctx: ModuleContext, actor: Actor, body: Record<string, string>): Promise<string> {
  const f = new FormChecker(body);
  const name = f.required('entity', 'licences.form.entity', { max: 300 });
  const product = f.required('product', 'licences.form.product', { max: 300, min: 2 });
  const grantedOn = f.required('granted_on', 'licences.form.grantedOn', { max: 10 });
  const entityId = name ? await entityIdByName(ctx, name) : undefined;
  if (name && !entityId) f.add('entity', 'licences.form.entity', 'licences.validation.noEntity');
  if (grantedOn && !isCalendarDay(grantedOn)) f.add('granted_on', 'licences.form.grantedOn', 'licences.validation.date');
  f.assertValid();
  return grantLicence(ctx, actor, { entityId: entityId!, product, grantedOn });
}

export async function withdrawFromForm(ctx: ModuleContext, actor: Actor, id: string, body: Record<string, string>): Promise<void> {
  const f = new FormChecker(body);
  const on = f.required('withdrawn_on', 'licences.form.withdrawnOn', { max: 10 });
  const reason = f.required('withdraw_reason', 'licences.form.reason', { max: 1000, min: 3 });
  if (on && !isCalendarDay(on)) f.add('withdrawn_on', 'licences.form.withdrawnOn', 'licences.validation.date');
  f.assertValid();
  await withdrawLicence(ctx, actor, id, { on, reason });
}

export async function suspendFromForm(ctx: ModuleContext, actor: Actor, id: string, body: Record<string, string>): Promise<void> {
  if (body.lift === '1') return suspendLicence(ctx, actor, id, null);
  const f = new FormChecker(body);
  const reason = f.required('reason', 'licences.form.reason', { max: 1000, min: 3 });
  f.assertValid();
  await suspendLicence(ctx, actor, id, reason);
}

/** What the agreement adds to a licence: the decision's meeting day and the offer it covers. */
export async function agreementFacts(
  ctx: ModuleContext,
  l: repo.LicenceWithEntity,
): Promise<{ meetingOn: string | null; offerTitle: string | null }> {
  const meetingOn = l.application_id ? await repo.applicationMeetingOn(ctx.db, l.application_id) : null;
  const offer = l.offer_id ? (await entityOfferChoices(ctx, l.entity_id)).find((o) => o.id === l.offer_id) : undefined;
  return { meetingOn, offerTitle: offer?.title ?? null };
}

/** Today's Warsaw date, as the API states it. */
export const today = (ctx: Pick<ModuleContext, 'clock'>) => warsawToday(ctx.clock);
