// Credentials, throttling and the per-request session check against a real database.
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { loginAttempts, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/access';
import { hashPassword } from '@/lib/auth/password';
import { verifyCredentials } from '@/lib/auth/credentials';
import { checkThrottle, recordAttempt, THROTTLE_WINDOW_MS } from '@/lib/auth/throttle';
import { insertUserWithDefaults, setUserActive, updateUser } from '@/lib/users/mutations';
import { findSessionUser } from '@/lib/users/queries';
import { freshAppDb } from '../support/db';

let db: Db;
let userId: number;
/** Petra as an administrator changing her own account. */
let admin: Actor;

beforeEach(async () => {
  db = freshAppDb();
  const passwordHash = await hashPassword('richtig-1234');
  userId = db.transaction((tx) =>
    insertUserWithDefaults(tx, { email: 'Petra@Example.com', name: 'Petra', passwordHash, roles: ['crm'] }),
  ).id;
  admin = { id: userId, roles: ['admin'] };
});

describe('verifyCredentials', () => {
  it('accepts the right password, case-insensitively for the e-mail', async () => {
    const verdict = await verifyCredentials(db, '  PETRA@example.com ', 'richtig-1234', '10.0.0.1');
    expect(verdict).toEqual({ ok: true, user: { id: userId, sessionVersion: 1 } });
  });

  it('answers wrong password, unknown account and deactivated account alike', async () => {
    expect(await verifyCredentials(db, 'petra@example.com', 'falsch-1234', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyCredentials(db, 'niemand@example.com', 'richtig-1234', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
    db.update(users).set({ active: false }).where(eq(users.id, userId)).run();
    expect(await verifyCredentials(db, 'petra@example.com', 'richtig-1234', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses oversized input without touching the database', async () => {
    expect(await verifyCredentials(db, 'petra@example.com', 'x'.repeat(10_000), '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
    expect(db.select().from(loginAttempts).all()).toHaveLength(0);
  });
});

describe('login throttling', () => {
  const keys = { email: 'petra@example.com', ip: '10.0.0.9' };

  it('slows down after three failures and refuses after ten, per account and address', () => {
    const now = Date.now();
    expect(checkThrottle(db, keys, now)).toEqual({ refused: false, delayMs: 0 });
    for (let i = 0; i < 3; i += 1) recordAttempt(db, keys, false, now);
    expect(checkThrottle(db, keys, now)).toEqual({ refused: false, delayMs: 500 });
    for (let i = 0; i < 7; i += 1) recordAttempt(db, keys, false, now);
    expect(checkThrottle(db, keys, now)).toEqual({ refused: true });
    // After the window the address may try again.
    expect(checkThrottle(db, keys, now + THROTTLE_WINDOW_MS + 1)).toEqual({ refused: false, delayMs: 0 });
  });

  it("failures from one address never lock the account's owner out from another: only slowed down", async () => {
    const now = Date.now();
    for (let i = 0; i < 10; i += 1) recordAttempt(db, keys, false, now);
    expect(checkThrottle(db, keys, now)).toEqual({ refused: true });
    expect(checkThrottle(db, { ...keys, ip: '10.0.0.10' }, now)).toEqual({ refused: false, delayMs: 500 });
    // Many addresses against one account: it is slowed down further, never refused.
    for (let i = 0; i < 40; i += 1) recordAttempt(db, { ...keys, ip: `10.0.1.${i}` }, false, now);
    expect(checkThrottle(db, { ...keys, ip: '10.0.0.10' }, now)).toEqual({ refused: false, delayMs: 4000 });
    const verdict = await verifyCredentials(db, 'petra@example.com', 'richtig-1234', '10.0.0.10');
    expect(verdict).toEqual({ ok: true, user: { id: userId, sessionVersion: 1 } });
  });

  it('an IPv6 client counts as its /64: changing the address within it does not escape', () => {
    const now = Date.now();
    for (let i = 0; i < 10; i += 1) recordAttempt(db, { ...keys, ip: `2001:db8:1:2::${(i + 1).toString(16)}` }, false, now);
    expect(checkThrottle(db, { ...keys, ip: '2001:db8:1:2:ffff::1' }, now)).toEqual({ refused: true });
    expect(checkThrottle(db, { ...keys, ip: '2001:db8:1:3::1' }, now)).toMatchObject({ refused: false });
  });

  it('refuses an address that fails across many accounts', () => {
    const now = Date.now();
    for (let i = 0; i < 50; i += 1) recordAttempt(db, { email: `user${i}@example.com`, ip: '10.0.0.66' }, false, now);
    expect(checkThrottle(db, { email: 'petra@example.com', ip: '10.0.0.66' }, now)).toEqual({ refused: true });
    expect(checkThrottle(db, { email: 'petra@example.com', ip: '10.0.0.67' }, now)).toEqual({ refused: false, delayMs: 0 });
  });

  it("a successful sign-in clears the account's count", () => {
    const now = Date.now();
    for (let i = 0; i < 5; i += 1) recordAttempt(db, keys, false, now - 1000);
    recordAttempt(db, keys, true, now);
    expect(checkThrottle(db, { ...keys, ip: '10.0.0.11' }, now + 1)).toEqual({ refused: false, delayMs: 0 });
  });

  it('a refused account does not get in even with the right password', async () => {
    const now = Date.now();
    for (let i = 0; i < 10; i += 1) recordAttempt(db, { email: 'petra@example.com', ip: '10.0.0.2' }, false, now);
    expect(await verifyCredentials(db, 'petra@example.com', 'richtig-1234', '10.0.0.2')).toEqual({ ok: false, reason: 'throttled' });
  });
});

describe('session check per request', () => {
  it('a deactivation or a change of roles ends existing sessions; a new sign-in works again', () => {
    expect(findSessionUser(db, userId, 1)).toMatchObject({ id: userId, roles: ['crm'] });
    expect(updateUser(db, admin, { id: userId, version: 1, name: 'Petra', roles: ['crm', 'crm_admin'], locale: 'de' })).toEqual({
      ok: true,
      data: undefined,
    });
    expect(findSessionUser(db, userId, 1)).toBeNull();
    expect(findSessionUser(db, userId, 2)).toMatchObject({ roles: ['crm', 'crm_admin'] });
    expect(setUserActive(db, admin, { id: userId, version: 2, active: false })).toEqual({ ok: true, data: undefined });
    expect(findSessionUser(db, userId, 2)).toBeNull();
    expect(findSessionUser(db, userId, 3)).toBeNull();
  });

  it('renaming a user keeps their sessions', () => {
    updateUser(db, admin, { id: userId, version: 1, name: 'Petra Neu', roles: ['crm'], locale: 'en' });
    expect(findSessionUser(db, userId, 1)).toMatchObject({ name: 'Petra Neu', locale: 'en' });
  });
});
