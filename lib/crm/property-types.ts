// The shape of a CRM property declaration (lib/crm/properties.ts) and of each surface it may reach.
import type { SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { CsvColumnType } from '@/lib/csv/columns';
import type { MessageKey, Translate } from '@/lib/i18n';
import type { LookupListKey } from '@/lib/lookups/lists';
import type { FollowupClock } from './followups/clock';
import type { CrmFormField } from './form-fields';

/** How a value is stored in the Verlauf and shown: history values are text. */
export type CrmValueKind =
  | 'lookup'
  | 'lookupMulti'
  | 'percent'
  | 'money'
  | 'integer'
  | 'boolean'
  | 'text'
  | 'date'
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`: a calendar day, with a Berlin wall-clock time or without. */
  | 'dateTime'
  | 'reference';

export type PropertyEntity = 'ticket' | 'partner' | 'contact';

/** Where a dashboard level's group labels and order come from. */
export type LabelSource =
  | { kind: 'lookup'; list: LookupListKey }
  | { kind: 'partner' }
  | { kind: 'contact' }
  | { kind: 'user' }
  | { kind: 'ticketStatus' }
  /** Keys the product defines: the phases, in PHASES order. */
  | { kind: 'phase' }
  /** `YYYY-MM`, chronological. */
  | { kind: 'month' }
  /** `YYYY-Qn`, chronological. */
  | { kind: 'quarter' }
  /** A next action's state (SPEC section 17): überfällig, heute, geplant, keine. */
  | { kind: 'nextAction' };

/** A company-size range in admin order; the dashboard reads them once per request. */
export type SizeRange = { id: number; min: number; max: number | null };

/** The CRM statuses of each closed phase (every other status, and none, is open). */
export type StatusPhases = { won: readonly number[]; lost: readonly number[] };

/** A CRM status (of phase open) with "veraltet nach `days` Tagen", and the instant a change must be newer than. */
export type StaleRule = { id: number; days: number; cutoff: number };

/**
 * What derived dashboard values read once per request: the company-size ranges, the statuses' phases,
 * the clock (today and now in Berlin) and the stale rules at that clock.
 */
export type ValueContext = { sizes: readonly SizeRange[]; phases: StatusPhases; clock: FollowupClock; stale: readonly StaleRule[] };

/**
 * A property's value per CRM ticket of the dashboard, over `tickets`, `contacts` (the ticket's
 * contact) and `partners` (the ticket's partner): one expression, or a bridge of several values.
 */
export type DashboardValue = { expression: (context: ValueContext) => SQL } | { bridge: 'products' | 'campaigns' };

export type DashboardSurface = {
  /** Its place in the filter bar and the grouping list (SPEC section 8, left to right). */
  position: number;
  /** The dashboard's word, where SPEC section 8 names it differently from the field. */
  label?: MessageKey;
  /** The group of tickets without a value: "(ohne …)". */
  emptyLabel: MessageKey;
  labels: LabelSource;
  value: DashboardValue;
  /** A URL parameter filtering by it: shown in the filter bar, or hidden (it narrows a view to one group). */
  filter?: 'bar' | 'hidden';
  /** A grouping key (`groupBy`). */
  group?: true;
};

/**
 * A multi-valued property's bridge table: the column naming the record (`owner`), the column naming the
 * lookup entry (`entry`) and the record's key for the chosen ids (`ids`, e.g. `campaignIds`).
 */
export type CrmBridge = { ids: string; owner: SQLiteColumn; entry: SQLiteColumn };

/** A CSV column: header, type, the SQL reading it and how a stored value becomes the cell. */
export type ExportColumn = { type: CsvColumnType; value: SQL; present?: (value: unknown, t: Translate) => unknown };

export type CrmProperty = {
  entity: PropertyEntity;
  /** The one label of the property (its field name); surfaces use it unless they declare their own word. */
  label: MessageKey;
  kind: CrmValueKind;
  list?: LookupListKey;
  /** Its name in the CRM forms, in the Verlauf (crm_changes.field, stored: never renamed) and the Daten Manager. */
  field?: string;
  /**
   * Where a ticket's or partner's scalar property is stored, on its entity's table: the CRM record
   * (read, form values, save, Verlauf snapshot, "carries CRM data") is derived from it. A `date` holds
   * `YYYY-MM-DD` text.
   */
  column?: SQLiteColumn;
  /** Where a multi-valued property of a ticket or partner is stored. */
  bridge?: CrmBridge;
  /** Recorded in the Verlauf when it changes. */
  history?: true;
  /**
   * A change of it moves the deal on (SPEC section 17): its newest Verlauf entry is the ticket's last
   * CRM change, which staleness is judged by (kept by a trigger of migration 0005; a test holds the two
   * lists equal).
   */
  movesDeal?: true;
  dashboard?: DashboardSurface;
  /** A column of the dashboard CSV after number and title, at `position`. */
  dashboardCsv?: ExportColumn & { position: number; header: MessageKey };
  /** A CRM column of the Daten Manager (SPEC section 10), `columns=` key `field`. */
  dataManager?: ExportColumn;
  /** Its field in the entity's CRM form. */
  form?: CrmFormField;
};
