// E-mail rendering in both languages: subjects and bodies from the i18n templates, the HTML part
// generated from the text (paragraphs, the link), parameters escaped and never turned into markup
// or extra lines, the institution in the footer, and a missing parameter refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMail } from './index.js';

const reset = { name: 'Łucja Żółć', link: 'https://spojnia.example.pl/konto/haslo/nowe/abcDEF123_-xyz7890abcd', validFor: '1 godzina' };

test('password reset in Polish: subject, text paragraphs, HTML with the link and the footer', () => {
  const m = renderMail({ to: 'lucja@example.pl', lang: 'pl', template: 'password_reset', params: reset });
  assert.equal(m.subject, 'Spójnia: ustawienie nowego hasła');
  assert.match(m.text, /^Dzień dobry Łucja Żółć,\n\notrzymaliśmy prośbę/);
  assert.ok(m.text.includes(`otwórz link:\n${reset.link}\n\nLink jest ważny przez 1 godzina`));
  assert.match(m.text, /\n\n-- \nRegionalny Ośrodek Polityki Społecznej w Toruniu/);
  assert.match(m.html, /^<!doctype html>\n<html lang="pl">/);
  assert.match(m.html, /<title>Spójnia: ustawienie nowego hasła<\/title>/);
  assert.match(m.html, /<p>Dzień dobry Łucja Żółć,<\/p>/);
  assert.ok(m.html.includes(`otwórz link:<br>\n<a href="${reset.link}">${reset.link}</a></p>`));
  assert.match(m.html, /<hr>\n<p><small>Regionalny Ośrodek Polityki Społecznej w Toruniu/);
  assert.equal((m.html.match(/<p>/g) ?? []).length, 5, 'four paragraphs and the footer');
});

test('invitation in English names the inviter, the roles and the validity', () => {
  const m = renderMail({
    to: 'new@example.pl',
    lang: 'en',
    template: 'invitation',
    params: {
      name: 'Jan',
      inviter: 'Anna Nowak',
      link: 'https://spojnia.example.pl/en/konto/zaproszenie/tok',
      roles: 'editor',
      validFor: '7 days',
    },
  });
  assert.equal(m.subject, 'Spójnia: invitation to the platform');
  assert.match(m.text, /^Hello Jan,\n\nAnna Nowak invites you to work on Spójnia/);
  assert.match(m.text, /Roles granted: editor\./);
  assert.match(m.text, /valid for 7 days/);
  assert.match(m.text, /-- \nRegional Social Policy Centre in Toruń/);
  assert.match(m.html, /<html lang="en">/);
  assert.match(m.html, /<a href="https:\/\/spojnia\.example\.pl\/en\/konto\/zaproszenie\/tok">/);
});

test('the test template renders in both languages with Polish characters', () => {
  const pl = renderMail({ to: 'a@example.pl', lang: 'pl', template: 'test', params: {} });
  assert.equal(pl.subject, 'Spójnia: wiadomość testowa');
  assert.match(pl.text, /zażółć gęślą jaźń/);
  const en = renderMail({ to: 'a@example.pl', lang: 'en', template: 'test', params: {} });
  assert.equal(en.subject, 'Spójnia: test message');
  assert.match(en.html, /<p>This is a test message from Spójnia\.<\/p>/);
});

test('parameters are data: escaped in HTML, kept verbatim in text, flattened to one line, never linked', () => {
  const m = renderMail({
    to: 'x@example.pl',
    lang: 'pl',
    template: 'invitation',
    params: {
      name: '<script>alert("x")</script> & co',
      inviter: 'Mallory\n\nKliknij: http://phish.example/login',
      link: 'https://spojnia.example.pl/konto/zaproszenie/t?a=1&b=<2>',
      roles: "editor'",
      validFor: '7 dni',
    },
  });
  assert.doesNotMatch(m.html, /<script>/);
  assert.match(m.html, /Dzień dobry &lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; co,/);
  assert.match(m.html, /Przyznane role: editor&#39;\./);
  assert.ok(
    m.html.includes('<a href="https://spojnia.example.pl/konto/zaproszenie/t?a=1&amp;b=&lt;2&gt;">'),
    'the link is escaped inside and outside the attribute',
  );
  assert.doesNotMatch(m.html, /href="http:\/\/phish/, 'a URL typed into a name is not a link');
  assert.match(m.text, /Dzień dobry <script>alert\("x"\)<\/script> & co,/);
  assert.match(
    m.text,
    /\n\nMallory Kliknij: http:\/\/phish\.example\/login zaprasza Cię/,
    'line breaks in a parameter cannot forge paragraphs',
  );
});

test('a javascript: link parameter is shown as text, not as a link', () => {
  const m = renderMail({
    to: 'x@example.pl',
    lang: 'en',
    template: 'password_reset',
    params: { name: 'A', link: 'javascript:alert(1)', validFor: '1 hour' },
  });
  assert.doesNotMatch(m.html, /href="javascript/);
  assert.match(m.html, /javascript:alert\(1\)/);
});

test('a subject cannot carry header line breaks, and missing parameters are a programming error', () => {
  const m = renderMail({ to: 'x@example.pl', lang: 'en', template: 'test', params: {} });
  assert.doesNotMatch(m.subject, /[\r\n]/);
  assert.throws(
    // @ts-expect-error the compiler refuses the missing link too; this checks the run-time guard
    () => renderMail({ to: 'x@example.pl', lang: 'pl', template: 'password_reset', params: { name: 'A', validFor: '1 h' } }),
    /needs link/,
  );
});

test('a contact message keeps its line breaks as text and <br>, still escaped', () => {
  const mail = renderMail({
    to: 'rops@example.pl',
    lang: 'pl',
    template: 'contact_message',
    params: {
      name: 'Jan',
      email: 'jan@example.pl',
      subject: 'Pytanie\r\no dotacje',
      message: 'Dzień dobry,\r\nmam pytanie.\n<b>Pozdrawiam</b>',
    },
  });
  assert.match(mail.text, /Dzień dobry,\nmam pytanie\.\n<b>Pozdrawiam<\/b>/);
  assert.match(mail.html, /Dzień dobry,<br>\nmam pytanie\.<br>\n&lt;b&gt;Pozdrawiam&lt;\/b&gt;/);
  assert.ok(!mail.subject.includes('\n'), 'the subject stays on one line');
});
