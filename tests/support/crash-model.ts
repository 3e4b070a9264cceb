// The crash test's record of what the writer committed, and the check of a database against it.
// Fed with the reported lines of each round; the write that was in flight at the kill is looked up in
// the database and counted as committed or rolled back, and then it too must be there whole or not at all.
import type Database from 'better-sqlite3';
import { isDeepStrictEqual } from 'node:util';
import { FIRST_GPID } from '@/db/seed/demo';
import type { CrashLine, CrashOp, CrashResult } from './crash-ops';
import {
  canonicalHistoryValue,
  historyDiff,
  partnerHistoryText,
  readContactState,
  readPartnerState,
  readQueryOrder,
  readStatusOrder,
  readTicketState,
  ticketHistoryText,
  type HistoryText,
} from './crash-state';

type Sqlite = Database.Database;
type Versioned<T> = { version: number; values: T };
type HistoryBatch = {
  label: string;
  entity: 'ticket' | 'partner';
  entityId: number;
  anchor: string;
  anchorValue: string;
  rows: ReturnType<typeof historyDiff>;
};
type Baseline = { tickets: number; partners: number; products: number; historyId: number };

/** `exact`: the database holds exactly the committed writes; `contains`: at least those (a backup taken mid-run). */
export type CheckMode = 'exact' | 'contains';
export type InFlight = { op: CrashOp; committed: boolean };

const count = (sqlite: Sqlite, table: string) => sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

export class CrashModel {
  private readonly createdTickets: (CrashResult & { title: string; partnerId: number; contactId: number })[] = [];
  private readonly createdPartners: (CrashResult & { name: string; city: string })[] = [];
  private readonly createdProducts: string[] = [];
  private readonly batches: HistoryBatch[] = [];
  private readonly ticketCrm = new Map<number, Versioned<HistoryText>>();
  private readonly partnerCrm = new Map<number, Versioned<HistoryText>>();
  private readonly contacts = new Map<number, Versioned<{ phone: string; position: string }>>();
  private readonly queryOrders = new Map<number, number[]>();
  private statusOrder: number[] | null = null;
  /** Traces a rolled-back write must not have left: [what, SQL returning a count, its parameter]. */
  private readonly absent: [string, string, string][] = [];
  private readonly baseline: Baseline;

  constructor(sqlite: Sqlite) {
    this.baseline = {
      tickets: count(sqlite, 'tickets'),
      partners: count(sqlite, 'partners'),
      products: count(sqlite, 'products'),
      historyId: sqlite.prepare('SELECT coalesce(max(id), 0) FROM crm_changes').pluck().get() as number,
    };
  }

  /** Applies every reported commit in order; returns the write begun but not reported, if any. */
  applyReported(lines: CrashLine[]): CrashOp | null {
    let pending: { seq: number; op: CrashOp } | null = null;
    for (const line of lines) {
      if (line.type === 'begin') {
        if (pending) throw new Error(`write ${pending.seq} was begun but never reported before ${line.seq}`);
        pending = line;
      } else if (line.type === 'commit') {
        if (pending?.seq !== line.seq) throw new Error(`commit ${line.seq} without its begin`);
        this.commit(pending.op, line.result);
        pending = null;
      }
    }
    return pending?.op ?? null;
  }

  /** Decides from the database whether the write in flight at the kill committed, and records it. */
  resolveInFlight(sqlite: Sqlite, op: CrashOp): InFlight {
    const created = (query: string, key: string) => sqlite.prepare(query).get(key) as CrashResult | undefined;
    const version = (table: string, id: number, column = 'version') =>
      sqlite.prepare(`SELECT ${column} FROM ${table} WHERE id = ?`).pluck().get(id) as number;
    let result: CrashResult | undefined;
    let committed: boolean;
    switch (op.kind) {
      case 'createTicket':
        result = created('SELECT id, number FROM tickets WHERE title = ?', op.title);
        committed = result !== undefined;
        break;
      case 'createPartner':
        result = created('SELECT id, gpid FROM partners WHERE name = ?', op.name);
        committed = result !== undefined;
        break;
      case 'saveTicketCrm':
        committed = version('tickets', op.ticketId, 'crm_version') > op.fromVersion;
        break;
      case 'savePartnerCrm':
        committed = version('partners', op.partnerId, 'crm_version') > op.fromVersion;
        break;
      case 'updateContact':
        committed = version('contacts', op.contactId) > op.fromVersion;
        break;
      case 'reorderQueries':
        committed = isDeepStrictEqual(readQueryOrder(sqlite, op.ownerId), op.ids);
        break;
      case 'reorderStatuses':
        committed = isDeepStrictEqual(readStatusOrder(sqlite), op.ids);
        break;
    }
    if (committed) this.commit(op, result);
    else this.rollBack(op);
    return { op, committed };
  }

  private commit(op: CrashOp, result: CrashResult | undefined): void {
    switch (op.kind) {
      case 'createTicket':
        this.createdTickets.push({ ...result!, title: op.title, partnerId: op.partnerId, contactId: op.contactId });
        return;
      case 'createPartner':
        this.createdPartners.push({ ...result!, name: op.name, city: op.city });
        return;
      case 'saveTicketCrm': {
        const [before, after] = [ticketHistoryText(op.before), ticketHistoryText(op.after)];
        this.ticketCrm.set(op.ticketId, { version: op.fromVersion + 1, values: after });
        this.batches.push({
          label: `saveTicketCrm ${op.ticketId} v${op.fromVersion + 1}`,
          entity: 'ticket',
          entityId: op.ticketId,
          anchor: 'potential',
          anchorValue: after.potential!,
          rows: historyDiff(before, after),
        });
        this.createdProducts.push(...op.newProducts);
        return;
      }
      case 'savePartnerCrm': {
        const [before, after] = [partnerHistoryText(op.before), partnerHistoryText(op.after)];
        this.partnerCrm.set(op.partnerId, { version: op.fromVersion + 1, values: after });
        this.batches.push({
          label: `savePartnerCrm ${op.partnerId} v${op.fromVersion + 1}`,
          entity: 'partner',
          entityId: op.partnerId,
          anchor: 'comment1',
          anchorValue: after.comment1!,
          rows: historyDiff(before, after),
        });
        return;
      }
      case 'updateContact':
        this.contacts.set(op.contactId, { version: op.fromVersion + 1, values: op.after });
        return;
      case 'reorderQueries':
        this.queryOrders.set(op.ownerId, op.ids);
        return;
      case 'reorderStatuses':
        this.statusOrder = op.ids;
    }
  }

  private rollBack(op: CrashOp): void {
    switch (op.kind) {
      case 'createTicket':
        this.absent.push([`ticket "${op.title}"`, 'SELECT count(*) FROM tickets WHERE title = ?', op.title]);
        return;
      case 'createPartner':
        this.absent.push([`partner "${op.name}"`, 'SELECT count(*) FROM partners WHERE name = ?', op.name]);
        return;
      case 'saveTicketCrm': {
        this.ticketCrm.set(op.ticketId, { version: op.fromVersion, values: ticketHistoryText(op.before) });
        const potential = String(op.after.potentialCents);
        this.absent.push([
          `history of potential ${potential}`,
          "SELECT count(*) FROM crm_changes WHERE field = 'potential' AND new_value = ?",
          potential,
        ]);
        for (const name of op.newProducts) this.absent.push([`product "${name}"`, 'SELECT count(*) FROM products WHERE name = ?', name]);
        return;
      }
      case 'savePartnerCrm':
        this.partnerCrm.set(op.partnerId, { version: op.fromVersion, values: partnerHistoryText(op.before) });
        this.absent.push([
          `history of "${op.after.comment1}"`,
          "SELECT count(*) FROM crm_changes WHERE field = 'comment1' AND new_value = ?",
          op.after.comment1,
        ]);
        return;
      case 'updateContact':
        this.contacts.set(op.contactId, { version: op.fromVersion, values: op.before });
        return;
      case 'reorderQueries':
        this.queryOrders.set(op.ownerId, op.fromIds);
        return;
      case 'reorderStatuses':
        this.statusOrder = op.fromIds;
    }
  }

  /** Everything wrong with the database, as readable sentences (empty: all committed writes are there, whole). */
  problems(sqlite: Sqlite, mode: CheckMode): string[] {
    const problems: string[] = [];
    const expectEqual = (what: string, actual: unknown, expected: unknown) => {
      if (!isDeepStrictEqual(actual, expected))
        problems.push(`${what}: expected ${JSON.stringify(expected)}, found ${JSON.stringify(actual)}`);
    };

    expectEqual('integrity_check', sqlite.pragma('integrity_check', { simple: true }), 'ok');
    expectEqual('foreign_key_check', sqlite.pragma('foreign_key_check'), []);
    this.numberingProblems(sqlite, expectEqual);

    for (const ticket of this.createdTickets) {
      expectEqual(
        `created ticket ${ticket.id}`,
        sqlite.prepare('SELECT number, title, partner_id AS partnerId, contact_id AS contactId FROM tickets WHERE id = ?').get(ticket.id),
        {
          number: ticket.number,
          title: ticket.title,
          partnerId: ticket.partnerId,
          contactId: ticket.contactId,
        },
      );
    }
    for (const partner of this.createdPartners) {
      expectEqual(`created partner ${partner.id}`, sqlite.prepare('SELECT gpid, name, city FROM partners WHERE id = ?').get(partner.id), {
        gpid: partner.gpid,
        name: partner.name,
        city: partner.city,
      });
    }
    for (const name of this.createdProducts)
      expectEqual(`products named "${name}"`, sqlite.prepare('SELECT count(*) FROM products WHERE name = ?').pluck().get(name), 1);
    for (const batch of this.batches) this.batchProblems(sqlite, batch, expectEqual);

    const state = <T>(what: string, expected: Versioned<T>, actual: Versioned<T> | undefined) => {
      if (!actual) return problems.push(`${what} is missing`);
      // A backup may be newer than the last report; only the same version must have the same values.
      if (mode === 'contains' && actual.version > expected.version) return;
      expectEqual(what, actual, expected);
    };
    const ticketText = (id: number) => {
      const found = readTicketState(sqlite, id);
      return found && { version: found.version, values: ticketHistoryText(found.values) };
    };
    const partnerText = (id: number) => {
      const found = readPartnerState(sqlite, id);
      return found && { version: found.version, values: partnerHistoryText(found.values) };
    };
    for (const [id, expected] of this.ticketCrm) state(`CRM panel of ticket ${id}`, expected, ticketText(id));
    for (const [id, expected] of this.partnerCrm) state(`CRM tab of partner ${id}`, expected, partnerText(id));
    for (const [id, expected] of this.contacts) state(`contact ${id}`, expected, readContactState(sqlite, id));
    this.latestHistoryProblems(sqlite, ticketText, partnerText, expectEqual);
    if (mode === 'contains') return problems;

    for (const [ownerId, ids] of this.queryOrders)
      expectEqual(`ticket board order of user ${ownerId}`, readQueryOrder(sqlite, ownerId), ids);
    if (this.statusOrder) expectEqual('order of the CRM ticket statuses', readStatusOrder(sqlite), this.statusOrder);
    for (const [what, query, key] of this.absent) expectEqual(`rows of the rolled-back ${what}`, sqlite.prepare(query).pluck().get(key), 0);
    expectEqual('ticket count', count(sqlite, 'tickets'), this.baseline.tickets + this.createdTickets.length);
    expectEqual('partner count', count(sqlite, 'partners'), this.baseline.partners + this.createdPartners.length);
    expectEqual('product count', count(sqlite, 'products'), this.baseline.products + this.createdProducts.length);
    const historyRows = this.batches.reduce((sum, batch) => sum + batch.rows.length, 0);
    expectEqual(
      'history rows written',
      sqlite.prepare('SELECT count(*) FROM crm_changes WHERE id > ?').pluck().get(this.baseline.historyId),
      historyRows,
    );
    return problems;
  }

  /** Ticket numbers and GPIDs come from counters: every number up to the counter, each once. */
  private numberingProblems(sqlite: Sqlite, expectEqual: (what: string, actual: unknown, expected: unknown) => void): void {
    const counter = (name: string) => sqlite.prepare('SELECT value FROM counters WHERE name = ?').pluck().get(name) as number;
    const ticketNumbers = (sqlite.prepare('SELECT number FROM tickets').pluck().all() as string[])
      .map((number) => Number(number.slice(2)))
      .sort((a, b) => a - b);
    expectEqual(
      'ticket numbers',
      ticketNumbers,
      Array.from({ length: counter('ticket') }, (_, index) => index + 1),
    );
    const gpids = sqlite.prepare('SELECT gpid FROM partners ORDER BY gpid').pluck().all() as number[];
    expectEqual(
      'GPIDs',
      gpids,
      Array.from({ length: counter('gpid') - FIRST_GPID + 1 }, (_, index) => FIRST_GPID + index),
    );
  }

  /** A committed save's history: its anchor row once, and every changed field with the anchor's time. */
  private batchProblems(
    sqlite: Sqlite,
    batch: HistoryBatch,
    expectEqual: (what: string, actual: unknown, expected: unknown) => void,
  ): void {
    const anchors = sqlite
      .prepare('SELECT at FROM crm_changes WHERE entity = ? AND entity_id = ? AND field = ? AND new_value = ?')
      .pluck()
      .all(batch.entity, batch.entityId, batch.anchor, batch.anchorValue) as number[];
    expectEqual(`history rows of ${batch.anchor} in ${batch.label}`, anchors.length, 1);
    if (anchors.length !== 1) return;
    const rows = (
      sqlite
        .prepare(
          'SELECT field, old_value AS oldValue, new_value AS newValue FROM crm_changes WHERE entity = ? AND entity_id = ? AND at = ? AND id > ?',
        )
        .all(batch.entity, batch.entityId, anchors[0], this.baseline.historyId) as HistoryBatch['rows']
    ).map((row) => ({
      field: row.field,
      oldValue: canonicalHistoryValue(row.field, row.oldValue),
      newValue: canonicalHistoryValue(row.field, row.newValue),
    }));
    if (batch.rows.some((expected) => !rows.some((row) => isDeepStrictEqual(row, expected))))
      expectEqual(`history of ${batch.label}`, rows, batch.rows);
  }

  /** In every snapshot, the newest history row the writer left for a field names the field's current value. */
  private latestHistoryProblems(
    sqlite: Sqlite,
    ticketText: (id: number) => Versioned<HistoryText> | undefined,
    partnerText: (id: number) => Versioned<HistoryText> | undefined,
    expectEqual: (what: string, actual: unknown, expected: unknown) => void,
  ): void {
    const latest = sqlite.prepare(
      `SELECT field, new_value AS newValue FROM crm_changes WHERE id IN
         (SELECT max(id) FROM crm_changes WHERE entity = ? AND entity_id = ? AND id > ? GROUP BY field)`,
    );
    const check = (entity: 'ticket' | 'partner', id: number, current: Versioned<HistoryText> | undefined) => {
      for (const row of latest.all(entity, id, this.baseline.historyId) as { field: string; newValue: string | null }[]) {
        expectEqual(
          `${entity} ${id}: ${row.field} against its latest history`,
          current?.values[row.field],
          canonicalHistoryValue(row.field, row.newValue),
        );
      }
    };
    for (const id of this.ticketCrm.keys()) check('ticket', id, ticketText(id));
    for (const id of this.partnerCrm.keys()) check('partner', id, partnerText(id));
  }
}
