// i18next set up once for the whole process; each request gets a fixed `t` for its language
// (never `changeLanguage` on the shared instance). Dates, numbers and money go through Intl in
// Europe/Warsaw.
import i18next, { type TFunction } from 'i18next';
import { TIME_ZONE } from '../core/time/zone.js';
import { en } from './en.js';
import { pl } from './pl.js';
import type { TKeyOf } from './types.js';

export const LANGS = ['pl', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'pl';

export type TKey = TKeyOf<typeof pl>;
export type TParams = Record<string, string | number>;
export type T = (key: TKey, params?: TParams) => string;

const instance = i18next.createInstance();
void instance.init({
  lng: DEFAULT_LANG,
  fallbackLng: false,
  supportedLngs: [...LANGS],
  initAsync: false,
  interpolation: { escapeValue: false },
  keySeparator: '.',
  nsSeparator: false,
  returnNull: false,
  resources: { pl: { translation: pl }, en: { translation: en } },
});

const fixed = new Map<Lang, TFunction>(LANGS.map((l) => [l, instance.getFixedT(l)]));

// Strings without parameters never change at run time, so their lookup is done once per language:
// a page asks for dozens of them, and i18next's resolution showed up at the top of the profile.
const plainCache = new Map<Lang, Map<string, string>>(LANGS.map((l) => [l, new Map()]));
// Strings with parameters are the same for the same parameters too (a facet's "{{count}} podmiotów"
// comes with the same counts on view after view): kept per language when every value is a number or
// a short string, up to a bound after which the kept ones are dropped and the keeping starts again.
const PARAM_CACHE_ENTRIES = 20_000;
const PARAM_VALUE_CHARS = 80;
const paramCache = new Map<Lang, Map<string, string>>(LANGS.map((l) => [l, new Map()]));

/** The cache key of a call with parameters, or null when a value is too long to be worth keeping. */
function paramKey(key: string, params: TParams): string | null {
  let out = key;
  for (const name in params) {
    const value = params[name];
    if (typeof value === 'string' && value.length > PARAM_VALUE_CHARS) return null;
    out += `\u0001${name}\u0002${value}`;
  }
  return out;
}

const translators = new Map<Lang, T>(
  LANGS.map((lang) => {
    const tf = fixed.get(lang)!;
    const cache = plainCache.get(lang)!;
    const withParams = paramCache.get(lang)!;
    const t: T = (key, params) => {
      if (params) {
        const k = paramKey(key, params);
        if (k === null) return tf(key, params) as string;
        let hit = withParams.get(k);
        if (hit === undefined) {
          hit = tf(key, params) as string;
          if (withParams.size >= PARAM_CACHE_ENTRIES) withParams.clear();
          withParams.set(k, hit);
        }
        return hit;
      }
      let hit = cache.get(key);
      if (hit === undefined) {
        hit = tf(key) as string;
        cache.set(key, hit);
      }
      return hit;
    };
    return [lang, t];
  }),
);

export function translator(lang: Lang): T {
  return translators.get(lang)!;
}

/** The operators' language: the command line, job results and seed summaries in the log are English. */
export const OPERATOR_LANG: Lang = 'en';

/** A line for operators (a job's result, a seed's summary), counts through the plural keys. */
export function operatorText(key: TKey, params?: TParams): string {
  return translator(OPERATOR_LANG)(key, params);
}

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

/** Locale-aware formatters; everything shown to a person goes through one of these. */
export function formatters(lang: Lang): Formatters {
  return FORMATTERS.get(lang)!;
}

// Intl objects are costly to build and immutable, so each language gets one set for the process.
function buildFormatters(lang: Lang) {
  const locale = lang === 'pl' ? 'pl-PL' : 'en-GB';
  const date = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'long' });
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' });
  const timestamp = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'medium' });
  const number = new Intl.NumberFormat(locale);
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'PLN' });
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  return {
    locale,
    date: (d: Date | string) => date.format(typeof d === 'string' ? new Date(d) : d),
    dateTime: (d: Date | string) => dateTime.format(typeof d === 'string' ? new Date(d) : d),
    /** Short date and time to the second, for logs (the audit log, the mail outbox). */
    timestamp: (d: Date | string) => timestamp.format(typeof d === 'string' ? new Date(d) : d),
    number: (n: number) => number.format(n),
    money: (n: number) => money.format(n),
    /** "a, b i c" / "a, b and c". */
    list: (items: readonly string[]) => list.format(items),
  };
}
export type Formatters = ReturnType<typeof buildFormatters>;
const FORMATTERS = new Map<Lang, Formatters>(LANGS.map((l) => [l, buildFormatters(l)]));
