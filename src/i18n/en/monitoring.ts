// English strings of the programme module's monitoring rounds, API tokens and annual reports (merged into en.ts), typed against the Polish ones.
import type { monitoringPl } from '../pl/monitoring.js';
import type { TranslationShape } from '../types.js';

export const monitoringEn: TranslationShape<typeof monitoringPl> = {
  monitoring: {
    title: 'Monitoring',
  },
};
