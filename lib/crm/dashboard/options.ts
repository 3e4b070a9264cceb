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
import { DIMENSIONS, FILTER_BAR, type BarFilter } from './dimensions';
import type { DashboardParams, IdFilter } from './params';

export type FilterOption = { id: number; label: string };

const asOptions = (rows: { id: number; name: string }[]): FilterOption[] => rows.map((row) => ({ id: row.id, label: row.name }));

/** The choices of every filter of the bar, by its parameter (derived from the property registry). */
export type FilterOptions = Record<BarFilter, FilterOption[]>;

export function dashboardFilterOptions(
  db: Db,
  user: SessionUser,
  params: DashboardParams,
  search: { partner: string; contact: string },
): FilterOptions {
  assertRole(user, 'crm');
  const chosen = (key: IdFilter) => params.filters[key].ids;
  const merge = (first: FilterOption[], more: FilterOption[]) => [
    ...first,
    ...more.filter((option) => !first.some((known) => known.id === option.id)),
  ];
  const optionsOf = (key: BarFilter): FilterOption[] => {
    const dim = DIMENSIONS[key];
    switch (dim.labels.kind) {
      case 'lookup':
        if ('bridge' in dim.value)
          return asOptions(dim.value.bridge === 'products' ? usedProducts(db, chosen(key)) : usedCampaigns(db, chosen(key)));
        return asOptions(lookupOptions(db, user, dim.labels.list, chosen(key)));
      case 'user':
        return asOptions(crmAssignees(db, chosen(key)));
      case 'partner':
        return merge(chosenPartners(db, chosen(key)), search.partner ? searchPartnerOptions(db, search.partner, 20) : []);
      case 'contact':
        return merge(chosenContacts(db, chosen(key)), search.contact ? searchContactOptions(db, search.contact, 20) : []);
      case 'ticketStatus':
      case 'phase':
      case 'month':
      case 'quarter':
      case 'nextAction':
        return [];
    }
  };
  return Object.fromEntries(FILTER_BAR.map((key) => [key, optionsOf(key)])) as FilterOptions;
}

/** Products already used on tickets (SPEC section 8), and the chosen ones. */
function usedProducts(db: Db, chosen: number[]) {
  return db
    .selectDistinct({ id: products.id, name: products.name, position: products.position })
    .from(products)
    .leftJoin(ticketProducts, eq(ticketProducts.productId, products.id))
    .where(
      or(
        and(eq(products.archived, false), sql`${ticketProducts.ticketId} is not null`),
        chosen.length > 0 ? inArray(products.id, chosen) : undefined,
      ),
    )
    .orderBy(asc(products.position), asc(products.id))
    .all();
}

/** Campaigns already used on partners (SPEC section 8), and the chosen ones. */
function usedCampaigns(db: Db, chosen: number[]) {
  return db
    .selectDistinct({ id: campaigns.id, name: campaigns.name, position: campaigns.position })
    .from(campaigns)
    .leftJoin(partnerCampaigns, eq(partnerCampaigns.campaignId, campaigns.id))
    .where(
      or(
        and(eq(campaigns.archived, false), sql`${partnerCampaigns.partnerId} is not null`),
        chosen.length > 0 ? inArray(campaigns.id, chosen) : undefined,
      ),
    )
    .orderBy(asc(campaigns.position), asc(campaigns.id))
    .all();
}

/** The Bearbeiter of CRM-enabled tickets, and the chosen ones, in German order. */
function crmAssignees(db: Db, chosen: number[]) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      or(
        sql`${users.id} in (select ${tickets.assigneeId} from ${tickets} where ${tickets.crmEnabled} = 1)`,
        chosen.length > 0 ? inArray(users.id, chosen) : undefined,
      ),
    )
    .orderBy(asc(users.sortName), asc(users.id))
    .all();
}

function chosenPartners(db: Db, chosen: number[]): FilterOption[] {
  if (chosen.length === 0) return [];
  return db
    .select({ id: partners.id, name: partners.name, gpid: partners.gpid, city: partners.city })
    .from(partners)
    .where(inArray(partners.id, chosen))
    .all()
    .map((row) => ({ id: row.id, label: partnerLabel(row) }));
}

function chosenContacts(db: Db, chosen: number[]): FilterOption[] {
  if (chosen.length === 0) return [];
  return db
    .select({ id: contacts.id, firstName: contacts.firstName, lastName: contacts.lastName })
    .from(contacts)
    .where(inArray(contacts.id, chosen))
    .all()
    .map((row) => ({ id: row.id, label: contactName(row) }));
}
