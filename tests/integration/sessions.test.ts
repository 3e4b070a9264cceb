// Server-side sessions (issue 17): a session lives until signed out, its absolute end or an idle
// timeout, whatever the cookie says; last_seen_at is written at most once a minute.
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sessions } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { endSession, endUserSessions, resumeSession, sessionIdOf, sessionLifetimes, startSession } from '@/lib/auth/sessions';
import { insertUserWithDefaults } from '@/lib/users/mutations';
import { freshAppDb } from '../support/db';

const MINUTE = 60_000;
let db: Db;
let userId: number;

beforeEach(async () => {
  db = freshAppDb();
  const passwordHash = await hashPassword('richtig-12345');
  userId = db.transaction((tx) => insertUserWithDefaults(tx, { email: 'petra@example.com', name: 'Petra', passwordHash, roles: [] })).id;
});

const rowOf = (id: string) => db.select().from(sessions).where(eq(sessions.id, id)).get();

describe('server-side sessions', () => {
  it('default lifetimes: 12 hours absolute, 2 hours idle; both may be set', () => {
    expect(sessionLifetimes({})).toEqual({ absoluteMs: 12 * 60 * MINUTE, idleMs: 120 * MINUTE });
    expect(sessionLifetimes({ SESSION_MAX_HOURS: '8', SESSION_IDLE_MINUTES: '30' })).toEqual({
      absoluteMs: 8 * 60 * MINUTE,
      idleMs: 30 * MINUTE,
    });
    expect(sessionLifetimes({ SESSION_MAX_HOURS: 'x', SESSION_IDLE_MINUTES: '-5' })).toEqual({
      absoluteMs: 12 * 60 * MINUTE,
      idleMs: 120 * MINUTE,
    });
  });

  it("stores only the token's hash, and ending the session refuses the token for good", () => {
    const token = startSession(db, userId);
    const id = sessionIdOf(token);
    expect(
      db
        .select()
        .from(sessions)
        .all()
        .map((row) => row.id),
    ).toEqual([id]);
    expect(id).not.toContain(token);
    expect(resumeSession(db, id)).toEqual({ userId });
    endSession(db, id);
    expect(resumeSession(db, id)).toBeNull();
  });

  it('ends after the idle timeout, and an active session is kept alive until its absolute end', () => {
    const start = Date.now();
    const idle = sessionIdOf(startSession(db, userId, start));
    expect(resumeSession(db, idle, start + 119 * MINUTE)).toEqual({ userId });
    // Seen at +119 min: idle counts from there.
    expect(resumeSession(db, idle, start + 238 * MINUTE)).toEqual({ userId });
    expect(resumeSession(db, idle, start + 358 * MINUTE + 1)).toBeNull();
    expect(rowOf(idle)).toBeUndefined();

    const busy = sessionIdOf(startSession(db, userId, start));
    for (let at = start + 60 * MINUTE; at < start + 12 * 60 * MINUTE; at += 60 * MINUTE)
      expect(resumeSession(db, busy, at), `at +${(at - start) / MINUTE} min`).toEqual({ userId });
    expect(resumeSession(db, busy, start + 12 * 60 * MINUTE)).toBeNull();
  });

  it('notes the last request at most once a minute', () => {
    const start = Date.now();
    const id = sessionIdOf(startSession(db, userId, start));
    resumeSession(db, id, start + 30_000);
    expect(rowOf(id)!.lastSeenAt.getTime()).toBe(start);
    resumeSession(db, id, start + 61_000);
    expect(rowOf(id)!.lastSeenAt.getTime()).toBe(start + 61_000);
  });

  it('ends every other session of a user, or all of them', () => {
    const keep = sessionIdOf(startSession(db, userId));
    const other = sessionIdOf(startSession(db, userId));
    endUserSessions(db, userId, keep);
    expect(resumeSession(db, keep)).toEqual({ userId });
    expect(resumeSession(db, other)).toBeNull();
    endUserSessions(db, userId);
    expect(resumeSession(db, keep)).toBeNull();
  });

  it('a new sign-in clears out dead sessions', () => {
    const start = Date.now() - 13 * 60 * MINUTE;
    startSession(db, userId, start);
    startSession(db, userId);
    expect(db.select().from(sessions).all()).toHaveLength(1);
  });
});
