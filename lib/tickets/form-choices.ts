import 'server-only';
// What a ticket form and the ticket filters offer to choose from: the pickers' chosen entries and
// no-JavaScript matches, and the Bearbeiter.
import { asc, eq, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contacts, partners, users } from '@/db/schema';
import { contactName, searchContactOptions, searchPartnerContactOptions } from '@/lib/contacts/queries';
import { partnerLabel, searchPartnerOptions } from '@/lib/partners/queries';
import type { PickerOption } from '@/lib/picker';

/** Labelled like the contact picker's own matches (searchContactOptions). */
export function contactOptionLabel(name: string, partnerName: string | null): string {
  return partnerName ? `${name} – ${partnerName}` : name;
}

/** The picker entries of a partner and a contact chosen in a form (e.g. carried through a no-JS search). */
export function findTicketPickerOptions(
  db: Db,
  ids: { partnerId: number | null; contactId: number | null },
): { partner: PickerOption | null; contact: PickerOption | null } {
  const partner =
    ids.partnerId === null
      ? undefined
      : db
          .select({ id: partners.id, name: partners.name, gpid: partners.gpid, city: partners.city })
          .from(partners)
          .where(eq(partners.id, ids.partnerId))
          .get();
  const contact =
    ids.contactId === null
      ? undefined
      : db
          .select({ id: contacts.id, firstName: contacts.firstName, lastName: contacts.lastName, partnerName: partners.name })
          .from(contacts)
          .leftJoin(partners, eq(partners.id, contacts.partnerId))
          .where(eq(contacts.id, ids.contactId))
          .get();
  return {
    partner: partner ? { id: partner.id, label: partnerLabel(partner) } : null,
    contact: contact ? { id: contact.id, label: contactOptionLabel(contactName(contact), contact.partnerName) } : null,
  };
}

/** The Bearbeiter a ticket can be given: every active user, plus its current one if deactivated since. */
export function listAssigneeChoices(db: Db, currentId: number | null = null): { id: number; name: string }[] {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(currentId === null ? eq(users.active, true) : or(eq(users.active, true), eq(users.id, currentId)))
    .orderBy(asc(users.sortName), asc(users.id))
    .all();
}

export type TicketPickerMatches = { partnerQuery: string; partners: PickerOption[]; contactQuery: string; contacts: PickerOption[] };

/**
 * What the pickers offer without JavaScript: the matches of the typed searches (the first entries when
 * empty); with a Geschäftspartner chosen, the Kontakt picker offers its contacts, others only on a
 * search and marked by `mark`.
 */
export function findTicketPickerMatches(
  db: Db,
  queries: { partnerQuery: string; contactQuery: string; partnerId: number | null },
  mark: (otherPartnerName: string | null) => string,
): TicketPickerMatches {
  return {
    partnerQuery: queries.partnerQuery,
    partners: searchPartnerOptions(db, queries.partnerQuery),
    contactQuery: queries.contactQuery,
    contacts:
      queries.partnerId === null
        ? searchContactOptions(db, queries.contactQuery)
        : searchPartnerContactOptions(db, queries.contactQuery, queries.partnerId, mark),
  };
}
