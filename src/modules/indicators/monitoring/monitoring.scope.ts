// What a reporting partner may report: the scope of the `reporting_partner` role, read from the
// user's role rows. The accounts module stores scoped roles as (scope_type, scope_id); for this role
// the scope type is `indicator_or_territory` and the scope id says which of the two it is:
//
//   indicator:<code or id>   an indicator (its code, e.g. `W1.1`, in any programme — or its id)
//   territory:<code>         a territory: `region`, a powiat TERYT (4 digits, also covering its
//                            gminy), a gmina TERYT (7 digits) or an OWES subregion code (`torun`)
//   localgov:<teryt>         a local government (the localgov module's survey partners): its own
//                            gmina or powiat only — a powiat's government never reports its gminy
//
// Rows with scope_type `indicator` or `territory` and the bare code are read the same way, and a
// bare id under `indicator_or_territory` is a territory when it looks like one (`region` or
// digits) and an indicator code otherwise. A partner holding only indicator scopes reports those
// indicators for every territory; only territory scopes — every indicator of a round for those
// territories; both — those indicators for those territories (the intersection). Every page and
// the API ask `coversCell`, so the rule lives in this one place.
import { WHOLE_REGION } from '../indicators.tables.js';

export interface PartnerScope {
  indicators: Set<string>;
  territories: Set<string>;
  /** Local governments' own units (`localgov:<teryt>`): each covers itself only. */
  ownUnits?: Set<string>;
}

export interface RoleLike {
  role: string;
  scopeType: string | null;
  scopeId: string | null;
}

const TERRITORY_LIKE = /^(region|\d{4}|\d{7})$/u;

/** The reporting scope of a user; null when the user holds no reporting_partner role. */
export function partnerScope(roles: readonly RoleLike[]): PartnerScope | null {
  const mine = roles.filter((r) => r.role === 'reporting_partner');
  if (mine.length === 0) return null;
  const scope: PartnerScope = { indicators: new Set(), territories: new Set() };
  for (const r of mine) {
    const id = (r.scopeId ?? '').trim();
    if (!id) continue;
    if (r.scopeType === 'indicator') scope.indicators.add(id);
    else if (r.scopeType === 'territory') scope.territories.add(id);
    else if (id.startsWith('indicator:')) scope.indicators.add(id.slice('indicator:'.length));
    else if (id.startsWith('territory:')) scope.territories.add(id.slice('territory:'.length));
    else if (id.startsWith('localgov:')) (scope.ownUnits ??= new Set()).add(id.slice('localgov:'.length));
    else if (TERRITORY_LIKE.test(id)) scope.territories.add(id);
    else scope.indicators.add(id);
  }
  return scope;
}

/** True when the scope names anything at all (a role row without a usable id grants nothing). */
export function isEmptyScope(scope: PartnerScope): boolean {
  return scope.indicators.size === 0 && scope.territories.size === 0 && (scope.ownUnits?.size ?? 0) === 0;
}

export function coversIndicator(scope: PartnerScope, indicator: { id: string; code: string }): boolean {
  if (isEmptyScope(scope)) return false;
  if (scope.indicators.size === 0) return true;
  return scope.indicators.has(indicator.code) || scope.indicators.has(indicator.id);
}

export function coversTerritory(scope: PartnerScope, territoryCode: string): boolean {
  if (isEmptyScope(scope)) return false;
  if (scope.ownUnits?.has(territoryCode)) return true;
  if (scope.territories.size === 0 && (scope.ownUnits?.size ?? 0) === 0) return true;
  if (scope.territories.has(territoryCode)) return true;
  // a powiat's partner also reports for the gminy of that powiat
  return territoryCode.length === 7 && territoryCode !== WHOLE_REGION && scope.territories.has(territoryCode.slice(0, 4));
}

/** May the partner report this indicator for this territory? */
export function coversCell(scope: PartnerScope | null, indicator: { id: string; code: string }, territoryCode: string): boolean {
  return scope !== null && coversIndicator(scope, indicator) && coversTerritory(scope, territoryCode);
}
