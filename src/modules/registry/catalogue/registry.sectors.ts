// How a sector name becomes the key stored in `entity_sectors.sector_folded` and used in the
// catalogue's `sektor=` parameter: folded (case and diacritics), words joined by hyphens, so
// "Usługi opiekuńcze" and "uslugi  OPIEKUNCZE" are one sector and the address stays readable.
import { fold } from '../../../core/search/index.js';
import { searchDocument } from '../../../core/search/index.js';

export const SECTOR_MAX = 80;

export function sectorKey(name: string): string {
  return fold(name)
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SECTOR_MAX);
}

/** The sectors of an entity's JSON column, cleaned and without repeats (by key). */
export function parseSectors(json: string | null | undefined): { sector: string; key: string }[] {
  let list: unknown;
  try {
    list = JSON.parse(json ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  const out = new Map<string, string>();
  for (const item of list) {
    if (typeof item !== 'string') continue;
    const sector = item.trim().replace(/\s+/g, ' ').slice(0, 200);
    const key = sectorKey(sector);
    if (key && !out.has(key)) out.set(key, sector);
  }
  return [...out].map(([key, sector]) => ({ key, sector }));
}

/**
 * The name part of the search document, stored as `name_doc` with a leading space, so relevance
 * can ask "does a word of the name start with this term" with a portable `like '% term%'`.
 */
export function nameDocument(name: string, shortName: string | null | undefined): string {
  return ` ${searchDocument(name, shortName)}`;
}
