import 'server-only';
// Reads of contacts.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contacts, partners } from '@/db/schema';
import type { PickerOption } from '@/lib/picker';
import { likePattern } from '@/lib/sql';

export function contactName(row: { firstName: string | null; lastName: string | null }): string {
  return `${row.firstName ?? ''} ${row.lastName ?? ''}`.trim();
}

/** Contacts matching a search term (first name, last name, e-mail, partner name), for pickers. */
export function searchContactOptions(db: Db, query: string, limit = 20): PickerOption[] {
  const pattern = likePattern(query);
  const rows = db
    .select({ id: contacts.id, firstName: contacts.firstName, lastName: contacts.lastName, partnerName: partners.name })
    .from(contacts)
    .leftJoin(partners, eq(partners.id, contacts.partnerId))
    .where(
      query
        ? sql`(${contacts.firstName} || ' ' || ${contacts.lastName}) like ${pattern} escape '\\'
              or ${contacts.lastName} like ${pattern} escape '\\'
              or ${contacts.email} like ${pattern} escape '\\'
              or ${partners.name} like ${pattern} escape '\\'`
        : undefined,
    )
    .orderBy(asc(contacts.lastName), asc(contacts.firstName), asc(contacts.id))
    .limit(limit)
    .all();
  return rows.map((row) => ({ id: row.id, label: row.partnerName ? `${contactName(row)} – ${row.partnerName}` : contactName(row) }));
}
