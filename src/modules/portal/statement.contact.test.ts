// The accessibility statement names a contact path that works, in both languages: the institution's
// postal address always; the contact form only while it can be sent (an institution e-mail is set);
// without an e-mail or phone it says requests go by post. Nothing calls the switched-off form
// "temporarily unavailable", the reference seed says plainly that the e-mail must be set, and so
// does the institution's admin page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, loginAs, type TestApp } from '../../testing/app.js';
import { ROPS_TORUN, siteModule } from '../site/index.js';

const article = (html: string) => html.slice(html.indexOf('<article class="portal-article portal-statement">'), html.indexOf('</article>'));

describe('accessibility statement: a working contact path', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('without an institution e-mail names the postal address and no contact form', async () => {
    const pl = article((await t.app.inject({ url: '/deklaracja-dostepnosci' })).body);
    assert.match(
      pl,
      /Adres do korespondencji: <span class="a11y-postal">Regionalny Ośrodek Polityki Społecznej w Toruniu, ul\. Janiny Bartkiewiczówny 93, 87-100 Toruń<\/span>/,
    );
    assert.match(pl, /Wnioski i skargi dotyczące dostępności przyjmujemy pisemnie na adres do korespondencji podany wyżej\./);
    assert.doesNotMatch(pl, /href="\/kontakt"|formularz kontaktowy/i, 'the statement does not send anyone to a form that is off');
    const en = article((await t.app.inject({ url: '/en/deklaracja-dostepnosci' })).body);
    assert.match(en, /Postal address: <span class="a11y-postal">[^<]*87-100 Toruń<\/span>/);
    assert.doesNotMatch(en, /href="\/en\/kontakt"|contact form/i);
    const contact = (await t.app.inject({ url: '/kontakt' })).body;
    assert.doesNotMatch(contact, /chwilowo/);
    assert.match(contact, /Napisz do nas na adres pocztowy podany na tej stronie/);
    assert.doesNotMatch((await t.app.inject({ url: '/en/kontakt' })).body, /temporarily/);
  });

  it('the seed and the admin page say the e-mail must be set', async () => {
    assert.match(
      (await siteModule.seedReference!(t.ctx)).summary,
      /WARNING: the institution e-mail is NOT SET — set it at \/admin\/kontakt/,
    );
    const { cookie } = await loginAs(t, [{ role: 'editor' }]);
    const admin = await t.app.inject({ url: '/admin/kontakt', headers: { cookie } });
    assert.match(admin.body, /Nie ustawiono adresu e-mail instytucji\. Dopóki go nie ma, formularz kontaktowy jest wyłączony/);
  });

  it('with an institution e-mail the form is on and the statement points to it', async () => {
    await t.ctx.settings.set('site.institution', { ...ROPS_TORUN, email: 'kontakt@rops.example.pl' });
    const pl = article((await t.app.inject({ url: '/deklaracja-dostepnosci' })).body);
    assert.match(pl, /<a id="a11y-email" href="mailto:kontakt@rops\.example\.pl">/);
    assert.match(pl, /<a href="\/kontakt">Możesz też napisać przez formularz kontaktowy\.<\/a>/);
    assert.match(pl, /Adres do korespondencji/);
    assert.doesNotMatch(pl, /przyjmujemy pisemnie/);
    assert.match((await t.app.inject({ url: '/kontakt' })).body, /<form method="post" action="\/kontakt"/);
    assert.doesNotMatch((await siteModule.seedReference!(t.ctx)).summary, /NOT SET/);
  });
});
