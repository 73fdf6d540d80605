// The benchmark's database: migrated, the reference data and the demo seed loaded, `count`
// synthetic entities added, and a programme in force (2021–2030) with the demo's computed
// indicators, their stored figures counted and the 2025 annual report published — the pages
// issue 16 measured at seconds per view (/program, an indicator page, the annual report) must have
// something to show. Also returns what the workload draws on: real entity pages, facet values,
// gmina names, and a staff session cookie for the staff registry.
import { loadConfig } from '../src/config.js';
import { prepare, seedDemo } from '../src/bootstrap.js';
import { entityPath, seedSynthetic } from '../src/modules/registry/index.js';
import { listUnits } from '../src/modules/territory/index.js';
import {
  insertTestElement,
  insertTestProgramme,
  publishReport,
  refreshComputedNow,
  seedIndicatorsDemo,
} from '../src/modules/indicators/indicators.testing.js';
import { loginAs } from '../src/testing/app.js';
import { seeded } from './workload.js';

export const BENCH_SECRET = 'bench-session-secret-0123456789abcdefghij';
export const BENCH_PROGRAMME = 'program-bench';
export const BENCH_REPORT_YEAR = 2025;

export interface BenchData {
  /** Paths of different listed entities, in random order. */
  entityPaths: string[];
  powiaty: string[];
  gminy: string[];
  gminaNames: string[];
  /** The session cookie of an administrator (staff pages). */
  staffCookie: string;
  timings: { seedSeconds: number; refreshSeconds: number };
}

export async function buildBenchData(databaseUrl: string, count: number, entityPages: number): Promise<BenchData> {
  const config = loadConfig({ DATABASE_URL: databaseUrl, SESSION_SECRET: BENCH_SECRET, LOG_LEVEL: 'silent' });
  const { database, ctx } = await prepare(config);
  try {
    await seedDemo(ctx);
    const seedStart = performance.now();
    await seedSynthetic(ctx, { count });
    const seedSeconds = (performance.now() - seedStart) / 1000;

    await ctx.db.updateTable('programmes').set({ is_current: false }).execute();
    const programme = await insertTestProgramme(ctx, {
      slug: BENCH_PROGRAMME,
      title: 'Program benchmarku (dane przykładowe)',
      period_from: 2021,
      period_to: 2030,
      is_current: true,
    });
    const goal = await insertTestElement(ctx, programme.id, {
      parent: null,
      kind: 'main_goal',
      code: '1',
      title: 'Cel główny',
      is_example: true,
    });
    await seedIndicatorsDemo(ctx, programme.id);
    const indicators = await ctx.db.selectFrom('indicators').select('id').where('programme_id', '=', programme.id).execute();
    await ctx.db
      .insertInto('indicator_elements')
      .values(indicators.map((i) => ({ indicator_id: i.id, element_id: goal })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    await publishReport(ctx, { ...programme, status: 'implementation' }, BENCH_REPORT_YEAR, { actorId: null, ip: null });
    const refreshStart = performance.now();
    await refreshComputedNow(ctx);
    const refreshSeconds = (performance.now() - refreshStart) / 1000;

    // different entities at random (a visitor arrives from a search engine on any of them)
    const listed = await ctx.db.selectFrom('entities').select(['id', 'name']).where('lifecycle', '!=', 'closed').execute();
    const rnd = seeded(22);
    const paths: string[] = [];
    const taken = new Set<number>();
    while (paths.length < Math.min(entityPages, listed.length)) {
      const i = Math.floor(rnd() * listed.length);
      if (taken.has(i)) continue;
      taken.add(i);
      paths.push(entityPath(listed[i]!));
    }
    const powiaty = (await listUnits(ctx.db, 'powiat')).map((u) => u.teryt);
    const gminyRows = await listUnits(ctx.db, 'gmina');
    const { cookie } = await loginAs({ ctx, config }, [{ role: 'administrator' }], 'bench-admin@example.invalid');
    return {
      entityPaths: paths,
      powiaty,
      gminy: gminyRows.map((g) => g.teryt),
      gminaNames: [...new Set(gminyRows.map((g) => g.name))],
      staffCookie: cookie,
      timings: { seedSeconds, refreshSeconds },
    };
  } finally {
    await database.close();
  }
}
