import 'server-only';
// The ticket rows the dashboard shows under its groups and in its list (CRM data: crm only).
import type { Db } from '@/db/client';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { ticketRowsByIds, type TicketListItem } from '@/lib/tickets/queries';

export type DashboardTicket = TicketListItem & { crm: NonNullable<TicketListItem['crm']> };

export function dashboardTickets(db: Db, user: SessionUser, ids: readonly number[]): Map<number, DashboardTicket> {
  assertRole(user, 'crm');
  const rows = ticketRowsByIds(db, user, ids).filter((row): row is DashboardTicket => row.crm !== undefined);
  return new Map(rows.map((row) => [row.id, row]));
}
