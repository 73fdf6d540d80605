// English strings of the domain-free text tools (merged into en.ts), typed against the Polish ones.
import type { textPl } from '../pl/text.js';
import type { TranslationShape } from '../types.js';

export const textEn: TranslationShape<typeof textPl> = {
  text: {
    inserted: '[inserted:',
    insertedEnd: ']',
    deleted: '[deleted:',
    deletedEnd: ']',
    introduction: 'Introduction',
  },
};
