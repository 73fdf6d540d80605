// Sessions live in the database so that any number of app instances share them and logout can
// end a session on the server. Implements the store interface of @fastify/session.
import type { Session } from 'fastify';
import type { Db } from '../db/database.js';
import { nowIso, type Clock } from '../db/time.js';

type Callback = (err?: unknown) => void;
type GetCallback = (err: unknown, session?: Session | null) => void;

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export class DatabaseSessionStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  set(sid: string, session: Session, callback: Callback): void {
    const now = this.clock.now();
    // dated on the store's clock, not on the cookie's `expires` (which the session plugin takes from
    // the system time): the same in production, and a test's moved clock keeps its sessions alive
    const expires = new Date(now.getTime() + (session.cookie?.originalMaxAge ?? SESSION_TTL_MS));
    const data = JSON.stringify(session);
    const userId = (session as { userId?: string }).userId ?? null;
    this.db
      .insertInto('sessions')
      .values({ id: sid, data, user_id: userId, expires_at: expires.toISOString(), updated_at: now.toISOString() })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ data, user_id: userId, expires_at: expires.toISOString(), updated_at: now.toISOString() }),
      )
      .execute()
      .then(() => callback(), callback);
  }

  get(sid: string, callback: GetCallback): void {
    this.db
      .selectFrom('sessions')
      .select(['data', 'expires_at'])
      .where('id', '=', sid)
      .executeTakeFirst()
      .then((row) => {
        if (!row || row.expires_at <= nowIso(this.clock)) return callback(null, null);
        callback(null, JSON.parse(row.data) as Session);
      }, callback);
  }

  destroy(sid: string, callback: Callback): void {
    this.db
      .deleteFrom('sessions')
      .where('id', '=', sid)
      .execute()
      .then(() => callback(), callback);
  }

  /** Removes expired sessions; called periodically by the server. */
  async purgeExpired(): Promise<number> {
    const res = await this.db.deleteFrom('sessions').where('expires_at', '<=', nowIso(this.clock)).executeTakeFirst();
    return Number(res.numDeletedRows);
  }
}
