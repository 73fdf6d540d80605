// Gminy and powiaty in the site search: "grudziadz" finds the city (as a gmina and as a powiat), the
// rural gmina and "powiat grudziądzki". The 167 units are reference data read whole, so they are
// matched in memory by the rule the text indexes apply (core/search `textMatches`): on the unit's
// name and on its Polish title, so "gmina wiejska grudziądz" finds it too.
import { textMatches } from '../../core/search/index.js';
import { translator } from '../../i18n/index.js';
import type { SearchProvider } from '../portal/index.js';
import * as repo from './territory.repo.js';
import { profilePath } from './units.js';
import { profileTitle } from './territory.views.js';

export const unitsSearch: SearchProvider = {
  id: 'territory',
  label: 'territory.searchGroup',
  order: 12,
  async search(ctx, terms, lang, limit) {
    const units = (await repo.listAllUnits(ctx.db)).flatMap((u) => (u.kind === 'wojewodztwo' ? [] : [{ ...u, kind: u.kind }]));
    const pl = translator('pl');
    const t = translator(lang);
    const byTeryt = new Map(units.map((u) => [u.teryt, u]));
    const found = units.filter((u) => textMatches(terms, u.name, profileTitle(pl, { unit: u, kind: u.kind })));
    return {
      total: found.length,
      hits: found.slice(0, limit).map((u) => {
        const parent = u.parent_teryt ? byTeryt.get(u.parent_teryt) : undefined;
        const gminy = u.kind === 'powiat' ? units.filter((g) => g.parent_teryt === u.teryt).length : 0;
        const snippet =
          u.kind === 'gmina'
            ? parent
              ? profileTitle(t, { unit: parent, kind: 'powiat' })
              : ''
            : t('territory.gminyCount', { count: gminy });
        return { title: profileTitle(t, { unit: u, kind: u.kind }), path: profilePath(u.teryt), snippet };
      }),
    };
  },
};
