// Values computed from some tables and kept per database until this instance writes one of those
// tables (the write observer sees every statement, whoever issues it) or for a short time, which
// bounds how long another instance's writes stay unseen — unless the database can say cheaply that
// no other connection has committed since (SQLite), in which case the value stays past that time. Pages that show the same derived figures to
// everyone (facet counts, the support centre of a gmina, which entities have offers) read them
// from here instead of running the same queries on every view.
import type { DatabaseHandle, Db } from './database.js';

export interface WriteCacheOptions<T = unknown> {
  /** How long a value may be served without a local write (default 30 s). */
  ttlMs?: number;
  /** At most this many values per table set; the least recently used go first (default 500). */
  maxEntries?: number;
  /** A counter of writes the observer cannot see (raw bulk SQL); a change empties the cache. */
  extraVersion?: () => number;
  /**
   * Values of one kind kept apart from the others of the same tables, with their own bound: a few
   * large values (a facet cube per search text) must not push out many small ones, nor grow without
   * limit as `maxEntries` small ones would.
   */
  group?: string;
  /**
   * When a value's time is up but this instance wrote nothing it depends on, keep serving it while
   * a fresh one is computed in the background (at most one at a time), instead of making a request
   * wait: for values that take long to compute (a whole-registry index), whose staleness is
   * already bounded by the time limit. A local write still makes the next request wait.
   */
  staleWhileRefresh?: boolean;
  /**
   * Values that time changes as well as writes (the events not yet ended, the news already
   * published): the instant, on this clock, from which a computed value is no longer good (null:
   * only a write ends it). The next request after it computes the value anew.
   */
  expires?: { clock: { now(): Date }; at: (value: T) => Date | null };
}

interface Cache {
  version: number;
  entries: Map<string, Entry>;
}

interface Entry {
  at: number;
  version: number;
  others: number | null;
  value: Promise<unknown>;
  /** The value has resolved (a rejected one is dropped). */
  settled?: boolean;
  /** A background refresh is under way. */
  refreshing?: boolean;
  /** Epoch ms from which the value is no longer good (`expires`). */
  expiresAt?: number;
}

const caches = new WeakMap<Db, Map<string, Cache>>();

// a page asks this cache a dozen times, mostly with the same constant lists of tables: their sorted
// name is kept per list instead of being sorted and joined on every call
const setNames = new WeakMap<readonly string[], string>();
function tableSetName(tables: readonly string[]): string {
  if (tables.length === 1) return tables[0]!;
  let name = setNames.get(tables);
  if (name === undefined) {
    name = [...tables].sort().join(',');
    setNames.set(tables, name);
  }
  return name;
}

export function cachedUntilWrite<T>(
  ctx: { db: Db; database: Pick<DatabaseHandle, 'onWrite'> & Partial<Pick<DatabaseHandle, 'seam'>> },
  tables: readonly string[],
  key: string,
  compute: () => Promise<T>,
  opts: WriteCacheOptions<T> = {},
): Promise<T> {
  const ttl = opts.ttlMs ?? 30_000;
  const max = opts.maxEntries ?? 500;
  let perDb = caches.get(ctx.db);
  if (!perDb) caches.set(ctx.db, (perDb = new Map()));
  const setKey = `${opts.group ?? ''}|${tableSetName(tables)}`;
  let cache = perDb.get(setKey);
  if (!cache) {
    const fresh: Cache = { version: 0, entries: new Map() };
    ctx.database.onWrite(tables, () => {
      fresh.version += 1;
    });
    perDb.set(setKey, fresh);
    cache = fresh;
  }
  const entries = cache.entries;
  const version = cache.version + (opts.extraVersion?.() ?? 0);
  const hit = entries.get(key);
  const now = Date.now();
  const others = () => ctx.database.seam?.otherWritersVersion() ?? null;
  const expired = (entry: Entry) => entry.expiresAt !== undefined && opts.expires!.clock.now().getTime() >= entry.expiresAt;
  if (hit && hit.version === version && !expired(hit)) {
    let fresh = now - hit.at < ttl;
    // past its time, a value is still good when the database says nobody else has committed since
    // (SQLite's data_version): a whole-registry count is then not recomputed every 30 s on a request
    if (!fresh && hit.others !== null && hit.others === others()) {
      hit.at = now;
      fresh = true;
    }
    if (fresh) {
      // refresh the entry's place in the insertion order (least recently used goes first)
      entries.delete(key);
      entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    if (opts.staleWhileRefresh && hit.settled) {
      if (!hit.refreshing) {
        hit.refreshing = true;
        const seen = others();
        compute().then(
          (v) => {
            // kept only if nothing was written here meanwhile (the entry would be stale already)
            if (entries.get(key) === hit && cache.version + (opts.extraVersion?.() ?? 0) === version)
              entries.set(key, { at: Date.now(), version, others: seen, value: Promise.resolve(v), settled: true });
            else hit.refreshing = false;
          },
          () => {
            hit.refreshing = false;
          },
        );
      }
      return hit.value as Promise<T>;
    }
  }
  const seen = others();
  const value = compute();
  const entry: Entry = { at: now, version, others: seen, value };
  value.then(
    (v) => {
      entry.settled = true;
      const until = opts.expires?.at(v);
      if (until) entry.expiresAt = until.getTime();
    },
    () => {
      if (entries.get(key) === entry) entries.delete(key);
    },
  );
  entries.delete(key);
  entries.set(key, entry);
  while (entries.size > max) entries.delete(entries.keys().next().value!);
  return value;
}
