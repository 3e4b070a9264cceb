import 'server-only';
// Reads of the CRM record the property registry declares (lib/crm/record/fields.ts): a record's
// chosen ids per bridge, and whether a partner carries CRM data.
import { asc, eq, isNotNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { bridgeProperties, scalarProperties, type CrmRecordColumns, type CrmRecordValues, type RecordEntity } from './fields';

type BridgeIds<E extends RecordEntity> = Omit<CrmRecordValues<E>, keyof CrmRecordColumns<E>>;

/** The record's chosen ids of every bridge, each in id order. */
export function readBridgeIds<E extends RecordEntity>(db: Db | Tx, entity: E, ownerId: number): BridgeIds<E> {
  const ids: Record<string, number[]> = {};
  for (const { bridge } of bridgeProperties(entity)) {
    ids[bridge.ids] = db
      .select({ id: bridge.entry })
      .from(bridge.owner.table)
      .where(eq(bridge.owner, ownerId))
      .orderBy(asc(bridge.entry))
      .all()
      .map((row) => row.id as number);
  }
  return ids as BridgeIds<E>;
}

/**
 * The condition "the record `ownerId` of `entity`'s table has a CRM value set": a lookup, number or
 * date filled in, a flag ticked, a text written, or an entry of a bridge.
 */
export function carriesCrmValue(entity: RecordEntity, ownerId: SQL | number): SQL {
  const set = scalarProperties(entity).map(({ property, column }) =>
    property.kind === 'boolean' ? eq(column, true) : property.kind === 'text' ? ne(column, '') : isNotNull(column),
  );
  const linked = bridgeProperties(entity).map(
    ({ bridge }) => sql`exists (select 1 from ${bridge.owner.table} where ${bridge.owner} = ${ownerId})`,
  );
  return or(...set, ...linked) ?? sql`0`;
}
