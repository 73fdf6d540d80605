// The demo indicators: idempotent, computed ones work from the registry at once, and everything of an
// example indicator — its values, targets and baseline, and any verdict on them — is flagged and
// labelled on the page (chart and table), the CSV, the API and the annual report (HTML, PDF, DOCX).
// Live registry figures belong only to a programme in force: the closed 2014–2020 programme gets none.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import mammoth from 'mammoth';
import { newId } from '../../core/db/ids.js';
import { pdfToText } from '../../core/export/export.testing.js';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { registryModule } from '../registry/index.js';
import { seedIndicatorsDemo } from './indicators.seed.js';
import { insertTestElement, insertTestProgramme, refreshComputedNow } from './indicators.testing.js';
import { ManualClock } from '../../testing/clock.js';

describe('demo indicators', () => {
  let t: TestApp;
  let programmeId: string;
  before(async () => {
    t = await createTestApp({ clock: new ManualClock('2026-06-15T10:00:00Z') });
    await registryModule.seedDemo!(t.ctx);
    programmeId = (await insertTestProgramme(t.ctx, { slug: 'demo', period_from: 2014, period_to: 2020 })).id;
    // a main goal, so the demo indicators are linked to it and appear in the annual report
    await insertTestElement(t.ctx, programmeId, { parent: null, kind: 'main_goal', code: 'CG', title: 'Cel główny' });
  });
  after(async () => t.close());

  it('is idempotent', async () => {
    assert.equal((await seedIndicatorsDemo(t.ctx, programmeId)).summary, 'indicators: 5 new');
    assert.equal((await seedIndicatorsDemo(t.ctx, programmeId)).summary, 'indicators: 0 new');
    const rows = await t.ctx.db
      .selectFrom('indicators')
      .select(['code', 'method', 'is_example'])
      .where('programme_id', '=', programmeId)
      .orderBy('position')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.code),
      ['W1', 'W2', 'W3', 'P1', 'P2'],
    );
    assert.ok(
      rows.filter((r) => r.method === 'reported').every((r) => r.is_example),
      'reported demo indicators are examples',
    );
  });

  it('flags every stored demo value and target as an example and leaves the other reported one empty', async () => {
    const values = await t.ctx.db
      .selectFrom('indicator_values as v')
      .innerJoin('indicators as i', 'i.id', 'v.indicator_id')
      .select(['i.code', 'v.is_example'])
      .where('i.programme_id', '=', programmeId)
      .execute();
    assert.ok(values.length > 0);
    assert.ok(values.every((v) => v.is_example && v.code === 'P1'));
    const targets = await t.ctx.db
      .selectFrom('indicator_targets as g')
      .innerJoin('indicators as i', 'i.id', 'g.indicator_id')
      .select(['i.code', 'g.is_example'])
      .where('i.programme_id', '=', programmeId)
      .execute();
    assert.deepEqual(targets.map((x) => x.code).sort(), ['P1', 'P1', 'P2']);
    assert.ok(
      targets.every((x) => x.is_example),
      'the invented targets are examples',
    );
  });

  it('labels the example indicator, its values, targets and verdict on the page, in the CSV and the API', async () => {
    const page = await t.app.inject({ url: '/program/demo/wskazniki/P1' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /To wskaźnik przykładowy/);
    assert.match(page.body, /class="example-mark">przykładowe dane<\/span>/);
    // the verdict on example data says so, in the badge and in the sentence
    assert.match(page.body, /zagrożony — dane przykładowe<\/span> Rok docelowy 2020 minął[^<]*Ocena opiera się na danych przykładowych/);
    // the chart says it in its description and caption, the table on its caption, targets and path
    assert.match(page.body, /<desc id="indicator-chart-desc">[^<]*To wskaźnik przykładowy/);
    assert.match(page.body, /<figcaption class="indicator-chart__legend"><p class="example-mark">To wskaźnik przykładowy/);
    assert.match(page.body, /<caption>Zatwierdzone wartości wskaźnika i ścieżka do celu według lat \(wskaźnik przykładowy\)<\/caption>/);
    assert.match(
      page.body,
      /<th scope="row">2020<\/th><td class="num">300 <span class="example-mark">przykładowe dane<\/span><\/td><td class="num">350 <span class="example-mark">przykładowe dane<\/span><\/td><td class="num">350 <span class="example-mark">przykładowe dane<\/span><\/td>/,
    );
    assert.match(page.body, /<dt>Wartość bazowa<\/dt><dd>0 \(2014\) \(przykładowe dane\)<\/dd>/);
    assert.match(page.body, /<dt>Wartości docelowe<\/dt><dd>2017: 150 \(przykładowe dane\); 2020: 350 \(przykładowe dane\)<\/dd>/);

    const list = await t.app.inject({ url: '/program/demo/wskazniki' });
    assert.match(list.body, /P2 Ośrodki wsparcia[^<]*<\/a><span class="example-mark"> \(wskaźnik przykładowy\)/);
    assert.match(
      list.body,
      /4 ośrodki \(2020\) <span class="example-mark">przykładowe dane<\/span>/,
      'the target column labels an example target',
    );
    assert.match(list.body, /zagrożony — dane przykładowe/);

    const csv = await t.app.inject({ url: '/program/demo/wskazniki/P1.csv' });
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    assert.ok(lines.length > 0 && lines.every((l) => l.endsWith(';1;0')), 'every row of an example indicator is example data');
    assert.ok(
      lines.some((l) => l.includes(';cel;2020;region;')),
      'targets are in the file',
    );
    assert.ok(
      lines.some((l) => l.includes(';wartość bazowa;2014;region;')),
      'the baseline is in the file',
    );

    const api = (await t.app.inject({ url: '/api/v1/program/demo/wskazniki' })).json();
    const p1 = api.items.find((i: { code: string }) => i.code === 'P1');
    assert.equal(p1.is_example, true);
    assert.equal(p1.baseline.is_example, true);
    assert.ok(p1.targets.length === 2 && p1.targets.every((x: { is_example: boolean }) => x.is_example));
    assert.ok(p1.values.length > 0 && p1.values.every((v: { is_example: boolean }) => v.is_example));
    assert.deepEqual([p1.progress.status, p1.progress.is_example], ['at_risk', true]);
    const w1 = api.items.find((i: { code: string }) => i.code === 'W1');
    assert.deepEqual([w1.is_example, w1.progress.is_example], [false, false]);
    const p2 = await t.app.inject({ url: '/program/demo/wskazniki/P2' });
    assert.match(p2.body, /Nie ma jeszcze zatwierdzonych wartości/);
  });

  it('labels the example indicator in the annual report: page, PDF and Word', async () => {
    await t.ctx.db
      .insertInto('annual_reports')
      .values({
        id: newId(),
        programme_id: programmeId,
        year: 2020,
        status: 'published',
        published_at: '2021-07-08T10:00:00.000Z',
        published_by: null,
      })
      .execute();
    const html = await t.app.inject({ url: '/program/demo/sprawozdanie/2020' });
    assert.equal(html.statusCode, 200);
    assert.match(html.body, /Wskaźnik: P1 Miejsca pracy[^<]* \(wskaźnik przykładowy\)<\/strong>/);
    assert.match(html.body, /zagrożony — dane przykładowe<\/span>/);
    assert.match(html.body, /<td class="num">350 \(przykładowe dane\)<\/td>/, 'targets in the report table are labelled');
    const pdf = await t.app.inject({ url: '/program/demo/sprawozdanie/2020.pdf' });
    assert.equal(pdf.statusCode, 200);
    const text = pdfToText(pdf.rawPayload).replace(/\s+/g, ' ');
    assert.match(text, /P1 Miejsca pracy .*\(wskaźnik przykładowy\)/);
    assert.match(text, /zagrożony — dane przykładowe/);
    assert.match(text, /To wskaźnik przykładowy/);
    const docx = await t.app.inject({ url: '/program/demo/sprawozdanie/2020.docx' });
    assert.equal(docx.statusCode, 200);
    const { value: raw } = await mammoth.extractRawText({ buffer: docx.rawPayload });
    assert.match(raw, /zagrożony — dane przykładowe/);
    assert.match(raw, /350 \(przykładowe dane\)/);
    assert.match(raw, /\(wskaźnik przykładowy\)/);
  });

  it('attaches no live registry figures to a programme that is not in force', async () => {
    // the 2014–2020 programme ended: today's registry says nothing about it
    const w2 = await t.app.inject({ url: '/program/demo/wskazniki/W2' });
    assert.match(w2.body, /Obliczany automatycznie z danych platformy według formuły wskaźnika/);
    assert.match(w2.body, /Wskaźnik nie ma wartości docelowej/);
    assert.doesNotMatch(w2.body, /2026/);
    assert.doesNotMatch(w2.body, /wartość bieżąca/);
    const api = (await t.app.inject({ url: '/api/v1/program/demo/wskazniki' })).json();
    for (const code of ['W1', 'W2', 'W3']) assert.deepEqual(api.items.find((i: { code: string }) => i.code === code).values, [], code);
  });

  it('computes the registry indicators of a programme in force out of the box, without invented targets', async () => {
    const inForce = (await insertTestProgramme(t.ctx, { slug: 'w-mocy', period_from: 2021, period_to: 2030 })).id;
    await seedIndicatorsDemo(t.ctx, inForce);
    await refreshComputedNow(t.ctx);
    for (const code of ['W1', 'W2', 'W3']) {
      const res = await t.app.inject({ url: `/program/w-mocy/wskazniki/${code}` });
      assert.equal(res.statusCode, 200, code);
      assert.match(res.body, /Wskaźnik nie ma wartości docelowej/);
      assert.doesNotMatch(res.body, /przykładowe dane/);
    }
    // the demo registry's records carry no registration dates and were entered now: earlier years
    // are before the registry's first record, so they are unknown (not zero); this year is live
    const w2 = await t.app.inject({ url: '/program/w-mocy/wskazniki/W2' });
    assert.match(w2.body, /Wartości według obszarów \(2026\)/);
    assert.match(w2.body, /wartość bieżąca \(stan na 15 czerwca 2026\)/);
    const api = (await t.app.inject({ url: '/api/v1/program/w-mocy/wskazniki' })).json();
    const w2api = api.items.find((i: { code: string }) => i.code === 'W2');
    assert.ok(w2api.values.length > 0);
    assert.ok(w2api.values.every((v: { period: number; is_live: boolean }) => v.period === 2026 && v.is_live));
    // nobody checked whether the 24 reference entities are active: none counts as active (issue 14)
    assert.equal(w2api.values.find((v: { territory_code: string }) => v.territory_code === 'region').value, 0);
  });
});
