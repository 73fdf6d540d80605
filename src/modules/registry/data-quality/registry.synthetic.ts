// `spojnia seed synthetic --count N`: made-up entities for benchmarks and load tests only. Every
// one is marked twice — `is_synthetic = true` and a name starting with "[SYNTETYCZNY]" — and the
// pages label them ("dane syntetyczne"). They stay searchable (a benchmark must exercise the real
// search), so a database holding them is never a production database. The distribution follows
// the real registry roughly: mostly associations and foundations, more entities in the cities,
// one to three sectors each, a few with PS status or the "Zakup Prospołeczny" mark. The sequence
// is deterministic for a given seed, and rows go in with multi-row inserts, one transaction per
// batch, so 100,000 take seconds.
import type { Insertable } from 'kysely';
import { polishSortKey } from '../../../core/db/collation.js';
import { newId } from '../../../core/db/ids.js';
import type { ModuleContext } from '../../../core/module.js';
import { translator, type TKey } from '../../../i18n/index.js';
import { listUnits } from '../../territory/index.js';
import * as repo from '../entity/registry.repo.js';
import { expiryOf } from '../entity/mark-validity.js';
import { entitySearchDocument } from '../entity/registry.service.js';
import { ACTIVITY_TYPES, LEGAL_FORMS, type EntitiesTable, type LegalForm, type Lifecycle } from '../entity/registry.tables.js';

export const SYNTHETIC_PREFIX = '[SYNTETYCZNY]';
const BATCH = 5000;

/** Relative frequency of each legal form (forms not listed get 1). */
const FORM_WEIGHTS: Partial<Record<LegalForm, number>> = {
  stowarzyszenie: 36,
  fundacja: 24,
  kolo_gospodyn_wiejskich: 12,
  ochotnicza_straz_pozarna: 9,
  spoldzielnia_socjalna: 5,
  klub_sportowy_non_profit: 4,
  spolka_non_profit: 3,
  spoldzielnia_pracy: 2,
  cis: 1,
  kis: 1,
  wtz: 1.5,
  zaz: 0.5,
};

export const SYNTHETIC_SECTORS = [
  'Gastronomia',
  'Catering',
  'Usługi opiekuńcze',
  'Sprzątanie i utrzymanie zieleni',
  'Budownictwo i remonty',
  'Turystyka',
  'Kultura',
  'Edukacja',
  'Rękodzieło',
  'Usługi poligraficzne',
  'Rolnictwo',
  'Sport i rekreacja',
  'Pomoc społeczna',
  'Transport',
  'Szycie i krawiectwo',
] as const;

export const SYNTHETIC_ADJECTIVES = [
  'Zielony',
  'Wspólny',
  'Dobry',
  'Kujawski',
  'Nowy',
  'Otwarty',
  'Słoneczny',
  'Pomorski',
  'Radosny',
  'Leśny',
  'Wiślany',
  'Złoty',
  'Przyjazny',
  'Młody',
  'Srebrny',
  'Jasny',
  'Rodzinny',
  'Sąsiedzki',
];
export const SYNTHETIC_NOUNS = [
  'Most',
  'Dom',
  'Ogród',
  'Warsztat',
  'Horyzont',
  'Krąg',
  'Most',
  'Brzeg',
  'Dąb',
  'Spichlerz',
  'Młyn',
  'Port',
  'Sad',
  'Kłos',
  'Zakątek',
  'Szlak',
  'Zdrój',
  'Rynek',
];

/** mulberry32: a small deterministic generator, so two runs with one seed make the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(items: readonly T[], weight: (x: T) => number): (r: number) => T {
  const cum: number[] = [];
  let sum = 0;
  for (const x of items) cum.push((sum += weight(x)));
  return (r) => {
    const target = r * sum;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!;
  };
}

export interface SyntheticOptions {
  count: number;
  seed?: number;
  /** Called after each batch with the number inserted so far. */
  onProgress?: (done: number, total: number) => void;
}

/** Inserts `count` synthetic entities (never touches real ones); returns how many were added. */
export async function seedSynthetic(ctx: ModuleContext, opts: SyntheticOptions): Promise<number> {
  const rnd = seededRandom(opts.seed ?? 20261127);
  const gminy = await listUnits(ctx.db, 'gmina');
  if (gminy.length === 0) throw new Error('no TERYT units: run `spojnia seed reference` first');
  // cities draw more entities than rural gminy, the two biggest cities most
  const pickGmina = weighted(gminy, (g) =>
    g.teryt === '0461011' || g.teryt === '0463011' ? 60 : g.gmina_type === 1 ? 8 : g.gmina_type === 3 ? 2 : 1,
  );
  const pickForm = weighted(LEGAL_FORMS, (f) => FORM_WEIGHTS[f] ?? 0.5);
  const t = translator('pl');
  const formLabel = new Map(LEGAL_FORMS.map((f) => [f, t(`registry.legalForm.${f}` as TKey)]));
  const start = Date.parse('2020-01-01T00:00:00Z');
  const span = Date.parse('2026-11-01T00:00:00Z') - start;
  let done = 0;
  while (done < opts.count) {
    const n = Math.min(BATCH, opts.count - done);
    const entities: Insertable<EntitiesTable>[] = [];
    const statuses: Parameters<typeof repo.insertPsStatuses>[1] = [];
    const marks: Parameters<typeof repo.insertMarks>[1] = [];
    for (let i = 0; i < n; i += 1) {
      const number = done + i + 1;
      const gmina = pickGmina(rnd());
      const form = pickForm(rnd());
      const label = formLabel.get(form)!;
      const title = `${SYNTHETIC_ADJECTIVES[Math.floor(rnd() * SYNTHETIC_ADJECTIVES.length)]} ${SYNTHETIC_NOUNS[Math.floor(rnd() * SYNTHETIC_NOUNS.length)]}`;
      const name = `${SYNTHETIC_PREFIX} ${label.charAt(0).toLocaleUpperCase('pl')}${label.slice(1)} „${title}” nr ${number}`;
      const sectorCount = 1 + Math.floor(rnd() * 3);
      const sectors = [
        ...new Set(Array.from({ length: sectorCount }, () => SYNTHETIC_SECTORS[Math.floor(rnd() * SYNTHETIC_SECTORS.length)]!)),
      ];
      const a = rnd();
      const activity = a < 0.4 ? ACTIVITY_TYPES[0] : a < 0.7 ? ACTIVITY_TYPES[1] : a < 0.8 ? ACTIVITY_TYPES[2] : null;
      const l = rnd();
      const lifecycle: Lifecycle = l < 0.97 ? 'active' : l < 0.99 ? 'suspended' : 'closed';
      const created = new Date(start + Math.floor(rnd() * span)).toISOString();
      const id = newId();
      const description = `Podmiot syntetyczny do testów wydajności. ${sectors.join(', ')}.`;
      const row = {
        id,
        name,
        name_sort: polishSortKey(name),
        short_name: null,
        legal_form: form,
        description,
        activity_type: activity,
        sectors: JSON.stringify(sectors),
        lifecycle,
        // seven in ten of the active ones "checked" on the day they were made up, so the synthetic
        // registry has both activity states (like every synthetic figure, shown as an example)
        activity_verified_on: lifecycle === 'active' && number % 10 < 7 ? created.slice(0, 10) : null,
        data_source: 'spojnia seed synthetic',
        gmina_teryt: gmina.teryt,
        town: gmina.name,
        is_synthetic: true,
        created_at: created,
        updated_at: created,
      };
      entities.push({ ...row, search_doc: entitySearchDocument(row, gmina.name) });
      if ((form === 'spoldzielnia_socjalna' || form === 'cis' || form === 'spolka_non_profit') && rnd() < 0.5) {
        statuses.push({
          id: newId(),
          entity_id: id,
          kind: 'granted',
          ps_type: rnd() < 0.6 ? 'reintegration' : 'social_services',
          decision_number: null,
          decision_date: created.slice(0, 10),
          loss_reason: null,
        });
      }
      if (rnd() < 0.02)
        marks.push({
          id: newId(),
          entity_id: id,
          mark: 'zakup_prospoleczny',
          subject: null,
          granted_on: created.slice(0, 10),
          ...expiryOf(created.slice(0, 10), null),
          source_url: null,
        });
    }
    await ctx.db.transaction().execute(async (trx) => {
      await repo.insertEntities(trx, entities);
      await repo.insertPsStatuses(trx, statuses);
      await repo.insertMarks(trx, marks);
    });
    done += n;
    opts.onProgress?.(done, opts.count);
  }
  await repo.refreshPlannerStatistics(ctx.db);
  return done;
}
