import 'server-only';
// Writes to business partners' master data: create (GPID from the counter, duplicate check), edit, delete.
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { contacts, partners, tickets } from '@/db/schema';
import { hasRole, type Actor } from '@/lib/auth/access';
import { nextCounterValue } from '@/lib/counters';
import { partnerHasCrmData } from '@/lib/crm/partners/queries';
import { germanSortKey } from '@/lib/order/sort-key';
import { saveStamp, versionConflict, writeTransaction } from '@/lib/concurrency';
import type { MutationFailure, MutationResult } from '@/lib/result';
import { findSimilarPartners, type SimilarPartner } from './queries';
import type { CreatePartnerInput, DeletePartnerInput, PartnerMasterData, UpdatePartnerInput } from './schemas';

/** The first GPID the `gpid` counter hands out (the demo data continues from there). */
export const GPID_START = 10_001;

/** A create refused because similar names exist; `similar` is what the form lists. */
export type SimilarPartnersFailure = MutationFailure & { similar: SimilarPartner[] };

function masterData(input: PartnerMasterData): PartnerMasterData & { sortName: string } {
  const { name, name2, searchName, street, postcode, city, country, phone, email, website } = input;
  return { name, sortName: germanSortKey(name), name2, searchName, street, postcode, city, country, phone, email, website };
}

/** The next GPID nobody holds yet; skips numbers taken outside the counter (e.g. imported partners). */
export function nextFreeGpid(tx: Tx): number {
  for (;;) {
    const gpid = nextCounterValue(tx, 'gpid', GPID_START);
    if (!tx.select({ id: partners.id }).from(partners).where(eq(partners.gpid, gpid)).get()) return gpid;
  }
}

/**
 * Creates a partner with the next GPID. Refused while partners with a similar name exist, unless the
 * user ticked "trotzdem anlegen" (`force`).
 */
export function createPartner(
  db: Db,
  actor: Actor,
  input: CreatePartnerInput,
): MutationResult<{ id: number; gpid: number }> | SimilarPartnersFailure {
  return db.transaction((tx): MutationResult<{ id: number; gpid: number }> | SimilarPartnersFailure => {
    if (!input.force) {
      const similar = findSimilarPartners(tx, input.name);
      if (similar.length > 0) {
        return { ok: false, error: 'partners.error.similarExists', fieldErrors: { force: 'partners.error.confirmSimilar' }, similar };
      }
    }
    const gpid = nextFreeGpid(tx);
    const row = tx
      .insert(partners)
      .values({ ...masterData(input), gpid, updatedById: actor.id })
      .returning({ id: partners.id })
      .get();
    return { ok: true, data: { id: row.id, gpid } };
  });
}

function loadVersioned(tx: Tx, id: number) {
  return tx.select({ version: partners.version, updatedById: partners.updatedById }).from(partners).where(eq(partners.id, id)).get();
}

export function updatePartner(db: Db, actor: Actor, input: UpdatePartnerInput): MutationResult {
  return writeTransaction(db, (tx) => {
    const current = loadVersioned(tx, input.id);
    const conflict = versionConflict(tx, current, input.version);
    if (conflict) return conflict;
    tx.update(partners)
      .set({ ...masterData(input), ...saveStamp(current!, actor.id) })
      .where(eq(partners.id, input.id))
      .run();
    return { ok: true, data: undefined };
  });
}

/**
 * Deletes a partner nobody refers to any more; its CRM links (campaigns, products, Merkmale) go with it.
 * Only a `crm` user may delete a partner with CRM data; its history (crm_changes) stays either way.
 */
export function deletePartner(db: Db, actor: Actor, input: DeletePartnerInput): MutationResult {
  return writeTransaction(db, (tx) => {
    const conflict = versionConflict(tx, loadVersioned(tx, input.id), input.version);
    if (conflict) return conflict;
    const count = (table: typeof contacts | typeof tickets) =>
      tx
        .select({ n: sql<number>`count(*)` })
        .from(table)
        .where(eq(table.partnerId, input.id))
        .get()!.n;
    const hasContacts = count(contacts) > 0;
    const hasTickets = count(tickets) > 0;
    if (hasContacts || hasTickets) {
      const error =
        hasContacts && hasTickets
          ? 'partners.error.hasContactsAndTickets'
          : hasContacts
            ? 'partners.error.hasContacts'
            : 'partners.error.hasTickets';
      return { ok: false, error };
    }
    if (!hasRole(actor, 'crm') && partnerHasCrmData(tx, input.id)) return { ok: false, error: 'partners.error.hasCrmData' };
    tx.delete(partners).where(eq(partners.id, input.id)).run();
    return { ok: true, data: undefined };
  });
}
