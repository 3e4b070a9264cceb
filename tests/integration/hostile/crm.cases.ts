// Hostile-input cases of the CRM forms: the partner CRM tab, the ticket CRM panel, a contact's Merkmale.
// An archived entry may stay on a record that carries it, but is never chosen anew (SPEC section 7).
import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { attributes, contactAttributes, contacts, crmTicketStatuses, partners, tickets } from '@/db/schema';
import { readPartnerCrm } from '@/lib/crm/partners/queries';
import { readTicketCrm } from '@/lib/crm/tickets/queries';
import { LOOKUP_LISTS, type LookupListKey } from '@/lib/lookups/lists';
import { MAX_CENTS, parseEuroToCents } from '@/lib/money';
import type { Fixture } from '../../support/hostile-fixture';
import { expectStoredText, type HostileCase } from '../../support/hostile-actions';
import { expectId, expectOptionalId, type Fields, type Sent } from '../../support/hostile-form';
import { expectHumanMessage } from '../../support/human-message';

/** `entity:list:record:entry` for every lookup entry a record carries in the seeded database. */
type Carried = Set<string>;

type Entity = 'partner' | 'ticket' | 'contact';
const carriedKey = (entity: Entity, list: LookupListKey, recordId: number, entryId: number) => `${entity}:${list}:${recordId}:${entryId}`;

function carriedInFixture(fx: Fixture): Carried {
  const carried: Carried = new Set();
  const add = (entity: Entity, list: LookupListKey, recordId: number, ids: readonly (number | null)[]) => {
    for (const id of ids) if (id !== null) carried.add(carriedKey(entity, list, recordId, id));
  };
  for (const { id } of fx.db.select({ id: partners.id }).from(partners).all()) {
    const crm = readPartnerCrm(fx.db, id)!;
    add('partner', 'crmPartnerStatuses', id, [crm.crmPartnerStatusId]);
    add('partner', 'companyGroups', id, [crm.companyGroupId]);
    add('partner', 'revenueGroups', id, [crm.revenueGroupId]);
    add('partner', 'dataSources', id, [crm.dataSourceId]);
    add('partner', 'campaigns', id, crm.campaignIds);
    add('partner', 'products', id, crm.productIds);
    add('partner', 'attributes', id, crm.attributeIds);
  }
  for (const { id } of fx.db.select({ id: tickets.id }).from(tickets).all()) {
    const crm = readTicketCrm(fx.db, id)!;
    add('ticket', 'crmTicketStatuses', id, [crm.crmStatusId]);
    add('ticket', 'campaigns', id, crm.campaignIds);
    add('ticket', 'products', id, crm.productIds);
  }
  for (const row of fx.db.select().from(contactAttributes).all()) add('contact', 'attributes', row.contactId, [row.attributeId]);
  return carried;
}

/** Every stored entry exists; an archived one only where the record carried it before. */
function expectChoosable(
  fx: Fixture,
  carried: Carried,
  entity: Entity,
  list: LookupListKey,
  recordId: number,
  ids: readonly (number | null)[],
): void {
  const { table } = LOOKUP_LISTS[list];
  for (const id of ids) {
    if (id === null) continue;
    const entry = fx.db.select({ archived: table.archived }).from(table).where(eq(table.id, id)).get();
    expect(entry, `${list} ${id} does not exist`).toBeDefined();
    if (entry!.archived)
      expect(carried.has(carriedKey(entity, list, recordId, id)), `archived ${list} entry ${id} newly chosen`).toBe(true);
  }
}

/** "Neue Produkte: a, b": the entries of those names (created or found, any case), each ≤ 100 characters. */
function namedEntries(fx: Fixture, list: 'campaigns' | 'products', text: string | undefined): number[] {
  const { table } = LOOKUP_LISTS[list];
  const names = (text ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return names.map((name) => {
    expect(name.length).toBeLessThanOrEqual(100);
    const entry = fx.db
      .select({ id: table.id, archived: table.archived })
      .from(table)
      .where(sql`lower(${table.name}) = lower(${name})`)
      .get();
    expect(entry, `no ${list} entry named ${name}`).toBeDefined();
    expect(entry!.archived, `archived ${list} entry ${name} chosen by name`).toBe(false);
    return entry!.id;
  });
}

const sorted = (ids: readonly number[]) => [...new Set(ids)].sort((a, b) => a - b);

/** '' is none; otherwise up to twelve digits within `max`. */
function expectWholeNumber(stored: number | null, sent: string | undefined, max: number): void {
  const text = (sent ?? '').trim();
  if (text === '') return expect(stored).toBeNull();
  expect(text).toMatch(/^\d{1,12}$/);
  expect(stored).toBe(Number(text));
  expect(stored!).toBeLessThanOrEqual(max);
}

const checkbox = (sent: Sent, field: string) => ['on', 'true'].includes(sent.one(field) ?? '');

/** Müller's CRM tab, valid: archived entries Müller already carries stay chosen. */
const partnerCrmForm = (fx: Fixture): Fields => ({
  id: String(fx.partners.mueller),
  crmVersion: '1',
  crmPartnerStatusId: String(fx.lookups.crmPartnerStatuses.byName.get('Neukunde')),
  companyGroupId: String(fx.archived.companyGroups),
  revenueGroupId: String(fx.lookups.revenueGroups.byName.get('bis 10.000 €')),
  dataSourceId: '',
  employeeCount: '250',
  newsletter: 'on',
  isProspect: 'true',
  comment1: 'Jahresgespräch im März',
  comment2: '',
  comment3: '=HYPERLINK("http://evil.example")',
  comment4: '',
  campaigns: [String(fx.archived.campaigns), String(fx.lookups.campaigns.byName.get('Messe Hannover 2026'))],
  products: [String(fx.archived.products)],
  attributes: [String(fx.lookups.attributes.byName.get('VIP'))],
  newCampaigns: 'Hausmesse 2026, hausmesse 2026',
  newProducts: 'Schulung, Beratungspaket',
});

/** The CRM-enabled ticket's panel, valid: its archived CRM status and campaign stay chosen. */
const ticketCrmForm = (fx: Fixture): Fields => ({
  id: String(fx.tickets.crm),
  crmVersion: '1',
  crmStatusId: String(fx.archived.crmTicketStatuses),
  probability: '60',
  potential: '12.500,50 €',
  expectedUsers: '40',
  campaigns: [String(fx.archived.campaigns)],
  products: [String(fx.lookups.products.byName.get('Wartungsvertrag'))],
  newCampaigns: '',
  newProducts: 'Lizenz Plus',
});

/** The archived campaign and product: kept where a record carries them, refused as a new choice. */
const archivedChoices = (fx: Fixture) => ({ campaigns: [String(fx.archived.campaigns)], products: [String(fx.archived.products)] });

const CRM_PARTNER = 'app/(app)/partners/[id]/crm/actions.ts';
const CRM_TICKET = 'app/(app)/tickets/[id]/crm-actions.ts';
const CRM_CONTACT = 'app/(app)/contacts/[id]/crm-actions.ts';
const DASHBOARD = 'app/(app)/crm/actions.ts';
const BOARD = 'app/(app)/crm/board/actions.ts';

/** An opened dashboard group answers ticket rows of that group or a sentence, and writes nothing. */
const dashboardGroupCase: HostileCase = {
  call: 'query',
  // The fixture's one CRM ticket has the archived CRM status: the group of that status.
  base: (fx) => ({ query: `groupBy=crmStatus&open=${fx.archived.crmTicketStatuses}` }),
  judge: ({ fx, outcome, unchanged }) => {
    unchanged();
    expect('returned' in outcome, 'the action redirected').toBe(true);
    const answer = (outcome as { returned: { ok?: unknown; rows?: unknown; error?: unknown } }).returned;
    if (answer.ok !== true) {
      expectHumanMessage(answer.error, 'error');
      return 'refused';
    }
    const rows = answer.rows as unknown[][];
    expect(Array.isArray(rows) && rows.length <= 100).toBe(true);
    for (const row of rows) expect(row[0]).toBe(fx.tickets.crm);
    return 'accepted';
  },
};

/** A board card's move: as the board's one form sends it (`card`, `t<id>`, `r<id>`), or field by field. */
const boardMoveCase: HostileCase = {
  base: (fx): Fields[] => {
    const id = fx.tickets.crm;
    return [
      { column: 'closeMonth', card: `${id}.1.1`, [`t${id}`]: '2027-02' },
      { column: 'crmStatus', card: `${id}.1.1`, [`t${id}`]: String(fx.lookups.crmTicketStatuses.byName.get('Verloren')), [`r${id}`]: '' },
      { column: 'assignee', id: String(id), version: '1', crmVersion: '1', target: String(fx.tess.id) },
    ];
  },
  extra: (fx) => ({
    column: ['crmStatus', 'assignee', 'closeMonth', 'product', ''],
    [`t${fx.tickets.crm}`]: ['2027-02', '2027-13', 'none', String(fx.lookups.crmTicketStatuses.byName.get('Verloren')), String(fx.tess.id)],
    target: ['2028-02', 'none', '0', String(fx.archived.crmTicketStatuses)],
    [`r${fx.tickets.crm}`]: [String(fx.lookups.lostReasons.byName.get('Preis zu hoch')), ''],
    lostReasonId: [String(fx.lookups.lostReasons.byName.get('Preis zu hoch'))],
    card: [`${fx.tickets.crm}.1.1`, `${fx.tickets.crm}.2.1`, `${fx.tickets.plain}.1.1`, '1.1', 'x'],
  }),
  accepted: ({ fx, sent }) => {
    const card = sent.one('card');
    const id = expectId(card ? card.split('.')[0] : sent.one('id'));
    const target = (card ? sent.one(`t${id}`) : sent.one('target'))!.trim();
    const reason = card ? sent.one(`r${id}`) : sent.one('lostReasonId');
    const row = fx.db.select().from(tickets).where(eq(tickets.id, id)).get()!;
    const value = target === 'none' ? null : target;
    switch (sent.one('column')) {
      case 'closeMonth':
        expect(row.expectedClose === null ? null : row.expectedClose.slice(0, 7)).toBe(value);
        break;
      case 'assignee':
        expect(row.assigneeId).toBe(value === null ? null : Number(value));
        break;
      default: {
        expect(row.crmStatusId).toBe(value === null ? null : Number(value));
        const phase =
          value === null
            ? null
            : fx.db
                .select({ phase: crmTicketStatuses.phase })
                .from(crmTicketStatuses)
                .where(eq(crmTicketStatuses.id, Number(value)))
                .get()!.phase;
        expect(row.lostReasonId).toBe(phase === 'lost' ? expectOptionalId(reason) : null);
      }
    }
  },
};

export const CRM_CASES: Record<string, HostileCase> = {
  [`${DASHBOARD}#loadDashboardGroupAction`]: dashboardGroupCase,
  [`${BOARD}#moveCardAction`]: boardMoveCase,
  [`${CRM_PARTNER}#savePartnerCrmAction`]: {
    // The second form names an archived product as new: refused after the new campaign was written.
    base: (fx) => [partnerCrmForm(fx), { ...partnerCrmForm(fx), newProducts: 'Neu, Hosting' }],
    extra: (fx) => ({
      ...archivedChoices(fx),
      crmPartnerStatusId: [String(fx.archived.crmPartnerStatuses)],
      companyGroupId: [String(fx.archived.companyGroups)],
      revenueGroupId: [String(fx.archived.revenueGroups)],
      dataSourceId: [String(fx.archived.dataSources)],
      attributes: [String(fx.archived.attributes), String(fx.lookups.attributes.byName.get('Entscheider'))],
      newProducts: ['Hosting', 'a,,b', ' , ', 'p'.repeat(101), 'x,'.repeat(1000)],
      employeeCount: ['10000000', '10000001', '1.000'],
    }),
    seeded: carriedInFixture,
    accepted: ({ fx, sent, seeded }) => {
      const id = expectId(sent.one('id'));
      const crm = readPartnerCrm(fx.db, id)!;
      const carried = seeded as Carried;
      expect(crm.crmVersion).toBe(2);
      const singles = {
        crmPartnerStatusId: 'crmPartnerStatuses',
        companyGroupId: 'companyGroups',
        revenueGroupId: 'revenueGroups',
        dataSourceId: 'dataSources',
      } as const;
      for (const [field, list] of Object.entries(singles) as [keyof typeof singles, LookupListKey][]) {
        expect(crm[field]).toBe(expectOptionalId(sent.one(field)));
        expectChoosable(fx, carried, 'partner', list, id, [crm[field]]);
      }
      expectWholeNumber(crm.employeeCount, sent.one('employeeCount'), 10_000_000);
      expect(crm.newsletter).toBe(checkbox(sent, 'newsletter'));
      expect(crm.isProspect).toBe(checkbox(sent, 'isProspect'));
      for (const field of ['comment1', 'comment2', 'comment3', 'comment4'] as const)
        expectStoredText(crm[field], sent.one(field), { max: 2000, trim: false });
      expect(crm.campaignIds).toEqual(sorted([...sent.ids('campaigns'), ...namedEntries(fx, 'campaigns', sent.one('newCampaigns'))]));
      expect(crm.productIds).toEqual(sorted([...sent.ids('products'), ...namedEntries(fx, 'products', sent.one('newProducts'))]));
      expect(crm.attributeIds).toEqual(sorted(sent.ids('attributes')));
      for (const list of ['campaigns', 'products', 'attributes'] as const) {
        expectChoosable(
          fx,
          carried,
          'partner',
          list,
          id,
          list === 'campaigns' ? crm.campaignIds : list === 'products' ? crm.productIds : crm.attributeIds,
        );
      }
      for (const attributeId of crm.attributeIds) {
        expect(fx.db.select().from(attributes).where(eq(attributes.id, attributeId)).get()!.appliesTo).not.toBe('contact');
      }
    },
  },

  [`${CRM_TICKET}#setTicketCrmEnabledAction`]: {
    base: (fx) => [
      { id: String(fx.tickets.plain), crmVersion: '1', enabled: 'true' },
      { id: String(fx.tickets.crm), crmVersion: '1', enabled: 'false' },
    ],
    accepted: ({ fx, sent }) => {
      const crm = readTicketCrm(fx.db, expectId(sent.one('id')))!;
      expect(crm.enabled).toBe(sent.one('enabled') === 'true');
      if (crm.enabled) expect(crm.activatedAt).not.toBeNull();
    },
  },

  [`${CRM_TICKET}#saveTicketCrmAction`]: {
    // The second form names an archived product as new: refused after the new campaign was written.
    base: (fx) => [ticketCrmForm(fx), { ...ticketCrmForm(fx), newCampaigns: 'Roadshow Süd', newProducts: 'Hosting' }],
    extra: (fx) => ({
      ...archivedChoices(fx),
      crmStatusId: [String(fx.archived.crmTicketStatuses), String(fx.lookups.crmTicketStatuses.byName.get('Verloren'))],
      lostReasonId: [String(fx.lookups.lostReasons.byName.get('Preis zu hoch')), ''],
      expectedClose: ['2027-03-31', '2026-02-30', '2028-02-29', '31.12.2026', ' 2027-01-01 ', ''],
      potential: ['12500', '12500.5', '1.250,555', '-1', '100000000000,00', '100000000000,01', '1.2.3', '0,00', '€'],
      probability: ['100', '101', '50%', '5.5'],
      newCampaigns: ['Jahresendgeschäft 2026', 'Neu,  neu, NEU'],
      nextAction: ['2027-01-15', '2026-02-30', '15.01.2027', ''],
      nextActionTime: ['09:30', '24:00', '09:30:15', ''],
      nextActionText: ['Rückruf; Budget, klären', ''],
    }),
    seeded: carriedInFixture,
    accepted: ({ fx, sent, seeded }) => {
      const id = expectId(sent.one('id'));
      // Only the CRM-enabled ticket takes CRM values.
      expect(id).toBe(fx.tickets.crm);
      const crm = readTicketCrm(fx.db, id)!;
      const carried = seeded as Carried;
      expect(crm.crmVersion).toBe(2);
      expect(crm.crmStatusId).toBe(expectOptionalId(sent.one('crmStatusId')));
      expectChoosable(fx, carried, 'ticket', 'crmTicketStatuses', id, [crm.crmStatusId]);
      // A Verlustgrund only beside a lost status (SPEC section 14); a date only one that exists.
      expect(crm.lostReasonId).toBe(expectOptionalId(sent.one('lostReasonId')));
      if (crm.lostReasonId !== null) {
        const phase = fx.db
          .select({ phase: crmTicketStatuses.phase })
          .from(crmTicketStatuses)
          .where(eq(crmTicketStatuses.id, crm.crmStatusId!))
          .get();
        expect(phase?.phase).toBe('lost');
      }
      expect(crm.expectedClose).toBe((sent.one('expectedClose') ?? '').trim() || null);
      if (crm.expectedClose !== null) expect(new Date(`${crm.expectedClose}T00:00:00Z`).toISOString().slice(0, 10)).toBe(crm.expectedClose);
      // A percent may carry its sign ("50 %"); the number before it is stored.
      expectWholeNumber(
        crm.probability,
        sent
          .one('probability')
          ?.trim()
          .replace(/^(\d+)\s*%$/, '$1'),
        100,
      );
      expectWholeNumber(crm.expectedUsers, sent.one('expectedUsers'), 10_000_000);
      // A next action's time only with its day (SPEC section 17), seconds dropped.
      const day = (sent.one('nextAction') ?? '').trim();
      const time = (sent.one('nextActionTime') ?? '').trim().slice(0, 5);
      expect(crm.nextActionAt).toBe(day === '' ? null : time === '' ? day : `${day}T${time}`);
      const potential = (sent.one('potential') ?? '').trim();
      if (potential === '') expect(crm.potentialCents).toBeNull();
      else {
        expect(potential.length).toBeLessThanOrEqual(40);
        expect(crm.potentialCents).toBe(parseEuroToCents(potential, 'de'));
        expect(crm.potentialCents! >= 0 && crm.potentialCents! <= MAX_CENTS).toBe(true);
      }
      expect(crm.campaignIds).toEqual(sorted([...sent.ids('campaigns'), ...namedEntries(fx, 'campaigns', sent.one('newCampaigns'))]));
      expect(crm.productIds).toEqual(sorted([...sent.ids('products'), ...namedEntries(fx, 'products', sent.one('newProducts'))]));
      expectChoosable(fx, carried, 'ticket', 'campaigns', id, crm.campaignIds);
      expectChoosable(fx, carried, 'ticket', 'products', id, crm.productIds);
    },
  },

  [`${CRM_CONTACT}#saveContactAttributesAction`]: {
    base: (fx) => ({
      id: String(fx.contacts.erika),
      shownAttributes: [String(fx.lookups.attributes.byName.get('Entscheider')), String(fx.archived.attributes)],
      // Einkauf is archived, but Erika already carries it: it may stay.
      attributes: [String(fx.archived.attributes), String(fx.lookups.attributes.byName.get('VIP'))],
    }),
    extra: (fx) => ({
      attributes: [String(fx.archived.attributes), String(fx.lookups.attributes.byName.get('Referenzkunde'))],
      id: [String(fx.contacts.hans)],
    }),
    seeded: carriedInFixture,
    accepted: ({ fx, sent, seeded }) => {
      const id = expectId(sent.one('id'));
      const stored = fx.db
        .select({ id: contactAttributes.attributeId })
        .from(contactAttributes)
        .where(eq(contactAttributes.contactId, id))
        .all()
        .map((row) => row.id);
      expect(sorted(stored)).toEqual(sorted(sent.ids('attributes')));
      expectChoosable(fx, seeded as Carried, 'contact', 'attributes', id, stored);
      for (const attributeId of stored)
        expect(fx.db.select().from(attributes).where(eq(attributes.id, attributeId)).get()!.appliesTo).not.toBe('partner');
      // Merkmale are CRM data: saving them leaves the contact's own version alone.
      expect(fx.db.select({ version: contacts.version }).from(contacts).where(eq(contacts.id, id)).get()!.version).toBe(1);
    },
  },
};
