import 'server-only';
// Login throttling. Failures are counted per account from one address, per address (any account)
// and per account (any address). The first two slow down and then refuse; the account as a whole is
// only slowed down, never refused, so that nobody can lock a known account's owner out from elsewhere.
import net from 'node:net';
import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { loginAttempts } from '@/db/schema';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
const LIMITS = {
  pair: { slowAfter: 3, refuseAfter: 10 },
  ip: { slowAfter: 20, refuseAfter: 50 },
  email: { slowAfter: 10, refuseAfter: Infinity },
} as const;
const MAX_DELAY_MS = 4000;

export type ThrottleKeys = { email: string; ip: string };
export type ThrottleVerdict = { refused: true } | { refused: false; delayMs: number };

/** An IPv6 client usually holds a whole /64: count it as one address. */
function addressKey(address: string): string {
  if (net.isIPv6(address)) {
    const [head, tail] = address.split('::');
    const left = head ? head.split(':') : [];
    const right = tail === undefined ? [] : tail ? tail.split(':') : [];
    const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(8 - left.length - right.length, 0)).fill('0'), ...right];
    return `${groups
      .slice(0, 4)
      .map((group) => parseInt(group, 16).toString(16))
      .join(':')}::/64`;
  }
  return address;
}

function keysOf({ email, ip }: ThrottleKeys) {
  const account = email.trim().toLowerCase();
  const address = addressKey(ip);
  return { email: `email:${account}`, ip: `ip:${address}`, pair: `pair:${account}|${address}` };
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
  const counts = { pair: recentFailures(db, k.pair, now), ip: recentFailures(db, k.ip, now), email: recentFailures(db, k.email, now) };
  const scopes = Object.keys(LIMITS) as (keyof typeof LIMITS)[];
  if (scopes.some((scope) => counts[scope] >= LIMITS[scope].refuseAfter)) return { refused: true };
  const excess = Math.max(0, ...scopes.map((scope) => counts[scope] - LIMITS[scope].slowAfter + 1));
  return { refused: false, delayMs: Math.min(excess * 500, MAX_DELAY_MS) };
}

export function recordAttempt(db: Db, keys: ThrottleKeys, succeeded: boolean, now = Date.now()): void {
  const k = keysOf(keys);
  const all = [k.email, k.ip, k.pair];
  db.transaction((tx) => {
    tx.insert(loginAttempts)
      .values(all.map((key) => ({ key, succeeded, at: new Date(now) })))
      .run();
    // Keep the table small: what lies outside every window is of no use any more.
    tx.delete(loginAttempts)
      .where(and(inArray(loginAttempts.key, all), lt(loginAttempts.at, new Date(now - 24 * 60 * 60 * 1000))))
      .run();
  });
}
