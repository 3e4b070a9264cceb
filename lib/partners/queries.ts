import 'server-only';
// Reads of business partners (master data; CRM fields are read elsewhere, for `crm` users only).
import { asc, like, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { partners } from '@/db/schema';
import type { PickerOption } from '@/lib/picker';
import { likePattern } from '@/lib/sql';

/** Partners matching a search term, for pickers: name, name 2, search name, GPID or city. */
export function searchPartnerOptions(db: Db, query: string, limit = 20): PickerOption[] {
  const pattern = likePattern(query);
  const rows = db
    .select({ id: partners.id, name: partners.name, gpid: partners.gpid, city: partners.city })
    .from(partners)
    .where(
      query
        ? or(
            sql`${partners.name} like ${pattern} escape '\\'`,
            sql`${partners.name2} like ${pattern} escape '\\'`,
            sql`${partners.searchName} like ${pattern} escape '\\'`,
            sql`${partners.city} like ${pattern} escape '\\'`,
            like(sql`cast(${partners.gpid} as text)`, pattern),
          )
        : undefined,
    )
    .orderBy(asc(partners.name), asc(partners.id))
    .limit(limit)
    .all();
  return rows.map((row) => ({ id: row.id, label: partnerLabel(row) }));
}

export function partnerLabel(row: { name: string; gpid: number; city: string }): string {
  return row.city ? `${row.name} (${row.gpid}, ${row.city})` : `${row.name} (${row.gpid})`;
}
