import 'server-only';
// Server-side sessions: the session cookie (next-auth's encrypted JWT) carries a random token whose
// SHA-256 is the row id here. Every request checks the row, so sign-out, a password change and the
// lifetimes end a session for good, however long the cookie itself would live.
import crypto from 'node:crypto';
import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { sessions } from '@/db/schema';

const MINUTE_MS = 60_000;
/** last_seen_at is written at most this often per session, not on every request. */
const TOUCH_EVERY_MS = MINUTE_MS;

function positiveNumber(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** SESSION_MAX_HOURS (default 12): absolute lifetime; SESSION_IDLE_MINUTES (default 120): idle timeout. */
export function sessionLifetimes(env: Record<string, string | undefined> = process.env): { absoluteMs: number; idleMs: number } {
  return {
    absoluteMs: positiveNumber(env.SESSION_MAX_HOURS, 12) * 60 * MINUTE_MS,
    idleMs: positiveNumber(env.SESSION_IDLE_MINUTES, 120) * MINUTE_MS,
  };
}

/** The row id of a session token. */
export function sessionIdOf(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Opens a session for the user and returns its token (for the cookie only); clears out dead sessions. */
export function startSession(db: Db, userId: number, now = Date.now()): string {
  const token = crypto.randomBytes(32).toString('base64url');
  const { absoluteMs, idleMs } = sessionLifetimes();
  db.transaction((tx) => {
    tx.delete(sessions)
      .where(or(lt(sessions.expiresAt, new Date(now)), lt(sessions.lastSeenAt, new Date(now - idleMs))))
      .run();
    tx.insert(sessions)
      .values({
        id: sessionIdOf(token),
        userId,
        createdAt: new Date(now),
        lastSeenAt: new Date(now),
        expiresAt: new Date(now + absoluteMs),
      })
      .run();
  });
  return token;
}

/** The user of a live session (noting that it was seen), or null when it was ended, has expired or lay idle too long. */
export function resumeSession(db: Db, sessionId: string, now = Date.now()): { userId: number } | null {
  const row = db.select().from(sessions).where(eq(sessions.id, sessionId)).get();
  if (!row) return null;
  if (row.expiresAt.getTime() <= now || row.lastSeenAt.getTime() + sessionLifetimes().idleMs <= now) {
    endSession(db, sessionId);
    return null;
  }
  if (now - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    db.update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, sessionId))
      .run();
  }
  return { userId: row.userId };
}

export function endSession(db: Db | Tx, sessionId: string): void {
  db.delete(sessions).where(eq(sessions.id, sessionId)).run();
}

/** Ends every session of the user except `keep` (the one asking, say); all of them without it. */
export function endUserSessions(db: Db | Tx, userId: number, keep?: string): void {
  db.delete(sessions)
    .where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId))
    .run();
}
