// Hostile-input cases of the master-data actions: partners, contacts, tickets.
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { contacts, partners, tickets, users } from '@/db/schema';
import { CONTACT_MAX } from '@/lib/contacts/schemas';
import { PARTNER_MAX } from '@/lib/partners/schemas';
import { DESCRIPTION_MAX, TITLE_MAX } from '@/lib/tickets/schemas';
import type { Fixture } from '../../support/hostile-fixture';
import { expectStoredText, redirectedId, type HostileCase } from '../../support/hostile-actions';
import { expectId, expectOptionalId, type Sent } from '../../support/hostile-form';

const TICKETS = 'app/(app)/tickets/actions.ts';
const PARTNERS = 'app/(app)/partners/actions.ts';
const CONTACTS = 'app/(app)/contacts/actions.ts';

const ticketRow = (fx: Fixture, id: number) => fx.db.select().from(tickets).where(eq(tickets.id, id)).get()!;
const partnerRow = (fx: Fixture, id: number) => fx.db.select().from(partners).where(eq(partners.id, id)).get();
const contactRow = (fx: Fixture, id: number) => fx.db.select().from(contacts).where(eq(contacts.id, id)).get();

/** The saved ticket names what the form chose; its references obey the rules of SPEC section 2. */
function expectTicketFields(fx: Fixture, row: typeof tickets.$inferSelect, sent: Sent): void {
  expectStoredText(row.title, sent.one('title'), { max: TITLE_MAX });
  expectStoredText(row.description, sent.one('description'), { max: DESCRIPTION_MAX, trim: false });
  expect(row.partnerId).toBe(expectOptionalId(sent.one('partnerId')));
  expect(row.contactId).toBe(expectOptionalId(sent.one('contactId')));
  expect(row.assigneeId).toBe(expectOptionalId(sent.one('assigneeId')));
  expect(row.partnerId !== null || row.contactId !== null, 'a ticket without partner and contact').toBe(true);
  if (row.contactId !== null && row.partnerId !== null) {
    const contactPartner = contactRow(fx, row.contactId)!.partnerId;
    expect(contactPartner === null || contactPartner === row.partnerId, 'the contact belongs to another partner').toBe(true);
  }
}

/** The master data stored as typed, trimmed; a website without scheme gets https://. */
function expectPartnerFields(row: typeof partners.$inferSelect | undefined, sent: Sent): void {
  expect(row).toBeDefined();
  for (const field of ['name', 'name2', 'searchName', 'street', 'postcode', 'city', 'country', 'phone', 'email'] as const) {
    expectStoredText(row![field], sent.one(field), { max: PARTNER_MAX[field] });
  }
  const website = (sent.one('website') ?? '').trim();
  expect(row!.website).toBe(website === '' || /^[a-z][a-z0-9+.-]*:/i.test(website) ? website : `https://${website}`);
  expect(row!.website === '' || /^https?:\/\//.test(row!.website), 'a website that is not http(s)').toBe(true);
}

function expectContactFields(fx: Fixture, id: number, sent: Sent): void {
  const row = contactRow(fx, id);
  expect(row).toBeDefined();
  expect(row!.salutation).toBe(sent.one('salutation') ?? '');
  for (const field of ['firstName', 'lastName', 'email', 'phone', 'position'] as const) {
    expectStoredText(row![field], sent.one(field), { max: CONTACT_MAX[field] });
  }
  expect(row!.partnerId).toBe(expectOptionalId(sent.one('partnerId')));
}

const versionBumped = (row: { version: number }) => expect(row.version).toBe(2);

const masterData = {
  name: 'Neue Firma AG',
  name2: 'Niederlassung Süd',
  searchName: 'NEUFIRMA',
  street: 'Hauptstraße 1',
  postcode: '70173',
  city: 'Stuttgart',
  country: 'DE',
  phone: '+49 711 123456',
  email: 'info@neue-firma.example',
  website: 'www.neue-firma.example',
};

const contactData = (fx: Fixture) => ({
  salutation: 'Herr',
  firstName: 'Max',
  lastName: 'Muster',
  email: 'max@muster.example',
  phone: '+49 711 98765',
  position: 'Einkauf',
  partnerId: String(fx.partners.schmidt),
});

export const RECORD_CASES: Record<string, HostileCase> = {
  [`${TICKETS}#createTicketAction`]: {
    base: (fx) => ({
      title: 'Neuer Auftrag',
      description: 'Bitte bis Freitag prüfen.',
      partnerId: String(fx.partners.mueller),
      contactId: String(fx.contacts.erika),
      assigneeId: String(fx.carl.id),
      status: 'open',
    }),
    accepted: ({ fx, sent, redirect }) => {
      const row = ticketRow(fx, redirectedId(redirect, '/tickets'));
      expectTicketFields(fx, row, sent);
      expect(row.status).toBe(sent.one('status') ?? 'open');
      expect(row.number).toBe('T-000004');
      expect(row.createdById).toBe(fx.tess.id);
      if (row.assigneeId !== null) expect(fx.db.select().from(users).where(eq(users.id, row.assigneeId)).get()!.active).toBe(true);
    },
  },
  [`${TICKETS}#updateTicketAction`]: {
    base: (fx) => ({
      id: String(fx.tickets.plain),
      version: '1',
      title: 'Drucker druckt wieder nicht',
      description: '',
      partnerId: String(fx.partners.schmidt),
      contactId: String(fx.contacts.hans),
      assigneeId: String(fx.agentId),
      fromPickerSearch: '1',
    }),
    accepted: ({ fx, sent, redirect }) => {
      const id = expectId(sent.one('id'));
      if (redirect !== undefined) expect(redirect).toBe(`/tickets/${id}`);
      expect(redirect !== undefined).toBe(sent.one('fromPickerSearch') === '1');
      const row = ticketRow(fx, id);
      expectTicketFields(fx, row, sent);
      versionBumped(row);
      // A deactivated Bearbeiter may stay on a ticket, but not be chosen anew.
      if (row.assigneeId === fx.inactiveId) expect(id).toBe(fx.tickets.contactOnly);
    },
  },
  [`${TICKETS}#setTicketStatusAction`]: {
    base: (fx) => ({ id: String(fx.tickets.contactOnly), version: '1', status: 'closed' }),
    accepted: ({ fx, sent }) => {
      const row = ticketRow(fx, expectId(sent.one('id')));
      expect(row.status).toBe(sent.one('status'));
      versionBumped(row);
    },
  },
  [`${TICKETS}#takeOverTicketAction`]: {
    base: (fx) => ({ id: String(fx.tickets.plain), version: '1' }),
    accepted: ({ fx, sent }) => {
      const row = ticketRow(fx, expectId(sent.one('id')));
      expect(row.assigneeId).toBe(fx.tess.id);
      versionBumped(row);
    },
  },

  [`${PARTNERS}#createPartnerAction`]: {
    base: () => ({ ...masterData, force: 'on' }),
    extra: {
      website: [
        'javascript:alert(1)',
        'ftp://files.example',
        'https://',
        'http://localhost',
        'neue firma.de',
        'https://xn--mller-kva.example/pfad?q=1',
      ],
    },
    accepted: ({ fx, sent, redirect }) => {
      const id = redirectedId(redirect, '/partners');
      expect(redirect).toBe(`/partners/${id}?created=1`);
      const row = partnerRow(fx, id);
      expectPartnerFields(row, sent);
      expect(row!.gpid).toBe(10_004);
    },
  },
  [`${PARTNERS}#updatePartnerAction`]: {
    base: (fx) => ({ ...masterData, id: String(fx.partners.schmidt), version: '1' }),
    accepted: ({ fx, sent }) => {
      const row = partnerRow(fx, expectId(sent.one('id')));
      expectPartnerFields(row, sent);
      versionBumped(row!);
    },
  },
  [`${PARTNERS}#deletePartnerAction`]: {
    base: (fx) => ({ id: String(fx.partners.leer), version: '1', confirm: 'on' }),
    accepted: ({ fx, sent, redirect }) => {
      expect(redirect).toBe('/partners?deleted=1');
      expect(sent.one('confirm')).toBe('on');
      // Only the partner without contacts and tickets can go.
      expect(expectId(sent.one('id'))).toBe(fx.partners.leer);
      expect(partnerRow(fx, fx.partners.leer)).toBeUndefined();
    },
  },

  [`${CONTACTS}#createContactAction`]: {
    base: contactData,
    accepted: ({ fx, sent, redirect }) => {
      const id = redirectedId(redirect, '/contacts');
      expect(redirect).toBe(`/contacts/${id}?created=1`);
      expectContactFields(fx, id, sent);
    },
  },
  [`${CONTACTS}#updateContactAction`]: {
    base: (fx) => ({ ...contactData(fx), id: String(fx.contacts.hans), version: '1' }),
    accepted: ({ fx, sent }) => {
      const id = expectId(sent.one('id'));
      expectContactFields(fx, id, sent);
      versionBumped(contactRow(fx, id)!);
    },
  },
  [`${CONTACTS}#deleteContactAction`]: {
    base: (fx) => ({ id: String(fx.contacts.lotte), version: '1', confirm: 'on' }),
    accepted: ({ fx, sent, redirect }) => {
      expect(redirect).toBe('/contacts?deleted=1');
      expect(sent.one('confirm')).toBe('on');
      // Only the contact no ticket names can go.
      expect(expectId(sent.one('id'))).toBe(fx.contacts.lotte);
      expect(contactRow(fx, fx.contacts.lotte)).toBeUndefined();
    },
  },
};
