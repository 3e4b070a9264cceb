// GET /api/v1/crm/followups.ics?token=…: a crm user's follow-ups as an iCalendar feed, for calendar
// programs that cannot sign in. The token alone authorises; every refusal is the same bare 404.
import { getDb } from '@/db/client';
import { followupClock } from '@/lib/crm/followups/clock';
import { publicOrigin } from '@/lib/crm/followups/feed-address';
import { followupCalendar } from '@/lib/crm/followups/feed-calendar';
import { listFeedFollowups } from '@/lib/crm/followups/feed-queries';
import { findFeedOwner } from '@/lib/crm/followups/feed-tokens';

export const dynamic = 'force-dynamic';

const PRIVATE = 'private, no-store';

function notFound(): Response {
  return new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': PRIVATE } });
}

export function GET(request: Request): Response {
  const token = new URL(request.url).searchParams.get('token');
  const db = getDb();
  const owner = findFeedOwner(db, token);
  if (!owner) return notFound();
  const clock = followupClock();
  const body = followupCalendar(listFeedFollowups(db, owner, clock), {
    origin: publicOrigin(request.headers, request.url),
    locale: owner.locale,
    stamp: clock.ms,
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="wiedervorlagen.ics"',
      'Cache-Control': PRIVATE,
      'X-Robots-Tag': 'noindex',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
