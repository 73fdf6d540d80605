// English strings of the programme module: the programme, its life cycle, versions and objective tree (merged into en.ts), typed against the Polish ones.
import type { programmePl } from '../pl/programme.js';
import type { TranslationShape } from '../types.js';

export const programmeEn: TranslationShape<typeof programmePl> = {
  programme: {
    title: 'Programme',
  },
};
