// The pipeline fields of SPEC section 14 at the edges a user reaches: a CRM status's phase and colour
// in the administration, the Verlustgrund only beside a lost status, impossible dates, and the
// slippage of the expected close read from the Verlauf. Each test makes its own ticket.
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { crmTicketStatuses, lostReasons, partners, tickets } from '@/db/schema';
import { seedDemoData } from '@/db/seed/demo';
import { AccessDenied } from '@/lib/auth/access';
import type { SessionUser } from '@/lib/auth/guards';
import { listCrmHistory } from '@/lib/crm/history';
import { ticketCrmPanelView } from '@/lib/crm/forms/queries';
import { ticketCrmSchema } from '@/lib/crm/schemas';
import { saveTicketCrm, setTicketCrmEnabled } from '@/lib/crm/tickets/mutations';
import { getCloseSlippage, getTicketCrm } from '@/lib/crm/tickets/queries';
import { addLookupEntry, deleteLookupEntry, setLookupEntryArchived, updateLookupEntry } from '@/lib/lookups/mutations';
import { crmStatusStyles, listLookupEntries, lookupOptions } from '@/lib/lookups/queries';
import { addEntrySchema, updateEntrySchema } from '@/lib/lookups/schemas';
import { createTicket } from '@/lib/tickets/mutations';
import { freshAppDb, sessionUser } from '../support/db';

let db: Db;
let admin: SessionUser;
let crmUser: SessionUser;
let agent: SessionUser;
let ticketId: number;

const statusNamed = (name: string) => db.select().from(crmTicketStatuses).where(eq(crmTicketStatuses.name, name)).get()!;
const reasonNamed = (name: string) => db.select().from(lostReasons).where(eq(lostReasons.name, name)).get()!;
const crmVersion = () => db.select({ version: tickets.crmVersion }).from(tickets).where(eq(tickets.id, ticketId)).get()!.version;

/** The ticket's CRM form as the panel sends it: every field, the given ones changed. */
function save(fields: Record<string, string>) {
  const parsed = ticketCrmSchema('de').safeParse({ id: String(ticketId), crmVersion: String(crmVersion()), ...fields });
  if (!parsed.success) return { ok: false as const, issues: parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]) };
  return saveTicketCrm(db, crmUser, parsed.data);
}

beforeEach(async () => {
  db = freshAppDb();
  await seedDemoData(db);
  admin = sessionUser(db, 'admin@example.com');
  crmUser = sessionUser(db, 'crm@example.com');
  agent = sessionUser(db, 'agent@example.com');
  const partnerId = db.select({ id: partners.id }).from(partners).get()!.id;
  const created = createTicket(db, crmUser, {
    title: 'Pipeline-Test',
    description: '',
    partnerId,
    contactId: null,
    assigneeId: null,
    status: 'open',
  });
  if (!created.ok) throw new Error('ticket not created');
  ticketId = created.data.id;
  expect(setTicketCrmEnabled(db, crmUser, { id: ticketId, crmVersion: crmVersion(), enabled: true })).toMatchObject({ ok: true });
});

describe('CRM status entries: phase and colour', () => {
  const add = (fields: Record<string, string>) => addEntrySchema('de').safeParse({ list: 'crmTicketStatuses', ...fields });

  it('stores the phase and the colour in lower case, and none when "keine Farbe" is ticked', () => {
    const parsed = add({ name: 'Vertrag unterschrieben', phase: 'won', color: '#2E8540' });
    expect(parsed.success && addLookupEntry(db, admin, parsed.data)).toMatchObject({ ok: true });
    const none = add({ name: 'Abgesagt', phase: 'lost', color: '#2e8540', noColor: 'on' });
    expect(none.success && addLookupEntry(db, admin, none.data)).toMatchObject({ ok: true });
    const entries = listLookupEntries(db, admin, 'crmTicketStatuses');
    expect(entries.find((entry) => entry.name === 'Vertrag unterschrieben')).toMatchObject({ phase: 'won', color: '#2e8540' });
    expect(entries.find((entry) => entry.name === 'Abgesagt')).toMatchObject({ phase: 'lost', color: null });
  });

  it('refuses an unknown phase and every colour that is not #rrggbb, naming the field', () => {
    for (const phase of ['', 'closed', 'WON', 'offen'])
      expect(add({ name: 'X', phase, color: '#000000' }).error?.issues).toEqual([
        expect.objectContaining({ path: ['phase'], message: 'crmAdmin.error.phase' }),
      ]);
    for (const color of ['red', '#fff', '#12345g', '#1234567', 'rgb(0,0,0)', '#00000', '##000000', '000000'])
      expect(add({ name: 'X', phase: 'open', color }).error?.issues).toEqual([
        expect.objectContaining({ path: ['color'], message: 'crmAdmin.error.color' }),
      ]);
  });

  it('edits phase and colour, keeps them when a form leaves them out, and the styles read follows', () => {
    const offer = statusNamed('Angebot erstellt');
    const update = (fields: Record<string, string>) =>
      updateLookupEntry(
        db,
        admin,
        updateEntrySchema('de').parse({
          list: 'crmTicketStatuses',
          id: String(offer.id),
          version: String(statusNamed('Angebot erstellt').version),
          name: 'Angebot erstellt',
          ...fields,
        }),
      );
    expect(update({ phase: 'lost', color: '#ABCDEF' })).toMatchObject({ ok: true });
    expect(crmStatusStyles(db, crmUser).get(offer.id)).toEqual({ phase: 'lost', color: '#abcdef' });
    expect(update({})).toMatchObject({ ok: true });
    expect(crmStatusStyles(db, crmUser).get(offer.id)).toEqual({ phase: 'lost', color: '#abcdef' });
    expect(update({ phase: 'open', color: '#abcdef', noColor: 'on' })).toMatchObject({ ok: true });
    expect(crmStatusStyles(db, crmUser).get(offer.id)).toEqual({ phase: 'open', color: null });
  });

  it('gives the styles to crm users only', () => {
    expect(() => crmStatusStyles(db, agent)).toThrow(AccessDenied);
  });
});

describe('Verlustgründe: a plain list', () => {
  it('adds, renames, archives (out of the picker) and deletes only while unused', () => {
    const added = addLookupEntry(db, admin, addEntrySchema('de').parse({ list: 'lostReasons', name: 'Projekt gestoppt' }));
    expect(added).toMatchObject({ ok: true });
    const id = added.ok ? added.data.id : 0;
    const version = () => listLookupEntries(db, admin, 'lostReasons').find((entry) => entry.id === id)!.version;
    expect(
      updateLookupEntry(
        db,
        admin,
        updateEntrySchema('de').parse({ list: 'lostReasons', id: String(id), version: String(version()), name: 'Projekt eingestellt' }),
      ),
    ).toMatchObject({ ok: true });
    const lost = statusNamed('Verloren');
    expect(save({ crmStatusId: String(lost.id), lostReasonId: String(id) })).toEqual({ ok: true, data: undefined });
    expect(deleteLookupEntry(db, admin, { list: 'lostReasons', id, version: version() })).toMatchObject({
      ok: false,
      error: 'crmAdmin.error.inUseOne',
    });
    expect(setLookupEntryArchived(db, admin, { list: 'lostReasons', id, version: version(), archived: true })).toMatchObject({ ok: true });
    expect(lookupOptions(db, crmUser, 'lostReasons').map((entry) => entry.name)).not.toContain('Projekt eingestellt');
    // The ticket keeps its archived reason, and so does its picker.
    expect(lookupOptions(db, crmUser, 'lostReasons', [id]).find((entry) => entry.id === id)).toMatchObject({ archived: true });
    const unused = addLookupEntry(db, admin, addEntrySchema('de').parse({ list: 'lostReasons', name: 'Doppelt angelegt' }));
    const unusedId = unused.ok ? unused.data.id : 0;
    expect(deleteLookupEntry(db, admin, { list: 'lostReasons', id: unusedId, version: 1 })).toMatchObject({ ok: true });
  });
});

describe('the Verlustgrund goes with a lost status only', () => {
  it('saves a reason beside a lost status and records it in the Verlauf', () => {
    const lost = statusNamed('Verloren');
    const reason = reasonNamed('Preis zu hoch');
    expect(save({ crmStatusId: String(lost.id), lostReasonId: String(reason.id) })).toEqual({ ok: true, data: undefined });
    expect(getTicketCrm(db, crmUser, ticketId)).toMatchObject({ crmStatusId: lost.id, lostReasonId: reason.id });
    const history = listCrmHistory(db, crmUser, 'ticket', ticketId);
    expect(history).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'lostReason', oldValue: null, newValue: 'Preis zu hoch' })]),
    );
  });

  it('refuses a reason beside an open status, or none, naming the field, and saves nothing', () => {
    const lost = statusNamed('Verloren');
    const reason = reasonNamed('Kein Budget');
    expect(save({ crmStatusId: String(lost.id), lostReasonId: String(reason.id), probability: '10' })).toMatchObject({ ok: true });
    const before = getTicketCrm(db, crmUser, ticketId);
    for (const status of [String(statusNamed('Verhandlung').id), String(statusNamed('Gewonnen').id), '']) {
      expect(save({ crmStatusId: status, lostReasonId: String(reason.id), probability: '80' })).toEqual({
        ok: false,
        error: 'crm.error.lostReasonNotLost',
        fieldErrors: { lostReasonId: 'crm.error.lostReasonField' },
      });
    }
    expect(getTicketCrm(db, crmUser, ticketId)).toEqual(before);
    // Cleared, as the panel's script does by not sending the hidden field, the change goes through and is recorded.
    expect(save({ crmStatusId: String(statusNamed('Verhandlung').id), probability: '80' })).toMatchObject({ ok: true });
    expect(getTicketCrm(db, crmUser, ticketId)).toMatchObject({ lostReasonId: null, probability: 80 });
    expect(listCrmHistory(db, crmUser, 'ticket', ticketId)).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'lostReason', oldValue: 'Kein Budget', newValue: null })]),
    );
  });

  it('follows the phase, not the name: a status made lost in the administration takes a reason', () => {
    const offer = statusNamed('Angebot erstellt');
    const reason = reasonNamed('Kein Bedarf mehr');
    expect(save({ crmStatusId: String(offer.id), lostReasonId: String(reason.id) })).toMatchObject({ ok: false });
    db.update(crmTicketStatuses).set({ phase: 'lost' }).where(eq(crmTicketStatuses.id, offer.id)).run();
    expect(save({ crmStatusId: String(offer.id), lostReasonId: String(reason.id) })).toMatchObject({ ok: true });
  });
});

describe('Voraussichtlicher Abschluss', () => {
  it('refuses impossible dates and malformed ones with their own messages', () => {
    for (const date of ['2026-02-30', '2025-02-29', '2026-04-31', '2026-13-01', '2026-00-10'])
      expect(save({ expectedClose: date })).toMatchObject({ ok: false, issues: [['expectedClose', 'crm.error.impossibleDate']] });
    for (const date of ['30.02.2026', '2026-2-3', 'morgen'])
      expect(save({ expectedClose: date })).toMatchObject({ ok: false, issues: [['expectedClose', 'crm.error.date']] });
    expect(save({ expectedClose: '2028-02-29' })).toMatchObject({ ok: true });
    expect(getTicketCrm(db, crmUser, ticketId)!.expectedClose).toBe('2028-02-29');
  });
});

describe('slippage of the expected close', () => {
  it('counts the moves later from the Verlauf and keeps the first date, as the panel shows it', () => {
    const slippage = () => getCloseSlippage(db, crmUser, ticketId);
    expect(slippage()).toEqual({ slips: 0, originalClose: null });
    expect(save({ expectedClose: '2027-03-15' })).toMatchObject({ ok: true });
    expect(slippage()).toEqual({ slips: 0, originalClose: '2027-03-15' });
    expect(save({ expectedClose: '2027-05-31' })).toMatchObject({ ok: true });
    expect(slippage()).toEqual({ slips: 1, originalClose: '2027-03-15' });
    // Earlier is no slip; later again is.
    expect(save({ expectedClose: '2027-04-30' })).toMatchObject({ ok: true });
    expect(save({ expectedClose: '2027-06-30' })).toMatchObject({ ok: true });
    expect(slippage()).toEqual({ slips: 2, originalClose: '2027-03-15' });
    // Cleared and set again: the empty step counts as no slip either way.
    expect(save({ expectedClose: '' })).toMatchObject({ ok: true });
    expect(save({ expectedClose: '2027-09-30' })).toMatchObject({ ok: true });
    expect(slippage()).toEqual({ slips: 2, originalClose: '2027-03-15' });
    expect(ticketCrmPanelView(db, crmUser, ticketId, 1)!.slippage).toEqual({ slips: 2, originalClose: '2027-03-15' });
  });

  it('is CRM data: a plain user gets none', () => {
    expect(() => getCloseSlippage(db, agent, ticketId)).toThrow(AccessDenied);
    expect(() => ticketCrmPanelView(db, agent, ticketId, 1)).toThrow(AccessDenied);
  });
});
