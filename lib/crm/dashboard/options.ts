import 'server-only';
// The choices of the dashboard's filter bar (SPEC section 8): non-archived entries, products used
// on tickets, campaigns used on partners, Bearbeiter of CRM-enabled tickets; plus every value the
// view has chosen already, so a chosen archived entry stays visible and can be removed.
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { campaigns, contacts, partnerCampaigns, partners, products, ticketProducts, tickets, users } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { contactName, searchContactOptions } from '@/lib/contacts/queries';
import { lookupOptions } from '@/lib/lookups/queries';
import { searchPartnerOptions, partnerLabel } from '@/lib/partners/queries';
import type { DashboardParams } from './params';

export type FilterOption = { id: number; label: string };

const asOptions = (rows: { id: number; name: string }[]): FilterOption[] => rows.map((row) => ({ id: row.id, label: row.name }));

export type FilterOptions = Record<'crmStatus' | 'companySize' | 'revenueGroup' | 'companyGroup' | 'product' | 'campaign' | 'assignee' | 'partner' | 'contact', FilterOption[]>;

export function dashboardFilterOptions(db: Db, user: SessionUser, params: DashboardParams, search: { partner: string; contact: string }): FilterOptions {
  assertRole(user, 'crm');
  const chosen = (key: keyof DashboardParams['filters']) => params.filters[key].ids;
  const lookup = (list: Parameters<typeof lookupOptions>[2], key: keyof DashboardParams['filters']) => asOptions(lookupOptions(db, user, list, chosen(key)));

  const usedProducts = db
    .selectDistinct({ id: products.id, name: products.name, position: products.position })
    .from(products)
    .leftJoin(ticketProducts, eq(ticketProducts.productId, products.id))
    .where(or(and(eq(products.archived, false), sql`${ticketProducts.ticketId} is not null`), chosen('product').length > 0 ? inArray(products.id, chosen('product')) : undefined))
    .orderBy(asc(products.position), asc(products.id))
    .all();
  const usedCampaigns = db
    .selectDistinct({ id: campaigns.id, name: campaigns.name, position: campaigns.position })
    .from(campaigns)
    .leftJoin(partnerCampaigns, eq(partnerCampaigns.campaignId, campaigns.id))
    .where(or(and(eq(campaigns.archived, false), sql`${partnerCampaigns.partnerId} is not null`), chosen('campaign').length > 0 ? inArray(campaigns.id, chosen('campaign')) : undefined))
    .orderBy(asc(campaigns.position), asc(campaigns.id))
    .all();
  const assignees = db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(or(sql`${users.id} in (select ${tickets.assigneeId} from ${tickets} where ${tickets.crmEnabled} = 1)`, chosen('assignee').length > 0 ? inArray(users.id, chosen('assignee')) : undefined))
    .orderBy(asc(users.sortName), asc(users.id))
    .all();

  const chosenPartners = chosen('partner').length > 0
    ? db.select({ id: partners.id, name: partners.name, gpid: partners.gpid, city: partners.city }).from(partners).where(inArray(partners.id, chosen('partner'))).all().map((row) => ({ id: row.id, label: partnerLabel(row) }))
    : [];
  const chosenContacts = chosen('contact').length > 0
    ? db.select({ id: contacts.id, firstName: contacts.firstName, lastName: contacts.lastName }).from(contacts).where(inArray(contacts.id, chosen('contact'))).all().map((row) => ({ id: row.id, label: contactName(row) }))
    : [];
  const merge = (first: FilterOption[], more: FilterOption[]) => [...first, ...more.filter((option) => !first.some((known) => known.id === option.id))];

  return {
    crmStatus: lookup('crmTicketStatuses', 'crmStatus'),
    companySize: lookup('companySizes', 'companySize'),
    revenueGroup: lookup('revenueGroups', 'revenueGroup'),
    companyGroup: lookup('companyGroups', 'companyGroup'),
    product: asOptions(usedProducts),
    campaign: asOptions(usedCampaigns),
    assignee: asOptions(assignees),
    partner: merge(chosenPartners, search.partner ? searchPartnerOptions(db, search.partner, 20) : []),
    contact: merge(chosenContacts, search.contact ? searchContactOptions(db, search.contact, 20) : []),
  };
}
