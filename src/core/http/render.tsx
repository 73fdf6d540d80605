// Turns a view into a full HTML response: builds the page context from the request, wraps the
// view in the layout and sends escaped HTML with an explicit charset.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { NavEntry } from '../module.js';
import { PageCtx, type FooterData, type PageContext } from '../ui/context.js';
import { Layout, type LayoutProps } from '../ui/Layout.js';
import { localize } from './language.js';

export type FooterProvider = (request: FastifyRequest) => Promise<FooterData>;

export interface Shell {
  nav: readonly NavEntry[];
  footer: FooterProvider;
}

let shell: Shell = {
  nav: [],
  footer: async () => ({ institutionName: '', addressLines: [], hours: [] }),
};

/** Called once by `app.ts` with the navigation of present modules and the footer source. */
export function configureShell(next: Shell): void {
  shell = next;
}

export async function pageContext(request: FastifyRequest): Promise<PageContext> {
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
    prefs: request.prefs,
    user: request.user,
    requestId: request.id,
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
  const html = renderDocument(await pageContext(request), layout, body);
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}
