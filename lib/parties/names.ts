// One definition each of "the partner of a ticket" and "a contact's display name" (SPEC sections 2
// and 8), as SQL over the schema's columns and as the JavaScript formatter. The ticket list, the
// dashboard and the Daten Manager read these; framework-free, so the export worker may import it.
import { sql } from 'drizzle-orm';
import { contacts, tickets } from '@/db/schema';

/** A ticket's partner: its own, else its contact's. Needs `contacts` joined on the ticket's contact. */
export const ticketPartnerId = sql<number | null>`coalesce(${tickets.partnerId}, ${contacts.partnerId})`;

/** The same over `tickets` alone (no join), for WHERE clauses that must stay on the tickets indexes. */
export const ticketPartnerIdUnjoined = sql<
  number | null
>`coalesce(${tickets.partnerId}, (select c.partner_id from contacts c where c.id = ${tickets.contactId}))`;

/** A contact's display name, "Vorname Nachname", over the `contacts` table in scope. */
export const contactDisplayName = sql<string>`trim(${contacts.firstName} || ' ' || ${contacts.lastName})`;

/** The display name of the contact with the given id, or null. */
export function contactDisplayNameOf(contactId: unknown) {
  return sql<string | null>`(select ${contactDisplayName} from ${contacts} where ${contacts.id} = ${contactId})`;
}

/** The JavaScript side of contactDisplayName. */
export function contactName(row: { firstName: string | null; lastName: string | null }): string {
  return `${row.firstName ?? ''} ${row.lastName ?? ''}`.trim();
}
