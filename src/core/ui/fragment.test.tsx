// A kept fragment: rendered once per key and language with the page's context, put into the page
// as its HTML with no wrapper around it, and rendered anew for another key or language; an object's
// identity key stays the same while the object lives and differs between objects.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { formatters, type Lang } from '../../i18n/index.js';
import { PageCtx, usePage } from './context.js';
import { testPageContext } from './testing.js';
import { CachedFragment, clearFragments, identityKey } from './fragment.js';

const page = testPageContext;

function Link({ n }: { n: number }) {
  const { href, fmt } = usePage();
  return <a href={href('/terytorium')}>{fmt.number(n)} & więcej</a>;
}

function renderWith(lang: Lang, key: string, n: number, calls: { count: number }) {
  return renderToString(
    <PageCtx.Provider value={page(lang)}>
      <main>
        <CachedFragment contentKey={key}>
          {() => {
            calls.count += 1;
            return <Link n={n} />;
          }}
        </CachedFragment>
      </main>
    </PageCtx.Provider>,
  );
}

test('a fragment is rendered once per key and language, with the page context, and put in without a wrapper', () => {
  clearFragments();
  const calls = { count: 0 };
  const first = renderWith('pl', 'k1', 12345, calls);
  assert.equal(first, `<main><a href="/terytorium">${formatters('pl').number(12345)} &amp; więcej</a></main>`);
  assert.equal(renderWith('pl', 'k1', 12345, calls), first);
  assert.equal(calls.count, 1, 'the second page reused the rendered HTML');
  const en = renderWith('en', 'k1', 12345, calls);
  assert.equal(en, '<main><a href="/en/terytorium">12,345 &amp; więcej</a></main>');
  assert.equal(calls.count, 2, 'another language is another fragment');
  assert.match(renderWith('pl', 'k2', 7, calls), /<a href="\/terytorium">7 &amp; więcej<\/a>/);
  assert.equal(calls.count, 3, 'another key is another fragment');
  clearFragments();
  renderWith('pl', 'k1', 12345, calls);
  assert.equal(calls.count, 4, 'cleared fragments are rendered again');
});

test('an identity key names one object while it lives', () => {
  const a = {};
  const b = {};
  assert.equal(identityKey(a), identityKey(a));
  assert.notEqual(identityKey(a), identityKey(b));
});
