// English strings of the domain-free document export (merged into en.ts), typed against the Polish ones.
import type { exportPl } from '../pl/export.js';
import type { TranslationShape } from '../types.js';

export const exportEn: TranslationShape<typeof exportPl> = {
  export: {
    pageOf: 'Page {{page}} of {{total}}',
    figure: 'Chart: {{alt}}',
    figureInWord: 'The chart is available in the HTML and PDF versions; the table below gives the same numbers.',
  },
};
