// Role checks without framework dependencies. The data layer uses assertRole as defence in
// depth: CRM reads and writes refuse a user without the role, whatever the page or action in front
// of them already checked.
import type { Role } from '@/db/schema';

export class AccessDenied extends Error {
  constructor(role: Role) {
    super(`requires role ${role}`);
    this.name = 'AccessDenied';
  }
}

export function hasRole(user: { roles: readonly Role[] } | null | undefined, role: Role): boolean {
  return Boolean(user?.roles.includes(role));
}

export function assertRole(user: { roles: readonly Role[] }, role: Role): void {
  if (!user.roles.includes(role)) throw new AccessDenied(role);
}
