// Role checks without framework dependencies. The data layer uses assertRole as defence in
// depth: CRM reads and writes refuse a user without the role, whatever the page or action in front
// of them already checked.
import { ROLES, type Role } from '@/db/schema';

/** Who runs a mutation: the data layer's argument for authorship and role checks. */
export type Actor = { id: number; roles: readonly Role[] };

export class AccessDenied extends Error {
  constructor(role: Role) {
    super(`requires role ${role}`);
    this.name = 'AccessDenied';
  }
}

/** What a role includes besides itself: a CRM Admin is a CRM user too (SPEC section 1). */
const IMPLIED_ROLES: Partial<Record<Role, readonly Role[]>> = { crm_admin: ['crm'] };

/** The roles with every role they include, once each, in the order of ROLES. */
export function withImpliedRoles(roles: readonly Role[]): Role[] {
  const held = new Set(roles.flatMap((role) => [role, ...(IMPLIED_ROLES[role] ?? [])]));
  return ROLES.filter((role) => held.has(role));
}

/** Whether the user holds the role, itself or through a role that includes it. */
export function hasRole(user: { roles: readonly Role[] } | null | undefined, role: Role): boolean {
  return Boolean(user && withImpliedRoles(user.roles).includes(role));
}

export function assertRole(user: { roles: readonly Role[] }, role: Role): void {
  if (!hasRole(user, role)) throw new AccessDenied(role);
}
