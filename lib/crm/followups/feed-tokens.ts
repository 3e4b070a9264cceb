import 'server-only';
// The personal calendar feed's secret (SPEC section 17): 32 random bytes, base64url, handed to the
// user once and stored only as its SHA-256 (hex). A user has at most one active feed: a new one
// revokes the old. The feed route finds the owner by the hash alone, which is the table's unique key.
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { calendarFeeds, users, type Locale, type Role } from '@/db/schema';
import { assertRole, hasRole, withImpliedRoles, type Actor } from '@/lib/auth/access';
import { writeTransaction } from '@/lib/concurrency';
import type { MutationResult } from '@/lib/result';

const TOKEN_BYTES = 32;
/** 32 bytes in base64url without padding: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The user's active feed: since when; null without one. */
export type FeedState = { createdAt: Date } | null;

export function findFeedState(db: Db, actor: Actor): FeedState {
  assertRole(actor, 'crm');
  const row = db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, actor.id), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.id))
    .get();
  return row ?? null;
}

function revokeActive(tx: Tx, userId: number, at: Date): number {
  return tx
    .update(calendarFeeds)
    .set({ revokedAt: at })
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .run().changes;
}

/** A new feed for the actor, revoking the previous one; answers the token (shown once, never stored). */
export function createCalendarFeed(db: Db, actor: Actor): MutationResult<{ token: string; createdAt: Date }> {
  assertRole(actor, 'crm');
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return writeTransaction(db, (tx) => {
    const now = new Date();
    revokeActive(tx, actor.id, now);
    tx.insert(calendarFeeds)
      .values({ userId: actor.id, tokenHash: hashFeedToken(token), createdAt: now })
      .run();
    return { ok: true, data: { token, createdAt: now } };
  });
}

/** Ends the actor's active feed: its address answers 404 from now on. */
export function revokeCalendarFeed(db: Db, actor: Actor): MutationResult {
  assertRole(actor, 'crm');
  return writeTransaction(db, (tx) =>
    revokeActive(tx, actor.id, new Date()) > 0 ? { ok: true, data: undefined } : { ok: false, error: 'calendar.error.noFeed' },
  );
}

/** Whom the feed shows: the owner of an active feed. */
export type FeedOwner = { id: number; roles: Role[]; locale: Locale };

/**
 * The owner of a feed token, or null: unknown or malformed token, revoked feed, deactivated user, or
 * a user without `crm` all answer null alike, so the route cannot tell them apart to a caller.
 */
export function findFeedOwner(db: Db, token: string | null): FeedOwner | null {
  // Hash whatever came (bounded), so a malformed token costs the same lookup as a well-formed one.
  const hash = hashFeedToken((token ?? '').slice(0, 64));
  const row = db
    .select({ id: users.id, roles: users.roles, locale: users.locale, active: users.active, revokedAt: calendarFeeds.revokedAt })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, hash))
    .get();
  if (!row || token === null || !TOKEN_PATTERN.test(token) || row.revokedAt !== null || !row.active) return null;
  const owner = { id: row.id, roles: withImpliedRoles(row.roles), locale: row.locale };
  return hasRole(owner, 'crm') ? owner : null;
}
