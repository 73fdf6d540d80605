// "High contrast" and "larger text" are kept in a cookie, not in the database: they are display
// choices of one browser, set with a plain GET form so they work without JavaScript and without
// a session. Only local return paths are followed (no open redirect).
import { Type } from 'typebox';
import type { AppInstance, DisplayPrefs } from './types.js';

export const PREFS_COOKIE = 'spojnia_wyglad';
const ONE_YEAR_S = 365 * 24 * 3600;

export function parsePrefs(value: string | undefined): DisplayPrefs {
  const v = value ?? '';
  return { contrast: /(^|\.)c1(\.|$)/.test(v), largeText: /(^|\.)t1(\.|$)/.test(v) };
}

function serialise(p: DisplayPrefs): string {
  return `c${p.contrast ? 1 : 0}.t${p.largeText ? 1 : 0}`;
}

/**
 * A return path is followed only when it is a path on this site. It ends up in a Location header,
 * which cannot carry raw non-ASCII or control characters (Node refuses to send it: a 500), so
 * those are percent-encoded as their UTF-8 bytes.
 */
export function safeReturnPath(candidate: string | undefined): string {
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || /[\\\r\n\t]/.test(candidate)) return '/';
  return candidate.replace(/[^\x21-\x7e]+/gu, (run) =>
    [...Buffer.from(run, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

export function registerPreferences(app: AppInstance): void {
  app.decorateRequest('prefs', null as never);
  app.addHook('onRequest', async (request) => {
    request.prefs = parsePrefs(request.cookies?.[PREFS_COOKIE]);
  });
  app.get(
    '/wyglad',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        querystring: Type.Object({
          kontrast: Type.Optional(Type.Union([Type.Literal('0'), Type.Literal('1')])),
          tekst: Type.Optional(Type.Union([Type.Literal('0'), Type.Literal('1')])),
          wroc: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
      },
    },
    async (request, reply) => {
      const q = request.query;
      const next: DisplayPrefs = {
        contrast: q.kontrast === undefined ? request.prefs.contrast : q.kontrast === '1',
        largeText: q.tekst === undefined ? request.prefs.largeText : q.tekst === '1',
      };
      reply.setCookie(PREFS_COOKIE, serialise(next), { path: '/', maxAge: ONE_YEAR_S, sameSite: 'lax', httpOnly: true });
      const back = safeReturnPath(q.wroc);
      const target = request.lang === 'en' && !back.startsWith('/en') ? `/en${back === '/' ? '' : back}` : back;
      return reply.redirect(target, 303);
    },
  );
}
