import 'server-only';
// What the query form offers: Bearbeiter, the partner picker's matches, and (for `crm` users only)
// the CRM-Status and Umsatzgruppe options. Also the values to show: the saved query's, or those a
// no-JavaScript partner search just carried through the URL.
import type { Db } from '@/db/client';
import { hasRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { lookupOptions } from '@/lib/lookups/queries';
import { searchPartnerOptions } from '@/lib/partners/queries';
import { pickerQuery, type PickerOption } from '@/lib/picker';
import { parseTicketListParams, type TicketListParams } from '@/lib/tickets/filters';
import { findTicketPickerOptions, listAssigneeChoices } from '@/lib/tickets/form-choices';

type Option = { id: number; name: string; archived: boolean };

export type QueryFieldOptions = {
  assignees: { id: number; name: string }[];
  partner: PickerOption | null;
  partnerMatches: PickerOption[];
  partnerQuery: string;
  /** The page the no-JavaScript partner search reloads (it keeps every typed value in the URL). */
  searchHref: string;
  /** Only for `crm` users. */
  crm: CrmCriteriaOptions | null;
};

export type CrmCriteriaOptions = { statuses: Option[]; revenueGroups: Option[] };

/**
 * The CRM-Status and Umsatzgruppe choices of a ticket list's CRM criteria, for `crm` users only (null
 * otherwise); archived entries only while the parameters still name them.
 */
export function crmCriteriaOptions(db: Db, user: SessionUser, params: TicketListParams): CrmCriteriaOptions | null {
  if (!hasRole(user, 'crm')) return null;
  return {
    statuses: lookupOptions(db, user, 'crmTicketStatuses', params.crmStatus),
    revenueGroups: lookupOptions(db, user, 'revenueGroups', params.revenueGroup),
  };
}

type RawParams = Record<string, string | string[] | undefined>;

/** The form's values: after a no-JS picker search (`partnerQuery` present) the URL's, else the given ones. */
export function queryFormValues(
  raw: RawParams,
  user: SessionUser,
  saved: { name: string; params: TicketListParams },
): { name: string; params: TicketListParams } {
  if (raw.partnerQuery === undefined) return saved;
  const name = typeof raw.name === 'string' ? raw.name.slice(0, 80) : saved.name;
  return { name, params: parseTicketListParams(raw, { allowCrm: hasRole(user, 'crm') }).params };
}

export function queryFieldOptions(
  db: Db,
  user: SessionUser,
  params: TicketListParams,
  raw: RawParams,
  searchHref: string,
): QueryFieldOptions {
  const partnerQuery = pickerQuery(raw.partnerQuery);
  return {
    assignees: listAssigneeChoices(db),
    partner: findTicketPickerOptions(db, { partnerId: params.partner, contactId: null }).partner,
    partnerMatches: searchPartnerOptions(db, partnerQuery),
    partnerQuery,
    searchHref,
    crm: crmCriteriaOptions(db, user, params),
  };
}
