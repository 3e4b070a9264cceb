// Follow-ups at scale (issue 21 point 6): "Meine Wiedervorlagen" (/crm/followups) of a user with at
// least 1,000 follow-ups under 150 ms, and that user's calendar feed (/api/v1/crm/followups.ics) under
// 200 ms. The bench user is the one db/seed/large.ts gives the follow-ups to. The feed's token is made
// here as the feed's own code stores one (a calendar_feeds row holding the SHA-256 hex of the token)
// and deleted afterwards, so the data set stays as it was. Run alone on an existing data set with
// `BENCH_DATABASE_PATH=… tsx --conditions=react-server bench/followups-run.ts`; bench/run.ts calls
// measureFollowups.
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { BENCH_USER_EMAIL, BENCH_USER_FOLLOWUPS } from '@/db/seed/large';
import { measure, timeRequest, type Summary } from './measure';

export const FOLLOWUPS_PAGE = 'Meine Wiedervorlagen (≥ 1,000 follow-ups)';
export const FOLLOWUPS_FEED = 'calendar feed of the same user (.ics)';
export const FOLLOWUP_TARGETS_MS: Record<string, number> = { [FOLLOWUPS_PAGE]: 150, [FOLLOWUPS_FEED]: 200 };

/** How many follow-ups (CRM tickets assigned with a next action) the bench user holds in the data set. */
export function benchUserFollowups(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        `select count(*) from tickets t join users u on u.id = t.assignee_id
         where t.crm_enabled = 1 and t.next_action_at is not null and u.email = ?`,
      )
      .pluck()
      .get(BENCH_USER_EMAIL) as number;
  } finally {
    db.close();
  }
}

/** A feed token of the bench user, stored hashed; `remove` deletes its row again. */
export function createFeedToken(file: string): { token: string; remove: () => void } {
  const token = crypto.randomBytes(32).toString('base64url');
  const hash = crypto.createHash('sha256').update(token).digest('hex');
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  try {
    const userId = db.prepare('select id from users where email = ?').pluck().get(BENCH_USER_EMAIL) as number | undefined;
    if (userId === undefined) throw new Error(`No user ${BENCH_USER_EMAIL} in ${file}`);
    db.prepare('insert into calendar_feeds (user_id, token_hash) values (?, ?)').run(userId, hash);
  } finally {
    db.close();
  }
  return {
    token,
    remove: () => {
      const cleanup = new Database(file);
      cleanup.pragma('busy_timeout = 5000');
      cleanup.prepare('delete from calendar_feeds where token_hash = ?').run(hash);
      cleanup.close();
    },
  };
}

/** "PASS"/"FAIL" against the target, with the reason when the route answered an error. */
export function followupVerdict(name: string, summary: Summary, status: number): string {
  if (summary.errors > 0) return `FAIL (HTTP ${status}${status === 404 ? ': route missing?' : ''})`;
  return summary.median < FOLLOWUP_TARGETS_MS[name] ? 'PASS' : 'FAIL';
}

/**
 * The page as the bench user (the session cookie's), and the feed by its token (no cookie: a calendar
 * client has none). A route that answers an error is measured all the same, its errors counted.
 */
export async function measureFollowups(url: string, cookie: string, file: string, runs: number): Promise<Record<string, Summary>> {
  const held = benchUserFollowups(file);
  if (held < BENCH_USER_FOLLOWUPS)
    console.warn(`${BENCH_USER_EMAIL} holds only ${held} follow-ups (fewer than ${BENCH_USER_FOLLOWUPS}): a smaller data set?`);
  const feed = createFeedToken(file);
  try {
    const targets: Record<string, { path: string; headers: Record<string, string> }> = {
      [FOLLOWUPS_PAGE]: { path: '/crm/followups', headers: { cookie } },
      [FOLLOWUPS_FEED]: { path: `/api/v1/crm/followups.ics?token=${feed.token}`, headers: {} },
    };
    const results: Record<string, Summary> = {};
    for (const [name, target] of Object.entries(targets)) {
      const first = await timeRequest(`${url}${target.path}`, { headers: target.headers });
      results[name] = await measure(`${url}${target.path}`, { headers: target.headers }, runs);
      console.log(`${followupVerdict(name, results[name], first.status)} ${name}`.padEnd(60), JSON.stringify(results[name]));
    }
    return results;
  } finally {
    feed.remove();
  }
}
