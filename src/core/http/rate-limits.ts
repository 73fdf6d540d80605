// Rate limits: one site-wide limit per client IP, and stricter ones that routes declare in
// `config.rateLimit`. The counters live in the process's memory, or in Redis when REDIS_URL is set,
// so that every instance behind a load balancer counts the same requests (ADR 10).
// A Redis outage must not take the site down, nor open the credential forms to unlimited guessing:
// the site-wide limit and ordinary routes then let requests through (fail open, with a warning in
// the log), while routes declared with `failClosed()` answer 503 until Redis is back.
import type { FastifyInstance, onRequestHookHandler, RouteOptions } from 'fastify';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import { AppError } from '../errors/app-error.js';
import type { ReadinessCheck } from './health.js';

/** Prefix of every key in Redis, so that other applications sharing the server do not collide. */
export const RATE_LIMIT_NAMESPACE = 'spojnia:rl:';

export interface RateLimitSetup {
  /** Requests per minute per client IP for the whole site. */
  perMinute: number;
  /** redis:// or rediss:// address of the shared store; empty keeps the counters in memory. */
  redisUrl: string;
  /** Key prefix in Redis (tests give each run its own). */
  namespace?: string;
}

interface RouteLimit {
  max: number;
  timeWindow: string;
}

/**
 * A route limit that must hold even when the shared store cannot be reached: the request is refused
 * (503) instead of being let through uncounted. For forms that guess or spend secrets (login,
 * second factor, password reset, set-up and invitation tokens), not for ordinary public forms.
 */
export function failClosed(limit: RouteLimit): RouteLimit & { skipOnError: false } {
  return { ...limit, skipOnError: false };
}

function isFailClosed(route: RouteOptions): boolean {
  const limit = (route.config as { rateLimit?: { skipOnError?: boolean } | false } | undefined)?.rateLimit;
  return typeof limit === 'object' && limit.skipOnError === false;
}

/** Registers the limits; returns what `/readyz` must check besides the database. */
export async function registerRateLimits(app: FastifyInstance, setup: RateLimitSetup): Promise<ReadinessCheck[]> {
  const redis = setup.redisUrl === '' ? null : await sharedStoreClient(app, setup.redisUrl);
  await app.register(fastifyRateLimit, {
    global: true,
    max: setup.perMinute,
    timeWindow: '1 minute',
    // a store error lets the request through, except on routes declared with failClosed()
    skipOnError: true,
    ...(redis ? { redis, nameSpace: setup.namespace ?? RATE_LIMIT_NAMESPACE } : {}),
    errorResponseBuilder: () => new AppError('http.rate_limited'),
  });
  if (!redis) return [];

  // Without a connection every command fails at once (no offline queue), so a fail-closed route
  // would answer 500 from the plugin; saying 503 before the plugin runs tells the visitor it is
  // temporary. A command that fails on a live connection (a time-out) still refuses, as a 500.
  const requireStore: onRequestHookHandler = async () => {
    if (redis.status !== 'ready') throw new AppError('http.unavailable');
  };
  app.addHook('onRoute', (route) => {
    if (!isFailClosed(route)) return;
    const existing = route.onRequest;
    const list = existing ? (Array.isArray(existing) ? existing : [existing]) : [];
    route.onRequest = [requireStore, ...list];
  });
  return [{ name: 'redis', check: async () => void (await redis.ping()) }];
}

/**
 * The one Redis connection of this app. Connected when the app becomes ready (a Redis that is down
 * then does not stop the start; ioredis keeps reconnecting in the background) and closed with it.
 */
async function sharedStoreClient(app: FastifyInstance, url: string): Promise<Redis> {
  // the client library is loaded only when a shared store is configured (start-up time, ADR 8)
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, {
    lazyConnect: true,
    // while disconnected a command fails at once rather than holding the request in a queue
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1000,
    // a Redis that accepts connections but does not answer adds at most this much to a request
    commandTimeout: 500,
  });
  // One warning per outage, not one per request or per reconnection attempt. A connection that
  // closes cleanly (Redis stopped, network cut) reports no error until a reconnection fails, so a
  // scheduled reconnection counts as the start of the outage too; closing the app schedules none.
  let down = false;
  const lost = (err?: Error) => {
    if (down) return;
    down = true;
    app.log.warn(
      err ? { err } : {},
      'Redis unreachable: rate limits are not enforced; the site-wide limit lets requests through, login and password forms answer 503',
    );
  };
  redis.on('error', (err: Error) => lost(err));
  redis.on('reconnecting', () => lost());
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    app.log.info('Redis reachable again: rate limits are shared');
  });
  app.addHook('onReady', async () => {
    // a failure was reported by the error event above; the client retries by itself
    await redis.connect().catch(() => undefined);
  });
  app.addHook('onClose', async () => {
    if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
    else redis.disconnect();
  });
  return redis;
}
