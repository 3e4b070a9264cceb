import 'server-only';
// Writes to a ticket's CRM values: activate, deactivate (values and history kept), save the form.
// Every changed field is recorded in the history in the same transaction. They check and bump the
// ticket's CRM version and stamp only: its master-data version and "Geändert … von …" stay untouched.
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { ticketCampaigns, ticketProducts, tickets } from '@/db/schema';
import { assertRole } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { crmSaveStamp, crmVersionConflict, writeTransaction } from '@/lib/concurrency';
import type { MutationResult } from '@/lib/result';
import { checkChosenEntries, ensureEntries, entryNames } from '../entries';
import { recordCrmChanges, type CrmSnapshot } from '../history';
import type { TicketCrmInput } from '../schemas';
import { readTicketCrm, type TicketCrm } from './queries';

const text = (value: number | null) => (value === null ? null : String(value));

function snapshot(tx: Tx, crm: Pick<TicketCrm, 'crmStatusId' | 'probability' | 'potentialCents' | 'expectedUsers' | 'campaignIds' | 'productIds'>): CrmSnapshot<'ticket'> {
  return {
    crmStatus: entryNames(tx, 'crmTicketStatuses', crm.crmStatusId === null ? [] : [crm.crmStatusId]),
    probability: text(crm.probability),
    potential: text(crm.potentialCents),
    campaigns: entryNames(tx, 'campaigns', crm.campaignIds),
    products: entryNames(tx, 'products', crm.productIds),
    expectedUsers: text(crm.expectedUsers),
  };
}

export function setTicketCrmEnabled(db: Db, user: SessionUser, input: { id: number; crmVersion: number; enabled: boolean }): MutationResult {
  assertRole(user, 'crm');
  return writeTransaction(db, (tx) => {
    const current = readTicketCrm(tx, input.id);
    const conflict = crmVersionConflict(tx, current, input.crmVersion);
    if (conflict) return conflict;
    if (current!.enabled === input.enabled) return { ok: true, data: undefined };
    const now = new Date();
    tx.update(tickets)
      .set({ crmEnabled: input.enabled, crmActivatedAt: current!.activatedAt ?? (input.enabled ? now : null), ...crmSaveStamp(current!, user.id) })
      .where(eq(tickets.id, input.id))
      .run();
    recordCrmChanges(tx, {
      entity: 'ticket',
      entityId: input.id,
      userId: user.id,
      before: { crmEnabled: String(current!.enabled) },
      after: { crmEnabled: String(input.enabled) },
      at: now,
    });
    return { ok: true, data: undefined };
  });
}

export function saveTicketCrm(db: Db, user: SessionUser, input: TicketCrmInput): MutationResult {
  assertRole(user, 'crm');
  return writeTransaction(db, (tx) => {
    const current = readTicketCrm(tx, input.id);
    const conflict = crmVersionConflict(tx, current, input.crmVersion);
    if (conflict) return conflict;
    if (!current!.enabled) return { ok: false, error: 'crm.error.notEnabled' };

    const problems: Record<string, string> = {};
    const statusProblem = checkChosenEntries(tx, 'crmTicketStatuses', input.crmStatusId === null ? [] : [input.crmStatusId], current!.crmStatusId === null ? [] : [current!.crmStatusId]);
    if (statusProblem) problems.crmStatusId = statusProblem;
    const campaignProblem = checkChosenEntries(tx, 'campaigns', input.campaigns, current!.campaignIds);
    if (campaignProblem) problems.campaigns = campaignProblem;
    const productProblem = checkChosenEntries(tx, 'products', input.products, current!.productIds);
    if (productProblem) problems.products = productProblem;
    if (Object.keys(problems).length > 0) return { ok: false, error: 'form', fieldErrors: problems };

    const newCampaigns = ensureEntries(tx, 'campaigns', input.newCampaigns, user.id);
    if (!newCampaigns.ok) return { ok: false, error: 'form', fieldErrors: { newCampaigns: newCampaigns.error } };
    const newProducts = ensureEntries(tx, 'products', input.newProducts, user.id);
    if (!newProducts.ok) return { ok: false, error: 'form', fieldErrors: { newProducts: newProducts.error } };

    const next = {
      crmStatusId: input.crmStatusId,
      probability: input.probability,
      potentialCents: input.potential,
      expectedUsers: input.expectedUsers,
      campaignIds: [...new Set([...input.campaigns, ...newCampaigns.ids])],
      productIds: [...new Set([...input.products, ...newProducts.ids])],
    };
    const before = snapshot(tx, current!);
    tx.update(tickets)
      .set({ crmStatusId: next.crmStatusId, probability: next.probability, potentialCents: next.potentialCents, expectedUsers: next.expectedUsers, ...crmSaveStamp(current!, user.id) })
      .where(eq(tickets.id, input.id))
      .run();
    tx.delete(ticketCampaigns).where(eq(ticketCampaigns.ticketId, input.id)).run();
    if (next.campaignIds.length > 0) tx.insert(ticketCampaigns).values(next.campaignIds.map((campaignId) => ({ ticketId: input.id, campaignId }))).run();
    tx.delete(ticketProducts).where(eq(ticketProducts.ticketId, input.id)).run();
    if (next.productIds.length > 0) tx.insert(ticketProducts).values(next.productIds.map((productId) => ({ ticketId: input.id, productId }))).run();
    recordCrmChanges(tx, { entity: 'ticket', entityId: input.id, userId: user.id, before, after: snapshot(tx, next) });
    return { ok: true, data: undefined };
  });
}
