import 'server-only';
// Reads of business partners' master data. CRM fields are read elsewhere, for `crm` users only:
// every query here names its columns, so no CRM value can ride along.
import { asc, desc, eq, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { normalisePartnerName } from './name-core';
import { partners, users } from '@/db/schema';
import type { PickerOption } from '@/lib/picker';
import { likePattern } from '@/lib/like-pattern';
import type { PartnerListParams } from './schemas';

/** Partners whose GPID, name, name 2, search name or city contains the term. */
function partnerSearchWhere(query: string): SQL | undefined {
  if (!query) return undefined;
  const pattern = likePattern(query);
  return or(
    sql`${partners.name} like ${pattern} escape '\\'`,
    sql`${partners.name2} like ${pattern} escape '\\'`,
    sql`${partners.searchName} like ${pattern} escape '\\'`,
    sql`${partners.city} like ${pattern} escape '\\'`,
    like(sql`cast(${partners.gpid} as text)`, pattern),
  );
}

/** Partners matching a search term, for pickers: name, name 2, search name, GPID or city. */
export function searchPartnerOptions(db: Db, query: string, limit = 20): PickerOption[] {
  const rows = db
    .select({ id: partners.id, name: partners.name, gpid: partners.gpid, city: partners.city })
    .from(partners)
    .where(partnerSearchWhere(query))
    .orderBy(asc(partners.sortName), asc(partners.id))
    .limit(limit)
    .all();
  return rows.map((row) => ({ id: row.id, label: partnerLabel(row) }));
}

export function partnerLabel(row: { name: string; gpid: number; city: string }): string {
  return row.city ? `${row.name} (${row.gpid}, ${row.city})` : `${row.name} (${row.gpid})`;
}

/** One partner as a picker's preselected option, or null when the id is unknown. */
export function findPartnerOption(db: Db, id: number): PickerOption | null {
  const row = db
    .select({ id: partners.id, name: partners.name, gpid: partners.gpid, city: partners.city })
    .from(partners)
    .where(eq(partners.id, id))
    .get();
  return row ? { id: row.id, label: partnerLabel(row) } : null;
}

export type PartnerListItem = { id: number; gpid: number; name: string; name2: string; postcode: string; city: string; phone: string };

export function listPartners(
  db: Db,
  params: PartnerListParams,
  page: { limit: number; offset: number },
): { rows: PartnerListItem[]; total: number } {
  const where = partnerSearchWhere(params.q);
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(partners)
    .where(where)
    .get()!.n;
  const direction = params.dir === 'desc' ? desc : asc;
  const rows = db
    .select({
      id: partners.id,
      gpid: partners.gpid,
      name: partners.name,
      name2: partners.name2,
      postcode: partners.postcode,
      city: partners.city,
      phone: partners.phone,
    })
    .from(partners)
    .where(where)
    // German order (lib/order/sort-key.ts); the id breaks ties, so the order is stable from page to page.
    .orderBy(...(params.sort === 'gpid' ? [direction(partners.gpid)] : [direction(partners.sortName), direction(partners.id)]))
    .limit(page.limit)
    .offset(page.offset)
    .all();
  return { rows, total };
}

export type PartnerDetail = PartnerListItem & {
  searchName: string;
  street: string;
  country: string;
  email: string;
  website: string;
  version: number;
  updatedAt: Date;
  /** Who saved last, when known. */
  updatedByName: string | null;
};

export function findPartner(db: Db, id: number): PartnerDetail | null {
  const row = db
    .select({
      id: partners.id,
      gpid: partners.gpid,
      name: partners.name,
      name2: partners.name2,
      searchName: partners.searchName,
      street: partners.street,
      postcode: partners.postcode,
      city: partners.city,
      country: partners.country,
      phone: partners.phone,
      email: partners.email,
      website: partners.website,
      version: partners.version,
      updatedAt: partners.updatedAt,
      updatedByName: users.name,
    })
    .from(partners)
    .leftJoin(users, eq(users.id, partners.updatedById))
    .where(eq(partners.id, id))
    .get();
  return row ?? null;
}

// ---------------------------------------------------------------- duplicate check

export { normalisePartnerName };

export type SimilarPartner = { id: number; gpid: number; name: string; city: string };

/**
 * Existing partners whose name contains the core of `name` (see normalisePartnerName).
 * SQL narrows with LIKE on the core's words in order; the exact comparison runs here, because
 * SQLite folds case for ASCII letters only (a non-ASCII letter is a one-character wildcard in the LIKE).
 */
export function findSimilarPartners(db: Db | Tx, name: string, limit = 10): SimilarPartner[] {
  const core = normalisePartnerName(name);
  if (!core) return [];
  const pattern = `%${core
    .split(' ')
    .map((word) => word.replace(/[^a-z0-9]/g, '_'))
    .join('%')}%`;
  const compact = (text: string) => text.replace(/ /g, '');
  const wanted = compact(core);
  return db
    .select({ id: partners.id, gpid: partners.gpid, name: partners.name, city: partners.city })
    .from(partners)
    .where(like(partners.name, pattern))
    .orderBy(asc(partners.sortName), asc(partners.id))
    .all()
    .filter((row) => compact(normalisePartnerName(row.name)).includes(wanted))
    .slice(0, limit);
}
