// Retention of registrants' data, run daily: accessibility needs (special-category data) are erased
// 30 days after the event ends; every other personal datum of the registrants (name, e-mail,
// institution, the links' tokens, the e-mails about the event) after a configured number of months
// (default 12). The registration rows stay without them, so the counts per event and session
// (registered, confirmed, by participant type) remain.
import { nowIso } from '../../core/db/time.js';
import type { ModuleContext } from '../../core/module.js';
import { eraseMailAbout } from '../mail/index.js';
import * as repo from './events.repo.js';
import { operatorText } from '../../i18n/index.js';

export const RETENTION_SETTING = 'events.retention_months';
export const DEFAULT_RETENTION_MONTHS = 12;
export const ACCESS_NEEDS_DAYS = 30;

export async function retentionMonths(ctx: ModuleContext): Promise<number> {
  const v = await ctx.settings.get<number>(RETENTION_SETTING, DEFAULT_RETENTION_MONTHS);
  return Number.isInteger(v) && v >= 1 && v <= 120 ? v : DEFAULT_RETENTION_MONTHS;
}

function monthsBefore(now: Date, months: number): string {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
}

export async function applyRetention(ctx: ModuleContext): Promise<string> {
  const now = ctx.clock.now();
  const accessCutoff = new Date(now.getTime() - ACCESS_NEEDS_DAYS * 86_400_000).toISOString();
  const needs = await repo.eraseAccessNeeds(ctx.db, accessCutoff);
  const cutoff = monthsBefore(now, await retentionMonths(ctx));
  let events = 0;
  let people = 0;
  for (const e of await repo.eventsToErase(ctx.db, cutoff)) {
    await ctx.db.transaction().execute(async (trx) => {
      people += await repo.erasePersonalData(trx, e.id);
      await eraseMailAbout(trx, { about: `event:${e.id}` }, ctx.clock);
      await repo.updateEvent(trx, e.id, { personal_data_erased_at: nowIso(ctx.clock) });
    });
    events += 1;
  }
  return operatorText('events.cli.retention', {
    notes: operatorText('events.cli.notes', { count: needs }),
    registrations: operatorText('events.cli.registrations', { count: people }),
    events: operatorText('events.cli.ofEvents', { count: events }),
  });
}
