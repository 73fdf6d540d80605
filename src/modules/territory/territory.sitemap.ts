// Territory's pages in the sitemap: the map, the white spots and the profile of every powiat and
// gmina. A profile changes when its statistics are uploaded; otherwise it is as old as the TERYT
// data behind it (state of 2025-01-01, data/reference/PROVENANCE.md). The sections other modules
// add to profiles (entities, indicators) are dated by their own pages, not by the profile.
import { laterOf, listedSource, type SitemapSource } from '../portal/index.js';
import * as repo from './territory.repo.js';
import { profilePath } from './units.js';

/** The TERC catalogue's `STAN_NA` of `teryt_04.csv`. */
const TERYT_STATE = '2025-01-01';

const pages = listedSource('territory.profiles', 30, async (ctx) => {
  const [units, uploads] = await Promise.all([repo.listAllUnits(ctx.db), repo.latestStatisticsUploads(ctx.db)]);
  const ofPowiat = new Map<string, string>();
  for (const u of units) {
    const at = uploads.get(u.teryt);
    if (u.kind === 'gmina' && u.parent_teryt && at) ofPowiat.set(u.parent_teryt, laterOf(ofPowiat.get(u.parent_teryt), at)!);
  }
  const profiles = units.flatMap((u) =>
    u.kind === 'wojewodztwo'
      ? []
      : [{ path: profilePath(u.teryt), lastmod: laterOf(TERYT_STATE, u.kind === 'gmina' ? uploads.get(u.teryt) : ofPowiat.get(u.teryt)) }],
  );
  // the map and the white spots show today's figures of every module: no one date of change
  return [{ path: '/terytorium', lastmod: null }, { path: '/terytorium/biale-plamy', lastmod: null }, ...profiles];
});

export const territorySitemapSources: readonly SitemapSource[] = [pages];
