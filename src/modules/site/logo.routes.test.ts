// The institution's logo: an administrator uploads a real image with its alternative text, the header
// shows it (sized, linked to the home page, after the skip link) and its address answers with an
// ETag and 304; a file that is no image by its bytes, an SVG or a file too large is refused with a
// translated message and nothing changes; editors and others are refused; removing it brings back the
// wordmark; every change is in the audit log.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { assertHeadMatchesGet } from '../../testing/downloads.js';
import { createTestApp, csrfFrom, form, loginAs, type TestApp } from '../../testing/app.js';
import { multipart } from '../../testing/multipart.js';
import { ROPS_TORUN } from './site.service.js';
import { shownSize } from './logo.service.js';

/** A real PNG of the given size (a solid colour with transparency), as an administrator's file would be. */
async function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 11, g: 79, b: 108, alpha: 0.9 } } })
    .png()
    .toBuffer();
}

const logoImg = (html: string) => /<img class="site-logo"[^>]*>/.exec(html)?.[0] ?? null;
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

describe('institution logo', () => {
  let t: TestApp;
  let admin: string;
  let editor: string;
  let coordinator: string;

  before(async () => {
    t = await createTestApp({ reference: false });
    admin = (await loginAs(t, [{ role: 'administrator' }])).cookie;
    editor = (await loginAs(t, [{ role: 'editor' }])).cookie;
    coordinator = (await loginAs(t, [{ role: 'coordinator' }])).cookie;
  });
  after(async () => t.close());

  const csrfOf = async (cookie: string) => csrfFrom((await t.app.inject({ url: '/admin/kontakt', headers: { cookie } })).body);
  const upload = async (cookie: string, file: { filename: string; data: Buffer } | null, alt: string, withCsrf = true) => {
    const fields: Record<string, string> = { logo_alt: alt };
    if (withCsrf) fields._csrf = await csrfOf(cookie);
    const body = multipart(fields, file ? { logo: { ...file, contentType: 'image/png' } } : {});
    return t.app.inject({
      method: 'POST',
      url: '/admin/kontakt/logo',
      headers: { cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const remove = async (cookie: string) =>
    t.app.inject({
      method: 'POST',
      url: '/admin/kontakt/logo/usun',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: await csrfOf(cookie) }),
    });
  const auditActions = async () =>
    (await t.ctx.db.selectFrom('audit_log').select('action').where('action', 'like', 'site.logo.%').orderBy('id').execute()).map(
      (r) => r.action,
    );
  const storedLogo = async () => t.ctx.db.selectFrom('institution_logo').select(['sha256', 'alt', 'width', 'height']).executeTakeFirst();

  it('shows the wordmark while no logo is set, and the logo form offers the institution name as alternative text', async () => {
    const home = (await t.app.inject({ url: '/' })).body;
    assert.equal(logoImg(home), null);
    assert.match(home, /<span class="brand">Spójnia<\/span>/);
    const page = (await t.app.inject({ url: '/admin/kontakt', headers: { cookie: admin } })).body;
    assert.match(page, /Logo nie jest ustawione/);
    assert.match(page, /enctype="multipart\/form-data"/);
    assert.match(
      page,
      new RegExp(`<input id="f-logo_alt" name="logo_alt"[^>]* value="${ROPS_TORUN.name}"`),
      'the alternative text defaults to the institution name',
    );
    assert.equal((await t.app.inject({ url: '/instytucja/logo' })).statusCode, 404);
  });

  it('stores an uploaded PNG scaled down, shows it in the header and serves it with an ETag and 304', async () => {
    const res = await upload(admin, { filename: 'logo-rops.png', data: await png(800, 240) }, 'Logo ROPS w Toruniu');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/kontakt?ok=logo');
    const stored = await storedLogo();
    assert.deepEqual(
      { alt: stored?.alt, width: stored?.width, height: stored?.height },
      { alt: 'Logo ROPS w Toruniu', width: 400, height: 120 },
    );

    const home = (await t.app.inject({ url: '/' })).body;
    const img = logoImg(home);
    assert.ok(img, 'the header shows the logo');
    assert.equal(attr(img, 'alt'), 'Logo ROPS w Toruniu');
    assert.deepEqual([attr(img, 'width'), attr(img, 'height')], ['160', '48']);
    assert.equal(attr(img, 'src'), `/instytucja/logo?v=${stored!.sha256.slice(0, 16)}`);
    // inside the link to the home page, after the skip link
    assert.match(home, /<p class="site-name"><a href="\/"><img class="site-logo"/);
    assert.ok(home.indexOf('class="skip-link"') < home.indexOf('class="site-logo"'), 'the skip link comes first');
    // English pages mark the (Polish) alternative text's language
    assert.equal(attr(logoImg((await t.app.inject({ url: '/en' })).body)!, 'lang'), 'pl');

    const src = attr(img, 'src')!;
    const got = await assertHeadMatchesGet((o) => t.app.inject(o), src);
    assert.equal(got.statusCode, 200);
    assert.equal(got.headers['content-type'], 'image/png');
    assert.equal(got.headers.etag, `"${stored!.sha256}"`);
    assert.equal(got.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(got.headers['x-content-type-options'], 'nosniff');
    const meta = await sharp(got.rawPayload).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['png', 400, 120]);
    const again = await t.app.inject({ url: src, headers: { 'if-none-match': String(got.headers.etag) } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.rawPayload.length, 0);
    // the stable address without the version may change its bytes: a short lifetime
    const plain = await t.app.inject({ url: '/instytucja/logo' });
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.headers['cache-control'], 'public, max-age=300');
    assert.deepEqual(await auditActions(), ['site.logo.set']);
  });

  it('refuses a text file named .png, an SVG, a file over 1 MB and an empty alternative text, and changes nothing', async () => {
    const before = await storedLogo();
    const cases: [{ filename: string; data: Buffer } | null, string, RegExp][] = [
      [
        { filename: 'logo.png', data: Buffer.from('To nie jest obraz, tylko tekst.\n', 'utf8') },
        'Logo',
        /Pole „Plik z logo”: plik nie jest obrazem PNG, JPEG ani WebP\./,
      ],
      [
        {
          filename: 'logo.svg',
          data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'),
        },
        'Logo',
        /Pole „Plik z logo”: plik nie jest obrazem PNG, JPEG ani WebP\./,
      ],
      [{ filename: 'duze.png', data: Buffer.concat([await png(10, 10), Buffer.alloc(1024 * 1024)]) }, 'Logo', /plik jest większy niż 1 MB/],
      [null, 'Logo', /Pole „Plik z logo” jest wymagane\./],
      [{ filename: 'logo.png', data: await png(100, 30) }, '', /Pole „Tekst alternatywny logo” jest wymagane\./],
    ];
    for (const [file, alt, message] of cases) {
      const res = await upload(admin, file, alt);
      assert.equal(res.statusCode, 400, `${file?.filename ?? 'no file'}: ${res.statusCode}`);
      assert.match(res.body, message);
      assert.match(res.body, /data-error-summary/);
    }
    assert.deepEqual(await storedLogo(), before);
    assert.deepEqual(await auditActions(), ['site.logo.set']);
  });

  it('refuses a form without its CSRF token', async () => {
    const before = await storedLogo();
    const res = await upload(admin, { filename: 'inne.png', data: await png(300, 100) }, 'Inne logo', false);
    assert.equal(res.statusCode, 403);
    assert.deepEqual(await storedLogo(), before);
  });

  it('lets only administrators change or remove the logo; editors see it and a note', async () => {
    const before = await storedLogo();
    for (const cookie of [editor, coordinator]) {
      const body = multipart({ logo_alt: 'X' }, { logo: { filename: 'x.png', data: await png(50, 50) } });
      const up = await t.app.inject({
        method: 'POST',
        url: '/admin/kontakt/logo',
        headers: { cookie, 'content-type': body.contentType },
        payload: body.payload,
      });
      assert.equal(up.statusCode, 403);
      const rm = await t.app.inject({
        method: 'POST',
        url: '/admin/kontakt/logo/usun',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form({ _csrf: 'x' }),
      });
      assert.equal(rm.statusCode, 403);
    }
    const anonymous = await t.app.inject({ method: 'POST', url: '/admin/kontakt/logo/usun', payload: {} });
    assert.equal(anonymous.statusCode, 401);
    const page = (await t.app.inject({ url: '/admin/kontakt', headers: { cookie: editor } })).body;
    assert.match(page, /Logo może zmienić tylko administrator\./);
    assert.doesNotMatch(page, /action="\/admin\/kontakt\/logo"/);
    assert.match(page, /<figure class="logo-preview"><img /);
    assert.deepEqual(await storedLogo(), before);
  });

  it('replaces the logo, then removes it: the header goes back to the wordmark, each step audited', async () => {
    const res = await upload(admin, { filename: 'kwadrat.png', data: await png(60, 60) }, 'Nowe logo');
    assert.equal(res.statusCode, 303);
    const img = logoImg((await t.app.inject({ url: '/' })).body)!;
    assert.deepEqual([attr(img, 'width'), attr(img, 'height'), attr(img, 'alt')], ['48', '48', 'Nowe logo']);

    const removed = await remove(admin);
    assert.equal(removed.statusCode, 303);
    assert.equal(removed.headers.location, '/admin/kontakt?ok=bez-logo');
    assert.equal(await storedLogo(), undefined);
    const home = (await t.app.inject({ url: '/' })).body;
    assert.equal(logoImg(home), null);
    assert.match(home, /<span class="brand">Spójnia<\/span>/);
    assert.equal((await t.app.inject({ url: '/instytucja/logo' })).statusCode, 404);
    const page = (await t.app.inject({ url: '/admin/kontakt?ok=bez-logo', headers: { cookie: admin } })).body;
    assert.match(page, /Logo zostało usunięte/);
    // removing again is no change and no entry
    assert.equal((await remove(admin)).statusCode, 303);
    assert.deepEqual((await auditActions()).sort(), ['site.logo.remove', 'site.logo.replace', 'site.logo.set']);
    const entry = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'site.logo.remove').executeTakeFirstOrThrow();
    assert.ok(entry.actor_id, 'the administrator is named');
  });
});

describe('logo size in the header', () => {
  it('fits the header box with its proportions kept and never grows', () => {
    assert.deepEqual(shownSize(400, 120), { width: 160, height: 48 });
    assert.deepEqual(shownSize(400, 40), { width: 200, height: 20 });
    assert.deepEqual(shownSize(120, 120), { width: 48, height: 48 });
    assert.deepEqual(shownSize(30, 10), { width: 30, height: 10 });
  });
});
