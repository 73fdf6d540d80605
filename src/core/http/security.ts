// The security baseline every route gets without asking: strict headers (CSP without inline
// script or style, a permissions policy, no-store for answers to logged-in people), database-backed sessions, CSRF tokens on every state-changing request, rate
// limits (rate-limits.ts; shared through Redis when configured) and body size limits.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifySession from '@fastify/session';
import helmet from 'helmet';
import type { Config } from '../../config.js';
import type { Db } from '../db/database.js';
import type { Clock } from '../db/time.js';
import { AppError } from '../errors/app-error.js';
import type { ReadinessCheck } from './health.js';
import { registerRateLimits } from './rate-limits.js';
import { DatabaseSessionStore, SESSION_TTL_MS } from './session-store.js';
import type { CurrentUser } from './types.js';

export const FORM_BODY_LIMIT = 256 * 1024;
/**
 * Browser features no page of ours uses, switched off for the page and anything it embeds, so an
 * injected script or a framed page cannot ask for them either.
 */
export const PERMISSIONS_POLICY =
  'accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=(), browsing-topics=()';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface SecurityOptions {
  config: Config;
  db: Db;
  clock: Clock;
  /**
   * Resolves the session's user (the accounts module owns the rules: idle and absolute timeouts,
   * deactivated users). Returning null logs the request out.
   */
  loadUser: (request: FastifyRequest) => Promise<CurrentUser | null>;
  /** Requests per minute per IP for the whole site (stricter limits are set per route). */
  rateLimitPerMinute: number;
  /** Key prefix of the shared rate-limit counters in Redis (default `spojnia:rl:`). */
  rateLimitNamespace?: string;
}

export interface Security {
  sessions: DatabaseSessionStore;
  /** What `/readyz` must check besides the database (the shared rate-limit store, when configured). */
  readiness: ReadinessCheck[];
}

export function sessionCookieName(config: Config): string {
  return config.secureCookies ? '__Host-spojnia' : 'spojnia';
}

export async function registerSecurity(app: FastifyInstance, opts: SecurityOptions): Promise<Security> {
  const { config } = opts;
  // helmet's middleware, built once (@fastify/helmet built it again on every request, parsing the
  // policy each time: 2–3 % of a page's CPU; ADR 14); the headers are set on the raw response, as
  // the plugin set them, so a route's own `reply.header` (a stricter referrer policy) still wins
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    hsts: config.secureCookies ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, () => done()));

  // Every answer: the permissions policy; an answer for a logged-in person (account, admin pages, own
  // data exports…) is never stored by the browser or a proxy unless its route chose a cache policy
  // (ETag downloads, for instance), since it may carry personal data and outlive the session.
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (request.user && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  await app.register(fastifyFormbody, { bodyLimit: FORM_BODY_LIMIT });
  await app.register(fastifyCookie);
  const store = new DatabaseSessionStore(opts.db, opts.clock);
  await app.register(fastifySession, {
    secret: config.sessionSecret,
    cookieName: sessionCookieName(config),
    saveUninitialized: false,
    rolling: true,
    store,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
      path: '/',
      maxAge: SESSION_TTL_MS,
    },
  });
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session' });

  const readiness = await registerRateLimits(app, {
    perMinute: opts.rateLimitPerMinute,
    redisUrl: config.redisUrl,
    ...(opts.rateLimitNamespace ? { namespace: opts.rateLimitNamespace } : {}),
  });

  app.decorateRequest('user', null);
  // access control (preValidation) needs the user, so load it as soon as the session is there
  app.addHook('onRequest', async (request) => {
    await attachUser(request, opts.loadUser);
  });

  // No legitimate input contains U+0000, and PostgreSQL refuses text with it (a 500 deep in a
  // query); refuse it here, once, before any rule or query sees it.
  app.addHook('preValidation', async (request) => {
    if (containsNul(request.params) || containsNul(request.query) || containsNul(request.body)) throw new AppError('http.bad_request');
  });

  // CSRF on every state-changing route unless it opts out for bearer-token APIs
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some((m) => STATE_CHANGING.has(m))) return;
    if ((route.config as { csrf?: boolean } | undefined)?.csrf === false) return;
    const existing = route.preValidation;
    const list = existing ? (Array.isArray(existing) ? existing : [existing]) : [];
    route.preValidation = [...list, app.csrfProtection];
  });
  return { sessions: store, readiness };
}

const USER_LOADED = Symbol('spojnia.userLoaded');

async function attachUser(request: FastifyRequest, loadUser: (request: FastifyRequest) => Promise<CurrentUser | null>): Promise<void> {
  const marked = request as FastifyRequest & { [USER_LOADED]?: boolean };
  if (marked[USER_LOADED]) return;
  marked[USER_LOADED] = true;
  if (!request.session?.userId) return;
  request.user = await loadUser(request);
}

/** True when a string anywhere in a parsed input (params, query, form or JSON body) holds U+0000. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 8 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1));
  for (const [k, v] of Object.entries(value)) if (k.includes('\u0000') || containsNul(v, depth + 1)) return true;
  return false;
}
