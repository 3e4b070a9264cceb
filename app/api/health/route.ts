// Liveness for the container: ok once the database is migrated and answers.
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';

export const dynamic = 'force-dynamic';

export function GET() {
  try {
    const row = getDb().get<{ n: number }>(sql`select count(*) as n from __drizzle_migrations`);
    if (!row || row.n < 1) throw new Error('not migrated');
    return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return Response.json({ status: 'unavailable' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
