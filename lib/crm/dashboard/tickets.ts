import 'server-only';
// The ticket rows the dashboard shows under its groups and in its list (CRM data: crm only).
import { eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db/client';
import { contacts, crmTicketStatuses, partners, tickets, users } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { contactName } from '@/lib/contacts/queries';

export type DashboardTicket = {
  id: number;
  number: string;
  title: string;
  partner: { id: number; name: string } | null;
  contact: { id: number; name: string } | null;
  crmStatus: string | null;
  probability: number | null;
  potentialCents: number | null;
  expectedUsers: number | null;
  assignee: string | null;
};

const contactPartner = alias(partners, 'contact_partner');

export function dashboardTickets(db: Db, user: SessionUser, ids: readonly number[]): Map<number, DashboardTicket> {
  assertRole(user, 'crm');
  const result = new Map<number, DashboardTicket>();
  for (let start = 0; start < ids.length; start += 500) {
    const rows = db
      .select({
        id: tickets.id,
        number: tickets.number,
        title: tickets.title,
        partnerId: sql<number | null>`coalesce(${tickets.partnerId}, ${contacts.partnerId})`,
        partnerName: sql<string | null>`coalesce(${partners.name}, ${contactPartner.name})`,
        contactId: contacts.id,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        crmStatus: crmTicketStatuses.name,
        probability: tickets.probability,
        potentialCents: tickets.potentialCents,
        expectedUsers: tickets.expectedUsers,
        assignee: users.name,
      })
      .from(tickets)
      .leftJoin(contacts, eq(contacts.id, tickets.contactId))
      .leftJoin(partners, eq(partners.id, tickets.partnerId))
      .leftJoin(contactPartner, eq(contactPartner.id, contacts.partnerId))
      .leftJoin(crmTicketStatuses, eq(crmTicketStatuses.id, tickets.crmStatusId))
      .leftJoin(users, eq(users.id, tickets.assigneeId))
      .where(inArray(tickets.id, ids.slice(start, start + 500)))
      .all();
    for (const row of rows) {
      result.set(row.id, {
        id: row.id,
        number: row.number,
        title: row.title,
        partner: row.partnerId !== null && row.partnerName !== null ? { id: row.partnerId, name: row.partnerName } : null,
        contact: row.contactId !== null ? { id: row.contactId, name: contactName(row) } : null,
        crmStatus: row.crmStatus,
        probability: row.probability,
        potentialCents: row.potentialCents,
        expectedUsers: row.expectedUsers,
        assignee: row.assignee,
      });
    }
  }
  return result;
}
