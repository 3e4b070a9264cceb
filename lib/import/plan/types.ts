// The dry run's input and answer (SPEC section 18, Probelauf), as plain data: what apply, undo and the
// import page build on.
import type { ExportEntity } from '@/db/schema';
import type { LookupListKey } from '@/lib/lookups/lists';
import type { LookupEntry } from '../match/lookups';
import type { ImportMapping } from '../parse/headers';
import type { ImportProblem } from '../problems';
import type { ImportCellStyle } from '../values/read-cell';

export type ImportOptions = {
  /** A row matching a record: change the record, or leave it as it is. */
  existing: 'update' | 'skip';
  /** A row matching no record: create one, or leave the row out. */
  createNew: boolean;
  /** Unknown lookup names become new entries (crm_admin only), else they are errors. */
  createMissingEntries: boolean;
};

export type ImportInput = {
  entity: ExportEntity;
  bytes: Uint8Array;
  /** A saved or hand-made mapping (header → column key or null); labels map by themselves. */
  mapping?: ImportMapping;
  options: ImportOptions;
};

export type RowAction = 'create' | 'update' | 'unchanged' | 'skip' | 'error';

/**
 * One planned field. Values are as stored: text, integer, money in cents, percent, `YYYY-MM-DD`,
 * booleans, a ticket status key, entry ids (lookup: one id, lookups: ids), a partner id. An entry the
 * import would create has a negative id, listed in `ImportPlan.newEntries`; `created` names it here.
 */
export type PlannedChange = { key: string; before: unknown; after: unknown; created?: string[] };

export type PlannedRow = {
  /** The row's 1-based line in the file. */
  line: number;
  action: RowAction;
  /** The matched record (update, unchanged, skip of an existing one). */
  recordId?: number;
  /** Partner name, contact name or ticket number (of the record, else of the row). */
  label: string;
  /** update: the changed fields; create: every field the row sets; empty otherwise. */
  changes: PlannedChange[];
  problems: ImportProblem[];
};

/** A lookup entry the import would create (only with createMissingEntries, for crm_admin). */
export type PlannedEntry = { list: LookupListKey; name: string; id: number };

export type ImportPlanCounts = Record<RowAction, number>;

export type ImportPlan =
  /** Refused as a whole (file unreadable, CRM columns without `crm`, …): nothing planned. */
  | { ok: false; problems: ImportProblem[] }
  | {
      ok: true;
      entity: ExportEntity;
      /** Per header cell (same index): the column key used, or null. */
      mapping: { header: string; key: string | null }[];
      /** Headers of mapped read-only columns: "wird nicht importiert". */
      ignored: string[];
      style: ImportCellStyle;
      /** The file's problems (headers, ragged rows): those rows are not in `rows`. */
      problems: ImportProblem[];
      rows: PlannedRow[];
      counts: ImportPlanCounts;
      newEntries: PlannedEntry[];
    };

/** A record as it is now: the values of the import fields (as stored) and what it is matched by. */
export type CurrentRecord = {
  id: number;
  label: string;
  /** partners: gpid, name, postcode; contacts: email; tickets: number. */
  match: { gpid?: number | null; name?: string | null; postcode?: string | null; email?: string | null; number?: string | null };
  /** By field key; lookups as an id, bridges as ids, partner references (either key) as the partner id. */
  values: Record<string, unknown>;
};

export type PartnerRef = { id: number; gpid: number | null; name: string };

/** What the planner reads from the database, once per plan. */
export type PlanSnapshot = {
  records: CurrentRecord[];
  /** Every partner (for contacts' and tickets' partner column). */
  partners: PartnerRef[];
  lookups: Partial<Record<LookupListKey, LookupEntry[]>>;
};
