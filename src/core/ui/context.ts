// What every view part may know about the request it renders for, passed through Preact context
// so components do not thread language and links through every prop.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Formatters, Lang, T } from '../../i18n/index.js';
import type { AdminEntry, NavEntry } from '../module.js';
import type { CurrentUser, DisplayPrefs } from '../http/types.js';

export interface FooterData {
  institutionName: string;
  addressLines: string[];
  phone?: string;
  email?: string;
  hours: { label: string; value: string }[];
  /** Extra line such as "Otwarte teraz" (provided by the module that knows the calendar). */
  status?: string;
  /** Links every page must carry (e.g. the accessibility statement); paths get the language prefix. */
  links?: { label: string; path: string }[];
}

/**
 * The image the header shows before the site's name (an institution's logo), linked to the home
 * page; `width` and `height` are the size it is shown at, so the page does not move when it loads.
 */
export interface HeaderLogo {
  src: string;
  alt: string;
  /** `lang` of the alternative text when it differs from the page's (null: the page's). */
  altLang: string | null;
  width: number;
  height: number;
}

/** A `<meta name content>` pair every page carries (e.g. the statutory accessibility-statement link). */
export interface HeadMeta {
  name: string;
  content: string;
}

export interface PageContext {
  lang: Lang;
  t: T;
  fmt: Formatters;
  /** Path in the current language (adds `/en` when needed). */
  href: (path: string) => string;
  /** The current path without the language prefix, with its query string. */
  currentPath: string;
  /** The same page in the other language. */
  alternateHref: string;
  nav: readonly NavEntry[];
  footer: FooterData;
  /** The logo in the header (null: the site's name alone, as a wordmark). */
  logo: HeaderLogo | null;
  headMeta: readonly HeadMeta[];
  prefs: DisplayPrefs;
  user: CurrentUser | null;
  requestId: string;
  csrfToken: string | null;
  /** Administration entries the current user may open. */
  adminNav: readonly AdminEntry[];
  accountLinks: { account: string; logout: string; admin: string } | null;
  loginPath: string | null;
  /** The site search every page's header offers (absent until a module provides search). */
  search: { path: string; param: string } | null;
}

export const PageCtx = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const ctx = useContext(PageCtx);
  if (!ctx) throw new Error('usePage() outside of a page render');
  return ctx;
}
