// The dashboard CSV in SQL (SPEC section 10): the view's tickets in its group order, then their
// columns batch by batch. The group order is the page's: lookups by admin position, names by the
// German sort key (lib/order/sort-key.ts), ties by id, the empty group last.
import { sql, type SQL } from 'drizzle-orm';
import { campaigns, partnerCampaigns, partners, products, ticketCampaigns, ticketProducts, tickets, users } from '@/db/schema';
import { LOOKUP_LISTS } from '@/lib/lookups/lists';
import { contactDisplayNameOf } from '@/lib/parties/names';
import { crmProperty, keysWhere, lookupName } from '../properties';
import { DIMENSIONS } from './dimensions';
import { followupExportSelect } from './export-followups';
import { fixedKeys } from './key-labels';
import { ftColumn, withFilteredTickets, type DashboardQuery } from './filter-sql';
import type { GroupKey } from './params';

/** A multi-valued level's entries of the ticket in `ft` (products: the ticket's; campaigns: the ticket's and its partner's). */
function bridgeLevel(bridge: 'products' | 'campaigns'): { label: SQL; order: SQL[] } {
  if (bridge === 'products') {
    const ofTicket = sql`from ${ticketProducts} join ${products} on ${products.id} = ${ticketProducts.productId} where ${ticketProducts.ticketId} = ft.id`;
    return {
      label: sql`(select group_concat(${products.name}, ', ' order by ${products.position}, ${products.id}) ${ofTicket})`,
      order: [sql`(select min(${products.position}) ${ofTicket})`],
    };
  }
  const ofTicket = sql`from ${ticketCampaigns} join ${campaigns} on ${campaigns.id} = ${ticketCampaigns.campaignId} where ${ticketCampaigns.ticketId} = ft.id`;
  const ofPartner = sql`from ${partnerCampaigns} join ${campaigns} on ${campaigns.id} = ${partnerCampaigns.campaignId} where ${partnerCampaigns.partnerId} = ${ftColumn('partner')}`;
  return {
    // UNION: a campaign on ticket and partner is named once.
    label: sql`(select group_concat(name, ', ') from (select ${campaigns.name} as name, ${campaigns.position} as position, ${campaigns.id} as id ${ofTicket}
      union select ${campaigns.name}, ${campaigns.position}, ${campaigns.id} ${ofPartner} order by position, id))`,
    // A join per row, not `in (…)`: measured at less than half the time on 50,000 tickets.
    order: [sql`(select min(p) from (select ${campaigns.position} as p ${ofTicket} union all select ${campaigns.position} ${ofPartner}))`],
  };
}

/** A level's label (names joined for multi-valued levels) and its sort keys, for the export. */
function exportLevel(key: GroupKey): { label: SQL; order: SQL[] } {
  const dim = DIMENSIONS[key];
  if ('bridge' in dim.value) return bridgeLevel(dim.value.bridge);
  const column = ftColumn(key);
  const source = dim.labels;
  switch (source.kind) {
    case 'lookup': {
      const table = LOOKUP_LISTS[source.list].table;
      return {
        label: lookupName(table, column),
        order: [sql`(select ${table.position} from ${table} where ${table.id} = ${column})`, column],
      };
    }
    case 'partner':
      return {
        label: sql`(select ${partners.name} from ${partners} where ${partners.id} = ${column})`,
        order: [sql`(select coalesce(${partners.sortName}, '') from ${partners} where ${partners.id} = ${column})`, column],
      };
    case 'user':
      return {
        label: sql`(select ${users.name} from ${users} where ${users.id} = ${column})`,
        order: [sql`(select coalesce(${users.sortName}, '') from ${users} where ${users.id} = ${column})`, column],
      };
    case 'contact':
      return { label: contactDisplayNameOf(column), order: [column] };
    case 'ticketStatus':
    case 'phase':
    case 'nextAction': {
      // Labelled in toCells; ordered as the product lists them.
      const keys = fixedKeys(source.kind)!;
      return {
        label: column,
        order: [
          sql`case ${column} ${sql.join(
            keys.map((key, index) => sql`when ${key} then ${index}`),
            sql` `,
          )} end`,
        ],
      };
    }
    case 'month':
    case 'quarter':
      // Chronological: the key itself.
      return { label: column, order: [column] };
  }
}

/**
 * The view's tickets in its group order: ids only, so the sort that must finish before the first
 * row is as light as it can be; exportRowsQuery then reads the columns batch by batch.
 */
export function exportOrderQuery(query: DashboardQuery): SQL {
  const keys = query.params.groupBy.flatMap((key, level) => exportLevel(key).order.map((order, part) => ({ order, level, part })));
  const name = (level: number, part: number) => sql.raw(`o${level}_${part}`);
  const selected = keys.map(({ order, level, part }) => sql`${order} as ${name(level, part)}`);
  // The empty group last: its first key is null.
  const orders = keys.map(({ level, part }) => sql`${name(level, 0)} is null, ${name(level, part)}`);
  return sql`${withFilteredTickets(query, query.params.groupBy)}
    select ft.id as id${selected.length > 0 ? sql`, ${sql.join(selected, sql`, `)}` : sql``} from ft
    order by ${orders.length > 0 ? sql`${sql.join(orders, sql`, `)}, ` : sql``}ft.potential is null, ft.potential desc, ft.id desc`;
}

/** The properties with a column in the dashboard CSV, in its column order. */
export const CSV_PROPERTY_KEYS = keysWhere('dashboardCsv').sort(
  (a, b) => crmProperty(a).dashboardCsv!.position - crmProperty(b).dashboardCsv!.position,
);

/** The export columns of some tickets of the view: one label column per level, then the ticket's. */
export function exportRowsQuery(query: DashboardQuery, ids: readonly number[]): SQL {
  const labels = query.params.groupBy.map((key, index) => sql`${exportLevel(key).label} as ${sql.raw(`level${index}`)}`);
  const columns = CSV_PROPERTY_KEYS.map((key) => sql`${crmProperty(key).dashboardCsv!.value} as ${sql.raw(key)}`);
  return sql`${withFilteredTickets(query, query.params.groupBy, ids)}
    select ft.id as id${labels.length > 0 ? sql`, ${sql.join(labels, sql`, `)}` : sql``},
      ${tickets.number} as number, ${tickets.title} as title, ${sql.join(columns, sql`, `)}, ${tickets.createdAt} as created_at,
      ${followupExportSelect(query.context)}
    from ft join ${tickets} on ${tickets.id} = ft.id`;
}
