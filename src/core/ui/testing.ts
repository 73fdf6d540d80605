// A page's context for rendering core components in tests: a language, its translator and
// formatters, links with the English prefix, and nobody logged in.
import { formatters, translator, type Lang } from '../../i18n/index.js';
import type { PageContext } from './context.js';

export function testPageContext(lang: Lang): PageContext {
  return {
    lang,
    t: translator(lang),
    fmt: formatters(lang),
    href: (p) => (lang === 'en' ? `/en${p}` : p),
    currentPath: '/',
    alternateHref: '/',
    nav: [],
    footer: { institutionName: 'ROPS', addressLines: [], hours: [] },
    logo: null,
    headMeta: [],
    prefs: { contrast: false, largeText: false },
    user: null,
    requestId: 'r1',
    csrfToken: null,
    adminNav: [],
    accountLinks: null,
    loginPath: null,
    search: null,
  };
}
