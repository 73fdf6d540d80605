// A short-lived copy of the busiest public pages for anonymous visitors. The home page is what
// most people open, and rendering it (office hours, latest news, the page shell) for every
// visitor costs far more than sending it: a copy at most a few seconds old is served instead,
// before the session, language and rendering hooks run. Routes opt in with
// `config: { pageCache: true }`. Anything with a session cookie, a query string that changes the
// content, a non-200 answer or a Set-Cookie header is never stored; any successful change (a
// POST, PUT, PATCH or DELETE that did not fail) empties the cache of this process, and other
// processes catch up within the time to live.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ByteBoundedCache } from '../cache/byte-bounded.js';

export interface PageCacheOptions {
  /** How long a copy may be served. */
  ttlMs: number;
  maxEntries: number;
  /** Bound on the bytes kept (map pages weigh ~240 KB each); the oldest copies go first. */
  maxBytes?: number;
  /** Requests carrying this cookie (a session) always get a fresh page. */
  sessionCookie: string;
  /** Cookies that change the rendering (display preferences); part of the key. */
  varyCookies: readonly string[];
  now?: () => number;
}

interface Entry {
  expires: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

const MISS = Symbol('spojnia.pageCacheKey');
const DROPPED_HEADERS = new Set([
  'set-cookie',
  'date',
  'content-length',
  'x-cache',
  'x-request-id',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export function registerPageCache(app: FastifyInstance, opts: PageCacheOptions): { clear(): void; size(): number; bytes(): number } {
  const now = opts.now ?? Date.now;
  const maxBytes = opts.maxBytes ?? 32 * 1024 * 1024;
  const entries = new ByteBoundedCache<string, Entry>(maxBytes, opts.maxEntries);
  const clear = () => entries.clear();

  const keyOf = (request: FastifyRequest): string | null => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return null;
    if ((request.routeOptions.config as { pageCache?: boolean } | undefined)?.pageCache !== true) return null;
    const cookies = request.headers.cookie ?? '';
    if (cookies && cookieValue(cookies, opts.sessionCookie) !== null) return null;
    const vary = opts.varyCookies.map((c) => (cookies ? (cookieValue(cookies, c) ?? '') : '')).join('|');
    return `${request.originalUrl}\u0000${vary}`;
  };

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const key = keyOf(request);
    if (key === null) return;
    const hit = entries.get(key);
    if (hit && hit.expires > now()) {
      return reply.headers(hit.headers).header('x-cache', 'HIT').send(hit.body);
    }
    if (hit) entries.delete(key);
    (request as FastifyRequest & { [MISS]?: string })[MISS] = key;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = (request as FastifyRequest & { [MISS]?: string })[MISS];
    if (key === undefined || reply.statusCode !== 200 || reply.hasHeader('set-cookie')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined && !DROPPED_HEADERS.has(name.toLowerCase()))
        headers[name] = typeof value === 'number' ? String(value) : value;
    }
    // kept as bytes: a hit then sends the same buffer instead of encoding the text again
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
    if (body.length > maxBytes) return payload;
    entries.set(key, { expires: now() + opts.ttlMs, headers, body }, body.length);
    reply.header('x-cache', 'MISS');
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS' && reply.statusCode < 400) clear();
  });

  return { clear, size: () => entries.size, bytes: () => entries.bytes };
}
