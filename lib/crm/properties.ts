// The CRM property registry: every property of a ticket, partner or contact that the CRM reads,
// declared once with its label, value kind, lookup list, SQL (from db/schema.ts columns) and the
// surfaces it reaches: the dashboard (filter parameter, grouping key, group labels and order, CSV
// column), the Daten Manager's CRM columns, the CRM forms, the CRM record (read, save: `column` or
// `bridge`, see record/fields.ts) and the Verlauf. Everything else derives its lists from here
// (keysWhere). Adding a property: schema + migration + one entry + its words + its demo values.
// Framework-free: the export worker imports it.
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  attributes,
  campaigns,
  companyGroups,
  contactAttributes,
  contacts,
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
  users,
} from '@/db/schema';
import type { Translate } from '@/lib/i18n';
import type { LookupListKey } from '@/lib/lookups/lists';
import { contactDisplayNameOf, ticketPartnerId } from '@/lib/parties/names';
import { crmFormFields } from './form-fields';
import {
  CLOSE_MONTH,
  CLOSE_QUARTER,
  CLOSE_SLIPS,
  COMPANY_SIZE_NAME,
  companySizeCase,
  ft,
  lookupName,
  namesOf,
  ORIGINAL_CLOSE,
  nextActionStateCase,
  PHASE_OF_TICKET,
  phaseCase,
} from './property-sql';
import type { CrmProperty, LabelSource, PropertyEntity } from './property-types';

export type {
  CrmValueKind,
  CrmProperty,
  DashboardSurface,
  DashboardValue,
  ExportColumn,
  LabelSource,
  PropertyEntity,
  SizeRange,
  StaleRule,
  StatusPhases,
  ValueContext,
} from './property-types';
export { lookupName };

const column = (expression: SQL | SQLiteColumn) => ({ expression: () => sql`${expression}` });
const lookup = (list: LookupListKey): LabelSource => ({ kind: 'lookup', list });
const ticketStatusWord = (value: unknown, t: Translate) => t(`ticketStatus.${value as 'open'}`);
const phaseWord = (value: unknown, t: Translate) => t(`crm.phase.${value as 'open'}`);

// ------------------------------------------------------------ the registry

export const CRM_PROPERTIES = {
  // The ticket's own data the dashboard filters, groups and exports by.
  ticketStatus: {
    entity: 'ticket',
    label: 'dashboard.dim.ticketStatus',
    kind: 'reference',
    dashboard: {
      position: 9,
      emptyLabel: 'dashboard.empty.ticketStatus',
      labels: { kind: 'ticketStatus' },
      value: column(tickets.status),
      group: true,
    },
    dashboardCsv: {
      position: 1,
      header: 'dashboard.dim.ticketStatus',
      type: 'text',
      value: sql`${tickets.status}`,
      present: ticketStatusWord,
    },
  },
  partner: {
    entity: 'ticket',
    label: 'dashboard.dim.partner',
    kind: 'reference',
    dashboard: {
      position: 1,
      emptyLabel: 'dashboard.empty.partner',
      labels: { kind: 'partner' },
      value: column(ticketPartnerId),
      filter: 'bar',
      group: true,
    },
    dashboardCsv: {
      position: 2,
      header: 'dashboard.dim.partner',
      type: 'text',
      value: sql`(select ${partners.name} from ${partners} where ${partners.id} = ${ft('partner')})`,
    },
  },
  contact: {
    entity: 'ticket',
    label: 'dashboard.dim.contact',
    kind: 'reference',
    dashboard: {
      position: 2,
      emptyLabel: 'dashboard.empty.contact',
      labels: { kind: 'contact' },
      value: column(tickets.contactId),
      filter: 'bar',
    },
    dashboardCsv: { position: 3, header: 'dashboard.dim.contact', type: 'text', value: contactDisplayNameOf(ft('contact')) },
  },
  assignee: {
    entity: 'ticket',
    label: 'dashboard.dim.assignee',
    kind: 'reference',
    // Master data, saved by the ticket form; a bulk change of it is recorded in the Verlauf (lib/crm/bulk).
    field: 'assignee',
    history: true,
    dashboard: {
      position: 8,
      emptyLabel: 'dashboard.empty.assignee',
      labels: { kind: 'user' },
      value: column(tickets.assigneeId),
      filter: 'bar',
      group: true,
    },
    dashboardCsv: {
      position: 8,
      header: 'dashboard.col.assignee',
      type: 'text',
      value: sql`(select ${users.name} from ${users} where ${users.id} = ${ft('assignee')})`,
    },
  },

  // Ticket CRM fields (SPEC section 2).
  crmEnabled: {
    entity: 'ticket',
    label: 'crm.field.crmEnabled',
    kind: 'boolean',
    field: 'crmEnabled',
    history: true,
    dashboardCsv: { position: 11, header: 'dashboard.col.activatedAt', type: 'date', value: sql`${tickets.crmActivatedAt}` },
    dataManager: { type: 'boolean', value: sql`${tickets.crmEnabled}` },
  },
  crmStatus: {
    entity: 'ticket',
    label: 'crm.field.crmStatus',
    kind: 'lookup',
    list: 'crmTicketStatuses',
    field: 'crmStatus',
    column: tickets.crmStatusId,
    history: true,
    movesDeal: true,
    dashboard: {
      position: 0,
      label: 'dashboard.dim.crmStatus',
      emptyLabel: 'dashboard.empty.crmStatus',
      labels: lookup('crmTicketStatuses'),
      value: column(tickets.crmStatusId),
      filter: 'bar',
      group: true,
    },
    dashboardCsv: {
      position: 4,
      header: 'dashboard.col.crmStatus',
      type: 'text',
      value: lookupName(crmTicketStatuses, tickets.crmStatusId),
    },
    dataManager: { type: 'text', value: lookupName(crmTicketStatuses, tickets.crmStatusId) },
    form: crmFormFields.lookup('crmStatusId'),
  },
  probability: {
    entity: 'ticket',
    label: 'crm.field.probability',
    kind: 'percent',
    field: 'probability',
    column: tickets.probability,
    history: true,
    movesDeal: true,
    dashboardCsv: { position: 5, header: 'dashboard.col.probability', type: 'percent', value: sql`${tickets.probability}` },
    dataManager: { type: 'percent', value: sql`${tickets.probability}` },
    form: crmFormFields.number('probability', '%'),
  },
  potential: {
    entity: 'ticket',
    label: 'crm.field.potential',
    kind: 'money',
    field: 'potential',
    column: tickets.potentialCents,
    history: true,
    movesDeal: true,
    dashboardCsv: { position: 6, header: 'dashboard.col.potential', type: 'money', value: sql`${tickets.potentialCents}` },
    dataManager: { type: 'money', value: sql`${tickets.potentialCents}` },
    form: crmFormFields.money('potential'),
  },
  campaign: {
    entity: 'ticket',
    label: 'crm.field.campaigns',
    kind: 'lookupMulti',
    list: 'campaigns',
    field: 'campaigns',
    bridge: { ids: 'campaignIds', owner: ticketCampaigns.ticketId, entry: ticketCampaigns.campaignId },
    history: true,
    movesDeal: true,
    // A ticket is in a campaign's group when it, or its partner, carries the campaign.
    dashboard: {
      position: 7,
      label: 'dashboard.dim.campaign',
      emptyLabel: 'dashboard.empty.campaign',
      labels: lookup('campaigns'),
      value: { bridge: 'campaigns' },
      filter: 'bar',
      group: true,
    },
    dashboardCsv: {
      position: 10,
      header: 'dashboard.dim.campaign',
      type: 'text',
      value: namesOf(campaigns, ticketCampaigns.campaignId, ticketCampaigns.ticketId, tickets.id),
    },
    dataManager: { type: 'text', value: namesOf(campaigns, ticketCampaigns.campaignId, ticketCampaigns.ticketId, tickets.id) },
    form: crmFormFields.checkboxes('campaigns', 'newCampaigns'),
  },
  product: {
    entity: 'ticket',
    label: 'crm.field.products',
    kind: 'lookupMulti',
    list: 'products',
    field: 'products',
    bridge: { ids: 'productIds', owner: ticketProducts.ticketId, entry: ticketProducts.productId },
    history: true,
    movesDeal: true,
    dashboard: {
      position: 6,
      label: 'dashboard.dim.product',
      emptyLabel: 'dashboard.empty.product',
      labels: lookup('products'),
      value: { bridge: 'products' },
      filter: 'bar',
      group: true,
    },
    dashboardCsv: {
      position: 9,
      header: 'dashboard.dim.product',
      type: 'text',
      value: namesOf(products, ticketProducts.productId, ticketProducts.ticketId, tickets.id),
    },
    dataManager: { type: 'text', value: namesOf(products, ticketProducts.productId, ticketProducts.ticketId, tickets.id) },
    form: crmFormFields.checkboxes('products', 'newProducts'),
  },
  expectedUsers: {
    entity: 'ticket',
    label: 'crm.field.expectedUsers',
    kind: 'integer',
    field: 'expectedUsers',
    column: tickets.expectedUsers,
    history: true,
    dashboardCsv: { position: 7, header: 'dashboard.col.users', type: 'integer', value: sql`${tickets.expectedUsers}` },
    dataManager: { type: 'integer', value: sql`${tickets.expectedUsers}` },
    form: crmFormFields.number('expectedUsers'),
  },

  // The pipeline (SPEC section 14).
  // Derived from the CRM status: its phase, `open` without one.
  phase: {
    entity: 'ticket',
    label: 'crm.field.phase',
    kind: 'reference',
    dashboard: {
      position: 12,
      emptyLabel: 'dashboard.empty.phase',
      labels: { kind: 'phase' },
      value: { expression: phaseCase },
      group: true,
    },
    dashboardCsv: { position: 12, header: 'crm.field.phase', type: 'text', value: PHASE_OF_TICKET, present: phaseWord },
    dataManager: { type: 'text', value: PHASE_OF_TICKET, present: phaseWord },
  },
  expectedClose: {
    entity: 'ticket',
    label: 'crm.field.expectedClose',
    kind: 'date',
    field: 'expectedClose',
    column: tickets.expectedClose,
    history: true,
    movesDeal: true,
    dashboardCsv: { position: 14, header: 'crm.field.expectedClose', type: 'date', value: sql`${tickets.expectedClose}` },
    dataManager: { type: 'date', value: sql`${tickets.expectedClose}` },
    form: crmFormFields.date('expectedClose'),
  },
  // Grouping keys of the expected close, derived.
  closeMonth: {
    entity: 'ticket',
    label: 'dashboard.dim.closeMonth',
    kind: 'reference',
    dashboard: {
      position: 14,
      emptyLabel: 'dashboard.empty.close',
      labels: { kind: 'month' },
      value: column(CLOSE_MONTH),
      group: true,
    },
  },
  closeQuarter: {
    entity: 'ticket',
    label: 'dashboard.dim.closeQuarter',
    kind: 'reference',
    dashboard: {
      position: 15,
      emptyLabel: 'dashboard.empty.close',
      labels: { kind: 'quarter' },
      value: column(CLOSE_QUARTER),
      group: true,
    },
  },
  // Slippage, read from the Verlauf of the expected close.
  closeSlips: {
    entity: 'ticket',
    label: 'crm.field.closeSlips',
    kind: 'integer',
    dashboardCsv: { position: 15, header: 'crm.field.closeSlips', type: 'integer', value: CLOSE_SLIPS },
  },
  originalClose: {
    entity: 'ticket',
    label: 'crm.field.originalClose',
    kind: 'date',
    dashboardCsv: { position: 16, header: 'crm.field.originalClose', type: 'date', value: ORIGINAL_CLOSE },
  },
  lostReason: {
    entity: 'ticket',
    label: 'crm.field.lostReason',
    kind: 'lookup',
    list: 'lostReasons',
    field: 'lostReason',
    column: tickets.lostReasonId,
    history: true,
    dashboard: {
      position: 13,
      emptyLabel: 'dashboard.empty.lostReason',
      labels: lookup('lostReasons'),
      value: column(tickets.lostReasonId),
      filter: 'bar',
      group: true,
    },
    dashboardCsv: { position: 13, header: 'crm.field.lostReason', type: 'text', value: lookupName(lostReasons, tickets.lostReasonId) },
    dataManager: { type: 'text', value: lookupName(lostReasons, tickets.lostReasonId) },
    form: crmFormFields.lookup('lostReasonId'),
  },

  // Follow-ups (SPEC section 17). Recorded in the Verlauf, but a change of them does not move the deal on.
  nextAction: {
    entity: 'ticket',
    label: 'crm.field.nextAction',
    kind: 'dateTime',
    field: 'nextAction',
    column: tickets.nextActionAt,
    history: true,
    dataManager: { type: 'text', value: sql`${tickets.nextActionAt}` },
    form: crmFormFields.dateTime('nextAction'),
  },
  nextActionText: {
    entity: 'ticket',
    label: 'crm.field.nextActionText',
    kind: 'text',
    field: 'nextActionText',
    column: tickets.nextActionText,
    history: true,
    dataManager: { type: 'text', value: sql`${tickets.nextActionText}` },
    form: crmFormFields.text('nextActionText'),
  },
  // Derived: the next action's state at the request's clock, a grouping key of the dashboard.
  nextActionState: {
    entity: 'ticket',
    label: 'followups.dim.nextActionState',
    kind: 'reference',
    dashboard: {
      position: 16,
      emptyLabel: 'followups.empty.nextActionState',
      labels: { kind: 'nextAction' },
      value: { expression: nextActionStateCase },
      group: true,
    },
  },

  // Partner CRM fields (SPEC section 2).
  partnerStatus: {
    entity: 'partner',
    label: 'crm.field.partnerStatus',
    kind: 'lookup',
    list: 'crmPartnerStatuses',
    field: 'partnerStatus',
    column: partners.crmPartnerStatusId,
    history: true,
    dashboard: {
      position: 10,
      label: 'dashboard.dim.partnerStatus',
      emptyLabel: 'dashboard.empty.partnerStatus',
      labels: lookup('crmPartnerStatuses'),
      value: column(partners.crmPartnerStatusId),
      filter: 'hidden',
      group: true,
    },
    dataManager: { type: 'text', value: lookupName(crmPartnerStatuses, partners.crmPartnerStatusId) },
    form: crmFormFields.lookup('crmPartnerStatusId'),
  },
  companyGroup: {
    entity: 'partner',
    label: 'crm.field.companyGroup',
    kind: 'lookup',
    list: 'companyGroups',
    field: 'companyGroup',
    column: partners.companyGroupId,
    history: true,
    dashboard: {
      position: 5,
      label: 'dashboard.dim.companyGroup',
      emptyLabel: 'dashboard.empty.companyGroup',
      labels: lookup('companyGroups'),
      value: column(partners.companyGroupId),
      filter: 'bar',
      group: true,
    },
    dataManager: { type: 'text', value: lookupName(companyGroups, partners.companyGroupId) },
    form: crmFormFields.lookup('companyGroupId'),
  },
  partnerCampaigns: {
    entity: 'partner',
    label: 'crm.field.campaigns',
    kind: 'lookupMulti',
    list: 'campaigns',
    field: 'campaigns',
    bridge: { ids: 'campaignIds', owner: partnerCampaigns.partnerId, entry: partnerCampaigns.campaignId },
    history: true,
    dataManager: { type: 'text', value: namesOf(campaigns, partnerCampaigns.campaignId, partnerCampaigns.partnerId, partners.id) },
    form: crmFormFields.checkboxes('campaigns', 'newCampaigns'),
  },
  partnerProducts: {
    entity: 'partner',
    label: 'crm.field.products',
    kind: 'lookupMulti',
    list: 'products',
    field: 'products',
    bridge: { ids: 'productIds', owner: partnerProducts.partnerId, entry: partnerProducts.productId },
    history: true,
    dataManager: { type: 'text', value: namesOf(products, partnerProducts.productId, partnerProducts.partnerId, partners.id) },
    form: crmFormFields.checkboxes('products', 'newProducts'),
  },
  newsletter: {
    entity: 'partner',
    label: 'crm.field.newsletter',
    kind: 'boolean',
    field: 'newsletter',
    column: partners.newsletter,
    history: true,
    dataManager: { type: 'boolean', value: sql`${partners.newsletter}` },
    form: crmFormFields.checkbox('newsletter'),
  },
  revenueGroup: {
    entity: 'partner',
    label: 'crm.field.revenueGroup',
    kind: 'lookup',
    list: 'revenueGroups',
    field: 'revenueGroup',
    column: partners.revenueGroupId,
    history: true,
    dashboard: {
      position: 4,
      label: 'dashboard.dim.revenueGroup',
      emptyLabel: 'dashboard.empty.revenueGroup',
      labels: lookup('revenueGroups'),
      value: column(partners.revenueGroupId),
      filter: 'bar',
      group: true,
    },
    dataManager: { type: 'text', value: lookupName(revenueGroups, partners.revenueGroupId) },
    form: crmFormFields.lookup('revenueGroupId'),
  },
  employeeCount: {
    entity: 'partner',
    label: 'crm.field.employeeCount',
    kind: 'integer',
    field: 'employeeCount',
    column: partners.employeeCount,
    history: true,
    dataManager: { type: 'integer', value: sql`${partners.employeeCount}` },
    form: crmFormFields.number('employeeCount'),
  },
  // Derived at read time from the employee count, never stored (SPEC section 2).
  companySize: {
    entity: 'partner',
    label: 'crm.field.companySize',
    kind: 'lookup',
    list: 'companySizes',
    field: 'companySize',
    dashboard: {
      position: 3,
      label: 'dashboard.dim.companySize',
      emptyLabel: 'dashboard.empty.companySize',
      labels: lookup('companySizes'),
      value: { expression: companySizeCase },
      filter: 'bar',
      group: true,
    },
    dataManager: { type: 'text', value: COMPANY_SIZE_NAME },
  },
  dataSource: {
    entity: 'partner',
    label: 'crm.field.dataSource',
    kind: 'lookup',
    list: 'dataSources',
    field: 'dataSource',
    column: partners.dataSourceId,
    history: true,
    dashboard: {
      position: 11,
      label: 'dashboard.dim.dataSource',
      emptyLabel: 'dashboard.empty.dataSource',
      labels: lookup('dataSources'),
      value: column(partners.dataSourceId),
      filter: 'hidden',
      group: true,
    },
    dataManager: { type: 'text', value: lookupName(dataSources, partners.dataSourceId) },
    form: crmFormFields.lookup('dataSourceId'),
  },
  isProspect: {
    entity: 'partner',
    label: 'crm.field.isProspect',
    kind: 'boolean',
    field: 'isProspect',
    column: partners.isProspect,
    history: true,
    dataManager: { type: 'boolean', value: sql`${partners.isProspect}` },
    form: crmFormFields.checkbox('isProspect'),
  },
  comment1: {
    entity: 'partner',
    label: 'crm.field.comment1',
    kind: 'text',
    field: 'comment1',
    column: partners.comment1,
    history: true,
    dataManager: { type: 'text', value: sql`${partners.comment1}` },
    form: crmFormFields.text('comment1'),
  },
  comment2: {
    entity: 'partner',
    label: 'crm.field.comment2',
    kind: 'text',
    field: 'comment2',
    column: partners.comment2,
    history: true,
    dataManager: { type: 'text', value: sql`${partners.comment2}` },
    form: crmFormFields.text('comment2'),
  },
  comment3: {
    entity: 'partner',
    label: 'crm.field.comment3',
    kind: 'text',
    field: 'comment3',
    column: partners.comment3,
    history: true,
    dataManager: { type: 'text', value: sql`${partners.comment3}` },
    form: crmFormFields.text('comment3'),
  },
  comment4: {
    entity: 'partner',
    label: 'crm.field.comment4',
    kind: 'text',
    field: 'comment4',
    column: partners.comment4,
    history: true,
    dataManager: { type: 'text', value: sql`${partners.comment4}` },
    form: crmFormFields.text('comment4'),
  },
  attributes: {
    entity: 'partner',
    label: 'crm.field.attributes',
    kind: 'lookupMulti',
    list: 'attributes',
    field: 'attributes',
    bridge: { ids: 'attributeIds', owner: partnerAttributes.partnerId, entry: partnerAttributes.attributeId },
    history: true,
    dataManager: { type: 'text', value: namesOf(attributes, partnerAttributes.attributeId, partnerAttributes.partnerId, partners.id) },
    form: crmFormFields.checkboxes('attributes'),
  },

  // Contact CRM fields: the Merkmale (SPEC section 2).
  contactAttributes: {
    entity: 'contact',
    label: 'crm.field.attributes',
    kind: 'lookupMulti',
    list: 'attributes',
    field: 'attributes',
    // Read by the import's planner (lib/import/plan); contacts have no CRM record (record/fields.ts).
    bridge: { ids: 'attributeIds', owner: contactAttributes.contactId, entry: contactAttributes.attributeId },
    dataManager: { type: 'text', value: namesOf(attributes, contactAttributes.attributeId, contactAttributes.contactId, contacts.id) },
    form: crmFormFields.checkboxes('attributes'),
  },
} as const satisfies Record<string, CrmProperty>;

export type CrmPropertyKey = keyof typeof CRM_PROPERTIES;
type Registry = typeof CRM_PROPERTIES;

/** The keys of the properties that declare `surface`, in registry order. */
export function keysWhere<S extends keyof CrmProperty>(
  surface: S,
): { [K in CrmPropertyKey]: Registry[K] extends Record<S, unknown> ? K : never }[CrmPropertyKey][] {
  return (Object.keys(CRM_PROPERTIES) as CrmPropertyKey[]).filter((key) => surface in CRM_PROPERTIES[key]) as never;
}

/** A property by key, typed as the common shape. */
export function crmProperty(key: CrmPropertyKey): CrmProperty {
  return CRM_PROPERTIES[key];
}

/** The properties of one entity that declare `surface`, in registry order. */
export function propertiesOf(entity: PropertyEntity, surface: keyof CrmProperty): [CrmPropertyKey, CrmProperty][] {
  return (Object.keys(CRM_PROPERTIES) as CrmPropertyKey[])
    .filter((key) => CRM_PROPERTIES[key].entity === entity && surface in CRM_PROPERTIES[key])
    .map((key) => [key, crmProperty(key)]);
}
