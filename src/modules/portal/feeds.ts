// Machine-readable faces of the site: the Atom 1.0 feed of news and robots.txt (the XML sitemap,
// built from every module's pages, is sitemap.ts). Absolute URLs come from PUBLIC_URL; text is XML-escaped.
import type { ModuleContext } from '../../core/module.js';
import { nowIso } from '../../core/db/time.js';
import { localize } from '../../core/http/language.js';
import { translator, type Lang } from '../../i18n/index.js';
import * as contentRepo from './content.repo.js';
import { renderMarkdown } from '../../core/text/markdown.js';

export const FEED_PATH = '/aktualnosci/feed.xml';
const FEED_ENTRIES = 30;

export function xmlEscape(s: string): string {
  // characters XML 1.0 forbids are dropped; markup characters escaped
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
  );
}

export async function atomFeed(ctx: ModuleContext, lang: Lang, institutionName: string): Promise<string> {
  const t = translator(lang);
  const base = ctx.config.publicUrl;
  const now = nowIso(ctx.clock);
  const items = await contentRepo.listPublishedNewsFull(ctx.db, now, FEED_ENTRIES);
  const updated = items.reduce((max, n) => (n.updated_at > max ? n.updated_at : max), items[0]?.updated_at ?? '1970-01-01T00:00:00.000Z');
  const self = `${base}${localize(FEED_PATH, lang)}`;
  const entries = items.map((n) => {
    const en = lang === 'en' && n.title_en !== null;
    const title = en ? n.title_en! : n.title_pl;
    const lead = en ? (n.lead_en ?? n.lead_pl) : n.lead_pl;
    const body = en ? (n.body_en ?? n.body_pl) : n.body_pl;
    const entryLang = lang === 'en' && !en ? ' xml:lang="pl"' : '';
    const link = `${base}${localize(`/aktualnosci/${n.slug}`, lang)}`;
    return [
      `  <entry${entryLang}>`,
      `    <id>urn:uuid:${n.id}</id>`,
      `    <title>${xmlEscape(title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(link)}"/>`,
      `    <published>${n.publish_at}</published>`,
      `    <updated>${n.updated_at}</updated>`,
      `    <category term="${xmlEscape(n.category)}" label="${xmlEscape(t(`news.categories.${n.category}`))}"/>`,
      `    <summary>${xmlEscape(lead)}</summary>`,
      `    <content type="html">${xmlEscape(renderMarkdown(body))}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">`,
    `  <id>${xmlEscape(self)}</id>`,
    `  <title>${xmlEscape(`${t('site.name')} — ${t('news.title')}`)}</title>`,
    `  <subtitle>${xmlEscape(t('site.tagline'))}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(`${base}${localize('/aktualnosci', lang)}`)}"/>`,
    `  <author><name>${xmlEscape(institutionName)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

export function robotsTxt(ctx: ModuleContext): string {
  const lines = ['User-agent: *'];
  for (const p of ['/admin', '/konto', '/setup', '/wyglad']) lines.push(`Disallow: ${p}`, `Disallow: /en${p}`);
  lines.push('', `Sitemap: ${ctx.config.publicUrl}/sitemap.xml`, '');
  return lines.join('\n');
}
