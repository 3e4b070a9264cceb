// The CRM lookup lists (SPEC section 7): one declaration each, read by the administration page,
// the pickers and the usage check. Framework-free apart from the table objects.
import {
  attributes,
  campaigns,
  companyGroups,
  companySizes,
  contactAttributes,
  crmPartnerStatuses,
  crmTicketStatuses,
  dataSources,
  lostReasons,
  partnerAttributes,
  partnerCampaigns,
  partnerProducts,
  partners,
  products,
  revenueGroups,
  ticketCampaigns,
  ticketProducts,
  tickets,
} from '@/db/schema';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * What an entry carries beyond its name: employee or euro bounds, campaign dates, Merkmal target, or a
 * CRM status's phase and colour (SPEC section 14).
 */
export type LookupKind = 'plain' | 'employees' | 'cents' | 'campaign' | 'attribute' | 'status';

export const LOOKUP_LIST_KEYS = [
  'crmTicketStatuses',
  'lostReasons',
  'crmPartnerStatuses',
  'companySizes',
  'revenueGroups',
  'companyGroups',
  'dataSources',
  'campaigns',
  'products',
  'attributes',
] as const;
export type LookupListKey = (typeof LOOKUP_LIST_KEYS)[number];

type LookupTable =
  | typeof crmTicketStatuses
  | typeof lostReasons
  | typeof crmPartnerStatuses
  | typeof companySizes
  | typeof revenueGroups
  | typeof companyGroups
  | typeof dataSources
  | typeof campaigns
  | typeof products
  | typeof attributes;

export type LookupList = {
  key: LookupListKey;
  table: LookupTable;
  kind: LookupKind;
  /** Columns that reference an entry: while any row does, the entry can be archived, not deleted. */
  usedBy: SQLiteColumn[];
};

export const LOOKUP_LISTS: Record<LookupListKey, LookupList> = {
  crmTicketStatuses: { key: 'crmTicketStatuses', table: crmTicketStatuses, kind: 'status', usedBy: [tickets.crmStatusId] },
  lostReasons: { key: 'lostReasons', table: lostReasons, kind: 'plain', usedBy: [tickets.lostReasonId] },
  crmPartnerStatuses: { key: 'crmPartnerStatuses', table: crmPartnerStatuses, kind: 'plain', usedBy: [partners.crmPartnerStatusId] },
  // Company sizes are derived from the employee count at read time: nothing references them, but
  // partners fall into them (countEntryUsage counts those; deleting one then needs a confirmation).
  companySizes: { key: 'companySizes', table: companySizes, kind: 'employees', usedBy: [] },
  revenueGroups: { key: 'revenueGroups', table: revenueGroups, kind: 'cents', usedBy: [partners.revenueGroupId] },
  companyGroups: { key: 'companyGroups', table: companyGroups, kind: 'plain', usedBy: [partners.companyGroupId] },
  dataSources: { key: 'dataSources', table: dataSources, kind: 'plain', usedBy: [partners.dataSourceId] },
  campaigns: { key: 'campaigns', table: campaigns, kind: 'campaign', usedBy: [partnerCampaigns.campaignId, ticketCampaigns.campaignId] },
  products: { key: 'products', table: products, kind: 'plain', usedBy: [partnerProducts.productId, ticketProducts.productId] },
  attributes: {
    key: 'attributes',
    table: attributes,
    kind: 'attribute',
    usedBy: [partnerAttributes.attributeId, contactAttributes.attributeId],
  },
};

export function isLookupListKey(value: unknown): value is LookupListKey {
  return typeof value === 'string' && (LOOKUP_LIST_KEYS as readonly string[]).includes(value);
}
