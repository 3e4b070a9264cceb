import 'server-only';
// What the CRM forms show, one function per view (SPEC sections 4, 5 and 7): the record's values by
// form field name and the choices of every lookup field, read here so the components only render.
// The fields themselves come from the property registry (lib/crm/properties.ts).
import type { Db } from '@/db/client';
import type { SessionUser } from '@/lib/auth/guards';
import { getContactAttributes } from '@/lib/crm/contacts';
import { followupClock } from '@/lib/crm/followups/clock';
import { ticketFollowupState, type TicketFollowupState } from '@/lib/crm/followups/queries';
import { crmHistoryPage, type CrmHistoryPage } from '@/lib/crm/history';
import { companySizeFor, getPartnerCrm, type PartnerCrm } from '@/lib/crm/partners/queries';
import { propertiesOf, type PropertyEntity } from '@/lib/crm/properties';
import { formValues, type RecordValue } from '@/lib/crm/record/fields';
import { getCloseSlippage, getTicketCrm, type CloseSlippage, type TicketCrm } from '@/lib/crm/tickets/queries';
import { attributeOptions, crmStatusStyles, lookupOptions, type CrmStatusStyles } from '@/lib/lookups/queries';

export type LookupOption = { id: number; name: string; archived: boolean };
/** A form field's current value: an id, a number (money in cents), a flag, a text, a date (YYYY-MM-DD) or chosen ids. */
export type CrmFormValue = RecordValue;
export type CrmFormData = { entity: PropertyEntity; values: Record<string, CrmFormValue>; options: Record<string, LookupOption[]> };

const ids = (value: CrmFormValue | undefined): number[] => (Array.isArray(value) ? value : typeof value === 'number' ? [value] : []);

/** The choices of every lookup field of the entity's form: active entries plus the ones the record carries. */
function formData(db: Db, user: SessionUser, entity: PropertyEntity, values: Record<string, CrmFormValue>): CrmFormData {
  const options: Record<string, LookupOption[]> = {};
  for (const [, property] of propertiesOf(entity, 'form')) {
    const field = property.form!;
    if (!property.list || (field.control !== 'lookup' && field.control !== 'checkboxes')) continue;
    const chosen = ids(values[field.name]);
    options[field.name] =
      property.list === 'attributes'
        ? attributeOptions(db, user, entity === 'contact' ? 'contact' : 'partner', chosen)
        : lookupOptions(db, user, property.list, chosen);
  }
  return { entity, values, options };
}

export type TicketCrmPanelView = {
  crm: TicketCrm;
  form: CrmFormData;
  history: CrmHistoryPage;
  /** Every status's phase and colour: the status badge and the phase-dependent Verlustgrund. */
  statuses: CrmStatusStyles;
  slippage: CloseSlippage;
  /** The next action's state and the deal's staleness, now (SPEC section 17). */
  followup: TicketFollowupState;
};

/** The ticket CRM panel (crm only; undefined for a ticket that does not exist). */
export function ticketCrmPanelView(db: Db, user: SessionUser, ticketId: number, historyPage: number): TicketCrmPanelView | undefined {
  const crm = getTicketCrm(db, user, ticketId);
  if (!crm) return undefined;
  return {
    crm,
    form: formData(db, user, 'ticket', formValues('ticket', crm)),
    history: crmHistoryPage(db, user, 'ticket', ticketId, historyPage),
    statuses: crmStatusStyles(db, user),
    slippage: getCloseSlippage(db, user, ticketId) ?? { slips: 0, originalClose: null },
    followup: ticketFollowupState(db, user, ticketId, followupClock()) ?? {
      state: 'none',
      staleDays: null,
      staleAfterDays: null,
      lastCrmChange: null,
    },
  };
}

export type PartnerCrmFormView = {
  crm: PartnerCrm;
  form: CrmFormData;
  companySize: { id: number; name: string } | null;
  history: CrmHistoryPage;
};

/** The partner's CRM tab (crm only; undefined for a partner that does not exist). */
export function partnerCrmFormView(db: Db, user: SessionUser, partnerId: number, historyPage: number): PartnerCrmFormView | undefined {
  const crm = getPartnerCrm(db, user, partnerId);
  if (!crm) return undefined;
  return {
    crm,
    form: formData(db, user, 'partner', formValues('partner', crm)),
    companySize: companySizeFor(db, crm.employeeCount),
    history: crmHistoryPage(db, user, 'partner', partnerId, historyPage),
  };
}

export type ContactAttributesView = { contactId: number; attributeIds: number[]; form: CrmFormData };

/** A contact's Merkmale form (crm only; undefined for a contact that does not exist). */
export function contactAttributesView(db: Db, user: SessionUser, contactId: number): ContactAttributesView | undefined {
  const current = getContactAttributes(db, user, contactId);
  if (!current) return undefined;
  return { contactId, attributeIds: current.attributeIds, form: formData(db, user, 'contact', { attributes: current.attributeIds }) };
}
