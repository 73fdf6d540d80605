// The roles a user may hold. Staff roles must use two-factor authentication; scoped roles carry
// the id of the team, entity, indicator, territory or public buyer they apply to.
export const ROLES = [
  'administrator',
  'coordinator',
  'editor',
  'moderator',
  'team_member',
  'entity_representative',
  'reporting_partner',
  'buyer_representative',
  'support_centre',
] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES: readonly Role[] = ['administrator', 'coordinator', 'editor', 'moderator'];

/** Scoped roles and the kind of thing their scope ids name. */
export const SCOPED_ROLES = {
  team_member: 'team',
  entity_representative: 'entity',
  reporting_partner: 'indicator_or_territory',
  // a public buyer's institution of the offers module's purchase share (offers/purchases)
  buyer_representative: 'buyer',
  /** A support centre's (OWES) people: their centre's request counts (support module). */
  support_centre: 'support_centre',
} as const satisfies Partial<Record<Role, string>>;

/** A role that carries a scope. */
export type ScopedRole = keyof typeof SCOPED_ROLES;

export function isRole(v: string): v is Role {
  return (ROLES as readonly string[]).includes(v);
}
