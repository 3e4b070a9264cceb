// The follow-ups as a published calendar: one event per ticket's next action. Pure: the route passes
// the rows, the public origin and the instant.
import type { Locale } from '@/db/schema';
import { berlinInstant } from '@/lib/csv/berlin-calendar';
import { translator, type Translate } from '@/lib/i18n';
import type { FeedFollowup } from './feed-queries';
import { writeCalendar, type CalendarEvent } from './ical';

/** A next action with a time is a short appointment. */
export const TIMED_ACTION_MINUTES = 30;
/** How often calendar programs are asked to fetch the feed again. */
const REFRESH_MINUTES = 60;

function followupEvent(row: FeedFollowup, origin: string, host: string, t: Translate): CalendarEvent {
  const at = row.nextActionAt;
  const text = row.nextActionText.trim();
  const description = [
    text && t('calendar.feed.action', { text }),
    row.partnerName && t('calendar.feed.partner', { name: row.partnerName }),
    row.statusName && t('calendar.feed.status', { name: row.statusName }),
  ].filter(Boolean);
  return {
    // One UID per ticket: when the next action moves, the calendar moves the event.
    uid: `ticket-${row.id}@${host}`,
    start: at.length > 10 ? { instant: berlinInstant(at), minutes: TIMED_ACTION_MINUTES } : { date: at },
    summary: `${row.number} ${row.title}${text ? ` – ${text}` : ''}`,
    description: description.join('\n') || undefined,
    url: `${origin}/tickets/${row.id}`,
  };
}

/** The feed's text for `rows` of a user writing in `locale`, served from `origin` (scheme://host). */
export function followupCalendar(rows: readonly FeedFollowup[], options: { origin: string; locale: Locale; stamp: number }): string {
  const host = new URL(options.origin).host;
  const t = translator(options.locale);
  return writeCalendar({
    prodId: '-//Ticket-CRM//Wiedervorlagen//DE',
    name: t('calendar.feed.name'),
    stamp: options.stamp,
    refreshMinutes: REFRESH_MINUTES,
    events: rows.map((row) => followupEvent(row, options.origin, host, t)),
  });
}
