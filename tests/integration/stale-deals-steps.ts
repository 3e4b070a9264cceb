// The real writes a property test of the last CRM change drives (tests/integration/stale-deals.test.ts):
// the CRM panel's save of each field, CRM off and on, board moves, a bulk change and its undo, and a
// partner's CRM save. Each step is data (drawn by fast-check) run through the application's own
// mutations; a step that the rules refuse (a Verlustgrund beside an open status, a save on a ticket
// whose CRM is off) is simply refused, as it would be for a user.
import fc from 'fast-check';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/lib/auth/guards';
import { moveCard } from '@/lib/crm/board/move';
import { moveCardSchema } from '@/lib/crm/board/schemas';
import { applyBulkChange } from '@/lib/crm/bulk/apply';
import { BULK_CHANGE_KINDS, type BulkChange } from '@/lib/crm/bulk/change';
import { undoBulkChange } from '@/lib/crm/bulk/undo';
import { savePartnerCrm } from '@/lib/crm/partners/mutations';
import { readPartnerCrm } from '@/lib/crm/partners/queries';
import { formValues } from '@/lib/crm/record/fields';
import type { PartnerCrmInput, TicketCrmInput } from '@/lib/crm/schemas';
import { saveTicketCrm, setTicketCrmEnabled } from '@/lib/crm/tickets/mutations';
import { readTicketCrm } from '@/lib/crm/tickets/queries';
import { addDays } from '@/lib/csv/berlin-calendar';

/** The form fields of the ticket CRM panel; the first six move the deal on (SPEC section 17). */
export const DEAL_FIELDS = ['crmStatusId', 'probability', 'potential', 'expectedClose', 'products', 'campaigns'] as const;
export const OTHER_FIELDS = ['expectedUsers', 'lostReasonId', 'nextAction', 'nextActionText'] as const;
type PanelField = (typeof DEAL_FIELDS)[number] | (typeof OTHER_FIELDS)[number];

export type Step =
  | { kind: 'save'; ticket: number; field: PanelField; pick: number }
  | { kind: 'toggle'; ticket: number }
  | { kind: 'board'; ticket: number; column: 'crmStatus' | 'closeMonth' | 'assignee'; pick: number }
  | { kind: 'bulk'; tickets: number; change: BulkChange['kind']; pick: number }
  | { kind: 'undo' }
  | { kind: 'partner'; partner: number; pick: number };

/** Whether a step may move a deal at all: the others must leave every ticket's last CRM change alone. */
export function mayMoveDeal(step: Step): boolean {
  if (step.kind === 'save') return (DEAL_FIELDS as readonly string[]).includes(step.field);
  if (step.kind === 'board' || step.kind === 'bulk') return (step.kind === 'board' ? step.column : step.change) !== 'assignee';
  return step.kind === 'undo';
}

export const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('save' as const),
      ticket: fc.nat(),
      field: fc.constantFrom(...DEAL_FIELDS, ...OTHER_FIELDS),
      pick: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('toggle' as const), ticket: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('board' as const),
      ticket: fc.nat(),
      column: fc.constantFrom('crmStatus' as const, 'closeMonth' as const, 'assignee' as const),
      pick: fc.nat(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('bulk' as const),
      tickets: fc.integer({ min: 1, max: 255 }),
      change: fc.constantFrom(...BULK_CHANGE_KINDS),
      pick: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'undo' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('partner' as const), partner: fc.nat(), pick: fc.nat() }) },
);

/** What the steps choose from: the tickets and partners they touch and the lookup entries. */
export type StepWorld = {
  db: Db;
  user: SessionUser;
  tickets: number[];
  partners: number[];
  statuses: { id: number; phase: string }[];
  reasons: number[];
  products: number[];
  campaigns: number[];
  users: number[];
  /** Bulk changes applied and not undone yet, newest last. */
  applied: number[];
};

const nth = <T>(list: readonly T[], pick: number): T => list[pick % list.length];
const subset = (ids: number[], bits: number) => ids.filter((_, index) => (bits >> index) & 1);
const day = (pick: number) => addDays('2026-01-01', pick % 500);

/** The panel's form as it stands, with one field changed by `pick`. */
function panelForm(world: StepWorld, ticketId: number, field: PanelField, pick: number): TicketCrmInput {
  const current = readTicketCrm(world.db, ticketId)!;
  const form = {
    ...formValues('ticket', current),
    id: ticketId,
    crmVersion: current.crmVersion,
    newCampaigns: [],
    newProducts: [],
  } as TicketCrmInput;
  const set = form as unknown as Record<string, unknown>;
  const none = pick % 7 === 0;
  switch (field) {
    case 'crmStatusId': {
      const status = none ? null : nth(world.statuses, pick);
      set.crmStatusId = status?.id ?? null;
      set.lostReasonId = status?.phase === 'lost' ? nth(world.reasons, pick >> 3) : null;
      break;
    }
    case 'lostReasonId':
      // Beside an open status the rules refuse it: a refused save, as for a user.
      set.lostReasonId = none ? null : nth(world.reasons, pick);
      break;
    case 'probability':
      set.probability = none ? null : pick % 101;
      break;
    case 'potential':
      set.potential = none ? null : (pick % 1000) * 10_000;
      break;
    case 'expectedUsers':
      set.expectedUsers = none ? null : pick % 500;
      break;
    case 'expectedClose':
      set.expectedClose = none ? null : day(pick);
      break;
    case 'products':
      set.products = subset(world.products, pick);
      break;
    case 'campaigns':
      set.campaigns = subset(world.campaigns, pick);
      break;
    case 'nextAction':
      set.nextAction = none ? null : day(pick);
      set.nextActionTime = pick % 2 === 0 ? '' : `${String(8 + (pick % 10)).padStart(2, '0')}:30`;
      break;
    case 'nextActionText':
      set.nextActionText = `Rückruf ${pick % 100}`;
      break;
  }
  return form;
}

function bulkChange(world: StepWorld, kind: BulkChange['kind'], pick: number): BulkChange {
  switch (kind) {
    case 'crmStatus': {
      const status = nth(world.statuses, pick);
      return { kind, crmStatusId: status.id, lostReasonId: status.phase === 'lost' ? nth(world.reasons, pick) : null };
    }
    case 'assignee':
      return { kind, assigneeId: pick % 5 === 0 ? null : nth(world.users, pick) };
    case 'expectedClose':
      return { kind, expectedClose: pick % 5 === 0 ? null : day(pick) };
    case 'probability':
      return { kind, probability: pick % 5 === 0 ? null : pick % 101 };
    case 'addProduct':
    case 'removeProduct':
      return { kind, productId: nth(world.products, pick) };
    case 'addCampaign':
    case 'removeCampaign':
      return { kind, campaignId: nth(world.campaigns, pick) };
  }
}

/** Runs one step through the application's mutations (at whatever Date.now() says). */
export function runStep(world: StepWorld, step: Step): void {
  const { db, user } = world;
  switch (step.kind) {
    case 'save': {
      const id = nth(world.tickets, step.ticket);
      saveTicketCrm(db, user, panelForm(world, id, step.field, step.pick));
      return;
    }
    case 'toggle': {
      const current = readTicketCrm(db, nth(world.tickets, step.ticket))!;
      setTicketCrmEnabled(db, user, { id: current.id, crmVersion: current.crmVersion, enabled: !current.enabled });
      return;
    }
    case 'board': {
      const id = nth(world.tickets, step.ticket);
      const versions = db.$client.prepare('select version, crm_version as crmVersion from tickets where id = ?').get(id) as {
        version: number;
        crmVersion: number;
      };
      const status = nth(world.statuses, step.pick);
      const target =
        step.column === 'crmStatus'
          ? String(status.id)
          : step.column === 'assignee'
            ? String(nth(world.users, step.pick))
            : day(step.pick).slice(0, 7);
      const parsed = moveCardSchema.parse({
        id: String(id),
        version: String(versions.version),
        crmVersion: String(versions.crmVersion),
        column: step.column,
        target,
        lostReasonId: step.column === 'crmStatus' && status.phase === 'lost' ? String(nth(world.reasons, step.pick)) : '',
      });
      moveCard(db, user, parsed);
      return;
    }
    case 'bulk': {
      const ids = subset(world.tickets, step.tickets);
      const enabled = db.$client
        .prepare(`select count(*) from tickets where crm_enabled = 1 and id in (${ids.map(() => '?').join(',')})`)
        .pluck()
        .get(...ids) as number;
      const result = applyBulkChange(db, user, {
        selection: { kind: 'tickets', ids },
        change: bulkChange(world, step.change, step.pick),
        expectedCount: enabled,
      });
      if (result.ok) world.applied.push(result.data.id);
      return;
    }
    case 'undo': {
      const id = world.applied.pop();
      if (id !== undefined) undoBulkChange(db, user, { id });
      return;
    }
    case 'partner': {
      const partner = readPartnerCrm(db, nth(world.partners, step.partner))!;
      const form = { ...formValues('partner', partner), id: partner.id, crmVersion: partner.crmVersion, newCampaigns: [], newProducts: [] };
      savePartnerCrm(db, user, { ...form, comment1: `Notiz ${step.pick}`, comment2: `Anruf ${step.pick % 13}` } as PartnerCrmInput);
      return;
    }
  }
}
