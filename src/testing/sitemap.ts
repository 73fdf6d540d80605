// Tests read the sitemap as a crawler does: the index at /sitemap.xml, then every part it names, each
// checked for well-formedness (fast-xml-parser's validator) and against the structure of the
// sitemaps.org 0.9 schema (sitemap.xsd / siteindex.xsd): the root element and namespace, `loc` once
// and first, then `lastmod`, `changefreq`, `priority` in that order with their value formats,
// elements of other namespaces only after them, at most 50,000 entries and 50 MB per file. The walk
// is a single pass over the tags, so a part of 50,000 addresses is checked in well under a second.
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { XMLValidator } from 'fast-xml-parser';

export const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const MAX_ENTRIES = 50_000;
const MAX_BYTES = 50 * 1024 * 1024;
/** W3C Datetime as the schema's `tLastmod` allows it: a day, or a moment with a time zone. */
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const CHANGEFREQ = new Set(['always', 'hourly', 'daily', 'weekly', 'monthly', 'yearly', 'never']);
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export interface SitemapUrl {
  loc: string;
  lastmod: string | null;
  /** `xhtml:link rel="alternate"` elements: hreflang → href. */
  alternates: Record<string, string>;
}

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITY[e]!);
}

function attributes(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of raw.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]!] = decode(m[2] ?? m[3] ?? '');
  return out;
}

interface Element {
  name: string;
  attrs: Record<string, string>;
  /** Child elements in document order (the entries' children only; entries are streamed). */
  children: { name: string; attrs: Record<string, string>; text: string }[];
}

/**
 * Walks the document's tags once: calls `onEntry` with each child element of the root (a `url` or a
 * `sitemap`) and its own children. Assumes well-formedness, which the caller checked.
 */
function walk(xml: string, onRoot: (root: Element) => void, onEntry: (entry: Element) => void): void {
  const TAG = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  let depth = 0;
  let entry: Element | null = null;
  let child: { name: string; attrs: Record<string, string>; text: string } | null = null;
  let childStart = 0;
  for (const m of xml.matchAll(TAG)) {
    const [, closing, name, raw, selfClosing] = m as unknown as [string, string, string, string, string];
    if (closing) {
      depth -= 1;
      if (depth === 2 && child) {
        child.text = decode(xml.slice(childStart, m.index).trim());
        entry!.children.push(child);
        child = null;
      } else if (depth === 1 && entry) {
        onEntry(entry);
        entry = null;
      }
      continue;
    }
    const el = { name, attrs: attributes(raw) };
    if (depth === 0) onRoot({ ...el, children: [] });
    else if (depth === 1) entry = { ...el, children: [] };
    else if (depth === 2) {
      child = { ...el, text: '' };
      childStart = m.index + m[0].length;
      if (selfClosing) {
        entry!.children.push(child);
        child = null;
      }
    } else assert.fail(`<${name}> nested deeper than the sitemap schema allows`);
    if (!selfClosing) depth += 1;
  }
}

function checkLoc(loc: string, base: string): void {
  assert.ok(loc.length <= 2048, `loc longer than 2,048 characters: ${loc.slice(0, 80)}…`);
  assert.ok(loc.startsWith(`${base}/`) || loc === base, `loc on another site: ${loc}`);
  assert.doesNotThrow(() => new URL(loc), `loc is not an absolute URL: ${loc}`);
}

/** One file's checks common to the index and the parts; returns the root element. */
function checkFile(xml: string, url: string): void {
  assert.ok(Buffer.byteLength(xml) <= MAX_BYTES, `${url} exceeds 50 MB`);
  assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>/i, `${url} opens with the XML declaration`);
  const valid = XMLValidator.validate(xml);
  assert.equal(valid, true, `${url} is well-formed XML: ${JSON.stringify(valid)}`);
}

async function fetchXml(app: FastifyInstance, url: string): Promise<string> {
  const res = await app.inject({ url });
  assert.equal(res.statusCode, 200, `${url} answers 200`);
  assert.match(String(res.headers['content-type']), /^application\/xml; charset=utf-8$/, `${url} is XML`);
  assert.match(String(res.headers['cache-control']), /^public, max-age=\d+$/, `${url} may be cached`);
  return res.body;
}

/** The part addresses named by the sitemap index at `/sitemap.xml`, checked against siteindex.xsd. */
export async function readSitemapIndex(app: FastifyInstance, base: string): Promise<string[]> {
  const xml = await fetchXml(app, '/sitemap.xml');
  checkFile(xml, '/sitemap.xml');
  const locs: string[] = [];
  walk(
    xml,
    (root) => {
      assert.equal(root.name, 'sitemapindex', 'the root of the index is <sitemapindex>');
      assert.equal(root.attrs.xmlns, SITEMAP_NS);
    },
    (entry) => {
      assert.equal(entry.name, 'sitemap', 'the index holds only <sitemap> entries');
      const names = entry.children.map((c) => c.name);
      assert.ok(names[0] === 'loc' && names.filter((n) => n === 'loc').length === 1, 'one <loc>, first');
      assert.ok(names.slice(1).every((n) => n === 'lastmod') && names.length <= 2, 'only <lastmod> after <loc>');
      const loc = entry.children[0]!.text;
      checkLoc(loc, base);
      for (const c of entry.children.slice(1)) assert.match(c.text, W3C_DATETIME);
      locs.push(loc);
    },
  );
  assert.ok(locs.length >= 1 && locs.length <= MAX_ENTRIES);
  return locs;
}

/**
 * Every part of the sitemap, each checked against sitemap.xsd, calling `onUrl` for each address.
 * Returns the number of addresses in each part.
 */
export async function readSitemap(app: FastifyInstance, base: string, onUrl: (url: SitemapUrl) => void): Promise<number[]> {
  const sizes: number[] = [];
  for (const partUrl of await readSitemapIndex(app, base)) {
    const path = partUrl.slice(base.length);
    const xml = await fetchXml(app, path);
    checkFile(xml, path);
    let n = 0;
    walk(
      xml,
      (root) => {
        assert.equal(root.name, 'urlset', `the root of ${path} is <urlset>`);
        assert.equal(root.attrs.xmlns, SITEMAP_NS);
        assert.equal(root.attrs['xmlns:xhtml'], XHTML_NS);
      },
      (entry) => {
        assert.equal(entry.name, 'url', `${path} holds only <url> entries`);
        const own = entry.children.filter((c) => !c.name.includes(':')).map((c) => c.name);
        const order = ['loc', 'lastmod', 'changefreq', 'priority'];
        assert.equal(own[0], 'loc', 'each <url> opens with its <loc>');
        assert.deepEqual(
          own,
          order.filter((name) => own.includes(name)),
          `the schema's order, each once: ${own.join(', ')}`,
        );
        const firstForeign = entry.children.findIndex((c) => c.name.includes(':'));
        assert.ok(
          firstForeign === -1 || entry.children.slice(firstForeign).every((c) => c.name.includes(':')),
          'other namespaces only after the sitemap elements',
        );
        const text = (name: string) => entry.children.find((c) => c.name === name)?.text ?? null;
        const url: SitemapUrl = { loc: text('loc')!, lastmod: text('lastmod'), alternates: {} };
        checkLoc(url.loc, base);
        if (url.lastmod !== null) assert.match(url.lastmod, W3C_DATETIME);
        const freq = text('changefreq');
        if (freq !== null) assert.ok(CHANGEFREQ.has(freq));
        const priority = text('priority');
        if (priority !== null) assert.ok(Number(priority) >= 0 && Number(priority) <= 1);
        for (const c of entry.children.filter((x) => x.name === 'xhtml:link')) {
          assert.equal(c.attrs.rel, 'alternate');
          checkLoc(c.attrs.href!, base);
          url.alternates[c.attrs.hreflang!] = c.attrs.href!;
        }
        n += 1;
        onUrl(url);
      },
    );
    assert.ok(n <= MAX_ENTRIES, `${path}: ${n} addresses, at most 50,000`);
    sizes.push(n);
  }
  return sizes;
}
