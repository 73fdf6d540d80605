// The institution that runs the platform: its name, address and office hours are settings (seeded
// with ROPS Toruń), shown in every page footer. Also loads the public holiday rules.
import type { Lang } from '../../i18n/index.js';
import { translator } from '../../i18n/index.js';
import type { ModuleContext, SeedResult } from '../../core/module.js';
import type { FooterData } from '../../core/ui/context.js';
import { readReferenceCsv } from '../../core/data/reference.js';
import { upsertHolidayRules } from './site.repo.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface OpeningHours {
  open: string;
  close: string;
}

export interface Institution {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string | null;
  email: string | null;
  hours: Record<Weekday, OpeningHours | null>;
}

export const INSTITUTION_KEY = 'site.institution';

/** Real public data of ROPS Toruń (address and office hours as published by the institution). */
export const ROPS_TORUN: Institution = {
  name: 'Regionalny Ośrodek Polityki Społecznej w Toruniu',
  street: 'ul. Janiny Bartkiewiczówny 93',
  postalCode: '87-100',
  city: 'Toruń',
  phone: null,
  email: null,
  hours: {
    mon: { open: '07:30', close: '15:30' },
    tue: { open: '07:30', close: '17:00' },
    wed: { open: '07:30', close: '15:30' },
    thu: { open: '07:30', close: '15:30' },
    fri: { open: '07:30', close: '14:00' },
    sat: null,
    sun: null,
  },
};

export async function getInstitution(ctx: ModuleContext): Promise<Institution> {
  return ctx.settings.get<Institution>(INSTITUTION_KEY, ROPS_TORUN);
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

export async function footerData(ctx: ModuleContext, lang: Lang): Promise<FooterData> {
  const inst = await getInstitution(ctx);
  return {
    institutionName: inst.name,
    addressLines: [inst.street, `${inst.postalCode} ${inst.city}`],
    ...(inst.phone ? { phone: inst.phone } : {}),
    ...(inst.email ? { email: inst.email } : {}),
    hours: hoursRows(inst.hours, lang),
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
  const institutionAdded = await ctx.settings.setDefault(INSTITUTION_KEY, ROPS_TORUN);
  return { summary: `holiday rules: ${rules.length} (${added} new); institution settings: ${institutionAdded ? 'created' : 'kept'}` };
}
