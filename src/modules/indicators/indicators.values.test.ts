// The value workflow on SQLite and PostgreSQL: checks against the indicator (territory of its
// breakdown, number, period), refusals that change nothing, status transitions and the history.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isAppError } from '../../core/errors/app-error.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { insertTestIndicator, insertTestProgramme } from './indicators.testing.js';
import {
  approveValue,
  enterApprovedValue,
  parseNumber,
  returnValue,
  saveValue,
  submitSavedValue,
  submitValue,
  valueHistory,
} from './indicators.values.js';
import { ManualClock } from '../../testing/clock.js';

const clock = new ManualClock('2026-06-15T10:00:00Z');
const actor = { actorId: null, ip: '127.0.0.1' };

async function counts(t: TestApp) {
  const v = await t.ctx.db
    .selectFrom('indicator_values')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const h = await t.ctx.db
    .selectFrom('indicator_value_history')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return { values: Number(v.n), history: Number(h.n) };
}

async function refused(t: TestApp, fn: () => Promise<unknown>, code: string, field?: string) {
  const beforeCounts = await counts(t);
  await assert.rejects(fn, (err) => {
    assert.ok(isAppError(err), String(err));
    assert.equal(err.code, code);
    if (field)
      assert.ok(
        err.problems.some((p) => p.field === field),
        JSON.stringify(err.problems),
      );
    return true;
  });
  assert.deepEqual(await counts(t), beforeCounts, 'a refused value changes nothing');
}

describe('indicator values', () => {
  let t: TestApp;
  let programmeId: string;
  before(async () => {
    t = await createTestApp({ clock });
    programmeId = (await insertTestProgramme(t.ctx, { period_from: 2021, period_to: 2030 })).id;
  });
  after(async () => t.close());

  it('parses numbers written the Polish way', () => {
    assert.equal(parseNumber('1 234,5'), 1234.5);
    assert.equal(parseNumber('1\u00a0234'), 1234);
    assert.equal(parseNumber('12.5'), 12.5);
    assert.equal(parseNumber('−3'), -3);
    assert.equal(parseNumber(7), 7);
    assert.equal(parseNumber('1,2,3'), null);
    assert.equal(parseNumber('abc'), null);
    assert.equal(parseNumber(''), null);
    assert.equal(parseNumber(Number.NaN), null);
  });

  it('refuses a bad territory, number or period and changes nothing', async () => {
    const none = await insertTestIndicator(t.ctx, programmeId, { breakdown: 'none' });
    const powiat = await insertTestIndicator(t.ctx, programmeId, { breakdown: 'powiat' });
    const subregion = await insertTestIndicator(t.ctx, programmeId, { breakdown: 'subregion' });
    const ok = { period: 2025, territoryCode: 'region', value: '10' };
    await saveValue(t.ctx, { indicatorId: none, ...ok }, actor);
    await refused(
      t,
      () => saveValue(t.ctx, { indicatorId: none, ...ok, territoryCode: '0401' }, actor),
      'http.validation',
      'territory_code',
    );
    await refused(
      t,
      () => saveValue(t.ctx, { indicatorId: powiat, ...ok, territoryCode: '0499' }, actor),
      'http.validation',
      'territory_code',
    );
    await refused(
      t,
      () => saveValue(t.ctx, { indicatorId: powiat, ...ok, territoryCode: '0401011' }, actor),
      'http.validation',
      'territory_code',
    );
    await refused(
      t,
      () => saveValue(t.ctx, { indicatorId: subregion, ...ok, territoryCode: 'nowhere' }, actor),
      'http.validation',
      'territory_code',
    );
    await refused(t, () => saveValue(t.ctx, { indicatorId: none, ...ok, value: 'dużo' }, actor), 'http.validation', 'value');
    await refused(t, () => saveValue(t.ctx, { indicatorId: none, ...ok, value: '-1' }, actor), 'http.validation', 'value');
    await refused(t, () => saveValue(t.ctx, { indicatorId: none, ...ok, value: '' }, actor), 'http.validation', 'value');
    await refused(t, () => saveValue(t.ctx, { indicatorId: none, ...ok, period: 2020 }, actor), 'http.validation', 'period');
    await refused(t, () => saveValue(t.ctx, { indicatorId: none, ...ok, period: 2031 }, actor), 'http.validation', 'period');
    await refused(t, () => saveValue(t.ctx, { indicatorId: none, ...ok, period: 2027 }, actor), 'http.validation', 'period');
    await refused(t, () => saveValue(t.ctx, { indicatorId: none, ...ok, period: '20x5' }, actor), 'http.validation', 'period');
    // the earlier draft still holds its number
    const row = await t.ctx.db.selectFrom('indicator_values').selectAll().where('indicator_id', '=', none).executeTakeFirstOrThrow();
    assert.equal(row.value, 10);
    assert.equal(row.status, 'draft');
  });

  it('accepts units of the breakdown and negative values only where allowed', async () => {
    const powiat = await insertTestIndicator(t.ctx, programmeId, { breakdown: 'powiat' });
    const gmina = await insertTestIndicator(t.ctx, programmeId, { breakdown: 'gmina' });
    const subregion = await insertTestIndicator(t.ctx, programmeId, { breakdown: 'subregion' });
    const negative = await insertTestIndicator(t.ctx, programmeId, { is_negative_allowed: true });
    const aGmina = await t.ctx.db.selectFrom('territorial_units').select('teryt').where('kind', '=', 'gmina').executeTakeFirstOrThrow();
    assert.equal(
      (await saveValue(t.ctx, { indicatorId: powiat, period: 2024, territoryCode: '0401', value: '1 234,5' }, actor)).value,
      1234.5,
    );
    assert.equal(
      (await saveValue(t.ctx, { indicatorId: powiat, period: 2024, territoryCode: 'region', value: 3 }, actor)).territory_code,
      'region',
    );
    assert.equal(
      (await saveValue(t.ctx, { indicatorId: gmina, period: 2024, territoryCode: aGmina.teryt, value: 3 }, actor)).territory_code,
      aGmina.teryt,
    );
    // subregions of 2024–2026 by their stable code; 2021 has no grouping, so the nearest one is used
    assert.equal(
      (await saveValue(t.ctx, { indicatorId: subregion, period: 2024, territoryCode: 'torun', value: 3 }, actor)).territory_code,
      'torun',
    );
    assert.equal(
      (await saveValue(t.ctx, { indicatorId: subregion, period: 2021, territoryCode: 'bydgoszcz', value: 3 }, actor)).period,
      2021,
    );
    assert.equal(
      (await saveValue(t.ctx, { indicatorId: negative, period: 2024, territoryCode: 'region', value: '-2,5' }, actor)).value,
      -2.5,
    );
  });

  it('runs draft → submitted → returned → submitted → approved, keeping every change', async () => {
    const id = await insertTestIndicator(t.ctx, programmeId);
    const cell = { indicatorId: id, period: 2025, territoryCode: 'region' };
    const draft = await saveValue(t.ctx, { ...cell, value: 5, source: 'sprawozdanie OWES', comment: 'wstępnie' }, actor);
    assert.equal(draft.status, 'draft');
    await refused(t, () => approveValue(t.ctx, draft.id, actor), 'indicators.value_state');
    const submitted = await submitSavedValue(t.ctx, draft.id, actor);
    assert.equal(submitted.status, 'submitted');
    await refused(t, () => saveValue(t.ctx, { ...cell, value: 6 }, actor), 'indicators.value_locked');
    await refused(t, () => returnValue(t.ctx, draft.id, '  ', actor), 'http.validation', 'reason');
    const returned = await returnValue(t.ctx, draft.id, 'Proszę podać źródło danych', actor);
    assert.equal(returned.status, 'returned');
    assert.equal(returned.return_reason, 'Proszę podać źródło danych');
    const again = await submitValue(t.ctx, { ...cell, value: 7, source: 'GUS' }, actor);
    assert.equal(again.id, draft.id);
    assert.equal(again.return_reason, null);
    const approved = await approveValue(t.ctx, draft.id, actor);
    assert.equal(approved.status, 'approved');
    assert.equal(approved.value, 7);
    await refused(t, () => submitValue(t.ctx, { ...cell, value: 8 }, actor), 'indicators.value_locked');
    await refused(t, () => returnValue(t.ctx, draft.id, 'za późno', actor), 'indicators.value_state');
    // the coordinator may correct an approved value; the old figure stays in the history
    const corrected = await enterApprovedValue(t.ctx, { ...cell, value: 8 }, actor);
    assert.equal(corrected.value, 8);
    const history = await valueHistory(t.ctx, [draft.id]);
    assert.deepEqual(history.map((h) => `${h.action}:${h.status}:${h.value}`).reverse(), [
      'saved:draft:5',
      'submitted:submitted:5',
      'returned:returned:5',
      'submitted:submitted:7',
      'approved:approved:7',
      'approved:approved:8',
    ]);
    assert.equal(history.find((h) => h.action === 'returned')?.comment, 'Proszę podać źródło danych');
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('subject_id', '=', draft.id).execute();
    assert.equal(audit.length, 6);
  });

  it('refuses hand-entered values of a computed indicator', async () => {
    const id = await insertTestIndicator(t.ctx, programmeId, { method: 'computed', formula: 'registry_ps_entities' });
    await refused(
      t,
      () => enterApprovedValue(t.ctx, { indicatorId: id, period: 2025, territoryCode: 'region', value: 1 }, actor),
      'indicators.computed_only',
    );
  });

  it('answers not found for an unknown indicator or value', async () => {
    await refused(
      t,
      () => saveValue(t.ctx, { indicatorId: 'nope', period: 2025, territoryCode: 'region', value: 1 }, actor),
      'http.not_found',
    );
    await refused(t, () => approveValue(t.ctx, 'nope', actor), 'http.not_found');
  });
});
