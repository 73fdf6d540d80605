// English pages live under /en; a single link that forgets the prefix drops an English reader
// back into Polish. The display switches redirect to a caller-supplied path, which is the classic
// place for an open redirect. Both are checked on rendered pages, as a browser would see them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { issueSetupToken } from '../../modules/accounts/index.js';
import { cookieHeader, createTestApp, type TestApp } from '../../testing/app.js';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

/** Every tag carrying an `href` or `action` attribute, with the attribute values unescaped. */
function links(html: string): { tag: string; url: string }[] {
  const out: { tag: string; url: string }[] = [];
  for (const m of html.matchAll(/<(?:a|link|form)\b[^>]*>/g)) {
    const tag = m[0];
    const url = /\s(?:href|action)="([^"]*)"/.exec(tag)?.[1];
    if (url !== undefined) out.push({ tag, url: url.replaceAll('&amp;', '&') });
  }
  return out;
}

function langSwitch(html: string): string {
  const m = /<a class="lang-switch" href="([^"]*)"/.exec(html);
  assert.ok(m, 'the page has a language switch');
  return m[1]!.replaceAll('&amp;', '&');
}

test('/ is Polish and /en is English, with translated titles', async () => {
  const pl = await t.app.inject({ url: '/' });
  const en = await t.app.inject({ url: '/en' });
  assert.equal(pl.statusCode, 200);
  assert.equal(en.statusCode, 200);
  assert.match(pl.body, /<html lang="pl"/);
  assert.match(en.body, /<html lang="en"/);
  assert.match(pl.body, /<title>Ekonomia społeczna w regionie — Spójnia<\/title>/);
  assert.match(en.body, /<title>Social economy in the region — Spójnia<\/title>/);
  assert.equal((await t.app.inject({ url: '/en/' })).statusCode, 200);
  // "/english" is not the English prefix
  assert.equal((await t.app.inject({ url: '/english' })).statusCode, 404);
  assert.match((await t.app.inject({ url: '/english' })).body, /<html lang="pl"/);
});

test('every internal link on English pages stays in English', async () => {
  const token = (await issueSetupToken(t.ctx))!;
  const pages = ['/en', '/en/nie-ma', '/en/setup?token=x', `/en/setup?token=${token}`, '/en/wyglad?kontrast=7'];
  let checked = 0;
  for (const page of pages) {
    const res = await t.app.inject({ url: page });
    assert.match(res.body, /<html lang="en"/, page);
    for (const { tag, url } of links(res.body)) {
      if (!url.startsWith('/')) continue;
      // the way back to Polish is the one link meant to leave English
      if (/\shreflang="pl"/i.test(tag)) continue;
      if (url.startsWith('/assets/') || url.startsWith('/api/') || url === '/wyglad' || url.startsWith('/wyglad?')) continue;
      assert.ok(url === '/en' || url.startsWith('/en/') || url.startsWith('/en?'), `${page}: ${tag}`);
      checked += 1;
    }
  }
  assert.ok(checked >= pages.length, 'the pages do contain internal links');
});

test('the language switch leads to the same page in the other language', async () => {
  assert.equal(langSwitch((await t.app.inject({ url: '/' })).body), '/en');
  assert.equal(langSwitch((await t.app.inject({ url: '/en' })).body), '/');
  assert.equal(langSwitch((await t.app.inject({ url: '/en/setup?token=x' })).body), '/setup?token=x');
  assert.equal(langSwitch((await t.app.inject({ url: '/setup?token=x' })).body), '/en/setup?token=x');
  assert.equal(langSwitch((await t.app.inject({ url: '/nie-ma?a=1&b=2' })).body), '/en/nie-ma?a=1&b=2');
});

test('display preferences are kept in a cookie and shown on the next page', async () => {
  const set = await t.app.inject({ url: '/wyglad?kontrast=1&wroc=/en' });
  assert.equal(set.statusCode, 303);
  assert.equal(set.headers.location, '/en');
  const cookie = set.cookies.find((c) => c.name === 'spojnia_wyglad');
  assert.ok(cookie, 'the preference cookie is set');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.path, '/');

  const plain = await t.app.inject({ url: '/en' });
  assert.doesNotMatch(plain.body, /<html[^>]*class="[^"]*contrast/);
  assert.match(plain.body, /<button[^>]*name="kontrast"[^>]*aria-pressed="false"/);

  const page = await t.app.inject({ url: '/en', headers: { cookie: cookieHeader(set) } });
  assert.match(page.body, /<html lang="en" class="contrast">/);
  assert.match(page.body, /<button[^>]*name="kontrast"[^>]*aria-pressed="true"/);
  assert.match(page.body, /<button[^>]*name="tekst"[^>]*aria-pressed="false"/);

  // switching the other option keeps the first one
  const both = await t.app.inject({ url: '/en/wyglad?tekst=1&wroc=/', headers: { cookie: cookieHeader(set) } });
  assert.equal(both.headers.location, '/en');
  const after2 = await t.app.inject({ url: '/', headers: { cookie: cookieHeader(both, cookieHeader(set)) } });
  assert.match(after2.body, /<html lang="pl" class="contrast large-text">/);
});

test('the return path of the display switches never leaves the site', async () => {
  const hostile = [
    '//evil.example',
    'https://evil.example',
    '/\\evil.example',
    '/\\/evil.example',
    'javascript:alert(1)',
    '\t//evil.example',
    '/\r\nSet-Cookie: x=1',
    '///evil.example',
  ];
  for (const wroc of hostile) {
    for (const [prefix, home] of [
      ['', '/'],
      ['/en', '/en'],
    ] as const) {
      const res = await t.app.inject({ url: `${prefix}/wyglad?kontrast=1&wroc=${encodeURIComponent(wroc)}` });
      assert.equal(res.statusCode, 303, wroc);
      assert.equal(res.headers.location, home, `${prefix}/wyglad?wroc=${JSON.stringify(wroc)}`);
    }
  }
  // a local path is followed, in the visitor's language
  const local = await t.app.inject({ url: `/wyglad?tekst=1&wroc=${encodeURIComponent('/setup?token=x')}` });
  assert.equal(local.headers.location, '/setup?token=x');
  const localEn = await t.app.inject({ url: `/en/wyglad?tekst=1&wroc=${encodeURIComponent('/setup?token=x')}` });
  assert.equal(localEn.headers.location, '/en/setup?token=x');
});
