// A link to one record (a ticket, a partner, a contact, a dashboard group's list) in a long list: a
// plain anchor, not next/link. Every next/link is a client component: rendered on the server, sent
// along with its props, hydrated in the browser, and prefetched when it scrolls into view. The board
// shows 400 cards and the dashboard hundreds of rows; there next/link took about a quarter of the
// board's time on the server's event loop (bench/README.md, point 9). The record opens as a whole
// server-rendered page, exactly as it does with JavaScript off.
import type { ReactNode } from 'react';

export function RecordLink({ href, children }: { href: string; children: ReactNode }) {
  return <a href={href}>{children}</a>;
}
