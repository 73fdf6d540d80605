// Computed indicators are counted ahead of time, on SQLite and PostgreSQL: the public programme
// page, an indicator page and the annual report run the same small number of statements with a few
// registry entities and with 1,000, and none of them reads the registry (its grouped counts are what
// made these pages cost seconds at 100,000 entities); a registry write reaches the stored figures
// through the write observer, off the request, and a refresh twice over stores the same rows.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '../../../core/db/ids.js';
import { tablesRead } from '../../../core/db/testing.js';
import { createTestApp, type TestApp } from '../../../testing/app.js';
import { ManualClock } from '../../../testing/clock.js';
import { seedSynthetic } from '../../registry/index.js';
import { formatters, translator } from '../../../i18n/index.js';
import { saveNarrative } from '../report/report.repo.js';
import { REPORT_TABLES, publishReport, reportModel } from '../report/report.service.js';
import { insertTestElement, insertTestEntity, insertTestProgramme, refreshComputedNow, seedIndicatorsDemo } from '../indicators.testing.js';
import { refreshComputed } from './computed.service.js';

const clock = new ManualClock('2026-06-15T10:00:00Z');

/** A programme with one goal measured by the demo indicators, and its 2025 report published. */
async function reportedProgramme(t: TestApp, slug: string) {
  const programme = await insertTestProgramme(t.ctx, { slug, period_from: 2021, period_to: 2030 });
  const goal = await insertTestElement(t.ctx, programme.id, { parent: null, kind: 'main_goal', code: '1', title: 'Cel główny' });
  await seedIndicatorsDemo(t.ctx, programme.id);
  const ids = await t.ctx.db.selectFrom('indicators').select('id').where('programme_id', '=', programme.id).execute();
  await t.ctx.db
    .insertInto('indicator_elements')
    .values(ids.map((i) => ({ indicator_id: i.id, element_id: goal })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  await publishReport(t.ctx, { ...programme, status: 'implementation' }, 2025, { actorId: null, ip: null });
  return { programme, goal };
}

describe('stored figures of computed indicators', () => {
  let t: TestApp;
  let programme: { id: string; slug: string; title: string; period_from: number; period_to: number };
  let goal: string;

  before(async () => {
    t = await createTestApp({ clock });
    ({ programme, goal } = await reportedProgramme(t, 'w-mocy'));
    for (const gmina of ['0463011', '0461011', '0401011'])
      await insertTestEntity(t.ctx, { gmina, registered: '2020-05-01', psGranted: '2023-02-01' });
    await refreshComputedNow(t.ctx);
  });
  after(async () => t.close());

  const PAGES = ['/program/w-mocy', '/program/w-mocy/wskazniki/W1', '/program/w-mocy/sprawozdanie/2025'];

  /** Statements of one view of each page (after a first view warmed the per-process caches), and those reading the registry. */
  async function measure(): Promise<Map<string, { n: number; registry: number; body: string }>> {
    const out = new Map<string, { n: number; registry: number; body: string }>();
    for (const url of PAGES) {
      assert.equal((await t.app.inject({ url })).statusCode, 200, url);
      let registry = 0;
      const stop = t.database.handle.onStatement((sql) => {
        if (/\b(entities|entity_ps_status|entity_marks)\b/u.test(sql)) registry += 1;
      });
      const before = t.database.handle.statements();
      const res = await t.app.inject({ url });
      const n = t.database.handle.statements() - before;
      stop();
      assert.equal(res.statusCode, 200, url);
      out.set(url, { n, registry, body: res.body });
    }
    return out;
  }

  it('pages read stored figures: a constant, small number of statements, none of them on the registry, few or 1,000 entities', async () => {
    const few = await measure();
    assert.match(few.get('/program/w-mocy/wskazniki/W1')!.body, /wartość bieżąca \(stan na 15 czerwca 2026\)/u);
    await seedSynthetic(t.ctx, { count: 1000, seed: 5 });
    await refreshComputedNow(t.ctx);
    const many = await measure();
    for (const url of PAGES) {
      const a = few.get(url)!;
      const b = many.get(url)!;
      assert.equal(a.registry, 0, `${url}: no statement reads the registry`);
      assert.equal(b.registry, 0, `${url}: no statement reads the registry at 1,000 entities`);
      assert.equal(b.n, a.n, `${url}: ${a.n} statements with few entities, ${b.n} with 1,000`);
      assert.ok(a.n <= 6, `${url}: ${a.n} statements`);
    }
    // the figures did follow the registry: the synthetic records are flagged as example data
    assert.match(many.get('/program/w-mocy/wskazniki/W1')!.body, /przykładowe dane/u);
  });

  it('a registry write reaches the stored figures after the refresh, never during a read', async () => {
    const cell = async () =>
      (
        await t.ctx.db
          .selectFrom('indicator_computed_values as v')
          .innerJoin('indicators as i', 'i.id', 'v.indicator_id')
          .select(['v.value', 'v.refreshed_at'])
          .where('i.programme_id', '=', programme.id)
          .where('i.code', '=', 'W1')
          .where('v.period', '=', 2026)
          .where('v.territory_code', '=', 'region')
          .executeTakeFirstOrThrow()
      ).value;
    const before = await cell();
    await insertTestEntity(t.ctx, { gmina: '0463011', registered: '2020-05-01', psGranted: '2023-02-01' });
    await t.app.inject({ url: '/program/w-mocy/wskazniki/W1' });
    assert.equal(await cell(), before, 'the page view did not count');
    await refreshComputedNow(t.ctx);
    assert.equal(await cell(), before + 1);
  });

  it('refreshing twice, as two instances would, stores the same rows once', async () => {
    const rows = async () =>
      t.ctx.db
        .selectFrom('indicator_computed_values')
        .select(['indicator_id', 'period', 'territory_code', 'value', 'is_example'])
        .orderBy('indicator_id')
        .orderBy('period')
        .orderBy('territory_code')
        .execute();
    const first = await rows();
    await Promise.all([refreshComputed(t.ctx), refreshComputed(t.ctx)]);
    assert.deepEqual(await rows(), first);
  });

  it('a stored report file is served on one statement (the programme; the file is kept by version); a narrative edit makes a new version', async () => {
    const url = '/program/w-mocy/sprawozdanie/2025.pdf';
    const first = await t.app.inject({ url });
    assert.equal(first.statusCode, 200);
    const before = t.database.handle.statements();
    const again = await t.app.inject({ url });
    assert.equal(t.database.handle.statements() - before, 1);
    assert.equal(again.headers.etag, first.headers.etag);
    assert.ok(again.rawPayload.equals(first.rawPayload));
    await saveNarrative(t.ctx.db, {
      id: newId(),
      element_id: goal,
      year: 2025,
      body: 'Zrobiono więcej.',
      updated_at: '2026-06-15T10:00:00.000Z',
      updated_by: null,
    });
    const edited = await t.app.inject({ url, headers: { 'if-none-match': String(first.headers.etag) } });
    assert.equal(edited.statusCode, 200);
    assert.notEqual(edited.headers.etag, first.headers.etag);
  });

  it('a published report file is generated once per content version, stored and served with an ETag', async () => {
    const url = '/program/w-mocy/sprawozdanie/2025.pdf';
    const [a, b, c] = await Promise.all([t.app.inject({ url }), t.app.inject({ url }), t.app.inject({ url })]);
    for (const r of [a, b, c]) assert.equal(r!.statusCode, 200);
    assert.ok(a!.rawPayload.equals(b!.rawPayload) && a!.rawPayload.equals(c!.rawPayload), 'one generation, the others waited for it');
    const etag = String(a!.headers.etag);
    assert.match(etag, /^"[\w-]+"$/u);
    const files = await t.ctx.db.selectFrom('annual_report_files').select(['version', 'format']).execute();
    assert.deepEqual(files, [{ version: etag.slice(1, -1), format: 'pdf' }]);
    const again = await t.app.inject({ url });
    assert.ok(again.rawPayload.equals(a!.rawPayload), 'served from storage');
    assert.equal((await t.app.inject({ url, headers: { 'if-none-match': etag } })).statusCode, 304);
    // the content changes (a registry write reaches the stored figures): a new version
    await insertTestEntity(t.ctx, { gmina: '0401011', registered: '2020-05-01', psGranted: '2023-02-01' });
    await refreshComputedNow(t.ctx);
    const changed = await t.app.inject({ url, headers: { 'if-none-match': etag } });
    assert.equal(changed.statusCode, 200);
    assert.notEqual(changed.headers.etag, etag);
    // the new version replaces the old one in storage; another format of the report is kept apart
    assert.deepEqual(await t.ctx.db.selectFrom('annual_report_files').select(['version', 'format']).execute(), [
      { version: String(changed.headers.etag).slice(1, -1), format: 'pdf' },
    ]);
    const docx = await t.app.inject({ url: url.replace(/\.pdf$/u, '.docx') });
    assert.equal(docx.statusCode, 200);
    const formats = await t.ctx.db.selectFrom('annual_report_files').select('format').orderBy('format').execute();
    assert.deepEqual(
      formats.map((f) => f.format),
      ['docx', 'pdf'],
    );
  });
});

describe("the tables a report's file version is kept against", () => {
  let t: TestApp;
  after(async () => t.close());

  it("building a report, on a database no cache has read yet, reads no table outside REPORT_TABLES and the sections' own lists", async () => {
    t = await createTestApp({ clock });
    const { programme } = await reportedProgramme(t, 'zimny');
    const model = await tablesRead(t.database.handle, () => reportModel(t.ctx, { ...programme, status: 'implementation' }, 2025));
    assert.ok(model.has('indicator_values') && model.has('report_narratives'), [...model].join());
    assert.deepEqual(
      [...model].filter((x) => !REPORT_TABLES.includes(x)),
      [],
      'read by the report model but not in REPORT_TABLES',
    );
    // each contributed section checks its own list with its data (evaluation.routes.test.ts)
    for (const section of t.ctx.contributions.of('annualReportSections')) {
      const read = await tablesRead(t.database.handle, () => section.build(t.ctx, programme, 2025, translator('pl'), formatters('pl')));
      assert.deepEqual(
        [...read].filter((x) => !section.tables.includes(x)),
        [],
        `${section.id} reads tables it does not declare`,
      );
    }
  });
});
