// English strings of the consultations module: public consultations, comments, responses and reports (merged into en.ts), typed against the Polish ones.
import type { consultationsPl } from '../pl/consultations.js';
import type { TranslationShape } from '../types.js';

export const consultationsEn: TranslationShape<typeof consultationsPl> = {
  consultations: {
    title: 'Consultations',
  },
};
