// A reporting partner's scope may be a territory (monitoring.scope.ts in indicators reads it):
// `territory:region`, a powiat (4 digits), a gmina (7 digits) or an OWES subregion's code. Staff
// see and type it by name in user administration — "gmina Lubicz", "powiat toruński",
// "Subregion toruński" — through the accounts module's `scopeNames` extension point; a gmina's
// name goes through the one gmina resolver (namesakes are listed, never picked).
import type { ModuleContext } from '../../core/module.js';
import { fold } from '../../core/search/index.js';
import { translator, type Lang, type T } from '../../i18n/index.js';
import type { ScopeNames, ScopeResolution } from '../accounts/index.js';
import { gminaChoices, gminaFullLabel, resolveGmina, type GminaChoice } from './gmina-choice.js';
import { listSubregions, listUnits } from './territory.repo.js';
import { isCityPowiat } from './units.js';

const PREFIX = 'territory:';
/** A bare id the monitoring scope reads as a territory. */
const BARE = /^(region|\d{4}|\d{7})$/u;
const REGION_WORDS = new Set([
  'region',
  'caly region',
  'wojewodztwo',
  'cale wojewodztwo',
  'wojewodztwo kujawsko-pomorskie',
  'whole region',
  'voivodeship',
  'whole voivodeship',
]);

interface Places {
  gminy: GminaChoice[];
  powiaty: { teryt: string; name: string }[];
  /** The latest subregion of each code. */
  subregions: { code: string; name_pl: string; name_en: string }[];
}

async function places(ctx: ModuleContext): Promise<Places> {
  const [gminy, powiaty, subregions] = await Promise.all([gminaChoices(ctx), listUnits(ctx.db, 'powiat'), listSubregions(ctx.db)]);
  const latest = new Map<string, (typeof subregions)[number]>();
  for (const s of subregions) if ((latest.get(s.code)?.valid_from ?? '') <= s.valid_from) latest.set(s.code, s);
  return { gminy, powiaty, subregions: [...latest.values()] };
}

const gminaText = (t: T, g: GminaChoice) => (g.unique ? t('territory.scope.gmina', { name: g.name }) : gminaFullLabel(t, g));
const powiatText = (t: T, p: { teryt: string; name: string }) =>
  isCityPowiat(p.teryt) ? t('territory.gminaField.cityPowiat', { name: p.name }) : t('territory.powiatName', { name: p.name });

/** The name of a territory code, or undefined when it names nothing known. */
function nameOf(t: T, lang: Lang, p: Places, code: string): string | undefined {
  if (code === 'region') return t('territory.scope.region');
  if (/^\d{7}$/u.test(code)) {
    const g = p.gminy.find((x) => x.teryt === code);
    return g && gminaText(t, g);
  }
  if (/^\d{4}$/u.test(code)) {
    const pw = p.powiaty.find((x) => x.teryt === code);
    return pw && powiatText(t, pw);
  }
  const s = p.subregions.find((x) => x.code === code);
  return s && (lang === 'en' ? s.name_en : s.name_pl);
}

/** The territory code of a scope id, or null when the id is not a territory's. */
function codeOf(id: string): string | null {
  if (id.startsWith(PREFIX)) return id.slice(PREFIX.length);
  return BARE.test(id) ? id : null;
}

async function names(ctx: ModuleContext, ids: readonly string[], lang: Lang = 'pl'): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const mine = ids.filter((id) => codeOf(id) !== null);
  if (mine.length === 0) return out;
  const t = translator(lang);
  const p = await places(ctx);
  for (const id of mine) {
    const name = nameOf(t, lang, p, codeOf(id)!);
    if (name) out.set(id, name);
  }
  return out;
}

const found = (code: string, label: string): ScopeResolution => ({ kind: 'found', id: `${PREFIX}${code}`, label });

/** Which territory a typed text names: the region, a subregion, "powiat …", or a gmina (or a code). */
async function resolve(ctx: ModuleContext, text: string, lang: Lang): Promise<ScopeResolution> {
  const t = translator(lang);
  const p = await places(ctx);
  const trimmed = text.trim();
  const code = codeOf(trimmed);
  if (code !== null) {
    const name = nameOf(t, lang, p, code);
    return name ? found(code, name) : { kind: 'unknown', suggestions: [] };
  }
  const key = fold(trimmed).replace(/\s+/gu, ' ');
  if (REGION_WORDS.has(key)) return found('region', t('territory.scope.region'));
  const subregion = p.subregions.find((s) => fold(s.name_pl) === key || fold(s.name_en) === key);
  if (subregion) return found(subregion.code, lang === 'en' ? subregion.name_en : subregion.name_pl);
  const powiat = /^(?:powiat|pow\.|miasto na prawach powiatu)\s+(.+)$/u.exec(key)?.[1] ?? /^(.+)\s+county$/u.exec(key)?.[1];
  if (powiat) {
    const pw = p.powiaty.filter((x) => fold(x.name) === powiat);
    if (pw.length === 1) return found(pw[0]!.teryt, powiatText(t, pw[0]!));
    const close = p.powiaty.filter((x) => fold(x.name).startsWith(powiat.slice(0, 4)));
    return { kind: 'unknown', suggestions: close.slice(0, 5).map((x) => powiatText(t, x)) };
  }
  const gmina = resolveGmina(p.gminy, trimmed);
  switch (gmina.kind) {
    case 'found':
      return found(gmina.gmina.teryt, gminaText(t, gmina.gmina));
    case 'ambiguous':
      return { kind: 'ambiguous', candidates: gmina.candidates.map((g) => gminaFullLabel(t, g)) };
    case 'unknown':
      return { kind: 'unknown', suggestions: gmina.suggestions.map((g) => gminaText(t, g)) };
    case 'empty':
      return { kind: 'unknown', suggestions: [] };
  }
}

/** Reporting partners' territories by name (the indicators module names their indicators). */
export const territoryScopeNames: ScopeNames = { scopeType: 'indicator_or_territory', names, resolve };
