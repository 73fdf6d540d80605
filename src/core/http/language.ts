// English lives under the `/en` prefix with the same paths as Polish. The prefix is removed before
// routing (so every route is registered once) and remembered on the request.
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DEFAULT_LANG, formatters, translator, type Lang } from '../../i18n/index.js';

const LANG_MARK = Symbol('spojnia.lang');
type Marked = IncomingMessage & { [LANG_MARK]?: Lang };

/** For Fastify's `rewriteUrl`: `/en/x?y` → `/x?y`, remembering `en`. */
export function stripLanguagePrefix(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const m = /^\/en(?=$|[/?#])/.exec(url);
  if (!m) return url;
  (req as Marked)[LANG_MARK] = 'en';
  const rest = url.slice(3);
  return rest === '' || rest.startsWith('?') ? `/${rest}` : rest;
}

/** A path in the given language: `localize('/podmioty', 'en')` → `/en/podmioty`. */
export function localize(path: string, lang: Lang): string {
  if (lang === DEFAULT_LANG) return path;
  return path === '/' ? '/en' : path.startsWith('/?') ? `/en${path.slice(1)}` : `/en${path}`;
}

export function registerLanguage(app: FastifyInstance): void {
  app.decorateRequest('lang', DEFAULT_LANG);
  app.decorateRequest('t', null as never);
  app.decorateRequest('fmt', null as never);
  app.decorateRequest('plainPath', '/');
  app.addHook('onRequest', async (request) => initLanguage(request));
}

/** Sets language, translator and formatters on a request (also used for framework errors). */
export function initLanguage(request: FastifyRequest): void {
  const lang = (request.raw as Marked)[LANG_MARK] ?? DEFAULT_LANG;
  request.lang = lang;
  request.t = translator(lang);
  request.fmt = formatters(lang);
  request.plainPath = (request.url ?? '/').split('?')[0] ?? '/';
}
