// Published evaluation studies in the site search, by title, method and source note. They are few,
// so they are read whole and matched in memory (core/search `textMatches`); their text is Polish.
import { textMatches } from '../../core/search/index.js';
import { translator } from '../../i18n/index.js';
import type { SearchProvider } from '../portal/index.js';
import * as repo from './evaluation.repo.js';

export const evaluationSearch: SearchProvider = {
  id: 'evaluation',
  label: 'evaluation.searchGroup',
  order: 60,
  async search(ctx, terms, lang, limit) {
    const t = translator(lang);
    const found = (await repo.listStudies(ctx.db, true)).filter((s) =>
      textMatches(terms, s.title, s.method_summary ?? '', s.source_note ?? ''),
    );
    return {
      total: found.length,
      hits: found.slice(0, limit).map((s) => ({
        title: s.title,
        path: `/ewaluacja/${s.id}`,
        snippet: `${t(`evaluation.types.${s.study_type}`)}${s.study_year ? ` — ${s.study_year}` : ''}`,
        ...(lang === 'en' ? { lang: 'pl' as const } : {}),
      })),
    };
  },
};
