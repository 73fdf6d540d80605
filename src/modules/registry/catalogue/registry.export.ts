// The catalogue as files and API items: CSV for spreadsheets (core/csv: UTF-8 with a BOM, `;`, CRLF,
// cells that a spreadsheet would run as formulas prefixed with an apostrophe) and plain JSON objects.
import { spreadsheetCsv } from '../../../core/csv/index.js';
import type { T } from '../../../i18n/index.js';
import type { TKey } from '../../../i18n/index.js';
import { entityPath, type EntityRow } from '../entity/registry.service.js';

export interface EntityItem {
  id: string;
  name: string;
  legal_form: string;
  lifecycle: string;
  town: string | null;
  gmina_teryt: string | null;
  nip: string | null;
  regon: string | null;
  krs: string | null;
  source_url: string | null;
  verified_at: string | null;
  url: string;
}

export function toItem(e: EntityRow, publicUrl: string): EntityItem {
  return {
    id: e.id,
    name: e.name,
    legal_form: e.legal_form,
    lifecycle: e.lifecycle,
    town: e.town,
    gmina_teryt: e.gmina_teryt,
    nip: e.nip,
    regon: e.regon,
    krs: e.krs,
    source_url: e.source_url,
    verified_at: e.verified_at,
    url: `${publicUrl.replace(/\/$/, '')}${entityPath(e)}`,
  };
}

export function toCsv(rows: EntityRow[], t: T, publicUrl: string): string {
  const header = (['name', 'legalForm', 'town', 'gmina', 'nip', 'regon', 'krs', 'lifecycle', 'sourceUrl', 'verifiedAt', 'address'] as const).map((k) => t(`registry.csv.${k}` as TKey));
  const body = rows.map((e) => {
    const i = toItem(e, publicUrl);
    return [i.name, t(`registry.legalForm.${i.legal_form}` as TKey), i.town, i.gmina_teryt, i.nip, i.regon, i.krs, t(`registry.lifecycle.${i.lifecycle}` as TKey), i.source_url, i.verified_at, i.url];
  });
  return spreadsheetCsv([header, ...body]);
}
