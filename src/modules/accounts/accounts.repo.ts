// Queries of the accounts module.
import type { Kysely, Transaction } from 'kysely';
import { countAll, type Db } from '../../core/db/database.js';
import type { Database } from '../../core/db/schema.js';
import { newId } from '../../core/db/ids.js';

type Q = Db | Transaction<Database> | Kysely<Database>;

export async function countUsers(db: Q): Promise<number> {
  const row = await db.selectFrom('users').select(countAll().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

export async function findUserByEmail(db: Q, emailNorm: string) {
  return db.selectFrom('users').selectAll().where('email_norm', '=', emailNorm).executeTakeFirst();
}

export async function findActiveUserWithRoles(db: Q, id: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name'])
    .where('id', '=', id)
    .where('is_active', '=', true)
    .executeTakeFirst();
  if (!user) return null;
  const roles = await db.selectFrom('user_roles').select(['role', 'scope_type', 'scope_id']).where('user_id', '=', id).execute();
  return { ...user, roles };
}

export interface NewUser {
  email: string;
  emailNorm: string;
  displayName: string;
  passwordHash: string | null;
  roles: { role: string; scopeType?: string | null; scopeId?: string | null }[];
  now: string;
}

export async function insertUser(db: Q, u: NewUser): Promise<string> {
  const id = newId();
  await db
    .insertInto('users')
    .values({
      id,
      email: u.email,
      email_norm: u.emailNorm,
      display_name: u.displayName,
      password_hash: u.passwordHash,
      is_active: true,
      created_at: u.now,
      updated_at: u.now,
    })
    .execute();
  for (const r of u.roles) {
    await db
      .insertInto('user_roles')
      .values({ id: newId(), user_id: id, role: r.role, scope_type: r.scopeType ?? null, scope_id: r.scopeId ?? null, created_at: u.now })
      .execute();
  }
  return id;
}
