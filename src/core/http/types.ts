// Request-level facts every handler and view may rely on, declared once for Fastify's types, and the
// typed app instance modules register routes on (its schemas give handlers typed params, query and body).
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Formatters, Lang, T } from '../../i18n/index.js';
import type { AccessRule } from '../auth/access.js';

/**
 * The Fastify instance every module's `routes` receives: a route's typebox schemas type its handler's
 * `request.params`, `request.query` and `request.body`, so handlers never cast them.
 */
export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface DisplayPrefs {
  contrast: boolean;
  largeText: boolean;
}

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  roles: readonly { role: string; scopeType: string | null; scopeId: string | null }[];
  /**
   * A step the user must complete before using anything but public pages and routes marked
   * `allowPending` (e.g. staff setting up two-factor authentication): the path to send them to.
   */
  pendingStep: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    t: T;
    fmt: Formatters;
    /** Path without the `/en` prefix (and without the query). */
    plainPath: string;
    prefs: DisplayPrefs;
    user: CurrentUser | null;
  }
  interface FastifyContextConfig {
    /** Who may call the route; every route must declare it (checked at registration). */
    access?: AccessRule;
    /** Set to false for routes that authenticate by bearer token instead of a session form. */
    csrf?: boolean;
    /** Reachable while the user still has a pending step (the step's own pages, logout). */
    allowPending?: boolean;
    /** Anonymous visitors may get a copy a few seconds old (src/core/http/page-cache.ts). */
    pageCache?: boolean;
  }
  interface Session {
    /** The signed-in user: the session store keeps it in its own column (sessions of a user). */
    userId?: string;
    // the login flow's own fields are declared by the module that runs it (accounts)
  }
}
