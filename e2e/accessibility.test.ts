// The platform promises WCAG 2.1 AA and a site that works offline. Route tests cannot see what a
// browser does with the HTML (computed contrast, focus, keyboard), so every page template from
// pages.ts is opened in a real chromium, in Polish and in English (the first half here, the second
// in accessibility-2.test.ts), and the set-up form is completed by keyboard only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { translator } from '../src/i18n/index.js';
import { issueSetupToken } from '../src/modules/accounts/index.js';
import { assertVisibleFocus, describeFocus, describePageChecks, pagesOfPart } from './page-checks.js';
import { checkAxe, focused, navigation, newPage, startServer, tabUntil, type Server } from './support.js';

const browserOf = describePageChecks(pagesOfPart(0));

describe('setup form by keyboard only', () => {
  const t = translator('pl');
  let own: Server;

  before(async () => {
    own = await startServer();
  });

  after(async () => {
    await own?.close();
  });

  test('errors are announced in a focused summary whose links lead to the fields; a correct form succeeds', async () => {
    const { page, foreignRequests, close } = await newPage(browserOf(), own.baseUrl);
    try {
      const token = (await issueSetupToken(own.testApp.ctx))!;
      await page.goto(`${own.baseUrl}/setup?token=${encodeURIComponent(token)}`);

      await tabUntil(page, (f) => f.id === 'f-email');
      await page.keyboard.type('to-nie-adres');
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).id, 'f-display_name');
      await page.keyboard.type('Anna Nowak');
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).id, 'f-password');
      await page.keyboard.type('krótkie');
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).id, 'f-password_repeat');
      await page.keyboard.type('krótkie');
      assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 400);

      const summary = await focused(page);
      assert.ok('data-error-summary' in summary.attrs, `focus after the failed submit is on ${describeFocus(summary)}`);
      assert.ok(summary.text.startsWith(t('errors.summaryTitle')), summary.text);
      assertVisibleFocus(summary, 'error summary');

      const links = await page.evaluate(() => {
        const d = (globalThis as any).document;
        return Array.from(d.querySelectorAll('[data-error-summary] a') as ArrayLike<{ getAttribute(n: string): string | null }>).map(
          (a) => {
            const href = a.getAttribute('href') ?? '';
            const target = href.startsWith('#') ? d.getElementById(href.slice(1)) : null;
            return { href, target: target ? String(target.tagName).toLowerCase() : null };
          },
        );
      });
      assert.ok(
        links.some((l) => l.href === '#f-email'),
        `the summary links to the e-mail field: ${JSON.stringify(links)}`,
      );
      assert.ok(
        links.some((l) => l.href === '#f-password'),
        `the summary links to the password field: ${JSON.stringify(links)}`,
      );
      for (const l of links)
        assert.ok(
          l.target === 'input' || l.target === 'textarea' || l.target === 'select',
          `summary link ${l.href} points to a form field (found ${l.target})`,
        );
      // the field keeps what was typed, so the person corrects instead of retyping
      assert.equal(await page.inputValue('#f-display_name'), 'Anna Nowak');

      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).attrs.href, '#f-email');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => (globalThis as any).document.activeElement?.id === 'f-email');

      await page.keyboard.press('Control+A');
      await page.keyboard.type('administrator@rops.example.pl');
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).id, 'f-display_name');
      await page.keyboard.press('Tab');
      assert.equal((await focused(page)).id, 'f-password');
      await page.keyboard.type('długie hasło do Spójni 2024');
      await page.keyboard.press('Tab');
      await page.keyboard.type('długie hasło do Spójni 2024');
      assert.equal(await navigation(page, () => page.keyboard.press('Enter')), 200);
      assert.equal(await page.locator('h1').innerText(), t('setup.doneTitle'));
      assert.deepEqual(await checkAxe(page), []);
      assert.deepEqual(foreignRequests, []);
    } finally {
      await close();
    }
  });
});
