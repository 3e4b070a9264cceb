// The dashboard's CRM properties, declared once: how each is filtered, grouped, labelled, ordered
// and exported. The filter bar, the grouping picker, the group tree, the CSV columns and the JSON
// API all read this registry; adding a property is one entry here (and its words in the
// dictionary). Entry fields and history live in fields.ts.
import type { MessageKey } from '@/lib/i18n';
import type { LookupListKey } from '@/lib/lookups/lists';
import type { GroupKey, IdFilter } from './dashboard/params';

/** Where a dimension's labels and order come from. */
export type LabelSource =
  | { kind: 'lookup'; list: LookupListKey }
  | { kind: 'partner' }
  | { kind: 'contact' }
  | { kind: 'user' }
  | { kind: 'ticketStatus' };

export type Dimension = {
  key: GroupKey | 'contact';
  label: MessageKey;
  /** The group of tickets without a value: "(ohne …)". */
  emptyLabel: MessageKey;
  source: LabelSource;
  /**
   * Single-valued: the column of the filtered-ticket row (`ft`) holding the value.
   * Multi-valued: the bridge relation (ticket_id, value) that lists every value of a ticket.
   */
  value: { column: string } | { bridge: 'products' | 'campaigns' };
  /** The URL parameter filtering by it, if the filter bar offers it. */
  filter?: IdFilter;
  groupable: boolean;
};

const lookup = (list: LookupListKey): LabelSource => ({ kind: 'lookup', list });

export const DIMENSIONS: Record<GroupKey | 'contact', Dimension> = {
  crmStatus: { key: 'crmStatus', label: 'dashboard.dim.crmStatus', emptyLabel: 'dashboard.empty.crmStatus', source: lookup('crmTicketStatuses'), value: { column: 'crm_status' }, filter: 'crmStatus', groupable: true },
  partner: { key: 'partner', label: 'dashboard.dim.partner', emptyLabel: 'dashboard.empty.partner', source: { kind: 'partner' }, value: { column: 'partner' }, filter: 'partner', groupable: true },
  contact: { key: 'contact', label: 'dashboard.dim.contact', emptyLabel: 'dashboard.empty.contact', source: { kind: 'contact' }, value: { column: 'contact' }, filter: 'contact', groupable: false },
  companySize: { key: 'companySize', label: 'dashboard.dim.companySize', emptyLabel: 'dashboard.empty.companySize', source: lookup('companySizes'), value: { column: 'company_size' }, filter: 'companySize', groupable: true },
  revenueGroup: { key: 'revenueGroup', label: 'dashboard.dim.revenueGroup', emptyLabel: 'dashboard.empty.revenueGroup', source: lookup('revenueGroups'), value: { column: 'revenue_group' }, filter: 'revenueGroup', groupable: true },
  companyGroup: { key: 'companyGroup', label: 'dashboard.dim.companyGroup', emptyLabel: 'dashboard.empty.companyGroup', source: lookup('companyGroups'), value: { column: 'company_group' }, filter: 'companyGroup', groupable: true },
  product: { key: 'product', label: 'dashboard.dim.product', emptyLabel: 'dashboard.empty.product', source: lookup('products'), value: { bridge: 'products' }, filter: 'product', groupable: true },
  campaign: { key: 'campaign', label: 'dashboard.dim.campaign', emptyLabel: 'dashboard.empty.campaign', source: lookup('campaigns'), value: { bridge: 'campaigns' }, filter: 'campaign', groupable: true },
  assignee: { key: 'assignee', label: 'dashboard.dim.assignee', emptyLabel: 'dashboard.empty.assignee', source: { kind: 'user' }, value: { column: 'assignee' }, filter: 'assignee', groupable: true },
  ticketStatus: { key: 'ticketStatus', label: 'dashboard.dim.ticketStatus', emptyLabel: 'dashboard.empty.ticketStatus', source: { kind: 'ticketStatus' }, value: { column: 'ticket_status' }, groupable: true },
  partnerStatus: { key: 'partnerStatus', label: 'dashboard.dim.partnerStatus', emptyLabel: 'dashboard.empty.partnerStatus', source: lookup('crmPartnerStatuses'), value: { column: 'partner_status' }, groupable: true },
  dataSource: { key: 'dataSource', label: 'dashboard.dim.dataSource', emptyLabel: 'dashboard.empty.dataSource', source: lookup('dataSources'), value: { column: 'data_source' }, groupable: true },
};

/** The filter bar, left to right (SPEC section 8); Benutzergröße von/bis follow. */
export const FILTER_BAR: (keyof typeof DIMENSIONS)[] = ['crmStatus', 'partner', 'contact', 'companySize', 'revenueGroup', 'companyGroup', 'product', 'campaign', 'assignee'];

/** Group-path narrowing parameters that have no field in the filter bar. */
export const HIDDEN_FILTERS: IdFilter[] = ['partnerStatus', 'dataSource'];

export function dimension(key: GroupKey | 'contact'): Dimension {
  return DIMENSIONS[key];
}
