import 'server-only';
// A partner's CRM values (CRM data: `crm` users only): its stamp and the values the property registry
// declares (lib/crm/record/fields.ts), with the derived grouped company size.
import { and, asc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { companySizes, crmChanges, partners, users } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { crmRecordColumns, type CrmRecordValues } from '../record/fields';
import { carriesCrmValue, readBridgeIds } from '../record/queries';

export type PartnerCrm = {
  id: number;
  name: string;
  /** The CRM fields' own version and stamp (the partner's `version` belongs to its master data). */
  crmVersion: number;
  crmUpdatedAt: Date | null;
  crmUpdatedById: number | null;
  crmUpdatedBy: string | null;
} & CrmRecordValues<'partner'>;

export function readPartnerCrm(db: Db | Tx, partnerId: number): PartnerCrm | undefined {
  const row = db
    .select({
      id: partners.id,
      name: partners.name,
      crmVersion: partners.crmVersion,
      crmUpdatedAt: partners.crmUpdatedAt,
      crmUpdatedById: partners.crmUpdatedById,
      crmUpdatedBy: users.name,
      ...crmRecordColumns('partner'),
    })
    .from(partners)
    .leftJoin(users, eq(users.id, partners.crmUpdatedById))
    .where(eq(partners.id, partnerId))
    .get();
  if (!row) return undefined;
  return { ...row, ...readBridgeIds(db, 'partner', partnerId) };
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
      .where(
        and(
          lte(companySizes.minEmployees, employeeCount),
          or(isNull(companySizes.maxEmployees), gte(companySizes.maxEmployees, employeeCount)),
        ),
      )
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
  return Boolean(
    db
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.id, partnerId), carriesCrmValue('partner', partnerId)))
      .get() ??
    db
      .select({ id: crmChanges.id })
      .from(crmChanges)
      .where(and(eq(crmChanges.entity, 'partner'), eq(crmChanges.entityId, partnerId)))
      .get(),
  );
}
