import 'server-only';
// Reads of tickets. CRM values are selected only for a user with `crm`.
import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db/client';
import { contacts, crmTicketStatuses, partners, tickets, users, type TicketStatus } from '@/db/schema';
import { hasRole, type SessionUser } from '@/lib/auth/guards';
import { contactName } from '@/lib/contacts/queries';
import { likePattern } from '@/lib/sql';
import type { TicketListParams } from './filters';

export type TicketListItem = {
  id: number;
  number: string;
  title: string;
  status: TicketStatus;
  /** The ticket's own partner, or else its contact's. */
  partner: { id: number; name: string } | null;
  contact: { id: number; name: string } | null;
  assignee: { id: number; name: string } | null;
  createdAt: Date;
  updatedAt: Date;
  /** Present only for `crm` users. */
  crm?: { enabled: boolean; status: string | null; potentialCents: number | null };
};

const contactPartner = alias(partners, 'contact_partner');
const effectivePartnerId = sql<number | null>`coalesce(${tickets.partnerId}, ${contacts.partnerId})`;

/** The WHERE clause of a ticket list; CRM criteria only when the caller passed them for a `crm` user. */
export function ticketListWhere(params: TicketListParams, user: SessionUser): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (params.status.length > 0) conditions.push(inArray(tickets.status, params.status));
  if (params.assignee.length > 0) {
    conditions.push(inArray(tickets.assigneeId, params.assignee.map((id) => (id === 'me' ? user.id : id))));
  }
  if (params.partner !== null) {
    conditions.push(
      or(
        eq(tickets.partnerId, params.partner),
        and(isNull(tickets.partnerId), inArray(tickets.contactId, sql`(select ${contacts.id} from ${contacts} where ${contacts.partnerId} = ${params.partner})`)),
      ),
    );
  }
  if (params.q) {
    const pattern = likePattern(params.q);
    conditions.push(
      or(
        sql`${tickets.number} like ${pattern} escape '\\'`,
        sql`${tickets.title} like ${pattern} escape '\\'`,
        sql`${tickets.partnerId} in (select ${partners.id} from ${partners} where ${partners.name} like ${pattern} escape '\\')`,
      ),
    );
  }
  if (hasRole(user, 'crm')) {
    if (params.crm) conditions.push(eq(tickets.crmEnabled, params.crm === 'on'));
    if (params.crmStatus.length > 0) conditions.push(inArray(tickets.crmStatusId, params.crmStatus));
    if (params.revenueGroup.length > 0) {
      conditions.push(inArray(effectivePartnerId, sql`(select ${partners.id} from ${partners} where ${inArray(partners.revenueGroupId, params.revenueGroup)})`));
    }
  }
  return and(...conditions);
}

export function listTickets(
  db: Db,
  user: SessionUser,
  params: TicketListParams,
  page: { limit: number; offset: number },
): { rows: TicketListItem[]; total: number } {
  const where = ticketListWhere(params, user);
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(tickets)
    .leftJoin(contacts, eq(contacts.id, tickets.contactId))
    .where(where)
    .get()!.n;
  const withCrm = hasRole(user, 'crm');
  const rows = db
    .select({
      id: tickets.id,
      number: tickets.number,
      title: tickets.title,
      status: tickets.status,
      partnerId: effectivePartnerId,
      partnerName: sql<string | null>`coalesce(${partners.name}, ${contactPartner.name})`,
      contactId: contacts.id,
      contactFirstName: contacts.firstName,
      contactLastName: contacts.lastName,
      assigneeId: users.id,
      assigneeName: users.name,
      createdAt: tickets.createdAt,
      updatedAt: tickets.updatedAt,
      crmEnabled: tickets.crmEnabled,
      crmStatus: crmTicketStatuses.name,
      potentialCents: tickets.potentialCents,
    })
    .from(tickets)
    .leftJoin(contacts, eq(contacts.id, tickets.contactId))
    .leftJoin(partners, eq(partners.id, tickets.partnerId))
    .leftJoin(contactPartner, eq(contactPartner.id, contacts.partnerId))
    .leftJoin(users, eq(users.id, tickets.assigneeId))
    .leftJoin(crmTicketStatuses, eq(crmTicketStatuses.id, tickets.crmStatusId))
    .where(where)
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      number: row.number,
      title: row.title,
      status: row.status,
      partner: row.partnerId !== null && row.partnerName !== null ? { id: row.partnerId, name: row.partnerName } : null,
      contact: row.contactId !== null ? { id: row.contactId, name: contactName({ firstName: row.contactFirstName, lastName: row.contactLastName }) } : null,
      assignee: row.assigneeId !== null && row.assigneeName !== null ? { id: row.assigneeId, name: row.assigneeName } : null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      ...(withCrm ? { crm: { enabled: row.crmEnabled, status: row.crmStatus, potentialCents: row.potentialCents } } : {}),
    })),
  };
}
