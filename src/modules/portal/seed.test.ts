// The demo seed: the programme's story as a page and a news item in both languages, published, with
// correct heading order; every statement of fact cites its source and nothing the sources do not
// say is claimed (answers to the 2013 comments, an ex-ante evaluation); everything the page links
// to exists — the list of sources is in the document library; a second run adds nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { seedPortalDemo } from './seed.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

/** The rendered body of a page or news item (between the h1 and the end of <main>). */
const prose = (html: string) => html.slice(html.indexOf('</h1>'), html.indexOf('</main>'));
const links = (html: string) => [...prose(html).matchAll(/<a href="(\/[^"#]*)"/g)].map((m) => m[1]!);

test('seed demo publishes the programme page, the news item and the list of sources once', async () => {
  assert.match((await seedPortalDemo(t.ctx)).summary, /2 new .*sources document: added/);
  assert.match((await seedPortalDemo(t.ctx)).summary, /0 new .*sources document: kept/);
  assert.equal((await t.ctx.db.selectFrom('documents').selectAll().execute()).length, 1);

  const page = await t.app.inject({ url: '/program-ekonomii-spolecznej' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /10 czerwca 2014/);
  const en = await t.app.inject({ url: '/en/program-ekonomii-spolecznej' });
  assert.match(en.body, /10 June 2014/);
  assert.doesNotMatch(en.body, /available in Polish only/);
  const news = await t.app.inject({ url: '/aktualnosci/jak-powstawal-program-ekonomii-spolecznej' });
  assert.equal(news.statusCode, 200);
  assert.match((await t.app.inject({ url: '/' })).body, /Jak powstawał regionalny program ekonomii społecznej/);

  // nothing the sources do not support: no answered comments, no ex-ante evaluation
  for (const html of [page.body, en.body, news.body]) {
    assert.doesNotMatch(html, /odnió[sś]ł się|odpowiedzia[łl]|responded to them|ex ante|ex-ante/i);
  }
  // every paragraph stating a fact names its source; the sources are listed with their addresses
  const paragraphs = [...prose(page.body).matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]!);
  const facts = paragraphs.filter((p) => /\d{4}/.test(p));
  assert.ok(facts.length >= 5);
  for (const p of facts) assert.match(p, /\(źródło: K\d\d\)|źródło K\d\d/, p);
  assert.match(page.body, /<li>K02: ropstorun\.home\.pl\/ekonomia2\/[^<]*\/2014<\/li>/);
  assert.match(page.body, /Źródła, z których korzystamy, nie mówią, czy i jak odpowiedziano na zgłoszone uwagi/);
  assert.match(news.body, /\(źródło: K04\)/);
});

test('everything the seeded pages link to exists; the list of sources is in the library', async () => {
  const [page, en, news] = await Promise.all(
    ['/program-ekonomii-spolecznej', '/en/program-ekonomii-spolecznej', '/aktualnosci/jak-powstawal-program-ekonomii-spolecznej'].map(
      (url) => t.app.inject({ url }),
    ),
  );
  const targets = [...links(page!.body), ...links(en!.body), ...links(news!.body)];
  assert.ok(
    targets.some((x) => /^\/dokumenty\/[0-9a-f-]{36}$/.test(x)),
    'the page links to a library document',
  );
  assert.ok(targets.some((x) => /^\/en\/dokumenty\//.test(x)));
  for (const target of new Set(targets)) {
    const res = await t.app.inject({ url: target });
    assert.ok([200, 302].includes(res.statusCode), `${target} → ${res.statusCode}`);
  }

  const library = await t.app.inject({ url: '/dokumenty' });
  assert.match(library.body, /Źródła informacji o Kujawsko-Pomorskim Programie na Rzecz Ekonomii Społecznej do roku 2020/);
  const id = /\/dokumenty\/([0-9a-f-]{36})"/.exec(page!.body)![1]!;
  const file = await t.app.inject({ url: `/dokumenty/${id}/pobierz` });
  assert.equal(file.statusCode, 200);
  const text = file.rawPayload.toString('utf8');
  assert.ok(text.startsWith('\uFEFF'), 'a spreadsheet opens it with Polish letters intact');
  assert.match(text, /K02;ropstorun\.home\.pl\/[^;]*\/2014;"?Zarząd Województwa Kujawsko-Pomorskiego przyjął program 10 czerwca 2014/);
  assert.match(text, /K01;[^;]*\/2012;[^\r\n]*działanie 3\.5\.1/);
});
