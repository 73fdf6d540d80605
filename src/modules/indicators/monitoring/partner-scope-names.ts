// A reporting partner's scope may be an indicator (`indicator:<code or id>`, monitoring.scope.ts).
// Staff see and type it by code and name in user administration — "W1 Liczba podmiotów…" — through
// the accounts module's `scopeNames` extension point (the territory module names territories).
import type { ModuleContext } from '../../../core/module.js';
import { fold } from '../../../core/search/index.js';
import type { Lang } from '../../../i18n/index.js';
import type { ScopeNames, ScopeResolution } from '../../accounts/index.js';
import { listIndicatorsWithProgramme } from '../indicators.repo.js';

const PREFIX = 'indicator:';
/** Ids the monitoring scope reads as something else than an indicator. */
const NOT_MINE = /^(territory:|localgov:|region$|\d{4}$|\d{7}$)/u;

type Row = Awaited<ReturnType<typeof listIndicatorsWithProgramme>>[number];

/** The indicator code or id of a scope id, or null when the id is not an indicator's. */
function refOf(id: string): string | null {
  if (id.startsWith(PREFIX)) return id.slice(PREFIX.length);
  return NOT_MINE.test(id) ? null : id;
}

const label = (r: Row) => `${r.code} ${r.name}`;

async function names(ctx: ModuleContext, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const mine = ids.filter((id) => refOf(id) !== null);
  if (mine.length === 0) return out;
  // newest programme first: a code used in several programmes is named after the newest one
  const rows = await listIndicatorsWithProgramme(ctx.db);
  for (const id of mine) {
    const ref = refOf(id)!;
    const r = rows.find((x) => x.id === ref) ?? rows.find((x) => x.code === ref);
    if (r) out.set(id, label(r));
  }
  return out;
}

/** Which indicator a typed text names: its code (alone or before its name), or its exact name. */
async function resolve(ctx: ModuleContext, text: string, _lang: Lang): Promise<ScopeResolution> {
  const rows = await listIndicatorsWithProgramme(ctx.db);
  const trimmed = text.trim().replace(/^indicator:/u, '');
  const first = fold(trimmed.split(/\s+/u)[0] ?? '');
  const byCode = rows.find((r) => fold(r.code) === first);
  if (byCode) return { kind: 'found', id: `${PREFIX}${byCode.code}`, label: label(byCode) };
  const key = fold(trimmed);
  const named = rows.filter((r) => fold(r.name) === key);
  const codes = [...new Set(named.map((r) => r.code))];
  if (codes.length === 1) return { kind: 'found', id: `${PREFIX}${codes[0]}`, label: label(named[0]!) };
  if (codes.length > 1)
    return { kind: 'ambiguous', candidates: named.map((r) => `${label(r)} (${r.programme_short_name ?? r.programme_title})`) };
  const close = key.length >= 3 ? rows.filter((r) => fold(r.name).includes(key)) : [];
  return { kind: 'unknown', suggestions: [...new Set(close.map(label))].slice(0, 5) };
}

/** Reporting partners' indicators by code and name. */
export const indicatorScopeNames: ScopeNames = { scopeType: 'indicator_or_territory', names, resolve };
