// "Chcę założyć podmiot ekonomii społecznej": a short public request routed through the outbox to the
// centre that serves the chosen gmina today (its Reply-To the sender, so the centre just answers),
// with a copy to the sender. Bots filling the honeypot are told "sent" and nothing is stored or sent.
// Staff see counts per subregion and month only (never the texts); the sender's name, address and
// text are erased after the configured number of months.
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ModuleContext } from '../../core/module.js';
import { warsawToday } from '../../core/time/index.js';
import { FormChecker } from '../../core/validation.js';
import { translator, type Lang } from '../../i18n/index.js';
import { enqueueMail, eraseMailAbout } from '../mail/index.js';
import { setSettingAudited, type AuditEntry } from '../audit/index.js';
import { checkGminaField, listSubregionsWithMembers } from '../territory/index.js';
import * as repo from './support.repo.js';
import { gminaOptions, servingCentre } from './support.service.js';

export const HONEYPOT_FIELD = 'website';
export const RETENTION_SETTING = 'support.lead_retention_months';
export const DEFAULT_RETENTION_MONTHS = 6;

export async function retentionMonths(ctx: ModuleContext): Promise<number> {
  return ctx.settings.get<number>(RETENTION_SETTING, DEFAULT_RETENTION_MONTHS);
}

/** Staff set after how many months (1–60) a request's personal data are erased. */
export async function setRetentionMonths(
  ctx: ModuleContext,
  values: Record<string, unknown>,
  actor: Pick<AuditEntry, 'actorId' | 'ip' | 'requestId'>,
): Promise<void> {
  const f = new FormChecker(values);
  const months = f.wholeNumber('retention_months', 'support.lead.retentionField', 'support.problem.months', { min: 1, max: 60 });
  f.assertValid();
  const before = await retentionMonths(ctx);
  await setSettingAudited(
    ctx,
    { key: RETENTION_SETTING, value: months, before, action: 'support.settings.update', field: 'retention_months' },
    actor,
  );
}

const leadAbout = (id: string) => `support_lead:${id}`;

/** Returns the id of the centre the request went to, or null for a bot; throws on invalid input. */
export async function submitLead(ctx: ModuleContext, body: Record<string, unknown>, lang: Lang): Promise<string | null> {
  const honeypot = body[HONEYPOT_FIELD];
  if (typeof honeypot === 'string' && honeypot.trim() !== '') return null;
  const f = new FormChecker(body);
  const message = f.required('message', 'support.lead.what', { max: 3000, min: 10 });
  const options = await gminaOptions(ctx, lang);
  const gminaTeryt = checkGminaField(f, translator(lang), options, 'gmina', 'support.lead.gmina', { required: true });
  const name = f.required('name', 'support.lead.name', { max: 200 });
  const email = f.email('email', 'support.lead.email');
  if (f.text('consent') !== '1') f.add('consent', 'support.lead.consent', 'support.lead.consentRequired');
  f.assertValid();
  const gmina = options.find((g) => g.teryt === gminaTeryt)!;
  const today = warsawToday(ctx.clock);
  const serving = await servingCentre(ctx, gmina.teryt, today);
  if (!serving) throw new AppError('support.no_centre');
  const centre = await repo.findCentre(ctx.db, serving.centreId);
  if (!centre) throw new AppError('support.no_centre');
  if (!centre.leads_email) throw new AppError('support.no_leads_address');
  const now = nowIso(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    const id = newId();
    await repo.insertLead(trx, {
      id,
      centre_id: centre.id,
      subregion_code: serving.subregion.code,
      gmina_teryt: gmina.teryt,
      month: today.slice(0, 7),
      created_at: now,
      name,
      email,
      message,
      erased_at: null,
    });
    const about = leadAbout(id);
    // the centre reads Polish; the sender gets the copy in the language of the page they used
    await enqueueMail(
      trx,
      {
        to: centre.leads_email!,
        lang: 'pl',
        template: 'support_lead',
        params: { centre: centre.name, gmina: gmina.name, name, email, message },
        about,
        // the centre answers the sender by replying to the message
        replyTo: email,
      },
      ctx.clock,
    );
    await enqueueMail(
      trx,
      { to: email, lang, template: 'support_lead_copy', params: { centre: centre.name, gmina: gmina.name, message }, about },
      ctx.clock,
    );
  });
  return centre.id;
}

/** The scheduled job: the requests older than the retention period keep only their gmina, centre and month. */
export async function eraseOldLeads(ctx: ModuleContext): Promise<string> {
  const months = await retentionMonths(ctx);
  const cut = new Date(ctx.clock.now());
  cut.setUTCMonth(cut.getUTCMonth() - months);
  const ids = await repo.leadsToErase(ctx.db, cut.toISOString());
  for (const id of ids)
    await ctx.db.transaction().execute(async (trx) => {
      await repo.eraseLead(trx, id, nowIso(ctx.clock));
      // the messages about the request lose the sender too (unsent ones are withdrawn)
      await eraseMailAbout(trx, { about: leadAbout(id) }, ctx.clock);
    });
  return `support requests: personal data of ${ids.length} erased`;
}

export interface LeadCount {
  subregion: string;
  month: string;
  count: number;
}

/** Counts per subregion and month (all centres, or one centre's). */
export async function leadCounts(ctx: ModuleContext, lang: Lang, centreId: string | null = null): Promise<LeadCount[]> {
  const [rows, subregions] = await Promise.all([repo.countLeads(ctx.db, centreId), listSubregionsWithMembers(ctx)]);
  const name = (code: string) => {
    const s = subregions.filter((x) => x.code === code).at(-1);
    return s ? (lang === 'pl' ? s.name_pl : s.name_en) : code;
  };
  return rows.map((r) => ({ subregion: name(r.subregion_code), month: r.month, count: r.count }));
}
