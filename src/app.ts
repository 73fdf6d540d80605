// Builds the application: the core plugins in a fixed order, then every module listed below.
// This list is the one place that says which domains the platform has.
import Fastify, { LogController, type FastifyInstance, type RouteOptions } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.js';
import { coreModule } from './core/core-module.js';
import { projectPath } from './core/paths.js';
import { registerAccessControl } from './core/auth/access.js';
import type { DatabaseHandle } from './core/db/database.js';
import { systemClock, type Clock } from './core/db/time.js';
import { registerFairTurns } from './core/http/turns.js';
import { registerDrain } from './core/http/drain.js';
import { registerErrorHandling, sendError, toAppError } from './core/http/errors.js';
import { registerHealth } from './core/http/health.js';
import { initLanguage, registerLanguage, stripLanguagePrefix } from './core/http/language.js';
import { lazySchemas } from './core/http/lazy-schemas.js';
import { registerPageCache } from './core/http/page-cache.js';
import { parsePrefs, PREFS_COOKIE, registerPreferences } from './core/http/preferences.js';
import { configureShell } from './core/http/render.js';
import { registerSecurity, sessionCookieName } from './core/http/security.js';
import type { DatabaseSessionStore } from './core/http/session-store.js';
import { collectDeclarations, type AppModule, type ModuleContext } from './core/module.js';
import { SettingsStore } from './core/settings.js';
import { ACCOUNT_LINKS, accountsModule, LOGIN_PATH, resolveSessionUser } from './modules/accounts/index.js';
import { auditModule } from './modules/audit/index.js';
import { mailModule } from './modules/mail/index.js';
import { PORTAL_SEARCH, portalFooterLinks, portalHeadMeta, portalModule } from './modules/portal/index.js';
import { opendataModule } from './modules/opendata/index.js';
import { offersModule } from './modules/offers/index.js';
import { supportModule } from './modules/support/index.js';
import { localgovModule } from './modules/localgov/index.js';
import { licencesModule } from './modules/licences/index.js';
import { eventsModule } from './modules/events/index.js';
import { verificationModule } from './modules/verification/index.js';
import { siteModule, footerData, headerLogo } from './modules/site/index.js';
import { territoryModule } from './modules/territory/index.js';
import { registryModule } from './modules/registry/index.js';
import { programmeModule } from './modules/programme/index.js';
import { indicatorsModule } from './modules/indicators/index.js';
import { consultationsModule } from './modules/consultations/index.js';
import { evaluationModule } from './modules/evaluation/index.js';
import { bodiesModule } from './modules/bodies/index.js';

/** Every module of the platform, in the order their routes register. */
export const MODULES: readonly AppModule[] = [
  coreModule,
  siteModule,
  accountsModule,
  auditModule,
  mailModule,
  territoryModule,
  registryModule,
  programmeModule,
  indicatorsModule,
  consultationsModule,
  evaluationModule,
  bodiesModule,
  portalModule,
  supportModule,
  localgovModule,
  opendataModule,
  offersModule,
  verificationModule,
  licencesModule,
  eventsModule,
];

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  clock?: Clock;
  /** Pino options or false; tests pass false or a stream to capture log lines. */
  logger?: boolean | object;
  rateLimitPerMinute?: number;
  /** Key prefix of the shared rate-limit counters in Redis (tests give each run its own). */
  rateLimitNamespace?: string;
  /** The modules of this app instance; MODULES unless a test assembles its own list. */
  modules?: readonly AppModule[];
  /** Called for every route as it registers, before any other hook (scripts/routes-table.ts lists them). */
  onRoute?: (route: RouteOptions) => void;
}

export interface App {
  app: FastifyInstance;
  ctx: ModuleContext;
  sessions: DatabaseSessionStore;
  /** Compiles the route schemas not used yet (they compile on first use otherwise; ADR 8). */
  warmSchemas(): Promise<void>;
}

const UNDECLARED_OK = (url: string) => url.startsWith('/assets/') || url.startsWith('/api/docs') || url === '/api/openapi.json';

function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

export async function buildApp(opts: AppOptions): Promise<App> {
  const { config, database } = opts;
  const modules = opts.modules ?? MODULES;
  const clock = opts.clock ?? systemClock;
  const schemas = lazySchemas();
  const app = Fastify({
    schemaController: schemas.schemaController as never,
    logger:
      opts.logger === undefined
        ? {
            level: config.logLevel,
            redact: {
              paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', '*.password', '*.token'],
              censor: '[redacted]',
            },
          }
        : opts.logger,
    // a hop count N trusts the N proxies nearest to us (Fastify's own rule for numbers, which its types omit)
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    bodyLimit: 1024 * 1024,
    rewriteUrl: stripLanguagePrefix,
    genReqId: () => crypto.randomUUID(),
    // Fastify's own request logging writes two lines per request; one is written below instead
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // malformed URLs (bad percent-encoding, too long params) get our translated page too; no hook
    // has run yet, so the request is given its language and an anonymous visitor here
    frameworkErrors: (err, request, reply) => {
      initLanguage(request);
      request.prefs = parsePrefs(undefined);
      request.user = null;
      void sendError(request, reply, toAppError(err), ctx.errors);
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);

  const settings = new SettingsStore(database.db, clock);
  const ctx: ModuleContext = {
    config,
    database,
    db: database.db,
    clock,
    settings,
    log: (msg) => app.log.info(msg),
    ...collectDeclarations(modules),
  };

  // before any other hook: one request starts per turn of the event loop (new connections are
  // accepted between any two requests, not after every busy connection's request)
  registerFairTurns(app);
  // One line per request at `info`, when the answer has gone (method, address, client, status,
  // time). The line of its arrival is at `debug`, for tracing a request that never got an answer:
  // at `info` that call is pino's no-op.
  app.addHook('onRequest', async (request) => {
    request.log.debug({ req: request }, 'incoming request');
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  });
  // at shutdown, responses close their keep-alive connections so the server drains and stops
  registerDrain(app);
  // first of all hooks: a cached page skips everything after it
  if (config.pageCacheMs > 0)
    registerPageCache(app, {
      ttlMs: config.pageCacheMs,
      maxEntries: 500,
      maxBytes: 32 * 1024 * 1024,
      sessionCookie: sessionCookieName(config),
      varyCookies: [PREFS_COOKIE],
    });
  registerAccessControl(app, UNDECLARED_OK);
  registerLanguage(app);
  registerErrorHandling(app, ctx.errors);
  const { sessions, readiness } = await registerSecurity(app, {
    config,
    db: database.db,
    clock,
    loadUser: (request) => resolveSessionUser(ctx, request),
    rateLimitPerMinute: opts.rateLimitPerMinute ?? config.rateLimitPerMinute,
    ...(opts.rateLimitNamespace ? { rateLimitNamespace: opts.rateLimitNamespace } : {}),
  });
  registerPreferences(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Spójnia API', version: '1', description: 'Public data of the regional social economy platform (ROPS Toruń).' },
      servers: [{ url: config.publicUrl }],
      // personal API tokens (/konto/tokeny) for the routes that accept them, e.g. reporting indicator values
      components: {
        securitySchemes: {
          bearerToken: { type: 'http', scheme: 'bearer', description: 'A personal API token created in the account (/konto/tokeny).' },
        },
      },
    },
    // a file download outside /api/ (an open dataset: /podmioty.csv) is documented when its schema names tags
    transform: ({ schema, url }) => ({
      schema:
        url.startsWith('/api/') ||
        url === '/healthz' ||
        url === '/readyz' ||
        Array.isArray((schema as { tags?: unknown } | undefined)?.tags)
          ? schema
          : { ...schema, hide: true },
      url,
    }),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: false, uiConfig: { deepLinking: false } });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(fastifyStatic, {
    root: projectPath('public'),
    prefix: '/assets/',
    maxAge: '1h',
    index: false,
  });

  registerHealth(app, database, readiness);

  configureShell(app, {
    nav: modules.flatMap((m) => m.nav ?? []).sort((a, b) => a.order - b.order),
    footer: async (request) => ({ ...(await footerData(ctx, request.lang)), links: portalFooterLinks(request.lang) }),
    logo: async (request) => headerLogo(ctx, request.lang),
    headMeta: async (request) => portalHeadMeta(ctx, request.lang),
    loginPath: LOGIN_PATH,
    account: ACCOUNT_LINKS,
    search: PORTAL_SEARCH,
    admin: modules.flatMap((m) => m.admin ?? []).sort((a, b) => a.order - b.order),
  });

  for (const mod of modules) {
    if (mod.routes) await app.register(async (scope) => mod.routes!(scope, ctx));
  }
  return { app, ctx, sessions, warmSchemas: () => schemas.warm() };
}
