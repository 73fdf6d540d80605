// The support centres the sources name (data/reference/zrodla_programu_es.csv and the domain guide
// §2.4): their names as the sources write them, the partnership's organisations, the subregions and
// the years they serve. Nothing else is known from a source, so offices, contacts, accreditation and
// most services stay empty ("brak danych"). No source names a centre for the Bydgoszcz subregion, so
// none is seeded there. Loaded once: afterwards staff own the data.
import { newId } from '../../core/db/ids.js';
import { polishSortKey } from '../../core/db/collation.js';
import { nowIso } from '../../core/db/time.js';
import type { ModuleContext, SeedResult } from '../../core/module.js';
import * as repo from './support.repo.js';
import type { SupportService } from './services.js';

const SEED_KEY = 'support.centres_seeded';
const YEARS_NOTE = 'Okresy obsługi podane przez źródła z dokładnością do roku.';

interface SeedCentre {
  name: string;
  /** Organisations of the partnership; the sources do not say which one leads. */
  members: string[];
  areas: { code: string; from: string; to: string }[];
  services: SupportService[];
  sources: string[];
}

export const SEEDED_CENTRES: readonly SeedCentre[] = [
  {
    // K30: the Toruń OWES 2019–2022, subregion of the aleksandrowski, chełmiński, lipnowski, toruński powiaty and Toruń
    name: 'Ośrodek Wsparcia Ekonomii Społecznej w Toruniu',
    members: ['ECWM', 'Stowarzyszenie Tilia'],
    areas: [{ code: 'torun', from: '2019-01-01', to: '2022-12-31' }],
    services: [],
    sources: ['K30: ekonomia-spoleczna.com.pl/osrodek-wsparcia-ekonomii-spolecznej-w-toruniu/informacja-o-projekcie_owes_torun/'],
  },
  {
    // K32 (area, project of grants for new jobs), K31 (2024–2026, Fundacja Ekspert-Kujawy and WSG)
    name: 'KPCES',
    members: ['Fundacja Ekspert-Kujawy', 'Wyższa Szkoła Gospodarki (WSG)'],
    areas: [
      { code: 'wloclawek-inowroclaw', from: '2019-01-01', to: '2022-12-31' },
      { code: 'wloclawek-inowroclaw', from: '2024-01-01', to: '2026-12-31' },
    ],
    services: ['job_grants'],
    sources: ['K32: kpces.pl/projekty/dofinansowanie-do-nowych-miejsc-pracy/cel-projektu/', 'K31: kpodr.pl/tag/wyzsza-szkola-gospodarki/'],
  },
  {
    // K33: OWES TŁOK 3 (2024–2026), brodnicki, golubsko-dobrzyński, grudziądzki, rypiński, wąbrzeski, świecki, Grudziądz
    name: 'OWES TŁOK 3',
    members: [],
    areas: [{ code: 'grudziadz', from: '2024-01-01', to: '2026-12-31' }],
    services: [],
    sources: ['K33: owies.eu/346/owes'],
  },
];

export async function seedSupportReference(ctx: ModuleContext): Promise<SeedResult> {
  const summary = (added: number) => ({ summary: `support centres named by the sources: ${SEEDED_CENTRES.length} (${added} new)` });
  if (await ctx.settings.get<boolean>(SEED_KEY, false)) return summary(0);
  const now = nowIso(ctx.clock);
  let added = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const c of SEEDED_CENTRES) {
      if (await repo.findCentreByName(trx, c.name)) continue;
      const id = newId();
      await repo.insertCentre(trx, {
        id,
        name: c.name,
        name_sort: polishSortKey(c.name),
        website: null,
        leads_email: null,
        sources: [...c.sources, YEARS_NOTE].join('\n'),
        is_example: false,
        created_at: now,
        updated_at: now,
      });
      for (const [position, name] of c.members.entries())
        await repo.insertPart(trx, 'support_centre_partners', {
          id: newId(),
          centre_id: id,
          role: 'member',
          name,
          entity_id: null,
          position,
        });
      for (const a of c.areas)
        await repo.insertPart(trx, 'support_centre_areas', {
          id: newId(),
          centre_id: id,
          subregion_code: a.code,
          valid_from: a.from,
          valid_to: a.to,
        });
      await repo.replaceServices(trx, id, c.services);
      added += 1;
    }
  });
  await ctx.settings.set(SEED_KEY, true);
  return summary(added);
}
