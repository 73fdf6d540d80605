// The one written rule that decides which entities hear of a buyer's need (issue 17, "Buyers'
// needs"; the form's count and the notification job both use it, needs.service.ts): an entity
// matches when at least one of its published offers meets the need, and an offer meets it when
//   category  — the offer's top-level category is the need's, and
//   area      — the offer serves every place of the need: an offer for the whole region serves any
//               place; a need for the whole region is served only by such an offer; a gmina is
//               served by an offer naming it or its powiat; a powiat only by an offer naming it, and
//   CPV       — when the need gives a CPV code, one of the offer's codes falls under it or it under
//               one of them (prefix of significant digits either way); an offer that lists no code is
//               judged by its category's usual prefixes (data/reference/oferta_kategorie_cpv.csv), and
//   filters   — when asked: the entity holds the PS status now, a valid "Zakup Prospołeczny" mark,
//               the offer is open to reserved contracts.
// Entities that are closed or merged never match. Everything here is in memory over the
// catalogue's cards, so the page that says "N podmiotów otrzyma powiadomienie" and the job that
// notifies them count the same entities.
import type { ModuleContext } from '../../../core/module.js';
import { categoryCpvPrefixes, isCategory, type Category } from '../offers.categories.js';
import * as repo from '../offers.repo.js';
import { CATALOGUE_CAP, cardsOf, type OfferCard } from '../offers.service.js';

export interface NeedCriteria {
  category: Category;
  /** Null for the whole region; else 4-digit powiat and 7-digit gmina codes where the need is to be met. */
  places: string[] | null;
  /** A CPV code (`45000000-7`) or null. */
  cpv: string | null;
  onlyPs: boolean;
  onlyMark: boolean;
  onlyReserved: boolean;
}

/** A CPV code's significant digits: `45400000-1` → `454` (at least the two of the division). */
export function cpvPrefix(code: string): string {
  const digits = code.slice(0, 8);
  const trimmed = digits.replace(/0+$/, '');
  return trimmed.length >= 2 ? trimmed : digits.slice(0, 2);
}

function related(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

type Card = Pick<OfferCard, 'cpvCodes' | 'areas'> & {
  offer: Pick<OfferCard['offer'], 'category' | 'area_scope' | 'is_reserved_contracts' | 'is_published'>;
  entity: Pick<OfferCard['entity'], 'isListed' | 'isPs' | 'hasValidMark'>;
};

function serves(card: Card, place: string): boolean {
  if (card.offer.area_scope === 'region') return true;
  const units = new Set(card.areas.map((a) => a.teryt));
  return place.length === 7 ? units.has(place) || units.has(place.slice(0, 4)) : units.has(place);
}

export function offerMeetsNeed(card: Card, need: NeedCriteria): boolean {
  if (!card.offer.is_published || !card.entity.isListed) return false;
  if (card.offer.category !== need.category) return false;
  if (need.places === null ? card.offer.area_scope !== 'region' : !need.places.every((p) => serves(card, p))) return false;
  if (need.cpv !== null) {
    const wanted = cpvPrefix(need.cpv);
    const own = card.cpvCodes.length
      ? card.cpvCodes.map(cpvPrefix)
      : isCategory(card.offer.category)
        ? categoryCpvPrefixes(card.offer.category)
        : [];
    if (!own.some((p) => related(p, wanted))) return false;
  }
  if (need.onlyPs && !card.entity.isPs) return false;
  if (need.onlyMark && !card.entity.hasValidMark) return false;
  if (need.onlyReserved && !card.offer.is_reserved_contracts) return false;
  return true;
}

/** Ids of the entities a need would notify (each once), in the order of their first matching offer. */
export async function matchingEntityIds(ctx: ModuleContext, need: NeedCriteria): Promise<string[]> {
  const rows = await repo.catalogueRows(
    ctx.db,
    ctx.database.seam,
    { terms: [], category: [need.category], subcategory: [], powiat: [], gmina: [] },
    CATALOGUE_CAP,
  );
  const cards = await cardsOf(ctx, rows);
  return [...new Set(cards.filter((c) => offerMeetsNeed(c, need)).map((c) => c.entity.id))];
}
