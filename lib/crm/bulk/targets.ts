// What a bulk change touches, as SQL over the ticket table: the stored columns it sets (with their
// Verlauf field and how a value reads there) or the bridge row it adds or removes. Apply and undo
// both read from here, so the two always treat a field alike. Column and table names come from
// db/schema.ts; values are bound.
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { campaigns, crmTicketStatuses, lostReasons, products, ticketCampaigns, ticketProducts, tickets, users } from '@/db/schema';
import type { BulkChange } from './change';

type Named = { table: typeof crmTicketStatuses | typeof lostReasons | typeof users; id: SQLiteColumn; name: SQLiteColumn };

/** A stored column of the ticket a change sets to `target`. */
export type ScalarTarget = {
  column: SQLiteColumn;
  /** The Verlauf's field name. */
  field: string;
  /** How a value reads in the Verlauf: a lookup's name, digits, or the text itself. */
  text: { kind: 'name'; of: Named } | { kind: 'integer' } | { kind: 'text' };
  target: number | string | null;
};

/** A bridge row (product or campaign of the ticket) a change adds or removes. */
export type BridgeTarget = {
  table: typeof ticketProducts | typeof ticketCampaigns;
  owner: SQLiteColumn;
  entry: SQLiteColumn;
  names: typeof products | typeof campaigns;
  field: string;
  entryId: number;
  add: boolean;
};

export type ChangeTargets = {
  scalars: ScalarTarget[];
  bridge: BridgeTarget | null;
  /** The change sets master data (the Bearbeiter): the ticket's own version and stamp move too. */
  master: boolean;
};

const named = (table: Named['table']): ScalarTarget['text'] => ({ kind: 'name', of: { table, id: table.id, name: table.name } });

/** The targets of a change; `lostReasonId` of a status change is already null unless the status is lost. */
export function changeTargets(change: BulkChange): ChangeTargets {
  const none = { scalars: [], bridge: null, master: false };
  switch (change.kind) {
    case 'crmStatus':
      return {
        ...none,
        scalars: [
          { column: tickets.crmStatusId, field: 'crmStatus', text: named(crmTicketStatuses), target: change.crmStatusId },
          { column: tickets.lostReasonId, field: 'lostReason', text: named(lostReasons), target: change.lostReasonId },
        ],
      };
    case 'assignee':
      return {
        ...none,
        master: true,
        scalars: [{ column: tickets.assigneeId, field: 'assignee', text: named(users), target: change.assigneeId }],
      };
    case 'expectedClose':
      return {
        ...none,
        scalars: [{ column: tickets.expectedClose, field: 'expectedClose', text: { kind: 'text' }, target: change.expectedClose }],
      };
    case 'probability':
      return {
        ...none,
        scalars: [{ column: tickets.probability, field: 'probability', text: { kind: 'integer' }, target: change.probability }],
      };
    case 'addProduct':
    case 'removeProduct':
      return {
        ...none,
        bridge: {
          table: ticketProducts,
          owner: ticketProducts.ticketId,
          entry: ticketProducts.productId,
          names: products,
          field: 'products',
          entryId: change.productId,
          add: change.kind === 'addProduct',
        },
      };
    case 'addCampaign':
    case 'removeCampaign':
      return {
        ...none,
        bridge: {
          table: ticketCampaigns,
          owner: ticketCampaigns.ticketId,
          entry: ticketCampaigns.campaignId,
          names: campaigns,
          field: 'campaigns',
          entryId: change.campaignId,
          add: change.kind === 'addCampaign',
        },
      };
  }
}

/** A column by its bare name, for SET clauses and JSON keys. */
export const bare = (column: SQLiteColumn): SQL => sql`${sql.identifier(column.name)}`;

/** A value of the column as the Verlauf writes it (historyText in lib/crm/record/fields.ts). */
export function historyValue(target: ScalarTarget, value: SQL): SQL {
  switch (target.text.kind) {
    case 'name':
      return sql`(select ${target.text.of.name} from ${target.text.of.table} where ${target.text.of.id} = ${value})`;
    case 'integer':
      return sql`cast(${value} as text)`;
    case 'text':
      return sql`nullif(${value}, '')`;
  }
}

/** The ticket's entries of the bridge as the Verlauf writes them: names in admin order, joined; null when none. */
export function bridgeNames(bridge: BridgeTarget, ticketId: SQL): SQL {
  const names = bridge.names;
  return sql`(select group_concat(${names.name}, ', ' order by ${names.position}, ${names.id})
    from ${bridge.table} join ${names} on ${names.id} = ${bridge.entry} where ${bridge.owner} = ${ticketId})`;
}

/** Whether the ticket holds the bridge entry. */
export function holdsEntry(bridge: BridgeTarget, ticketId: SQL): SQL {
  return sql`exists (select 1 from ${bridge.table} where ${bridge.owner} = ${ticketId} and ${bridge.entry} = ${bridge.entryId})`;
}
