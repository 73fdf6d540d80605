// Typed access to the key/value settings table. Values are JSON; reads go through a short-lived
// cache because the layout needs some settings on every page, and several instances may write.
import type { Db } from './db/database.js';
import { nowIso, type Clock } from './db/time.js';

const TTL_MS = 10_000;

export class SettingsStore {
  readonly #cache = new Map<string, { value: unknown; at: number }>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async get<T>(key: string, fallback: T): Promise<T> {
    const hit = this.#cache.get(key);
    const now = Date.now();
    if (hit && now - hit.at < TTL_MS) return hit.value as T;
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    const value = row ? (JSON.parse(row.value) as T) : fallback;
    this.#cache.set(key, { value, at: now });
    return value;
  }

  async set(key: string, value: unknown): Promise<void> {
    const json = JSON.stringify(value);
    const at = nowIso(this.clock);
    await this.db
      .insertInto('settings')
      .values({ key, value: json, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: at }))
      .execute();
    this.#cache.delete(key);
  }

  /** Writes the value only when the key is absent (seeding must not overwrite editors' changes). */
  async setDefault(key: string, value: unknown): Promise<boolean> {
    const res = await this.db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), updated_at: nowIso(this.clock) })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    this.#cache.delete(key);
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /**
   * Writes the value unless the key was written at or after `since`, in one statement (instances
   * doing this together agree: the first write wins); returns the value stored now, this one or the
   * newer one found.
   */
  async setUnlessWrittenSince<T>(key: string, value: T, since: Date): Promise<T> {
    const json = JSON.stringify(value);
    const at = nowIso(this.clock);
    await this.db
      .insertInto('settings')
      .values({ key, value: json, updated_at: at })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ value: json, updated_at: at }).where('settings.updated_at', '<', since.toISOString()),
      )
      .execute();
    this.#cache.delete(key);
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
    return JSON.parse(row.value) as T;
  }

  async delete(key: string): Promise<void> {
    await this.db.deleteFrom('settings').where('key', '=', key).execute();
    this.#cache.delete(key);
  }
}
