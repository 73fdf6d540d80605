// Turns a view into a full HTML response: builds the page context from the request, wraps the
// view in the layout and sends escaped HTML with an explicit charset.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { AdminEntry, NavEntry } from '../module.js';
import { PageCtx, type FooterData, type HeaderLogo, type HeadMeta, type PageContext } from '../ui/context.js';
import { Layout, type LayoutProps } from '../ui/Layout.js';
import { localize } from './language.js';

export type FooterProvider = (request: FastifyRequest) => Promise<FooterData>;
export type HeadMetaProvider = (request: FastifyRequest) => Promise<HeadMeta[]>;
export type LogoProvider = (request: FastifyRequest) => Promise<HeaderLogo | null>;

export interface Shell {
  nav: readonly NavEntry[];
  footer: FooterProvider;
  /** The header's logo (absent: none, the site's name alone). */
  logo?: LogoProvider;
  /** `<meta>` elements for every page's head (absent: none). */
  headMeta?: HeadMetaProvider;
  /** Where anonymous visitors of protected pages are sent (null: answer 401). */
  loginPath: string | null;
  /** Account links shown in the header (absent until an accounts module provides them). */
  account: { account: string; logout: string; admin: string } | null;
  admin: readonly AdminEntry[];
  /** The site search offered in every page's header (absent: no header search). */
  search?: { path: string; param: string } | null;
}

const EMPTY_SHELL: Shell = {
  nav: [],
  footer: async () => ({ institutionName: '', addressLines: [], hours: [] }),
  loginPath: null,
  account: null,
  admin: [],
};

const SHELL = Symbol.for('spojnia.shell');
type WithShell = { [SHELL]?: Shell };

/**
 * Called once by `app.ts` (before modules register) with the navigation of present modules and
 * the footer source. Kept on the app instance, so two apps in one process (tests) never mix.
 */
export function configureShell(app: FastifyInstance, next: Shell): void {
  app.decorate(SHELL as unknown as string, next);
}

export function shellOf(request: FastifyRequest): Shell {
  return (request.server as unknown as WithShell)[SHELL] ?? EMPTY_SHELL;
}

export function shellLoginPath(request: FastifyRequest): string | null {
  return shellOf(request).loginPath;
}

export async function pageContext(request: FastifyRequest, reply?: FastifyReply): Promise<PageContext> {
  const shell = shellOf(request);
  const user = request.user;
  const adminNav = user ? shell.admin.filter((e) => user.roles.some((r) => e.roles.includes(r.role))) : [];
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
  const currentPath = `${request.plainPath}${query}`;
  return {
    lang: request.lang,
    t: request.t,
    fmt: request.fmt,
    href: (p) => localize(p, request.lang),
    currentPath,
    alternateHref: localize(currentPath, request.lang === 'pl' ? 'en' : 'pl'),
    nav: shell.nav,
    footer: await shell.footer(request),
    logo: shell.logo ? await shell.logo(request) : null,
    headMeta: shell.headMeta ? await shell.headMeta(request) : [],
    prefs: request.prefs,
    user,
    requestId: request.id,
    // the header's logout form needs a token; only logged-in users (who have a session) see it
    csrfToken: user && reply ? reply.generateCsrf() : null,
    adminNav,
    accountLinks: shell.account,
    loginPath: shell.loginPath,
    search: shell.search ?? null,
  };
}

export function renderDocument(ctx: PageContext, layout: Omit<LayoutProps, 'children'>, body: VNode): string {
  return `<!doctype html>${renderToString(
    <PageCtx.Provider value={ctx}>
      <Layout {...layout}>{body}</Layout>
    </PageCtx.Provider>,
  )}`;
}

export async function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  layout: Omit<LayoutProps, 'children'>,
  body: VNode,
  status = 200,
): Promise<FastifyReply> {
  const html = renderDocument(await pageContext(request, reply), layout, body);
  // encoded once here: given the string, Fastify would measure its UTF-8 length and the socket
  // encode it again, two passes over 20–200 KB of mostly Polish text (a third of a map page's CPU)
  return reply.code(status).type('text/html; charset=utf-8').send(Buffer.from(html, 'utf8'));
}
