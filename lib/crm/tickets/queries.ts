import 'server-only';
// A ticket's CRM values (CRM data: `crm` users only).
import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { ticketCampaigns, ticketProducts, tickets, users } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';

export type TicketCrm = {
  id: number;
  /** The CRM fields' own version and stamp (the ticket's `version` belongs to its master data). */
  crmVersion: number;
  crmUpdatedAt: Date | null;
  crmUpdatedById: number | null;
  crmUpdatedBy: string | null;
  enabled: boolean;
  activatedAt: Date | null;
  crmStatusId: number | null;
  probability: number | null;
  potentialCents: number | null;
  expectedUsers: number | null;
  campaignIds: number[];
  productIds: number[];
};

export function readTicketCrm(db: Db | Tx, ticketId: number): TicketCrm | undefined {
  const row = db
    .select({
      id: tickets.id,
      crmVersion: tickets.crmVersion,
      crmUpdatedAt: tickets.crmUpdatedAt,
      crmUpdatedById: tickets.crmUpdatedById,
      crmUpdatedBy: users.name,
      enabled: tickets.crmEnabled,
      activatedAt: tickets.crmActivatedAt,
      crmStatusId: tickets.crmStatusId,
      probability: tickets.probability,
      potentialCents: tickets.potentialCents,
      expectedUsers: tickets.expectedUsers,
    })
    .from(tickets)
    .leftJoin(users, eq(users.id, tickets.crmUpdatedById))
    .where(eq(tickets.id, ticketId))
    .get();
  if (!row) return undefined;
  const campaignIds = db.select({ id: ticketCampaigns.campaignId }).from(ticketCampaigns).where(eq(ticketCampaigns.ticketId, ticketId)).orderBy(asc(ticketCampaigns.campaignId)).all();
  const productIds = db.select({ id: ticketProducts.productId }).from(ticketProducts).where(eq(ticketProducts.ticketId, ticketId)).orderBy(asc(ticketProducts.productId)).all();
  return { ...row, campaignIds: campaignIds.map((c) => c.id), productIds: productIds.map((p) => p.id) };
}

export function getTicketCrm(db: Db, user: SessionUser, ticketId: number): TicketCrm | undefined {
  assertRole(user, 'crm');
  return readTicketCrm(db, ticketId);
}
