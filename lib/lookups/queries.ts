import 'server-only';
// Reads of the CRM lookup lists: CRM data, for `crm` users only.
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { attributes, companySizes, crmTicketStatuses, partners, type AttributeTarget, type Phase } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { LOOKUP_LISTS, type LookupListKey } from './lists';

export type LookupEntry = {
  id: number;
  name: string;
  position: number;
  archived: boolean;
  version: number;
  updatedById: number | null;
  minEmployees?: number;
  maxEmployees?: number | null;
  minCents?: number;
  maxCents?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  appliesTo?: AttributeTarget;
  phase?: Phase;
  color?: string | null;
  staleAfterDays?: number | null;
};

/** Every entry of a list in admin order, archived ones included. */
export function listLookupEntries(db: Db | Tx, user: SessionUser, list: LookupListKey): LookupEntry[] {
  assertRole(user, 'crm');
  return readEntries(db, list);
}

export function readEntries(db: Db | Tx, list: LookupListKey): LookupEntry[] {
  const { table } = LOOKUP_LISTS[list];
  return db.select().from(table).orderBy(asc(table.position), asc(table.id)).all() as LookupEntry[];
}

/**
 * How many records use an entry (the reason it may only be archived, not deleted); for a company
 * size, how many partners fall into the range (derived, so deleting it needs a confirmation only).
 */
export function countEntryUsage(db: Db | Tx, list: LookupListKey, id: number): number {
  if (list === 'companySizes') return countPartnersInSize(db, id);
  let total = 0;
  for (const column of LOOKUP_LISTS[list].usedBy) {
    total += db.get<{ n: number }>(sql`select count(*) as n from ${column.table} where ${column} = ${id}`)!.n;
  }
  return total;
}

/** Partners whose employee count lies within a company-size range (ranges never overlap). */
function countPartnersInSize(db: Db | Tx, id: number): number {
  const row = db
    .select({ n: sql<number>`count(${partners.id})` })
    .from(companySizes)
    .innerJoin(
      partners,
      and(
        gte(partners.employeeCount, companySizes.minEmployees),
        or(isNull(companySizes.maxEmployees), lte(partners.employeeCount, companySizes.maxEmployees)),
      ),
    )
    .where(eq(companySizes.id, id))
    .get();
  return row?.n ?? 0;
}

/**
 * Picker options: the non-archived entries, plus archived ones the record already carries
 * (archived entries leave pickers but stay on the records that use them).
 */
export function lookupOptions(
  db: Db,
  user: SessionUser,
  list: LookupListKey,
  keepIds: readonly number[] = [],
): { id: number; name: string; archived: boolean }[] {
  assertRole(user, 'crm');
  const { table } = LOOKUP_LISTS[list];
  return db
    .select({ id: table.id, name: table.name, archived: table.archived })
    .from(table)
    .where(keepIds.length > 0 ? or(eq(table.archived, false), inArray(table.id, [...keepIds])) : eq(table.archived, false))
    .orderBy(asc(table.position), asc(table.id))
    .all();
}

/** Merkmale offered for partners or for contacts: those for that target or both (plus ones already carried). */
export function attributeOptions(
  db: Db,
  user: SessionUser,
  target: 'partner' | 'contact',
  keepIds: readonly number[] = [],
): { id: number; name: string; archived: boolean }[] {
  assertRole(user, 'crm');
  return db
    .select({ id: attributes.id, name: attributes.name, archived: attributes.archived })
    .from(attributes)
    .where(
      or(
        and(eq(attributes.archived, false), inArray(attributes.appliesTo, [target, 'both'])),
        keepIds.length > 0 ? inArray(attributes.id, [...keepIds]) : undefined,
      ),
    )
    .orderBy(asc(attributes.position), asc(attributes.id))
    .all();
}

/** How a CRM status looks and where it stands: its phase and colour (SPEC section 14). */
export type CrmStatusStyle = { phase: Phase; color: string | null };
export type CrmStatusStyles = ReadonlyMap<number, CrmStatusStyle>;

/**
 * Every CRM status's phase and colour by id, archived ones included (records keep them): the one
 * read behind every status badge and the ticket panel's phase-dependent Verlustgrund.
 */
export function crmStatusStyles(db: Db | Tx, user: SessionUser): CrmStatusStyles {
  assertRole(user, 'crm');
  const rows = db
    .select({ id: crmTicketStatuses.id, phase: crmTicketStatuses.phase, color: crmTicketStatuses.color })
    .from(crmTicketStatuses)
    .all();
  return new Map(rows.map(({ id, phase, color }) => [id, { phase, color }]));
}
