// The demo seed: the programme's story as a page and a news item in both languages, published,
// with correct heading order, and a second run adds nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../testing/app.js';
import { seedPortalDemo } from './seed.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

test('seed demo publishes the programme page and news item once', async () => {
  assert.match((await seedPortalDemo(t.ctx)).summary, /2 new/);
  assert.match((await seedPortalDemo(t.ctx)).summary, /0 new/);
  const page = await t.app.inject({ url: '/program-ekonomii-spolecznej' });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /10 czerwca 2014/);
  const en = await t.app.inject({ url: '/en/program-ekonomii-spolecznej' });
  assert.match(en.body, /10 June 2014/);
  assert.doesNotMatch(en.body, /available in Polish only/);
  const news = await t.app.inject({ url: '/aktualnosci/jak-powstawal-program-ekonomii-spolecznej' });
  assert.equal(news.statusCode, 200);
  assert.match(news.body, /ocenę ex ante/);
  assert.match((await t.app.inject({ url: '/' })).body, /Jak powstawał regionalny program ekonomii społecznej/);
});
