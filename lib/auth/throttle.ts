import 'server-only';
// Login throttling per account and per client address: slowed down first, then refused for a while.
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { loginAttempts } from '@/db/schema';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
const LIMITS = {
  email: { slowAfter: 3, refuseAfter: 10 },
  ip: { slowAfter: 20, refuseAfter: 50 },
} as const;
const MAX_DELAY_MS = 4000;

export type ThrottleKeys = { email: string; ip: string };
export type ThrottleVerdict = { refused: true } | { refused: false; delayMs: number };

function keysOf({ email, ip }: ThrottleKeys) {
  return { email: `email:${email.trim().toLowerCase()}`, ip: `ip:${ip}` };
}

/** Failures since the window opened or the key's last success, whichever is later. */
function recentFailures(db: Db, key: string, now: number): number {
  const since = now - THROTTLE_WINDOW_MS;
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.key, key),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.at, new Date(since)),
        sql`${loginAttempts.at} > coalesce((select max(s.at) from login_attempts s where s.key = ${key} and s.succeeded = 1), 0)`,
      ),
    )
    .get();
  return row?.n ?? 0;
}

export function checkThrottle(db: Db, keys: ThrottleKeys, now = Date.now()): ThrottleVerdict {
  const k = keysOf(keys);
  const byEmail = recentFailures(db, k.email, now);
  const byIp = recentFailures(db, k.ip, now);
  if (byEmail >= LIMITS.email.refuseAfter || byIp >= LIMITS.ip.refuseAfter) return { refused: true };
  const excess = Math.max(byEmail - LIMITS.email.slowAfter + 1, byIp - LIMITS.ip.slowAfter + 1, 0);
  return { refused: false, delayMs: Math.min(excess * 500, MAX_DELAY_MS) };
}

export function recordAttempt(db: Db, keys: ThrottleKeys, succeeded: boolean, now = Date.now()): void {
  const k = keysOf(keys);
  db.transaction((tx) => {
    tx.insert(loginAttempts)
      .values([k.email, k.ip].map((key) => ({ key, succeeded, at: new Date(now) })))
      .run();
    // Keep the table small: what lies outside every window is of no use any more.
    tx.delete(loginAttempts)
      .where(and(inArray(loginAttempts.key, [k.email, k.ip]), lt(loginAttempts.at, new Date(now - 24 * 60 * 60 * 1000))))
      .run();
  });
}
