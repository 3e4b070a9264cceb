import 'server-only';
// Reads of contacts. Every query names its columns:
// Merkmale and other CRM values are read elsewhere, for `crm` users only.
import { and, asc, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contacts, partners, users } from '@/db/schema';
import type { PickerOption } from '@/lib/picker';
import { contactName } from '@/lib/parties/names';
import { likePattern } from '@/lib/like-pattern';

// The display name has one definition (lib/parties/names.ts); re-exported for this module's readers.
export { contactName };

/** Contacts whose name, e-mail or partner's name contains the term (the query must join partners). */
function contactSearchWhere(query: string): SQL | undefined {
  if (!query) return undefined;
  const pattern = likePattern(query);
  return sql`((${contacts.firstName} || ' ' || ${contacts.lastName}) like ${pattern} escape '\\'
              or ${contacts.lastName} like ${pattern} escape '\\'
              or ${contacts.email} like ${pattern} escape '\\'
              or ${partners.name} like ${pattern} escape '\\')`;
}

/** Contacts matching a search term (first name, last name, e-mail, partner name), for pickers. */
export function searchContactOptions(db: Db, query: string, limit = 20): PickerOption[] {
  const rows = db
    .select({ id: contacts.id, firstName: contacts.firstName, lastName: contacts.lastName, partnerName: partners.name })
    .from(contacts)
    .leftJoin(partners, eq(partners.id, contacts.partnerId))
    .where(contactSearchWhere(query))
    .orderBy(asc(contacts.sortName), asc(contacts.id))
    .limit(limit)
    .all();
  return rows.map((row) => ({ id: row.id, label: contactPickerLabel(row) }));
}

function contactPickerLabel(row: { firstName: string | null; lastName: string | null; partnerName: string | null }): string {
  return row.partnerName ? `${contactName(row)} – ${row.partnerName}` : contactName(row);
}

/**
 * The Kontakt picker once a Geschäftspartner is chosen: that partner's contacts (all of them, up to
 * the limit, when nothing is typed). Other contacts only on an explicit search, after the partner's
 * own, their label marked by `mark` (the caller's words, e.g. "anderer Geschäftspartner: X").
 */
export function searchPartnerContactOptions(
  db: Db,
  query: string,
  partnerId: number,
  mark: (otherPartnerName: string | null) => string,
  limit = 20,
): PickerOption[] {
  const matches = (scope: SQL | undefined, max: number) =>
    db
      .select({ id: contacts.id, firstName: contacts.firstName, lastName: contacts.lastName, partnerName: partners.name })
      .from(contacts)
      .leftJoin(partners, eq(partners.id, contacts.partnerId))
      .where(and(scope, contactSearchWhere(query)))
      .orderBy(asc(contacts.sortName), asc(contacts.id))
      .limit(max)
      .all();
  const own = matches(eq(contacts.partnerId, partnerId), limit).map((row) => ({ id: row.id, label: contactPickerLabel(row) }));
  if (!query || own.length >= limit) return own;
  const others = matches(or(isNull(contacts.partnerId), ne(contacts.partnerId, partnerId)), limit - own.length).map((row) => ({
    id: row.id,
    label: `${contactName(row)} · ${mark(row.partnerName)}`,
  }));
  return [...own, ...others];
}

export type ContactListItem = {
  id: number;
  salutation: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  position: string;
  partner: { id: number; name: string } | null;
};

const listColumns = {
  id: contacts.id,
  salutation: contacts.salutation,
  firstName: contacts.firstName,
  lastName: contacts.lastName,
  email: contacts.email,
  phone: contacts.phone,
  position: contacts.position,
  partnerId: partners.id,
  partnerName: partners.name,
};

type ListRow = Omit<ContactListItem, 'partner'> & { partnerId: number | null; partnerName: string | null };

function toListItem({ partnerId, partnerName, ...row }: ListRow): ContactListItem {
  return { ...row, partner: partnerId !== null && partnerName !== null ? { id: partnerId, name: partnerName } : null };
}

/** The contact list: searched, by last and first name, one page. */
export function listContacts(db: Db, query: string, page: { limit: number; offset: number }): { rows: ContactListItem[]; total: number } {
  const where = contactSearchWhere(query);
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(contacts)
    .leftJoin(partners, eq(partners.id, contacts.partnerId))
    .where(where)
    .get()!.n;
  const rows = db
    .select(listColumns)
    .from(contacts)
    .leftJoin(partners, eq(partners.id, contacts.partnerId))
    .where(where)
    .orderBy(asc(contacts.sortName), asc(contacts.id))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  return { rows: rows.map(toListItem), total };
}

/** A partner's contacts, by name (a partner has a handful; the cap only guards the page). */
export function listPartnerContacts(db: Db, partnerId: number, limit = 200): ContactListItem[] {
  return db
    .select(listColumns)
    .from(contacts)
    .leftJoin(partners, eq(partners.id, contacts.partnerId))
    .where(eq(contacts.partnerId, partnerId))
    .orderBy(asc(contacts.sortName), asc(contacts.id))
    .limit(limit)
    .all()
    .map(toListItem);
}

export type ContactDetail = ContactListItem & { version: number; updatedAt: Date; updatedByName: string | null };

export function findContact(db: Db, id: number): ContactDetail | null {
  const row = db
    .select({ ...listColumns, version: contacts.version, updatedAt: contacts.updatedAt, updatedByName: users.name })
    .from(contacts)
    .leftJoin(partners, eq(partners.id, contacts.partnerId))
    .leftJoin(users, eq(users.id, contacts.updatedById))
    .where(eq(contacts.id, id))
    .get();
  if (!row) return null;
  const { version, updatedAt, updatedByName, ...listRow } = row;
  return { ...toListItem(listRow), version, updatedAt, updatedByName };
}
