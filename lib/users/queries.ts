import 'server-only';
// Reads of users, each returning only the fields its caller may see (never the password hash).
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users, type Locale, type Role } from '@/db/schema';
import { assertRole, withImpliedRoles, type Actor } from '@/lib/auth/access';

export type SessionUser = { id: number; email: string; name: string; roles: Role[]; locale: Locale };

/** Who a user is, as sessions and the user administration read it. */
const USER_IDENTITY = { id: users.id, email: users.email, name: users.name, roles: users.roles, locale: users.locale };

/** The signed-in user behind a session, or null when deactivated or the session is outdated. */
export function findSessionUser(db: Db, id: number, sessionVersion: number): SessionUser | null {
  const row = db
    .select({ ...USER_IDENTITY, active: users.active, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, id))
    .get();
  if (!row || !row.active || row.sessionVersion !== sessionVersion) return null;
  return { id: row.id, email: row.email, name: row.name, roles: withImpliedRoles(row.roles), locale: row.locale };
}

type UserListItem = SessionUser & { active: boolean; version: number; createdAt: Date };

/** What the user administration shows of a user: never the password hash. */
const ADMIN_USER_COLUMNS = {
  ...USER_IDENTITY,
  active: users.active,
  version: users.version,
  createdAt: users.createdAt,
};

/** Every user, for the user administration (admin only). */
export function listUsers(db: Db, actor: Actor): UserListItem[] {
  assertRole(actor, 'admin');
  return db.select(ADMIN_USER_COLUMNS).from(users).orderBy(asc(users.sortName), asc(users.id)).all();
}

export function findUserForAdmin(db: Db, actor: Actor, id: number): UserListItem | null {
  assertRole(actor, 'admin');
  return db.select(ADMIN_USER_COLUMNS).from(users).where(eq(users.id, id)).get() ?? null;
}
