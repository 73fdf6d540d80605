// Why: a few parts of public pages are the same for every visitor until their data change and cost
// most of the page's rendering — an indicator's map of 144 gminy with a translated label each, the
// territory map. Rendered once per content key and language, they are put into the page as their
// HTML (Preact's precompiled-template vnode, no wrapper element), so a page view pays for the rest.
import type { ComponentChildren, VNode } from 'preact';
import { jsxTemplate } from 'preact/jsx-runtime';
import { renderToString } from 'preact-render-to-string';
import { ByteBoundedCache } from '../cache/byte-bounded.js';
import { PageCtx, usePage } from './context.js';

/**
 * The rendered fragments of this process by group, key and language, each group bounded by the
 * size of its fragments (UTF-16 bytes): a group whose keys seldom come again (a filter form per
 * combination of filters) cannot push out the few large ones every visitor gets (a map).
 */
const groups = new Map<string, ByteBoundedCache<string, string>>();
const GROUP_BYTES: Record<string, number> = { default: 8 * 1024 * 1024 };
const OTHER_GROUP_BYTES = 2 * 1024 * 1024;

function groupCache(group: string): ByteBoundedCache<string, string> {
  let cache = groups.get(group);
  if (!cache) groups.set(group, (cache = new ByteBoundedCache(GROUP_BYTES[group] ?? OTHER_GROUP_BYTES, 2_000)));
  return cache;
}

/** Keys rendered once and not kept yet, per group (see `keepOnSecondUse`). */
const seenOnce = new Map<string, ByteBoundedCache<string, true>>();

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
export function CachedFragment({
  contentKey,
  group = 'default',
  keepOnSecondUse = false,
  children,
}: {
  contentKey: string;
  /** Fragments kept apart, within a bound of their own (see `groups`). */
  group?: string;
  /**
   * Kept only when the key comes a second time: for keys most of which never come again (a
   * combination of filters), whose keeping would cost more in memory and collection than it saves.
   */
  keepOnSecondUse?: boolean;
  children: () => ComponentChildren;
}): VNode {
  const page = usePage();
  const cache = groupCache(group);
  const key = `${page.lang}\u0000${contentKey}`;
  const kept = cache.get(key);
  if (kept !== undefined) return jsxTemplate([kept]);
  if (keepOnSecondUse) {
    let seen = seenOnce.get(group);
    if (!seen) seenOnce.set(group, (seen = new ByteBoundedCache(1024 * 1024)));
    if (seen.get(key) === undefined) {
      seen.set(key, true, key.length * 2);
      return <>{children()}</>;
    }
    seen.delete(key);
  }
  const html = renderToString(<PageCtx.Provider value={page}>{children()}</PageCtx.Provider>);
  cache.set(key, html, (key.length + html.length) * 2);
  return jsxTemplate([html]);
}

/** Empties the kept fragments (tests that compare a fresh render with a kept one). */
export function clearFragments(): void {
  for (const cache of [...groups.values(), ...seenOnce.values()]) cache.clear();
}
