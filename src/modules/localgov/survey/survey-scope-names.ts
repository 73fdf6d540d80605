// A local government's survey partner holds `reporting_partner` scoped `localgov:<teryt>` (its own
// gmina or powiat, monitoring.scope.ts in indicators). Staff read it by name in user administration
// — "gmina Lubicz (samorząd)", "powiat toruński (samorząd)" — through the accounts module's
// `scopeNames` extension point; the word "samorząd" keeps it apart from the territory scope of the
// same unit ("gmina Lubicz", which covers a territory, not a unit's own answers). A typed name
// resolves only with that word (or as `localgov:<teryt>`), so "gmina Lubicz" stays the territory's.
import type { ModuleContext } from '../../../core/module.js';
import { fold } from '../../../core/search/index.js';
import { translator, type Lang, type T } from '../../../i18n/index.js';
import type { ScopeNames, ScopeResolution } from '../../accounts/index.js';
import { gminaChoices, gminaFullLabel, isCityPowiat, listUnits, resolveGmina, type GminaChoice } from '../../territory/index.js';
import { SCOPE_PREFIX } from './survey.service.js';

/** The marker a typed text carries to name a local government, in either language (folded). */
const MARKER = /\s*\((?:samorzad|local government)\)$/u;

interface Units {
  gminy: GminaChoice[];
  powiaty: { teryt: string; name: string }[];
}

async function units(ctx: ModuleContext): Promise<Units> {
  const [gminy, powiaty] = await Promise.all([gminaChoices(ctx), listUnits(ctx.db, 'powiat')]);
  return { gminy, powiaty };
}

const gminaText = (t: T, g: GminaChoice) => (g.unique ? t('localgov.scope.gmina', { name: g.name }) : gminaFullLabel(t, g));
const powiatText = (t: T, p: { teryt: string; name: string }) =>
  isCityPowiat(p.teryt) ? t('localgov.cityPowiat', { name: p.name }) : t('localgov.powiat', { name: p.name });
const unitText = (t: T, unit: string) => t('localgov.scope.unit', { unit });

/** The unit's name (without the marker), or undefined when the TERYT names no known gmina or powiat. */
function nameOf(t: T, u: Units, teryt: string): string | undefined {
  if (/^\d{7}$/u.test(teryt)) {
    const g = u.gminy.find((x) => x.teryt === teryt);
    return g && gminaText(t, g);
  }
  const p = /^\d{4}$/u.test(teryt) ? u.powiaty.find((x) => x.teryt === teryt) : undefined;
  return p && powiatText(t, p);
}

async function names(ctx: ModuleContext, ids: readonly string[], lang: Lang = 'pl'): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const mine = ids.filter((id) => id.startsWith(SCOPE_PREFIX));
  if (mine.length === 0) return out;
  const t = translator(lang);
  const u = await units(ctx);
  for (const id of mine) {
    const name = nameOf(t, u, id.slice(SCOPE_PREFIX.length));
    if (name) out.set(id, unitText(t, name));
  }
  return out;
}

const found = (teryt: string, t: T, name: string): ScopeResolution => ({
  kind: 'found',
  id: `${SCOPE_PREFIX}${teryt}`,
  label: unitText(t, name),
});

/** Which local government a typed text names: "gmina Lubicz (samorząd)", "powiat toruński (samorząd)" or `localgov:<teryt>`. */
async function resolve(ctx: ModuleContext, text: string, lang: Lang): Promise<ScopeResolution> {
  const trimmed = text.trim();
  const key = fold(trimmed).replace(/\s+/gu, ' ');
  const byCode = trimmed.startsWith(SCOPE_PREFIX) ? trimmed.slice(SCOPE_PREFIX.length) : null;
  // without the marker the text names a territory (or something else): not this namer's
  if (byCode === null && !MARKER.test(key)) return { kind: 'unknown', suggestions: [] };
  const t = translator(lang);
  const u = await units(ctx);
  if (byCode !== null) {
    const name = nameOf(t, u, byCode);
    return name ? found(byCode, t, name) : { kind: 'unknown', suggestions: [] };
  }
  const rest = key.replace(MARKER, '');
  const powiat = /^(?:powiat|pow\.|miasto na prawach powiatu|city with powiat rights)\s+(.+)$/u.exec(rest)?.[1];
  if (powiat) {
    const pw = u.powiaty.filter((x) => fold(x.name) === powiat);
    if (pw.length === 1) return found(pw[0]!.teryt, t, powiatText(t, pw[0]!));
    return {
      kind: 'unknown',
      suggestions: u.powiaty
        .filter((x) => fold(x.name).startsWith(powiat.slice(0, 4)))
        .slice(0, 5)
        .map((x) => unitText(t, powiatText(t, x))),
    };
  }
  const gmina = resolveGmina(u.gminy, rest);
  switch (gmina.kind) {
    case 'found':
      return found(gmina.gmina.teryt, t, gminaText(t, gmina.gmina));
    case 'ambiguous':
      return { kind: 'ambiguous', candidates: gmina.candidates.map((g) => unitText(t, gminaFullLabel(t, g))) };
    case 'unknown':
      return { kind: 'unknown', suggestions: gmina.suggestions.map((g) => unitText(t, gminaText(t, g))) };
    case 'empty':
      return { kind: 'unknown', suggestions: [] };
  }
}

/** Survey partners' own units by name (territory names territories, indicators name indicators). */
export const localgovScopeNames: ScopeNames = { scopeType: 'indicator_or_territory', names, resolve };
