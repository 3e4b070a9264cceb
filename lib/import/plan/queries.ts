import 'server-only';
// The dry run's reads (SPEC section 18): every record of the entity with its match keys and the current
// values of the import's fields, every partner and the lookup lists, each in one statement, so a plan
// of 50,000 rows reads the database a handful of times. Nothing is written.
import { sql, type SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db/client';
import { contacts, partners, tickets, type ExportEntity } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { DATA_COLUMNS } from '@/lib/data-manager/columns';
import { FROM, ID } from '@/lib/data-manager/queries';
import { readEntries } from '@/lib/lookups/queries';
import type { LookupListKey } from '@/lib/lookups/lists';
import { contactDisplayName, ticketPartnerId } from '@/lib/parties/names';
import type { LookupEntry } from '../match/lookups';
import { IMPORT_FIELDS, type ImportField } from './fields';
import { planRows } from './plan';
import { prepareImport } from './prepare';
import type { CurrentRecord, ImportInput, ImportPlan, PlanSnapshot } from './types';

const dialect = new SQLiteSyncDialect();

const LABEL: Record<ExportEntity, SQL> = {
  partners: sql`${partners.name}`,
  contacts: contactDisplayName,
  tickets: sql`${tickets.number}`,
};

/** What a record is matched by, in CurrentRecord['match'] order per entity. */
const MATCH: Record<ExportEntity, [keyof CurrentRecord['match'], SQL][]> = {
  partners: [
    ['gpid', sql`${partners.gpid}`],
    ['name', sql`${partners.name}`],
    ['postcode', sql`${partners.postcode}`],
  ],
  contacts: [['email', sql`${contacts.email}`]],
  tickets: [['number', sql`${tickets.number}`]],
};

const PARTNER_ID: Record<ExportEntity, SQL> = {
  partners: sql`null`,
  contacts: sql`${contacts.partnerId}`,
  tickets: ticketPartnerId,
};

/** The current value of a field as the planner compares it (see CurrentRecord['values']). */
function currentValue(entity: ExportEntity, field: ImportField): SQL | null {
  const write = field.write;
  switch (write.kind) {
    case 'readOnly':
      return null;
    case 'lookup':
      return sql`${write.column}`;
    case 'lookups':
      return sql`(select group_concat(${write.bridge.entry}) from ${write.bridge.owner.table} where ${write.bridge.owner} = ${ID[entity]})`;
    case 'partner':
      return PARTNER_ID[entity];
    default:
      return DATA_COLUMNS[entity].find((column) => column.key === field.key)!.expression;
  }
}

/** Every record of the entity as the planner compares it; `withCrm`: also the CRM fields' values. */
export function readCurrentRecords(db: Db, entity: ExportEntity, withCrm: boolean): CurrentRecord[] {
  const fields = IMPORT_FIELDS[entity]
    .filter((field) => withCrm || !field.crm)
    .map((field) => ({ field, value: currentValue(entity, field) }))
    .filter((item): item is { field: ImportField; value: SQL } => item.value !== null);
  const selected = [ID[entity], LABEL[entity], ...MATCH[entity].map(([, value]) => value), ...fields.map(({ value }) => value)];
  const query = dialect.sqlToQuery(sql`select ${sql.join(selected, sql`, `)} from ${FROM[entity]} order by ${ID[entity]}`);
  const rows = db.$client
    .prepare(query.sql)
    .raw(true)
    .all(...query.params) as unknown[][];
  const matchCount = MATCH[entity].length;
  return rows.map((row) => {
    const match: CurrentRecord['match'] = {};
    MATCH[entity].forEach(([key], index) => {
      (match as Record<string, unknown>)[key] = row[2 + index];
    });
    const values: Record<string, unknown> = {};
    fields.forEach(({ field }, index) => {
      const value = row[2 + matchCount + index];
      values[field.key] = field.write.kind === 'lookups' ? idsOf(value) : value;
    });
    return { id: Number(row[0]), label: String(row[1] ?? ''), match, values };
  });
}

function idsOf(value: unknown): number[] {
  return typeof value === 'string' && value !== '' ? value.split(',').map(Number) : [];
}

/** The lists the fields look names up in; Merkmale only those for the entity (or both). */
function readLookups(db: Db, entity: ExportEntity, withCrm: boolean): Partial<Record<LookupListKey, LookupEntry[]>> {
  const lists = new Set<LookupListKey>();
  for (const field of IMPORT_FIELDS[entity]) {
    if (withCrm && (field.write.kind === 'lookup' || field.write.kind === 'lookups')) lists.add(field.write.list);
  }
  const target = entity === 'contacts' ? 'contact' : 'partner';
  return Object.fromEntries(
    [...lists].map((list) => [
      list,
      readEntries(db, list)
        .filter((entry) => list !== 'attributes' || entry.appliesTo === 'both' || entry.appliesTo === target)
        .map(({ id, name, archived }) => ({ id, name, archived })),
    ]),
  );
}

export function readPlanSnapshot(db: Db, entity: ExportEntity, withCrm: boolean): PlanSnapshot {
  const partnerRows =
    entity === 'partners' ? [] : db.select({ id: partners.id, gpid: partners.gpid, name: partners.name }).from(partners).all();
  return {
    records: readCurrentRecords(db, entity, withCrm),
    partners: partnerRows,
    lookups: readLookups(db, entity, withCrm),
  };
}

/**
 * The dry run of an import (SPEC section 18, Probelauf): the file read and mapped, CRM columns refused
 * to a user without `crm` before any CRM value is read, then every row planned against the records as
 * they are, in one read transaction. Writes nothing.
 */
export function planImport(db: Db, user: SessionUser, input: ImportInput): ImportPlan {
  const prepared = prepareImport(user, input);
  if (!prepared.ok) return prepared;
  const withCrm = prepared.fields.some((field) => field.crm);
  if (withCrm) assertRole(user, 'crm');
  const snapshot = db.transaction(() => readPlanSnapshot(db, input.entity, withCrm), { behavior: 'deferred' });
  return planRows(prepared, snapshot, input.options);
}
