import 'server-only';
// Checks an e-mail and password against the users table, under the login throttle.
import { eq } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { dummyPasswordHash, verifyPassword } from './password';
import { checkThrottle, recordAttempt } from './throttle';

export type CredentialsVerdict =
  { ok: true; user: { id: number; sessionVersion: number } } | { ok: false; reason: 'invalid' | 'throttled' };

export async function verifyCredentials(db: Db, email: string, password: string, ip: string): Promise<CredentialsVerdict> {
  const normalised = email.trim().toLowerCase();
  if (normalised.length === 0 || normalised.length > 254 || password.length === 0 || password.length > 128) {
    return { ok: false, reason: 'invalid' };
  }
  const keys = { email: normalised, ip };
  const throttle = checkThrottle(db, keys);
  if (throttle.refused) return { ok: false, reason: 'throttled' };
  if (throttle.delayMs > 0) await sleep(throttle.delayMs);

  const user = db.select().from(users).where(eq(users.email, normalised)).get();
  // Verify against a dummy hash when there is no such user, so the answer takes as long either way.
  const matches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const ok = Boolean(user && user.active && matches);
  recordAttempt(db, keys, ok);
  return ok && user ? { ok: true, user: { id: user.id, sessionVersion: user.sessionVersion } } : { ok: false, reason: 'invalid' };
}
