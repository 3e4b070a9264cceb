// Reads for the crash test: a record's state as the writer reports it (entry names, plain numbers),
// straight from SQLite, so the check does not lean on the code under test.
import type Database from 'better-sqlite3';
import type { ContactValues, PartnerCrmValues, TicketCrmValues } from './crash-ops';

type Sqlite = Database.Database;

const names = (sqlite: Sqlite, query: string, id: number): string[] => (sqlite.prepare(query).pluck().all(id) as string[]).sort();

export function readTicketState(sqlite: Sqlite, id: number): { version: number; values: TicketCrmValues } | undefined {
  const row = sqlite
    .prepare(
      `SELECT t.crm_version AS version, s.name AS crmStatus, r.name AS lostReason, t.probability, t.potential_cents AS potentialCents,
         t.expected_users AS expectedUsers
       FROM tickets t LEFT JOIN crm_ticket_statuses s ON s.id = t.crm_status_id LEFT JOIN lost_reasons r ON r.id = t.lost_reason_id
       WHERE t.id = ?`,
    )
    .get(id) as (Omit<TicketCrmValues, 'campaigns' | 'products'> & { version: number }) | undefined;
  if (!row) return undefined;
  const { version, ...columns } = row;
  return {
    version,
    values: {
      ...columns,
      campaigns: names(sqlite, 'SELECT c.name FROM ticket_campaigns x JOIN campaigns c ON c.id = x.campaign_id WHERE x.ticket_id = ?', id),
      products: names(sqlite, 'SELECT p.name FROM ticket_products x JOIN products p ON p.id = x.product_id WHERE x.ticket_id = ?', id),
    },
  };
}

export function readPartnerState(sqlite: Sqlite, id: number): { version: number; values: PartnerCrmValues } | undefined {
  const row = sqlite.prepare('SELECT crm_version AS version, newsletter, comment1 FROM partners WHERE id = ?').get(id) as
    { version: number; newsletter: number; comment1: string } | undefined;
  if (!row) return undefined;
  return {
    version: row.version,
    values: {
      newsletter: row.newsletter === 1,
      comment1: row.comment1,
      campaigns: names(
        sqlite,
        'SELECT c.name FROM partner_campaigns x JOIN campaigns c ON c.id = x.campaign_id WHERE x.partner_id = ?',
        id,
      ),
      products: names(sqlite, 'SELECT p.name FROM partner_products x JOIN products p ON p.id = x.product_id WHERE x.partner_id = ?', id),
    },
  };
}

export function readContactState(sqlite: Sqlite, id: number): { version: number; values: ContactValues } | undefined {
  const row = sqlite.prepare('SELECT version, phone, position FROM contacts WHERE id = ?').get(id) as
    { version: number; phone: string; position: string } | undefined;
  return row && { version: row.version, values: { phone: row.phone, position: row.position } };
}

export const readQueryOrder = (sqlite: Sqlite, ownerId: number): number[] =>
  sqlite.prepare('SELECT id FROM queries WHERE owner_id = ? ORDER BY position, id').pluck().all(ownerId) as number[];

export const readStatusOrder = (sqlite: Sqlite): number[] =>
  sqlite.prepare('SELECT id FROM crm_ticket_statuses ORDER BY position, id').pluck().all() as number[];

/** A CRM field as the history stores it; lists (joined in admin order) compared as sorted names. */
export type HistoryText = Record<string, string | null>;

const number = (value: number | null) => (value === null ? null : String(value));
const list = (values: string[]) => (values.length === 0 ? null : [...values].sort().join(', '));

/** The history's names of a list field, in the same canonical form as `list`. */
export function canonicalHistoryValue(field: string, value: string | null): string | null {
  return value !== null && (field === 'campaigns' || field === 'products') ? list(value.split(', ')) : value;
}

export function ticketHistoryText(values: TicketCrmValues): HistoryText {
  return {
    crmStatus: values.crmStatus,
    lostReason: values.lostReason,
    probability: number(values.probability),
    potential: number(values.potentialCents),
    campaigns: list(values.campaigns),
    products: list(values.products),
    expectedUsers: number(values.expectedUsers),
  };
}

export function partnerHistoryText(values: PartnerCrmValues): HistoryText {
  return {
    campaigns: list(values.campaigns),
    products: list(values.products),
    newsletter: String(values.newsletter),
    comment1: values.comment1 || null,
  };
}

/** The rows a save must add to the history: one per changed field. */
export function historyDiff(
  before: HistoryText,
  after: HistoryText,
): { field: string; oldValue: string | null; newValue: string | null }[] {
  return Object.keys(after)
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field, oldValue: before[field], newValue: after[field] }));
}
