// The terms under which the platform's open data may be re-used, one definition for every dataset:
// the `licence` field of each JSON payload and API answer (its typebox schema, so OpenAPI documents
// it), the `Link: rel="license"` header of the CSV files and the `/dane` page.
// The platform's data are public information that ROPS publishes for re-use (ustawa z 11 sierpnia
// 2021 r. o otwartych danych i ponownym wykorzystywaniu informacji sektora publicznego). CC BY 4.0
// asks of a re-user only to name the source, which is how the registry treats its own sources. The
// choice of terms is the institution's: should it choose others, they change here, once.
import { Type } from 'typebox';

export const OPEN_DATA_LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

export const LicenceSchema = Type.Object(
  {
    id: Type.String({ description: 'SPDX identifier of the licence' }),
    name: Type.String(),
    url: Type.String({ description: 'Text of the licence' }),
  },
  { description: 'Terms of re-use of the data' },
);

/** The two properties every dataset's JSON answer carries, for a typebox object: `{ ...OpenDataProperties, items }`. */
export const OpenDataProperties = {
  licence: LicenceSchema,
  last_changed: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'When the data of the dataset last changed (null while it holds nothing)',
  }),
};

/** The values of `OpenDataProperties` for a dataset whose data last changed at `lastChanged`. */
export function openDataMeta(lastChanged: string | null): { licence: typeof OPEN_DATA_LICENCE; last_changed: string | null } {
  return { licence: { ...OPEN_DATA_LICENCE }, last_changed: lastChanged };
}

/** The `Link` header naming the licence, for files and answers whose body has no room for it (CSV, GeoJSON). */
export const LICENCE_LINK = `<${OPEN_DATA_LICENCE.url}>; rel="license"`;
