// Why: a few parts of public pages are the same for every visitor until their data change and cost
// most of the page's rendering — an indicator's map of 144 gminy with a translated label each, the
// territory map. Rendered once per content key and language, they are put into the page as their
// HTML (Preact's precompiled-template vnode, no wrapper element), so a page view pays for the rest.
import type { ComponentChildren, VNode } from 'preact';
import { jsxTemplate } from 'preact/jsx-runtime';
import { renderToString } from 'preact-render-to-string';
import { ByteBoundedCache } from '../cache/byte-bounded.js';
import { PageCtx, usePage } from './context.js';

/** The rendered fragments of this process, by key and language; bounded by their size (UTF-16 bytes). */
const fragments = new ByteBoundedCache<string, string>(8 * 1024 * 1024, 2_000);

const identities = new WeakMap<object, number>();
let nextIdentity = 1;

/**
 * A number naming this object for as long as it lives: a part of a fragment's key for data kept as
 * one object until their tables are written (a territory index, a map's geometry), instead of
 * writing out their content.
 */
export function identityKey(value: object): number {
  let id = identities.get(value);
  if (id === undefined) identities.set(value, (id = nextIdentity++));
  return id;
}

/**
 * `children` rendered with this page's context, kept by `contentKey` and the page's language. The key
 * must name everything the children show: the same key and language always give the same HTML, so
 * nothing personal (the user, a CSRF token, the current path) may be rendered inside.
 */
export function CachedFragment({ contentKey, children }: { contentKey: string; children: () => ComponentChildren }): VNode {
  const page = usePage();
  const key = `${page.lang}\u0000${contentKey}`;
  let html = fragments.get(key);
  if (html === undefined) {
    html = renderToString(<PageCtx.Provider value={page}>{children()}</PageCtx.Provider>);
    fragments.set(key, html, (key.length + html.length) * 2);
  }
  return jsxTemplate([html]);
}

/** Empties the kept fragments (tests that compare a fresh render with a kept one). */
export function clearFragments(): void {
  fragments.clear();
}
