import 'server-only';
// Numbers handed out in sequence (GPID, ticket number), inside the caller's transaction.
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { counters } from '@/db/schema';

/** The next value of a counter; the first value handed out is `start`. */
export function nextCounterValue(tx: Db | Tx, name: string, start: number): number {
  const bumped = tx
    .update(counters)
    .set({ value: sql`${counters.value} + 1` })
    .where(eq(counters.name, name))
    .returning({ value: counters.value })
    .get();
  if (bumped) return bumped.value;
  tx.insert(counters).values({ name, value: start }).run();
  return start;
}
