// Page anatomy without a browser: every page template the browser suite visits (pages.ts) is
// requested over inject, in Polish and in English, and must name what it shows in exactly one
// non-empty <h1>; where breadcrumbs exist, their last item is the current page (not a link).
// Fast enough to run while editing views; axe's page-has-heading-one confirms it in chromium.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { localize } from '../src/core/http/language.js';
import { createTestApp, loginAs, type TestApp } from '../src/testing/app.js';
import { PAGES, VISIT_LANGS, type VisitContext } from './pages.js';
import type { Server } from './support.js';

const text = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z#0-9]+;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** What a page's HTML says about its anatomy: its h1 texts and its breadcrumb trail. */
export function anatomyOf(html: string): { h1: string[]; crumbs: { text: string; current: boolean }[] } {
  const h1 = [...html.matchAll(/<h1[\s>][\s\S]*?<\/h1>/g)].map((m) => text(m[0]));
  const nav = /<nav class="breadcrumbs"[\s\S]*?<\/nav>/.exec(html)?.[0];
  const crumbs = nav
    ? [...nav.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => ({ text: text(m[1]!), current: m[1]!.includes('aria-current="page"') }))
    : [];
  return { h1, crumbs };
}

describe('page anatomy of every visited template', () => {
  let testApp: TestApp;
  // one server for every template, as in the browser suite (fixtures remember what they made per server)
  let server: Server;
  before(async () => {
    testApp = await createTestApp();
    server = { baseUrl: '', testApp, close: async () => {} };
  });
  after(async () => {
    await testApp?.close();
  });

  // templates reached by filling a form in the browser are covered there; their starting page is the same view
  for (const entry of PAGES.filter((e) => !e.act)) {
    for (const lang of VISIT_LANGS) {
      test(`${entry.name} [${lang}]: one named <h1>, breadcrumbs end at the page`, async () => {
        const headers: Record<string, string> = {};
        // signed in before the set-up, as in the browser checks: a set-up may link the account to a record
        const login = entry.login ? await loginAs(testApp, entry.login) : undefined;
        if (login) headers.cookie = login.cookie;
        const ctx: VisitContext = {
          server,
          page: undefined as unknown as Page,
          lang,
          href: (p) => localize(p, lang),
          ...(login ? { userId: login.userId } : {}),
        };
        const path = entry.setup ? await entry.setup(ctx) : entry.path!;
        let res = await testApp.app.inject({ method: 'GET', url: ctx.href(path), headers });
        // a redirect is followed the way the browser does (the display switches answer 303)
        for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 3; hops += 1) {
          res = await testApp.app.inject({
            method: 'GET',
            url: String(res.headers.location),
            headers: {
              ...headers,
              cookie: [headers.cookie, ...[res.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0])].filter(Boolean).join('; '),
            },
          });
        }
        assert.equal(res.statusCode, entry.expectStatus, `${path}: ${res.body.slice(0, 300)}`);
        const { h1, crumbs } = anatomyOf(res.body);
        assert.equal(h1.length, 1, `${path} has ${h1.length} <h1>: ${JSON.stringify(h1)}`);
        assert.ok(h1[0]!.length > 0, `${path}: the <h1> is empty`);
        if (crumbs.length > 0) {
          const last = crumbs[crumbs.length - 1]!;
          assert.ok(last.current, `${path}: the last breadcrumb "${last.text}" is not the current page`);
          assert.ok(
            crumbs.slice(0, -1).every((c) => !c.current),
            `${path}: only the last breadcrumb is current`,
          );
          assert.ok(
            crumbs.every((c, i) => i === 0 || c.text !== crumbs[i - 1]!.text),
            `${path}: a breadcrumb repeats: ${crumbs.map((c) => c.text).join(' › ')}`,
          );
        }
      });
    }
  }
});
