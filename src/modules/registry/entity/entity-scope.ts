// An entity representative's scope is an entity: staff name it in the role form of user
// administration by its name, its NIP, KRS or REGON, or the address of its page, and see it by
// name (the accounts module's `scopeNames` extension point). Namesakes are never picked for them:
// the candidates are listed with their gmina and identifier (or page address) to tell them apart.
import { UUID_PATTERN } from '../../../core/db/ids.js';
import type { ModuleContext } from '../../../core/module.js';
import { queryTerms } from '../../../core/search/index.js';
import { translator, type Lang } from '../../../i18n/index.js';
import type { ScopeNames, ScopeResolution } from '../../accounts/index.js';
import { gminaChoices, gminaLabel } from '../../territory/index.js';
import { entityNameKey } from './name-key.js';
import { entityNamesByIds } from './registry.repo.js';
import { entitiesByIdentifier, entitiesByNameKey, entitiesMatching, liveEntityById, type ScopeEntityRow } from './scope-lookup.repo.js';
import { entityPath } from './registry.service.js';

const PAGE = new RegExp(`/podmioty/(${UUID_PATTERN.replace(/^\^|\$$/gu, '')})`, 'iu');
/** A NIP or KRS (10 digits), REGON (9 or 14), written with or without separators, maybe after its name. */
const IDENTIFIER = /^(?:(?:nip|krs|regon)\s*:?\s*)?([\d\s-]{9,20})$/iu;
const NAMED_IDENTIFIER = /\b(?:nip|krs|regon)\s*:?\s*(\d[\d-]{8,16}\d)/iu;

/** "Fundacja Iks (gmina Lubicz, NIP 1234567890)": what tells namesakes apart. */
async function candidateLabels(ctx: ModuleContext, rows: readonly ScopeEntityRow[], lang: Lang): Promise<string[]> {
  const t = translator(lang);
  const gminy = new Map((await gminaChoices(ctx)).map((g) => [g.teryt, g]));
  return rows.map((r) => {
    const g = r.gmina_teryt ? gminy.get(r.gmina_teryt) : undefined;
    const parts = [
      ...(g ? [t('registry.scope.gmina', { name: gminaLabel(t, g) })] : []),
      ...(r.nip ? [`NIP ${r.nip}`] : r.krs ? [`KRS ${r.krs}`] : r.regon ? [`REGON ${r.regon}`] : []),
    ];
    if (!r.nip && !r.krs && !r.regon) parts.push(t('registry.scope.page', { path: entityPath(r) }));
    return `${r.name} (${parts.join(', ')})`;
  });
}

async function fromRows(ctx: ModuleContext, rows: readonly ScopeEntityRow[], lang: Lang): Promise<ScopeResolution | null> {
  if (rows.length === 1) return { kind: 'found', id: rows[0]!.id, label: rows[0]!.name };
  if (rows.length > 1) return { kind: 'ambiguous', candidates: await candidateLabels(ctx, rows, lang) };
  return null;
}

/** Which entity a typed text names: a page address, an identifier, or an exact name (case and diacritics aside). */
export async function resolveEntityScope(ctx: ModuleContext, text: string, lang: Lang): Promise<ScopeResolution> {
  const page = PAGE.exec(text);
  if (page) {
    const row = await liveEntityById(ctx.db, page[1]!.toLowerCase());
    return row ? { kind: 'found', id: row.id, label: row.name } : { kind: 'unknown', suggestions: [] };
  }
  const identifier = IDENTIFIER.exec(text.trim()) ?? NAMED_IDENTIFIER.exec(text);
  if (identifier) {
    const digits = identifier[1]!.replace(/\D/gu, '');
    const found = await fromRows(ctx, await entitiesByIdentifier(ctx.db, digits), lang);
    if (found) return found;
    if (IDENTIFIER.test(text.trim())) return { kind: 'unknown', suggestions: [] };
  }
  const named = await fromRows(ctx, await entitiesByNameKey(ctx.db, entityNameKey(text)), lang);
  if (named) return named;
  const close = await entitiesMatching(ctx.db, ctx.database.seam, queryTerms(text), 5);
  return { kind: 'unknown', suggestions: await candidateLabels(ctx, close, lang) };
}

/** Entity representatives' scopes by name, in the account page and user administration. */
export const entityScopeNames: ScopeNames = {
  scopeType: 'entity',
  names: (ctx, ids) => entityNamesByIds(ctx.db, ids),
  resolve: resolveEntityScope,
};
