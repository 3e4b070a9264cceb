// User administration mutations: valid, invalid, stale version, unknown id, last administrator.
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { queries, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { createUser, setUserActive, setUserPassword, updateUser } from '@/lib/users/mutations';
import { createUserSchema } from '@/lib/users/schemas';
import { freshAppDb } from '../support/db';

let db: Db;
let adminId: number;

beforeEach(async () => {
  db = freshAppDb();
  const created = await createUser(db, createUserSchema.parse({ email: 'chef@example.com', name: 'Chef', password: 'chef-1234', roles: ['admin'] }));
  if (!created.ok) throw new Error(created.error);
  adminId = created.data.id;
});

const rowOf = (id: number) => db.select().from(users).where(eq(users.id, id)).get()!;

describe('createUser', () => {
  it('stores a lower-cased e-mail, an argon2id hash and the four default queries', async () => {
    const result = await createUser(db, createUserSchema.parse({ email: 'Neu@Example.com', name: 'Neu', password: 'neu-12345', roles: [] }));
    expect(result.ok).toBe(true);
    const id = result.ok ? result.data.id : 0;
    const row = rowOf(id);
    expect(row.email).toBe('neu@example.com');
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(row.passwordHash, 'neu-12345')).toBe(true);
    const board = db.select({ name: queries.name, params: queries.params }).from(queries).where(eq(queries.ownerId, id)).orderBy(queries.position).all();
    expect(board.map((query) => query.name)).toEqual(['Offen', 'In Bearbeitung', 'Geparkt', 'Geschlossen']);
  });

  it('refuses a taken e-mail whatever its case, and changes nothing', async () => {
    const before = db.select().from(users).all().length;
    const result = await createUser(db, createUserSchema.parse({ email: 'CHEF@example.com', name: 'Doppelt', password: 'x-1234567', roles: [] }));
    expect(result).toMatchObject({ ok: false, error: 'emailTaken', fieldErrors: { email: 'emailTaken' } });
    expect(db.select().from(users).all()).toHaveLength(before);
  });

  it('the schema rejects bad input with message keys per field', () => {
    const parsed = createUserSchema.safeParse({ email: 'kein', name: '', password: 'kurz', roles: ['root'], locale: 'fr' });
    expect(parsed.success).toBe(false);
    const byField = Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(byField).toMatchObject({ email: 'invalidEmail', name: 'required', password: 'passwordTooShort', roles: 'invalidRole', locale: 'invalidLocale' });
    expect(createUserSchema.safeParse({ email: 'a@b.de', name: 'x'.repeat(201), password: 'p'.repeat(129) }).error?.issues.map((i) => i.message)).toEqual([
      'tooLong',
      'passwordTooLong',
    ]);
  });
});

describe('updateUser, setUserActive, setUserPassword', () => {
  it('refuses a stale version and an unknown id without writing', () => {
    expect(updateUser(db, { id: adminId, version: 7, name: 'X', roles: ['admin'], locale: 'de' }, adminId)).toMatchObject({ ok: false, error: 'staleVersion' });
    expect(updateUser(db, { id: 9999, version: 1, name: 'X', roles: [], locale: 'de' }, adminId)).toMatchObject({ ok: false, error: 'notFound' });
    expect(rowOf(adminId)).toMatchObject({ name: 'Chef', version: 1 });
  });

  it('a stale save names who saved in between', () => {
    expect(updateUser(db, { id: adminId, version: 1, name: 'Chef Neu', roles: ['admin'], locale: 'de' }, adminId)).toEqual({ ok: true, data: undefined });
    expect(updateUser(db, { id: adminId, version: 1, name: 'Chef Alt', roles: ['admin'], locale: 'de' }, adminId)).toEqual({
      ok: false,
      error: 'staleVersion',
      changedBy: 'Chef Neu',
    });
    expect(rowOf(adminId)).toMatchObject({ name: 'Chef Neu', version: 2, updatedById: adminId });
  });

  it('keeps at least one active administrator', async () => {
    expect(setUserActive(db, { id: adminId, version: 1, active: false }, adminId)).toMatchObject({ ok: false, error: 'lastAdmin' });
    expect(updateUser(db, { id: adminId, version: 1, name: 'Chef', roles: ['crm'], locale: 'de' }, adminId)).toMatchObject({ ok: false, error: 'lastAdmin' });
    expect(rowOf(adminId)).toMatchObject({ active: true, roles: ['admin'], version: 1 });

    const second = await createUser(db, createUserSchema.parse({ email: 'vize@example.com', name: 'Vize', password: 'vize-1234', roles: ['admin'] }));
    expect(second.ok).toBe(true);
    expect(setUserActive(db, { id: adminId, version: 1, active: false }, adminId)).toEqual({ ok: true, data: undefined });
    expect(rowOf(adminId)).toMatchObject({ active: false, version: 2, sessionVersion: 2 });
  });

  it('a new password replaces the old one and ends sessions', async () => {
    expect(await setUserPassword(db, { id: adminId, version: 1, password: 'ganz-neu-99' }, adminId)).toEqual({ ok: true, data: undefined });
    const row = rowOf(adminId);
    expect(await verifyPassword(row.passwordHash, 'ganz-neu-99')).toBe(true);
    expect(await verifyPassword(row.passwordHash, 'chef-1234')).toBe(false);
    expect(row.sessionVersion).toBe(2);
    expect(await setUserPassword(db, { id: adminId, version: 1, password: 'ganz-neu-00' }, adminId)).toMatchObject({ ok: false, error: 'staleVersion' });
  });
});
