// Rows to records (SPEC section 18): partners by GPID, else by name + postcode (normalised); contacts by
// e-mail (one without e-mail by the Kontakt-ID of our export); tickets by number. The records' keys are indexed once, so a row costs a map look-up.
import type { ExportEntity } from '@/db/schema';
import { emailMatchKey, gpidMatchKey, partnerMatchKey, ticketNumberKey } from '../match/keys';
import type { CellValue } from '../values/read-cell';
import type { CurrentRecord } from './types';

/** The records by match key (`g:1042`, `n:<name|postcode>`, `e:<mail>`, `t:T-000001`). */
export type RecordIndex = Map<string, CurrentRecord[]>;

/** A row's (or record's) match key, or null when it has none (a partner without GPID and name + postcode, …). */
export function matchKeyOf(entity: ExportEntity, values: Readonly<Record<string, CellValue | undefined>>): string | null {
  switch (entity) {
    case 'partners': {
      const gpid = gpidMatchKey(values.gpid as number | string | null | undefined);
      if (gpid !== null) return `g:${gpid}`;
      const key = typeof values.name === 'string' ? partnerMatchKey(values.name, values.postcode as string | null) : null;
      return key === null ? null : `n:${key}`;
    }
    case 'contacts': {
      const key = emailMatchKey(values.email as string | null | undefined);
      if (key !== null) return `e:${key}`;
      // Without an e-mail, our own export's Kontakt-ID finds the contact (only one without e-mail).
      const id = gpidMatchKey(values.id as number | string | null | undefined);
      return id === null ? null : `i:${id}`;
    }
    case 'tickets': {
      const key = ticketNumberKey(values.number as string | null | undefined);
      return key === null ? null : `t:${key}`;
    }
  }
}

function add(index: RecordIndex, key: string | null, record: CurrentRecord): void {
  if (key === null) return;
  const found = index.get(key);
  if (found) found.push(record);
  else index.set(key, [record]);
}

/** Every record under each of its keys (a partner under its GPID and under its name + postcode). */
export function indexRecords(entity: ExportEntity, records: readonly CurrentRecord[]): RecordIndex {
  const index: RecordIndex = new Map();
  for (const record of records) {
    const { gpid, name, postcode, email, number } = record.match;
    if (entity === 'partners') {
      add(index, matchKeyOf(entity, { gpid: gpid ?? null }), record);
      add(index, matchKeyOf(entity, { name: name ?? null, postcode: postcode ?? null }), record);
    } else add(index, matchKeyOf(entity, { email: email ?? null, number: number ?? null, id: record.id }), record);
  }
  return index;
}

export type RowMatch =
  | { kind: 'none'; key: string | null }
  | { kind: 'one'; key: string; record: CurrentRecord }
  | { kind: 'many'; key: string; records: CurrentRecord[] };

export function matchRow(entity: ExportEntity, index: RecordIndex, values: Readonly<Record<string, CellValue>>): RowMatch {
  const key = matchKeyOf(entity, values);
  const found = key === null ? undefined : index.get(key);
  if (key === null || !found) return { kind: 'none', key };
  return found.length === 1 ? { kind: 'one', key, record: found[0] } : { kind: 'many', key, records: found };
}
