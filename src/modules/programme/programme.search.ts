// The programme in the site search: programmes by title, and the elements of their objective trees
// (goals, actions, tasks) by code, title and description, each leading to its place on the programme
// page. A handful of programmes of tens of elements each are read whole and matched in memory by the
// rule the text indexes apply (core/search `textMatches`). Their text exists only in Polish, so on
// English pages each hit is marked as Polish.
import { textMatches } from '../../core/search/index.js';
import { translator } from '../../i18n/index.js';
import type { SearchHit, SearchProvider } from '../portal/index.js';
import * as repo from './programme.repo.js';
import { programmePath, statusLabel } from './programme.service.js';
import { listElements } from './structure.repo.js';
import { kindLabel } from './structure.service.js';

export const programmeSearch: SearchProvider = {
  id: 'programme',
  label: 'programme.searchGroup',
  order: 40,
  async search(ctx, terms, lang, limit) {
    const t = translator(lang);
    const polish = lang === 'en' ? { lang: 'pl' as const } : {};
    const programmes = await repo.listProgrammes(ctx.db);
    const byId = new Map(programmes.map((p) => [p.id, p]));
    const hits: SearchHit[] = programmes
      .filter((p) => textMatches(terms, p.title, p.short_name))
      .map((p) => ({
        title: p.title,
        path: programmePath(p),
        snippet: `${p.period_from}–${p.period_to} · ${t(statusLabel(p.status))}`,
        ...polish,
      }));
    for (const e of await listElements(
      ctx.db,
      programmes.map((p) => p.id),
    )) {
      const p = byId.get(e.programme_id);
      if (!p || !textMatches(terms, e.code, e.title, e.description)) continue;
      const where = [t(kindLabel(e.kind)), p.short_name ?? p.title, ...(e.is_example ? [t('programme.exampleShort')] : [])].join(' · ');
      hits.push({
        title: `${e.code} ${e.title}`,
        path: `${programmePath(p)}#cel-${e.code}`,
        snippet: e.description ? `${where} — ${e.description}` : where,
        ...polish,
      });
    }
    return { total: hits.length, hits: hits.slice(0, limit) };
  },
};
