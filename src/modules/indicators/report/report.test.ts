// The annual report on SQLite and PostgreSQL: a draft exists only for staff, marked as a draft in
// the page, the PDF and the Word file; the coordinator writes narratives per goal and action and
// publishes (audited); the page has the tree as headings, each indicator's chart with its table and
// progress as of that year (later values left out); the PDF's extracted text keeps the Polish
// headings and carries the figures' alt texts; the Word file parses back with headings and cells.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import mammoth from 'mammoth';
import { newId } from '../../../core/db/ids.js';
import { pdfObjects, pdfStrings, pdfToText } from '../../../core/export/export.testing.js';
import { createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../../testing/app.js';
import { insertTestElement, insertTestIndicator, insertTestProgramme } from '../indicators.testing.js';

/** A value of a year after the report's, which no output of the report may show. */
const LATE_VALUE = /987[\s\u00a0\u202f.,]?654/;
import { ManualClock } from '../../../testing/clock.js';

const clock = new ManualClock('2026-06-15T10:00:00Z');

describe('annual report', () => {
  let t: TestApp;
  let programme: { id: string; slug: string };
  let coordinator: string;
  let actionId: string;
  let goalId: string;

  before(async () => {
    t = await createTestApp({ clock });
    programme = await insertTestProgramme(t.ctx, {
      period_from: 2021,
      period_to: 2030,
      title: 'Kujawsko-Pomorski Program Ekonomii Społecznej',
    });
    const el = (parent: string | null, kind: 'main_goal' | 'specific_goal' | 'action' | 'task', code: string, title: string) =>
      insertTestElement(t.ctx, programme.id, { parent, kind, code, title });
    goalId = await el(null, 'main_goal', '1', 'Większy udział ekonomii społecznej w rozwoju regionu');
    const specific = await el(goalId, 'specific_goal', '1.1', 'Zażółć gęślą jaźń — cel szczegółowy');
    actionId = await el(specific, 'action', '1.1.1', 'Wsparcie spółdzielni socjalnych');
    await el(actionId, 'task', '1.1.1.1', 'Zadanie pomijane w sprawozdaniu');
    const indicator = await insertTestIndicator(t.ctx, programme.id, {
      code: 'W1',
      name: 'Liczba spółdzielni socjalnych',
      baseline_value: 10,
      baseline_year: 2021,
      targets: [{ year: 2030, value: 30 }],
    });
    await t.ctx.db.insertInto('indicator_elements').values({ indicator_id: indicator, element_id: actionId }).execute();
    const at = '2026-01-01T00:00:00.000Z';
    for (const [period, value] of [
      [2024, 14],
      [2025, 17],
      [2026, 987654],
    ] as const) {
      await t.ctx.db
        .insertInto('indicator_values')
        .values({
          id: newId(),
          indicator_id: indicator,
          period,
          territory_code: 'region',
          value,
          source: null,
          comment: null,
          status: 'approved',
          return_reason: null,
          round_id: null,
          is_computed: false,
          is_example: false,
          entered_by: null,
          approved_by: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    coordinator = (await loginAs(t, [{ role: 'coordinator' }])).cookie;
  });
  after(async () => t.close());

  const url = () => `/program/${programme.slug}/sprawozdanie/2025`;
  const admin = () => `/admin/program/${programme.id}/sprawozdanie/2025`;
  const get = (u: string, cookie?: string) => t.app.inject({ url: u, headers: cookie ? { cookie } : {} });
  const post = async (u: string, values: Record<string, string>) => {
    const page = await get(admin(), coordinator);
    return t.app.inject({
      method: 'POST',
      url: u,
      headers: { cookie: coordinator, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: csrfFrom(page.body), ...values }),
    });
  };

  it('a draft is hidden from the public and from partners, shown to staff with the mark', async () => {
    assert.equal((await get(url())).statusCode, 404);
    assert.equal((await get(`${url()}.pdf`)).statusCode, 404);
    const partner = (await loginAs(t, [{ role: 'reporting_partner', scopeType: 'indicator_or_territory', scopeId: 'indicator:W1' }]))
      .cookie;
    assert.equal((await get(url(), partner)).statusCode, 404);
    const res = await get(url(), coordinator);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>Sprawozdanie z realizacji programu za rok 2025<span class="draft-mark"> — projekt<\/span><\/h1>/);
    assert.match(res.headers['cache-control'] as string, /no-store/);
  });

  it('the coordinator writes narratives per goal and action; bad input changes nothing', async () => {
    const page = await get(admin(), coordinator);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`name="narrative_${actionId}"`));
    assert.doesNotMatch(page.body, /Zadanie pomijane/);
    const tooLong = await post(admin(), { [`narrative_${actionId}`]: 'x'.repeat(20_001) });
    assert.equal(tooLong.statusCode, 400);
    assert.equal((await t.ctx.db.selectFrom('report_narratives').selectAll().execute()).length, 0);
    const saved = await post(admin(), {
      [`narrative_${goalId}`]: 'Rok przyniósł wzrost liczby podmiotów.',
      [`narrative_${actionId}`]: 'Przeprowadzono **szkolenia** dla spółdzielni.\n\n- doradztwo w Łodzi\n- źdźbło wsparcia',
    });
    assert.equal(saved.statusCode, 303);
    const rows = await t.ctx.db.selectFrom('report_narratives').select(['element_id', 'year']).execute();
    assert.equal(rows.length, 2);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'annual_report.narrative').execute();
    assert.equal(audit.length, 2);
  });

  it('the page: the tree as headings, narratives, chart with its table, progress as of the year', async () => {
    const res = await get(url(), coordinator);
    const html = res.body;
    assert.match(html, /<h2 id="el-[^"]+">[^<]*1\. Większy udział ekonomii społecznej w rozwoju regionu<\/h2>/);
    assert.match(html, /<h3 id="el-[^"]+">[^<]*1\.1\. Zażółć gęślą jaźń — cel szczegółowy<\/h3>/);
    assert.match(html, /<h4 id="el-[^"]+">[^<]*1\.1\.1\. Wsparcie spółdzielni socjalnych<\/h4>/);
    assert.doesNotMatch(html, /Zadanie pomijane/);
    assert.match(html, /Przeprowadzono szkolenia dla spółdzielni\./);
    assert.match(html, /<li>doradztwo w Łodzi<\/li>/);
    assert.match(html, /<svg[^>]*role="img"/);
    assert.match(html, /<caption>Tabela 1\. W1 Liczba spółdzielni socjalnych/);
    assert.match(html, /<th scope="row">2025<\/th>\s*<td class="num">17<\/td>/);
    // only the page's main content: the header carries the test user's name, whose timestamp may hold any digits
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    // the value 987654 in any formatting (Polish groups thousands with a no-break space); a bare
    // /987/ also matched random element ids now and then
    assert.doesNotMatch(main, LATE_VALUE, 'values after the report year are left out');
    assert.match(html, /class="progress-badge/);
    assert.match(html, /href="\/program\/[^"]+\/sprawozdanie\/2025\.pdf"/);
  });

  it('PDF: Polish headings intact, draft watermark, figure alt text in the structure', async () => {
    const res = await get(`${url()}.pdf`, coordinator);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    const pdf = res.rawPayload;
    const text = pdfToText(pdf);
    assert.match(text, /Sprawozdanie z realizacji programu\s+za rok 2025/);
    assert.match(text, /Kujawsko-Pomorski Program Ekonomii Społecznej/);
    assert.match(text, /1\.1\. Zażółć gęślą jaźń — cel szczegółowy/);
    assert.match(text, /1\.1\.1\. Wsparcie spółdzielni socjalnych/);
    assert.match(text, /doradztwo w Łodzi/);
    assert.match(text, /PROJEKT/);
    assert.doesNotMatch(text, LATE_VALUE);
    const alts = pdfStrings(pdfObjects(pdf));
    assert.ok(
      alts.some((a) => a.startsWith('Wykres wskaźnika W1 Liczba spółdzielni socjalnych') && a.includes('Ostatnia wartość: 17 szt. (2025)')),
      JSON.stringify(alts),
    );
  });

  it('DOCX: headings and table cells parse back; the draft mark is in the header', async () => {
    const res = await get(`${url()}.docx`, coordinator);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="sprawozdanie-.*-2025-projekt\.docx"/);
    const { value: html } = await mammoth.convertToHtml({ buffer: res.rawPayload });
    assert.match(html, /<h2>[^<]*1\. Większy udział ekonomii społecznej w rozwoju regionu<\/h2>/);
    assert.match(html, /<h4>[^<]*1\.1\.1\. Wsparcie spółdzielni socjalnych<\/h4>/);
    assert.match(html, /<td><p>2025<\/p><\/td><td><p>17<\/p><\/td>/);
    assert.match(html, /<li>źdźbło wsparcia<\/li>/);
  });

  it('publishing (audited) makes the report public without the draft mark', async () => {
    assert.equal((await post(`${admin()}/publikuj`, {})).statusCode, 303);
    assert.equal(
      (await t.ctx.db.selectFrom('audit_log').select('action').where('action', '=', 'annual_report.publish').execute()).length,
      1,
    );
    const res = await get(url());
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /draft-mark/);
    assert.match(res.body, /Opublikowano 15 czerwca 2026\./);
    const pdf = await get(`${url()}.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.doesNotMatch(pdfToText(pdf.rawPayload), /PROJEKT/);
    // the programme page lists the published report for everyone; staff also get the editor link
    const programmePage = await get(`/program/${programme.slug}`);
    assert.match(programmePage.body, /<h2 id="annual-reports">Sprawozdania roczne<\/h2>/);
    assert.match(
      programmePage.body,
      new RegExp(`href="/program/${programme.slug}/sprawozdanie/2025">Sprawozdanie z realizacji programu za rok 2025</a></li>`),
    );
    assert.doesNotMatch(programmePage.body, /sprawozdanie\/2024"/, 'drafts are not listed publicly');
    assert.match((await get(`/program/${programme.slug}`, coordinator)).body, /sprawozdanie\/2024">[^<]*<\/a> \(projekt\)/);
    const en = await get(`/en${url()}`);
    assert.match(en.body, /Programme implementation report for 2025/);
  });

  it('unknown years and formats are 404; only staff edit', async () => {
    assert.equal((await get(`/program/${programme.slug}/sprawozdanie/2019`, coordinator)).statusCode, 404);
    assert.equal((await get(`/program/${programme.slug}/sprawozdanie/2027`, coordinator)).statusCode, 404);
    assert.equal((await get(`/program/${programme.slug}/sprawozdanie/2025.odt`, coordinator)).statusCode, 404);
    assert.equal((await get(`/program/nie-ma/sprawozdanie/2025`, coordinator)).statusCode, 404);
    const editor = (await loginAs(t, [{ role: 'editor' }])).cookie;
    assert.equal((await get(admin(), editor)).statusCode, 403);
  });
});
