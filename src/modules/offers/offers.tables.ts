// Tables of the offers module: what social economy entities sell (offers, the powiaty and gminy
// they serve, their photos) and the enquiries buyers send about them. An enquiry's personal data
// and text are erased after six months; the row stays so the counts per entity, category and year stay.
import type { Generated } from 'kysely';

export const OFFER_KINDS = ['product', 'service'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];
export const PRICE_KINDS = ['text', 'on_request'] as const;
export type PriceKind = (typeof PRICE_KINDS)[number];
export const AREA_SCOPES = ['region', 'units'] as const;
export type AreaScope = (typeof AREA_SCOPES)[number];

export interface OffersTable {
  id: string;
  entity_id: string;
  title: string;
  title_sort: string;
  kind: OfferKind;
  /** Top-level category key (offers.categories.ts). */
  category: string;
  /** Second-level category key, within `category`. */
  subcategory: string;
  /** JSON array of CPV codes `NNNNNNNN-C` (check digit verified); '[]' when none. */
  cpv_codes: string;
  /** Markdown, rendered through core/text/markdown.ts. */
  description: string;
  price_kind: PriceKind;
  /** The price information when `price_kind` is 'text'. */
  price_text: string | null;
  /** 'region': the whole voivodeship; 'units': the powiaty and gminy in `offer_areas`. */
  area_scope: AreaScope;
  is_reserved_contracts: boolean;
  is_published: boolean;
  /** Demonstration data (`seed demo`): labelled as such on every page, in the API and in the search. */
  is_example: boolean;
  search_doc: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface OfferAreasTable {
  offer_id: string;
  /** 4-digit powiat or 7-digit gmina TERYT. */
  teryt: string;
  /** The powiat of the unit (itself for a powiat): an offer serving a gmina shows under its powiat. */
  powiat_teryt: string;
}

export interface OfferPhotosTable {
  id: string;
  offer_id: string;
  position: number;
  /** Resized on upload; always WebP. */
  content_type: string;
  data: Buffer;
  byte_size: number;
  sha256: string;
  width: number;
  height: number;
  alt: string;
  created_at: string;
}

export interface OfferEnquiriesTable {
  id: string;
  offer_id: string;
  entity_id: string;
  /** The offer's category when sent (counts stay even if the offer changes or goes). */
  category: string;
  /** Year in Warsaw time, for the counts. */
  year: number;
  created_at: string;
  name: string | null;
  institution: string | null;
  email_norm: string | null;
  phone: string | null;
  message: string | null;
  /** Set when the retention job erased the fields above. */
  erased_at: string | null;
  recipients: Generated<number>;
}

declare module '../../core/db/schema.js' {
  interface Database {
    offers: OffersTable;
    offer_areas: OfferAreasTable;
    offer_photos: OfferPhotosTable;
    offer_enquiries: OfferEnquiriesTable;
  }
}
