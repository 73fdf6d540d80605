// Tables of the accounts module: people who log in and the roles they hold (some scoped to one
// team, entity, indicator or territory).
export interface UsersTable {
  id: string;
  email: string;
  /** Lower-cased e-mail, unique; logins compare against it. */
  email_norm: string;
  display_name: string;
  /** argon2id PHC string. */
  password_hash: string | null;
  is_active: boolean;
  created_at: string;
  updated_at: string;
}

export interface UserRolesTable {
  id: string;
  user_id: string;
  role: string;
  scope_type: string | null;
  scope_id: string | null;
  created_at: string;
}

declare module '../../core/db/schema.js' {
  interface Database {
    users: UsersTable;
    user_roles: UserRolesTable;
  }
}
