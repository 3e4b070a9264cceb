import 'server-only';
// Writes to users: creation (with the default ticket board), administration, own language.
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { queries, users, type Locale, type Role, type User } from '@/db/schema';
import { DEFAULT_QUERIES } from '@/lib/ticketboard/defaults';
import { assertRole, withImpliedRoles, type Actor } from '@/lib/auth/access';
import { verifyCredentials } from '@/lib/auth/credentials';
import { hashPassword } from '@/lib/auth/password';
import { endUserSessions } from '@/lib/auth/sessions';
import { germanSortKey } from '@/lib/order/sort-key';
import { saveStamp, versionConflict, writeTransaction } from '@/lib/concurrency';
import type { MutationFailure, MutationResult } from '@/lib/result';
import type { ChangeOwnPasswordInput, CreateUserInput, UpdateUserInput } from './schemas';

/** Inserts a user and their four default queries; call inside a transaction. */
export function insertUserWithDefaults(
  tx: Db | Tx,
  input: { email: string; name: string; passwordHash: string; roles: Role[]; locale?: Locale },
): User {
  const user = tx
    .insert(users)
    .values({
      email: input.email.toLowerCase(),
      name: input.name,
      sortName: germanSortKey(input.name),
      passwordHash: input.passwordHash,
      roles: withImpliedRoles(input.roles),
      locale: input.locale ?? 'de',
    })
    .returning()
    .get();
  tx.insert(queries)
    .values(DEFAULT_QUERIES.map((query, position) => ({ ownerId: user.id, name: query.name, params: query.params, position })))
    .run();
  return user;
}

export async function createUser(db: Db, actor: Actor, input: CreateUserInput): Promise<MutationResult<{ id: number }>> {
  assertRole(actor, 'admin');
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(db, (tx) => {
    const taken = tx.select({ id: users.id }).from(users).where(eq(users.email, input.email.toLowerCase())).get();
    if (taken) return { ok: false, error: 'emailTaken', fieldErrors: { email: 'emailTaken' } };
    const user = insertUserWithDefaults(tx, { ...input, passwordHash });
    return { ok: true, data: { id: user.id } };
  });
}

function countOtherActiveAdmins(tx: Tx, exceptId: number): number {
  return tx
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(and(eq(users.active, true), ne(users.id, exceptId), sql`exists (select 1 from json_each(${users.roles}) where value = 'admin')`))
    .get()!.n;
}

/** Loads the record for an edit and checks its version. */
function loadForEdit(tx: Tx, id: number, version: number): MutationFailure | { ok: true; user: User } {
  const user = tx.select().from(users).where(eq(users.id, id)).get();
  return versionConflict(tx, user, version) ?? { ok: true, user: user! };
}

export function updateUser(db: Db, actor: Actor, input: UpdateUserInput): MutationResult {
  assertRole(actor, 'admin');
  return writeTransaction(db, (tx) => {
    const loaded = loadForEdit(tx, input.id, input.version);
    if (!loaded.ok) return loaded;
    const { user } = loaded;
    const wasAdmin = user.roles.includes('admin');
    if (wasAdmin && !input.roles.includes('admin') && user.active && countOtherActiveAdmins(tx, user.id) === 0) {
      return { ok: false, error: 'lastAdmin', fieldErrors: { roles: 'lastAdmin' } };
    }
    // A CRM Admin is stored with the CRM role too, whoever calls this (SPEC section 1).
    const roles = withImpliedRoles(input.roles);
    const rolesChanged = withImpliedRoles(user.roles).join() !== roles.join();
    tx.update(users)
      .set({
        name: input.name,
        sortName: germanSortKey(input.name),
        roles,
        locale: input.locale,
        ...saveStamp(user, actor.id),
        // A change of roles ends the user's sessions, so no tab keeps showing what they may no longer see.
        sessionVersion: rolesChanged ? user.sessionVersion + 1 : user.sessionVersion,
      })
      .where(eq(users.id, user.id))
      .run();
    if (rolesChanged) endUserSessions(tx, user.id);
    return { ok: true, data: undefined };
  });
}

export function setUserActive(db: Db, actor: Actor, input: { id: number; version: number; active: boolean }): MutationResult {
  assertRole(actor, 'admin');
  return writeTransaction(db, (tx) => {
    const loaded = loadForEdit(tx, input.id, input.version);
    if (!loaded.ok) return loaded;
    const { user } = loaded;
    if (!input.active && user.roles.includes('admin') && countOtherActiveAdmins(tx, user.id) === 0) {
      return { ok: false, error: 'lastAdmin' };
    }
    tx.update(users)
      .set({
        active: input.active,
        ...saveStamp(user, actor.id),
        sessionVersion: input.active ? user.sessionVersion : user.sessionVersion + 1,
      })
      .where(eq(users.id, user.id))
      .run();
    if (!input.active) endUserSessions(tx, user.id);
    return { ok: true, data: undefined };
  });
}

export async function setUserPassword(
  db: Db,
  actor: Actor,
  input: { id: number; version: number; password: string },
): Promise<MutationResult> {
  assertRole(actor, 'admin');
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(db, (tx) => {
    const loaded = loadForEdit(tx, input.id, input.version);
    if (!loaded.ok) return loaded;
    const { user } = loaded;
    tx.update(users)
      .set({ passwordHash, ...saveStamp(user, actor.id), sessionVersion: user.sessionVersion + 1 })
      .where(eq(users.id, user.id))
      .run();
    endUserSessions(tx, user.id);
    return { ok: true, data: undefined };
  });
}

/** Where a change of the own password comes from: the client's address (for the throttle) and the session to keep. */
type OwnPasswordRequest = { address: string; keepSessionId: string | null };

/**
 * The signed-in user's own new password: the current one is checked like a sign-in (under the login
 * throttle), and every other session of the user ends; the one asking (`keepSessionId`) stays.
 */
export async function changeOwnPassword(db: Db, actor: Actor, input: ChangeOwnPasswordInput & OwnPasswordRequest): Promise<MutationResult> {
  const userId = actor.id;
  const user = db.select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
  if (!user) return { ok: false, error: 'notFound' };
  const verdict = await verifyCredentials(db, user.email, input.currentPassword, input.address);
  if (!verdict.ok) {
    return verdict.reason === 'throttled'
      ? { ok: false, error: 'login.throttled' }
      : { ok: false, error: 'currentPasswordWrong', fieldErrors: { currentPassword: 'currentPasswordWrong' } };
  }
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(db, (tx) => {
    tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId)).run();
    if (input.keepSessionId) endUserSessions(tx, userId, input.keepSessionId);
    else endUserSessions(tx, userId);
    return { ok: true, data: undefined };
  });
}

/** The user's own language; no version check, it is a preference and not shared data. */
export function setUserLocale(db: Db, actor: Actor, input: { locale: Locale }): MutationResult {
  db.update(users).set({ locale: input.locale, updatedAt: new Date() }).where(eq(users.id, actor.id)).run();
  return { ok: true, data: undefined };
}
