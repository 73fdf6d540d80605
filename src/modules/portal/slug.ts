// Addresses made from Polish titles: "Zespół ds. ekonomii" → "zespol-ds-ekonomii". The folding of
// core/search drops the diacritics (ł included), so addresses are plain ASCII and stable.
import { fold } from '../../core/search/index.js';

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG = 80;

export function slugify(text: string): string {
  const s = fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, MAX_SLUG).replace(/-+$/, '');
}

/**
 * First path segments other modules (or the platform) answer themselves. Fastify prefers static
 * routes over the pages' wildcard, so a page there would never be reachable: such slugs are
 * refused for top-level pages.
 */
export const RESERVED_TOP_SLUGS = new Set([
  'admin',
  'api',
  'assets',
  'en',
  'konto',
  'setup',
  'wyglad',
  'healthz',
  'readyz',
  'aktualnosci',
  'dokumenty',
  'kontakt',
  'szukaj',
  'media',
  'deklaracja-dostepnosci',
  'sitemap-xml',
  'robots-txt',
  'terytorium',
  'podmioty',
  'katalog',
  'program',
  'konsultacje',
  'wydarzenia',
  'oferty',
  'zespoly',
]);
