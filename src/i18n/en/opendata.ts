// English strings of the open-data page (merged into en.ts), typed against the Polish ones.
import type { opendataPl } from '../pl/opendata.js';
import type { TranslationShape } from '../types.js';

export const opendataEn: TranslationShape<typeof opendataPl> = {
  opendata: {
    nav: 'Open data',
    title: 'Open data',
    intro:
      'The platform’s data to download and through the API, in machine-readable formats. Each dataset holds only what the data support: a mark without known dates is not given as valid, and an entity whose activity nobody has checked is not given as active.',
    example:
      'Example records (e.g. synthetic test data) carry the field is_example (in CSV files the column “Example”) set to true in every dataset.',
    licenceIntro: 'The data may be re-used under the licence',
    apiDocs: 'API documentation',
    formats: 'Formats',
    licence: 'Licence',
    lastChanged: 'Data last changed',
    empty: 'the dataset is still empty',
    none: 'The platform publishes no dataset yet.',
  },
};
