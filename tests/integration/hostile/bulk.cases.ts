// Hostile-input cases of the bulk changes (SPEC section 16): the confirmed change and its undo. An
// accepted change names only the fixture's CRM ticket (the plain one never counts), stores one bulk
// change and leaves the ticket holding the target; an archived entry is never chosen anew.
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { bulkChanges, tickets } from '@/db/schema';
import { LOOKUP_LISTS } from '@/lib/lookups/lists';
import type { Fixture } from '../../support/hostile-fixture';
import type { HostileCase } from '../../support/hostile-actions';
import type { Fields } from '../../support/hostile-form';

const BULK = 'app/(app)/crm/changes/actions.ts';

const selection = (fx: Fixture) => `ticket=${fx.tickets.crm}&ticket=${fx.tickets.plain}`;

export const BULK_CASES: Record<string, HostileCase> = {
  [`${BULK}#applyBulkChangeAction`]: {
    base: (fx): Fields[] => [
      { selection: selection(fx), expectedCount: '1', kind: 'probability', probability: '40' },
      {
        selection: selection(fx),
        expectedCount: '1',
        kind: 'addProduct',
        productId: String(fx.lookups.products.byName.get('Hosting') ?? 1),
      },
      { selection: `groupBy=crmStatus`, expectedCount: '1', kind: 'expectedClose', expectedClose: '2027-03-31' },
    ],
    extra: (fx) => ({
      selection: [selection(fx), 'ticket=abc', 'groupBy=nonsense', 'groupBy=crmStatus&open=1.2', `ticket=${fx.tickets.plain}`, ''],
      expectedCount: ['0', '2', '-1', 'x', '1.5'],
      kind: ['crmStatus', 'assignee', 'removeCampaign', 'nonsense'],
      probability: ['100', '101', '5.5', ''],
      expectedClose: ['2026-02-30', '31.12.2026', ''],
      crmStatusId: [String(fx.archived.crmTicketStatuses), String(fx.lookups.crmTicketStatuses.byName.get('Verloren'))],
      lostReasonId: [String(fx.lookups.lostReasons.byName.get('Preis zu hoch')), ''],
      productId: [String(fx.archived.products), '999999'],
      campaignId: [String(fx.archived.campaigns)],
      assigneeId: [String(fx.tess.id), ''],
    }),
    accepted: ({ fx, redirect }) => {
      expect(redirect).toMatch(/^\/crm\/changes\?applied=\d+$/);
      const id = Number(redirect!.split('=')[1]);
      const stored = fx.db.select().from(bulkChanges).where(eq(bulkChanges.id, id)).get()!;
      expect(stored.ticketCount).toBe(1);
      expect(stored.userId).toBe(fx.tess.id);
      const change = stored.change as Record<string, unknown>;
      const ticket = fx.db.select().from(tickets).where(eq(tickets.id, fx.tickets.crm)).get()!;
      if (change.kind === 'probability') expect(ticket.probability).toBe(change.probability);
      if (change.kind === 'expectedClose') expect(ticket.expectedClose).toBe(change.expectedClose);
      for (const [field, list] of [
        ['productId', 'products'],
        ['campaignId', 'campaigns'],
        ['crmStatusId', 'crmTicketStatuses'],
      ] as const) {
        if (typeof change[field] !== 'number' || String(change.kind).startsWith('remove')) continue;
        const { table } = LOOKUP_LISTS[list];
        expect(fx.db.select().from(table).where(eq(table.id, change[field])).get()?.archived).toBe(false);
      }
    },
  },

  [`${BULK}#undoBulkChangeAction`]: {
    base: (fx) => ({ id: String(fx.bulkChange) }),
    extra: (fx) => ({ id: [String(fx.bulkChange), String(fx.bulkChange + 1), '0', 'x'] }),
    accepted: ({ fx, sent, redirect }) => {
      expect(redirect).toBe(`/crm/changes?undone=${sent.one('id')}`);
      const stored = fx.db
        .select()
        .from(bulkChanges)
        .where(eq(bulkChanges.id, Number(sent.one('id'))))
        .get()!;
      expect(stored.undoneAt).not.toBeNull();
      expect(stored.undoneById).toBe(fx.tess.id);
    },
  },
};
