import 'server-only';
// Saves a partner's CRM tab; every changed field goes into the history in the same transaction.
// Checks and bumps the CRM version and stamp only, never the master data's version and stamp.
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { attributes, partnerAttributes, partnerCampaigns, partnerProducts, partners } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import type { LookupListKey } from '@/lib/lookups/lists';
import { crmSaveStamp, crmVersionConflict, writeTransaction } from '@/lib/concurrency';
import type { MutationResult } from '@/lib/result';
import { checkChosenEntries, ensureEntries, entryNames } from '../entries';
import { recordCrmChanges, type CrmSnapshot } from '../history';
import type { PartnerCrmInput } from '../schemas';
import { readPartnerCrm, type PartnerCrm } from './queries';

type Values = Omit<PartnerCrm, 'id' | 'name' | 'crmVersion' | 'crmUpdatedAt' | 'crmUpdatedById' | 'crmUpdatedBy'>;

const single = (id: number | null) => (id === null ? [] : [id]);

function snapshot(tx: Tx, values: Values): CrmSnapshot<'partner'> {
  return {
    partnerStatus: entryNames(tx, 'crmPartnerStatuses', single(values.crmPartnerStatusId)),
    companyGroup: entryNames(tx, 'companyGroups', single(values.companyGroupId)),
    campaigns: entryNames(tx, 'campaigns', values.campaignIds),
    products: entryNames(tx, 'products', values.productIds),
    newsletter: String(values.newsletter),
    revenueGroup: entryNames(tx, 'revenueGroups', single(values.revenueGroupId)),
    employeeCount: values.employeeCount === null ? null : String(values.employeeCount),
    dataSource: entryNames(tx, 'dataSources', single(values.dataSourceId)),
    isProspect: String(values.isProspect),
    comment1: values.comment1 || null,
    comment2: values.comment2 || null,
    comment3: values.comment3 || null,
    comment4: values.comment4 || null,
    attributes: entryNames(tx, 'attributes', values.attributeIds),
  };
}

/** The form fields that choose lookup entries, with their lists. */
const CHOICES: { field: string; list: LookupListKey; current: (crm: PartnerCrm) => number[]; chosen: (input: PartnerCrmInput) => number[] }[] = [
  { field: 'crmPartnerStatusId', list: 'crmPartnerStatuses', current: (crm) => single(crm.crmPartnerStatusId), chosen: (input) => single(input.crmPartnerStatusId) },
  { field: 'companyGroupId', list: 'companyGroups', current: (crm) => single(crm.companyGroupId), chosen: (input) => single(input.companyGroupId) },
  { field: 'revenueGroupId', list: 'revenueGroups', current: (crm) => single(crm.revenueGroupId), chosen: (input) => single(input.revenueGroupId) },
  { field: 'dataSourceId', list: 'dataSources', current: (crm) => single(crm.dataSourceId), chosen: (input) => single(input.dataSourceId) },
  { field: 'campaigns', list: 'campaigns', current: (crm) => crm.campaignIds, chosen: (input) => input.campaigns },
  { field: 'products', list: 'products', current: (crm) => crm.productIds, chosen: (input) => input.products },
  { field: 'attributes', list: 'attributes', current: (crm) => crm.attributeIds, chosen: (input) => input.attributes },
];

/** Merkmale of a partner are those for partners or for both, never contact-only ones. */
function contactOnlyAttributes(tx: Tx, ids: number[]): boolean {
  if (ids.length === 0) return false;
  return Boolean(tx.select({ id: attributes.id }).from(attributes).where(and(inArray(attributes.id, ids), eq(attributes.appliesTo, 'contact'))).get());
}

function replaceLinks(tx: Tx, partnerId: number, next: Values): void {
  tx.delete(partnerCampaigns).where(eq(partnerCampaigns.partnerId, partnerId)).run();
  if (next.campaignIds.length > 0) tx.insert(partnerCampaigns).values(next.campaignIds.map((campaignId) => ({ partnerId, campaignId }))).run();
  tx.delete(partnerProducts).where(eq(partnerProducts.partnerId, partnerId)).run();
  if (next.productIds.length > 0) tx.insert(partnerProducts).values(next.productIds.map((productId) => ({ partnerId, productId }))).run();
  tx.delete(partnerAttributes).where(eq(partnerAttributes.partnerId, partnerId)).run();
  if (next.attributeIds.length > 0) tx.insert(partnerAttributes).values(next.attributeIds.map((attributeId) => ({ partnerId, attributeId }))).run();
}

export function savePartnerCrm(db: Db, user: SessionUser, input: PartnerCrmInput): MutationResult {
  assertRole(user, 'crm');
  return writeTransaction(db, (tx) => {
    const current = readPartnerCrm(tx, input.id);
    const conflict = crmVersionConflict(tx, current, input.crmVersion);
    if (conflict) return conflict;
    const crm = current!;

    const fieldErrors: Record<string, string> = {};
    for (const choice of CHOICES) {
      const problem = checkChosenEntries(tx, choice.list, choice.chosen(input), choice.current(crm));
      if (problem) fieldErrors[choice.field] = problem;
    }
    if (!fieldErrors.attributes && contactOnlyAttributes(tx, input.attributes)) fieldErrors.attributes = 'crm.error.attributeTarget';
    if (Object.keys(fieldErrors).length > 0) return { ok: false, error: 'form', fieldErrors };
    const newCampaigns = ensureEntries(tx, 'campaigns', input.newCampaigns, user.id);
    if (!newCampaigns.ok) return { ok: false, error: 'form', fieldErrors: { newCampaigns: newCampaigns.error } };
    const newProducts = ensureEntries(tx, 'products', input.newProducts, user.id);
    if (!newProducts.ok) return { ok: false, error: 'form', fieldErrors: { newProducts: newProducts.error } };

    const next: Values = {
      crmPartnerStatusId: input.crmPartnerStatusId,
      companyGroupId: input.companyGroupId,
      revenueGroupId: input.revenueGroupId,
      dataSourceId: input.dataSourceId,
      employeeCount: input.employeeCount,
      newsletter: input.newsletter,
      isProspect: input.isProspect,
      comment1: input.comment1,
      comment2: input.comment2,
      comment3: input.comment3,
      comment4: input.comment4,
      campaignIds: [...new Set([...input.campaigns, ...newCampaigns.ids])],
      productIds: [...new Set([...input.products, ...newProducts.ids])],
      attributeIds: input.attributes,
    };
    const before = snapshot(tx, crm);
    tx.update(partners)
      .set({
        crmPartnerStatusId: next.crmPartnerStatusId,
        companyGroupId: next.companyGroupId,
        revenueGroupId: next.revenueGroupId,
        dataSourceId: next.dataSourceId,
        employeeCount: next.employeeCount,
        newsletter: next.newsletter,
        isProspect: next.isProspect,
        comment1: next.comment1,
        comment2: next.comment2,
        comment3: next.comment3,
        comment4: next.comment4,
        ...crmSaveStamp(crm, user.id),
      })
      .where(eq(partners.id, input.id))
      .run();
    replaceLinks(tx, input.id, next);
    recordCrmChanges(tx, { entity: 'partner', entityId: input.id, userId: user.id, before, after: snapshot(tx, next) });
    return { ok: true, data: undefined };
  });
}
