// Defence in depth for the data layer: CRM reads and writes refuse a user without the role,
// whatever the page or action in front of them already checked.
import type { Role } from '@/db/schema';

export class AccessDenied extends Error {
  constructor(role: Role) {
    super(`requires role ${role}`);
    this.name = 'AccessDenied';
  }
}

export function assertRole(user: { roles: readonly Role[] }, role: Role): void {
  if (!user.roles.includes(role)) throw new AccessDenied(role);
}
