// User administration mutations: valid, invalid, stale version, unknown id, last administrator.
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { queries, sessions, users } from '@/db/schema';
import { AccessDenied, hasRole, type Actor } from '@/lib/auth/access';
import { verifyPassword } from '@/lib/auth/password';
import { resumeSession, sessionIdOf, startSession } from '@/lib/auth/sessions';
import { recordAttempt } from '@/lib/auth/throttle';
import { listLookupEntries } from '@/lib/lookups/queries';
import { changeOwnPassword, createUser, setUserActive, setUserPassword, updateUser } from '@/lib/users/mutations';
import { findSessionUser, findUserForAdmin, listUsers } from '@/lib/users/queries';
import { changeOwnPasswordSchema, createUserSchema, setUserPasswordSchema } from '@/lib/users/schemas';
import { freshAppDb } from '../support/db';

let db: Db;
let adminId: number;
/** The administrator acting in the tests. */
let admin: Actor;

beforeEach(async () => {
  db = freshAppDb();
  // The first administrator is created on behalf of the installation (as the bootstrap does).
  const created = await createUser(
    db,
    { id: 0, roles: ['admin'] },
    createUserSchema.parse({ email: 'chef@example.com', name: 'Chef', password: 'chef-12345', roles: ['admin'] }),
  );
  if (!created.ok) throw new Error(created.error);
  adminId = created.data.id;
  admin = { id: adminId, roles: ['admin'] };
});

const rowOf = (id: number) => db.select().from(users).where(eq(users.id, id)).get()!;

describe('createUser', () => {
  it('stores a lower-cased e-mail, an argon2id hash and the four default queries', async () => {
    const result = await createUser(
      db,
      admin,
      createUserSchema.parse({ email: 'Neu@Example.com', name: 'Neu', password: 'neu-123456', roles: [] }),
    );
    expect(result.ok).toBe(true);
    const id = result.ok ? result.data.id : 0;
    const row = rowOf(id);
    expect(row.email).toBe('neu@example.com');
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, 'neu-123456')).toBe(true);
    const board = db
      .select({ name: queries.name, params: queries.params })
      .from(queries)
      .where(eq(queries.ownerId, id))
      .orderBy(queries.position)
      .all();
    expect(board.map((query) => query.name)).toEqual(['Offen', 'In Bearbeitung', 'Geparkt', 'Geschlossen']);
  });

  it('refuses a taken e-mail whatever its case, and changes nothing', async () => {
    const before = db.select().from(users).all().length;
    const result = await createUser(
      db,
      admin,
      createUserSchema.parse({ email: 'CHEF@example.com', name: 'Doppelt', password: 'x-12345678', roles: [] }),
    );
    expect(result).toMatchObject({ ok: false, error: 'emailTaken', fieldErrors: { email: 'emailTaken' } });
    expect(db.select().from(users).all()).toHaveLength(before);
  });

  it('the schema rejects bad input with message keys per field', () => {
    const parsed = createUserSchema.safeParse({ email: 'kein', name: '', password: 'kurz', roles: ['root'], locale: 'fr' });
    expect(parsed.success).toBe(false);
    const byField = Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(byField).toMatchObject({
      email: 'invalidEmail',
      name: 'required',
      password: 'passwordTooShort',
      roles: 'invalidRole',
      locale: 'invalidLocale',
    });
    expect(
      createUserSchema.safeParse({ email: 'a@b.de', name: 'x'.repeat(201), password: 'p'.repeat(129) }).error?.issues.map((i) => i.message),
    ).toEqual(['tooLong', 'passwordTooLong']);
  });
});

describe('updateUser, setUserActive, setUserPassword', () => {
  it('the data layer refuses a caller without `admin` (a CRM Admin included) and writes nothing', async () => {
    for (const roles of [[], ['crm'], ['crm', 'crm_admin']] as const) {
      const caller: Actor = { id: adminId, roles };
      expect(() => updateUser(db, caller, { id: adminId, version: 1, name: 'Übernommen', roles: ['admin'], locale: 'de' })).toThrow(
        AccessDenied,
      );
      expect(() => setUserActive(db, caller, { id: adminId, version: 1, active: false })).toThrow(AccessDenied);
      await expect(setUserPassword(db, caller, { id: adminId, version: 1, password: 'fremd-12345' })).rejects.toThrow(AccessDenied);
      await expect(
        createUser(db, caller, createUserSchema.parse({ email: 'x@example.com', name: 'X', password: 'x-passwort-1', roles: ['admin'] })),
      ).rejects.toThrow(AccessDenied);
      expect(() => listUsers(db, caller)).toThrow(AccessDenied);
      expect(() => findUserForAdmin(db, caller, adminId)).toThrow(AccessDenied);
    }
    expect(rowOf(adminId)).toMatchObject({ name: 'Chef', version: 1, active: true });
    expect(listUsers(db, admin).map((user) => user.email)).toEqual(['chef@example.com']);
    expect(findUserForAdmin(db, admin, adminId)).toMatchObject({ name: 'Chef' });
  });

  it('refuses a stale version and an unknown id without writing', () => {
    expect(updateUser(db, admin, { id: adminId, version: 7, name: 'X', roles: ['admin'], locale: 'de' })).toMatchObject({
      ok: false,
      error: 'staleVersion',
    });
    expect(updateUser(db, admin, { id: 9999, version: 1, name: 'X', roles: [], locale: 'de' })).toMatchObject({
      ok: false,
      error: 'notFound',
    });
    expect(rowOf(adminId)).toMatchObject({ name: 'Chef', version: 1 });
  });

  it('a stale save names who saved in between', () => {
    expect(updateUser(db, admin, { id: adminId, version: 1, name: 'Chef Neu', roles: ['admin'], locale: 'de' })).toEqual({
      ok: true,
      data: undefined,
    });
    expect(updateUser(db, admin, { id: adminId, version: 1, name: 'Chef Alt', roles: ['admin'], locale: 'de' })).toEqual({
      ok: false,
      error: 'staleVersion',
      changedBy: 'Chef Neu',
    });
    expect(rowOf(adminId)).toMatchObject({ name: 'Chef Neu', version: 2, updatedById: adminId });
  });

  it('keeps at least one active administrator', async () => {
    expect(setUserActive(db, admin, { id: adminId, version: 1, active: false })).toMatchObject({ ok: false, error: 'lastAdmin' });
    expect(updateUser(db, admin, { id: adminId, version: 1, name: 'Chef', roles: ['crm'], locale: 'de' })).toMatchObject({
      ok: false,
      error: 'lastAdmin',
    });
    expect(rowOf(adminId)).toMatchObject({ active: true, roles: ['admin'], version: 1 });

    const second = await createUser(
      db,
      admin,
      createUserSchema.parse({ email: 'vize@example.com', name: 'Vize', password: 'vize-12345', roles: ['admin'] }),
    );
    expect(second.ok).toBe(true);
    expect(setUserActive(db, admin, { id: adminId, version: 1, active: false })).toEqual({ ok: true, data: undefined });
    expect(rowOf(adminId)).toMatchObject({ active: false, version: 2, sessionVersion: 2 });
  });

  it('a new password replaces the old one and ends sessions', async () => {
    expect(await setUserPassword(db, admin, { id: adminId, version: 1, password: 'ganz-neu-99' })).toEqual({ ok: true, data: undefined });
    const row = rowOf(adminId);
    expect(await verifyPassword(row.passwordHash, 'ganz-neu-99')).toBe(true);
    expect(await verifyPassword(row.passwordHash, 'chef-12345')).toBe(false);
    expect(row.sessionVersion).toBe(2);
    expect(await setUserPassword(db, admin, { id: adminId, version: 1, password: 'ganz-neu-00' })).toMatchObject({
      ok: false,
      error: 'staleVersion',
    });
  });
});

describe('password policy (issue 17)', () => {
  const refusal = (password: string) => setUserPasswordSchema.safeParse({ id: '1', version: '1', password }).error?.issues[0]?.message;

  it('refuses short, common and one-character passwords wherever a password is set', () => {
    expect(refusal('12345678')).toBe('passwordTooShort');
    expect(refusal('password')).toBe('passwordTooShort');
    expect(refusal('        ')).toBe('passwordTooShort');
    expect(refusal('1234567890')).toBe('passwordCommon');
    expect(refusal('Password123')).toBe('passwordCommon');
    expect(refusal(' '.repeat(12))).toBe('passwordCommon');
    expect(refusal('abababababab')).toBe('passwordCommon');
    expect(createUserSchema.safeParse({ email: 'a@b.de', name: 'A', password: 'qwertyuiop' }).error?.issues.map((i) => i.message)).toEqual([
      'passwordCommon',
    ]);
  });

  it('accepts a long uncommon password', () => {
    expect(refusal('Kaffeetasse am Montag 7')).toBeUndefined();
    expect(refusal('ganz-neu-99')).toBeUndefined();
  });
});

describe('crm_admin includes crm (SPEC section 1)', () => {
  it('the administration stores crm with crm_admin, on create and on edit', async () => {
    expect(createUserSchema.parse({ email: 'ca@example.com', name: 'CA', password: 'ca-passwort-1', roles: ['crm_admin'] }).roles).toEqual([
      'crm',
      'crm_admin',
    ]);
    const created = await createUser(
      db,
      admin,
      createUserSchema.parse({ email: 'ca@example.com', name: 'CA', password: 'ca-passwort-1', roles: ['crm_admin'] }),
    );
    const id = created.ok ? created.data.id : 0;
    expect(rowOf(id).roles).toEqual(['crm', 'crm_admin']);
    // Even a caller that bypasses the schema cannot store crm_admin alone.
    expect(updateUser(db, admin, { id, version: 1, name: 'CA', roles: ['crm_admin'], locale: 'de' })).toEqual({
      ok: true,
      data: undefined,
    });
    expect(rowOf(id)).toMatchObject({ roles: ['crm', 'crm_admin'], sessionVersion: 1 });
  });

  it('a stored crm_admin without crm (data of before the rule) still reads the CRM lists, never an error', () => {
    const id = db
      .insert(users)
      .values({ email: 'alt@example.com', name: 'Alt', passwordHash: '!', roles: ['crm_admin'] })
      .returning()
      .get().id;
    const user = findSessionUser(db, id, 1)!;
    expect(user.roles).toEqual(['crm', 'crm_admin']);
    expect(hasRole({ roles: ['crm_admin'] }, 'crm')).toBe(true);
    expect(hasRole({ roles: ['crm'] }, 'crm_admin')).toBe(false);
    expect(() => listLookupEntries(db, { ...user, roles: ['crm_admin'] }, 'crmTicketStatuses')).not.toThrow();
  });
});

describe('sessions end with the changes that must end them', () => {
  it("an administrator setting a password, deactivating or changing roles deletes the user's sessions", async () => {
    const other = await createUser(
      db,
      admin,
      createUserSchema.parse({ email: 'o@example.com', name: 'O', password: 'o-passwort-1', roles: [] }),
    );
    const id = other.ok ? other.data.id : 0;
    const first = sessionIdOf(startSession(db, id));
    expect(await setUserPassword(db, admin, { id, version: 1, password: 'o-passwort-2' })).toEqual({ ok: true, data: undefined });
    expect(resumeSession(db, first)).toBeNull();
    const second = sessionIdOf(startSession(db, id));
    expect(updateUser(db, admin, { id, version: 2, name: 'O', roles: ['crm'], locale: 'de' })).toEqual({ ok: true, data: undefined });
    expect(resumeSession(db, second)).toBeNull();
    const third = sessionIdOf(startSession(db, id));
    expect(setUserActive(db, admin, { id, version: 3, active: false })).toEqual({ ok: true, data: undefined });
    expect(resumeSession(db, third)).toBeNull();
  });
});

describe('changeOwnPassword', () => {
  const input = (currentPassword: string, password = 'Montag-Kaffee-7') =>
    changeOwnPasswordSchema.parse({ currentPassword, password, passwordRepeat: password });

  it('the schema wants the new password twice alike', () => {
    const parsed = changeOwnPasswordSchema.safeParse({
      currentPassword: 'x',
      password: 'Montag-Kaffee-7',
      passwordRepeat: 'Montag-Kaffee-8',
    });
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['passwordRepeat', 'passwordMismatch']]);
  });

  it('refuses a wrong current password and changes nothing', async () => {
    const keep = sessionIdOf(startSession(db, adminId));
    const other = sessionIdOf(startSession(db, adminId));
    const before = rowOf(adminId).passwordHash;
    expect(await changeOwnPassword(db, admin, { ...input('falsch-12345'), address: '10.1.1.1', keepSessionId: keep })).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: 'currentPasswordWrong' },
    });
    expect(rowOf(adminId).passwordHash).toBe(before);
    expect(resumeSession(db, other)).not.toBeNull();
  });

  it('sets the new password and ends every other session of the user, keeping the one asking', async () => {
    const keep = sessionIdOf(startSession(db, adminId));
    const other = sessionIdOf(startSession(db, adminId));
    const bystander = await createUser(
      db,
      admin,
      createUserSchema.parse({ email: 'b@example.com', name: 'B', password: 'b-passwort-1', roles: [] }),
    );
    const bystanderSession = sessionIdOf(startSession(db, bystander.ok ? bystander.data.id : 0));
    expect(await changeOwnPassword(db, admin, { ...input('chef-12345'), address: '10.1.1.1', keepSessionId: keep })).toEqual({
      ok: true,
      data: undefined,
    });
    const row = rowOf(adminId);
    expect(await verifyPassword(row.passwordHash, 'Montag-Kaffee-7')).toBe(true);
    expect(await verifyPassword(row.passwordHash, 'chef-12345')).toBe(false);
    expect(row.sessionVersion).toBe(1);
    expect(resumeSession(db, keep)).toEqual({ userId: adminId });
    expect(resumeSession(db, other)).toBeNull();
    expect(resumeSession(db, bystanderSession)).not.toBeNull();
    expect(db.select().from(sessions).where(eq(sessions.userId, adminId)).all()).toHaveLength(1);
  });

  it('guessing the current password is throttled like a sign-in', async () => {
    expect(await changeOwnPassword(db, admin, { ...input('falsch-12345'), address: '10.1.1.2', keepSessionId: null })).toMatchObject({
      ok: false,
    });
    for (let i = 0; i < 9; i += 1) recordAttempt(db, { email: 'chef@example.com', ip: '10.1.1.2' }, false);
    expect(await changeOwnPassword(db, admin, { ...input('chef-12345'), address: '10.1.1.2', keepSessionId: null })).toMatchObject({
      ok: false,
      error: 'login.throttled',
    });
    expect(await verifyPassword(rowOf(adminId).passwordHash, 'chef-12345')).toBe(true);
  });
});
