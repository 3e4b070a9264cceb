import 'server-only';
// A partner's CRM values (CRM data: `crm` users only), with the derived grouped company size.
import { and, asc, eq, gte, isNotNull, isNull, lte, ne, or } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { companySizes, crmChanges, partnerAttributes, partnerCampaigns, partnerProducts, partners, users } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';

export type PartnerCrm = {
  id: number;
  name: string;
  /** The CRM fields' own version and stamp (the partner's `version` belongs to its master data). */
  crmVersion: number;
  crmUpdatedAt: Date | null;
  crmUpdatedById: number | null;
  crmUpdatedBy: string | null;
  crmPartnerStatusId: number | null;
  companyGroupId: number | null;
  revenueGroupId: number | null;
  dataSourceId: number | null;
  employeeCount: number | null;
  newsletter: boolean;
  isProspect: boolean;
  comment1: string;
  comment2: string;
  comment3: string;
  comment4: string;
  campaignIds: number[];
  productIds: number[];
  attributeIds: number[];
};

export function readPartnerCrm(db: Db | Tx, partnerId: number): PartnerCrm | undefined {
  const row = db
    .select({
      id: partners.id,
      name: partners.name,
      crmVersion: partners.crmVersion,
      crmUpdatedAt: partners.crmUpdatedAt,
      crmUpdatedById: partners.crmUpdatedById,
      crmUpdatedBy: users.name,
      crmPartnerStatusId: partners.crmPartnerStatusId,
      companyGroupId: partners.companyGroupId,
      revenueGroupId: partners.revenueGroupId,
      dataSourceId: partners.dataSourceId,
      employeeCount: partners.employeeCount,
      newsletter: partners.newsletter,
      isProspect: partners.isProspect,
      comment1: partners.comment1,
      comment2: partners.comment2,
      comment3: partners.comment3,
      comment4: partners.comment4,
    })
    .from(partners)
    .leftJoin(users, eq(users.id, partners.crmUpdatedById))
    .where(eq(partners.id, partnerId))
    .get();
  if (!row) return undefined;
  const ids = <T extends { id: number }>(rows: T[]) => rows.map((r) => r.id);
  return {
    ...row,
    campaignIds: ids(db.select({ id: partnerCampaigns.campaignId }).from(partnerCampaigns).where(eq(partnerCampaigns.partnerId, partnerId)).orderBy(asc(partnerCampaigns.campaignId)).all()),
    productIds: ids(db.select({ id: partnerProducts.productId }).from(partnerProducts).where(eq(partnerProducts.partnerId, partnerId)).orderBy(asc(partnerProducts.productId)).all()),
    attributeIds: ids(db.select({ id: partnerAttributes.attributeId }).from(partnerAttributes).where(eq(partnerAttributes.partnerId, partnerId)).orderBy(asc(partnerAttributes.attributeId)).all()),
  };
}

export function getPartnerCrm(db: Db, user: SessionUser, partnerId: number): PartnerCrm | undefined {
  assertRole(user, 'crm');
  return readPartnerCrm(db, partnerId);
}

/**
 * Gruppierte Unternehmensgröße: the company-size range the employee count falls into, derived
 * from the current ranges at read time (archived ranges still count), never stored.
 */
export function companySizeFor(db: Db | Tx, employeeCount: number | null): { id: number; name: string } | null {
  if (employeeCount === null) return null;
  return (
    db
      .select({ id: companySizes.id, name: companySizes.name })
      .from(companySizes)
      .where(and(lte(companySizes.minEmployees, employeeCount), or(isNull(companySizes.maxEmployees), gte(companySizes.maxEmployees, employeeCount))))
      .orderBy(asc(companySizes.position))
      .get() ?? null
  );
}

/**
 * Whether the partner carries CRM data: a CRM field set, a campaign, product or Merkmal, or CRM history.
 * Only the fact, never a value, so it may decide for a user without `crm` (who may not delete such
 * a partner: the CRM data would go with it and its history would be orphaned).
 */
export function partnerHasCrmData(db: Db | Tx, partnerId: number): boolean {
  const setField = db
    .select({ id: partners.id })
    .from(partners)
    .where(
      and(
        eq(partners.id, partnerId),
        or(
          isNotNull(partners.crmPartnerStatusId),
          isNotNull(partners.companyGroupId),
          isNotNull(partners.revenueGroupId),
          isNotNull(partners.employeeCount),
          isNotNull(partners.dataSourceId),
          eq(partners.newsletter, true),
          eq(partners.isProspect, true),
          ne(partners.comment1, ''),
          ne(partners.comment2, ''),
          ne(partners.comment3, ''),
          ne(partners.comment4, ''),
        ),
      ),
    )
    .get();
  return Boolean(
    setField ??
      db.select({ id: partnerCampaigns.partnerId }).from(partnerCampaigns).where(eq(partnerCampaigns.partnerId, partnerId)).get() ??
      db.select({ id: partnerProducts.partnerId }).from(partnerProducts).where(eq(partnerProducts.partnerId, partnerId)).get() ??
      db.select({ id: partnerAttributes.partnerId }).from(partnerAttributes).where(eq(partnerAttributes.partnerId, partnerId)).get() ??
      db.select({ id: crmChanges.id }).from(crmChanges).where(and(eq(crmChanges.entity, 'partner'), eq(crmChanges.entityId, partnerId))).get(),
  );
}
