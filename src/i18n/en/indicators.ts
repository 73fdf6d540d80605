// English strings of the programme module's indicators: definitions, values, progress and charts (merged into en.ts), typed against the Polish ones.
import type { indicatorsPl } from '../pl/indicators.js';
import type { TranslationShape } from '../types.js';

export const indicatorsEn: TranslationShape<typeof indicatorsPl> = {
  indicators: {
    title: 'Indicators',
  },
};
