// The localgov module's computed-indicator formulas on both databases: "local governments with
// measure X in year Y" counted per gmina from staff records (a powiat counts for the region only,
// unknown never counts), unknown before the first year with data, and offered to the indicators
// module through `indicatorFormulas`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { ManualClock } from '../../testing/clock.js';
import { localgovFormulas } from './localgov.formulas.js';
import { saveCooperation } from './localgov.service.js';

let t: TestApp;
const actor = { actorId: null, ip: null, requestId: null };
const NO_PARAMS = { legalForms: [], lifecycles: [] };
const byKey = (key: string) => localgovFormulas.find((f) => f.key === key)!;

before(async () => {
  t = await createTestApp({ clock: new ManualClock('2026-11-27T10:00:00Z') });
});
after(async () => t.close());

describe('localgov formulas', () => {
  it('know nothing while no local government has data', async () => {
    assert.equal(await byKey('localgov_clauses').coverageStart(t.ctx), null);
  });

  it('count local governments with a measure in the year of asOf', async () => {
    const unit = (u: string, extra: Record<string, string>) => saveCooperation(t.ctx, null, { unit: u, source: 'Test', ...extra }, actor);
    await unit('Chełmno (gmina miejska, powiat chełmiński)', { year: '2025', clauses_count: '2', programme: 'yes' });
    await unit('Chełmno (gmina wiejska, powiat chełmiński)', { year: '2025', clauses_count: '0', programme: 'no' });
    await unit('Lisewo (gmina wiejska, powiat chełmiński)', { year: '2025' });
    await unit('powiat chełmiński', { year: '2025', clause_kinds: 'reserved' });
    await unit('Chełmno (gmina wiejska, powiat chełmiński)', { year: '2024', clauses_count: '1' });
    assert.equal(await byKey('localgov_clauses').coverageStart(t.ctx), '2024-01-01');
    const sorted = (xs: { gmina: string | null; n: number }[]) =>
      xs.map((x) => [x.gmina, x.n]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    assert.deepEqual(sorted(await byKey('localgov_clauses').countByGmina(t.ctx, '2025-12-31', NO_PARAMS)), [
      ['0404011', 1],
      [null, 1],
    ]);
    assert.deepEqual(sorted(await byKey('localgov_clauses').countByGmina(t.ctx, '2024-12-31', NO_PARAMS)), [['0404022', 1]]);
    assert.deepEqual(sorted(await byKey('localgov_programme').countByGmina(t.ctx, '2025-06-30', NO_PARAMS)), [['0404011', 1]]);
    assert.deepEqual(await byKey('localgov_tasks').countByGmina(t.ctx, '2025-12-31', NO_PARAMS), [], 'unknown never counts');
  });

  it('are offered to the indicators module', () => {
    const keys = t.ctx.contributions.of('indicatorFormulas').map((f) => f.key);
    for (const k of ['localgov_programme', 'localgov_coordinator', 'localgov_clauses', 'localgov_tasks']) assert.ok(keys.includes(k), k);
  });
});
