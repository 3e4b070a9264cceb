import 'server-only';
// A ticket's CRM values (CRM data: `crm` users only): its stamp and the values the property
// registry declares (lib/crm/record/fields.ts).
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { tickets, users } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { CLOSE_SLIPS, ORIGINAL_CLOSE } from '../property-sql';
import { crmRecordColumns, type CrmRecordValues } from '../record/fields';
import { readBridgeIds } from '../record/queries';

export type TicketCrm = {
  id: number;
  /** The CRM fields' own version and stamp (the ticket's `version` belongs to its master data). */
  crmVersion: number;
  crmUpdatedAt: Date | null;
  crmUpdatedById: number | null;
  crmUpdatedBy: string | null;
  enabled: boolean;
  activatedAt: Date | null;
} & CrmRecordValues<'ticket'>;

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
      ...crmRecordColumns('ticket'),
    })
    .from(tickets)
    .leftJoin(users, eq(users.id, tickets.crmUpdatedById))
    .where(eq(tickets.id, ticketId))
    .get();
  if (!row) return undefined;
  return { ...row, ...readBridgeIds(db, 'ticket', ticketId) };
}

export function getTicketCrm(db: Db, user: SessionUser, ticketId: number): TicketCrm | undefined {
  assertRole(user, 'crm');
  return readTicketCrm(db, ticketId);
}

/** How often the expected close moved later, and the date first recorded (`YYYY-MM-DD`), from the Verlauf. */
export type CloseSlippage = { slips: number; originalClose: string | null };

/** A ticket's slippage (SPEC section 14), read with the registry's SQL pieces; crm only. */
export function getCloseSlippage(db: Db | Tx, user: SessionUser, ticketId: number): CloseSlippage | undefined {
  assertRole(user, 'crm');
  return db
    .select({ slips: sql<number>`${CLOSE_SLIPS}`, originalClose: sql<string | null>`${ORIGINAL_CLOSE}` })
    .from(tickets)
    .where(eq(tickets.id, ticketId))
    .get();
}
