// Undoing an import (SPEC section 18): created records removed and updated ones restored unless changed
// since (reported by name and reason), a partner with tickets kept, the Verlauf's entries marked as the
// undo, a second undo refused, who may undo; the list of imports; saved mappings.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { contactAttributes, crmChanges, partners, tickets } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/guards';
import { AccessDenied } from '@/lib/auth/access';
import { saveContactAttributes } from '@/lib/crm/contacts';
import { undoImport } from '@/lib/import/apply/undo';
import { getImport, listImports } from '@/lib/import/store/list';
import { deleteImportMapping, listImportMappings, saveImportMapping } from '@/lib/import/store/mappings';
import { readEntries } from '@/lib/lookups/queries';
import { createTicket } from '@/lib/tickets/mutations';
import { demoDb } from '../support/db';
import { excelFile, importFile, setCell, sheetOf } from '../support/import-apply';

let db: Db;
let crmUser: SessionUser;
let agent: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  ({ db, crmUser, agent, admin } = await demoDb());
});

const ticketOf = (number: string) => db.select().from(tickets).where(eq(tickets.number, number)).get()!;

describe('undo', () => {
  it('restores and removes what nobody changed since, skips and reports the rest; a second undo is refused', () => {
    const sheet = sheetOf(db, 'tickets', crmUser);
    const [first, second] = [sheet.rows[0][0], sheet.rows[1][0]];
    const before = [ticketOf(first), ticketOf(second)];
    const status = readEntries(db, 'crmTicketStatuses').find((entry) => !entry.archived && entry.id !== before[0].crmStatusId)!;
    setCell(sheet, 0, 'Titel', 'Import eins');
    setCell(sheet, 0, 'CRM-Status', status.name);
    setCell(sheet, 1, 'Titel', 'Import zwei');
    const partnerCell = sheet.header.indexOf('Geschäftspartner');
    const fresh = [...sheet.rows.slice(2).find((row) => row[partnerCell] !== '')!];
    fresh[0] = '';
    fresh[1] = 'Neu und wieder weg';
    sheet.rows.push(fresh);
    const { result, plan } = importFile(db, crmUser, 'tickets', excelFile(sheet));
    if (!result.ok) throw new Error(JSON.stringify(plan.ok ? plan.rows.filter((row) => row.action === 'error') : plan.problems));
    const importId = result.data.importId;
    const created = db.select().from(tickets).where(eq(tickets.title, 'Neu und wieder weg')).get()!;

    // Someone edits the second ticket after the import.
    db.update(tickets)
      .set({ title: 'Später bearbeitet', version: ticketOf(second).version + 1 })
      .where(eq(tickets.number, second))
      .run();

    expect(undoImport(db, agent, { id: importId })).toEqual({ ok: false, error: 'import.apply.undo.denied' });
    // The importer without `crm` (taken away since) may not undo an import that changed CRM fields.
    expect(() => undoImport(db, { ...crmUser, roles: [] }, { id: importId })).toThrow(AccessDenied);
    const undone = undoImport(db, crmUser, { id: importId });
    expect(undone).toEqual({
      ok: true,
      data: { removed: 1, restored: 1, skipped: [{ recordId: before[1].id, label: second, reason: 'import.apply.undo.changedSince' }] },
    });
    const restored = ticketOf(first);
    expect(restored).toMatchObject({ title: before[0].title, crmStatusId: before[0].crmStatusId, version: before[0].version + 2 });
    expect(ticketOf(second).title).toBe('Später bearbeitet');
    expect(db.select().from(tickets).where(eq(tickets.id, created.id)).get()).toBeUndefined();
    const undoHistory = db
      .select()
      .from(crmChanges)
      .where(and(eq(crmChanges.importId, importId), eq(crmChanges.importUndo, true)))
      .all();
    expect(undoHistory).toEqual([
      expect.objectContaining({ entityId: before[0].id, field: 'crmStatus', newValue: expect.any(String), userId: crmUser.id }),
    ]);
    expect(undoImport(db, crmUser, { id: importId })).toEqual({ ok: false, error: 'import.apply.undo.already' });

    const listed = getImport(db, crmUser, importId)!;
    expect(listed).toMatchObject({ userName: 'Carl Vertrieb', entity: 'tickets', undoneByName: 'Carl Vertrieb', canUndo: false });
    expect(listed.undoReport).toEqual(undone.ok && undone.data);
    expect(listImports(db, agent)[0].id).toBe(importId);
  });

  it('a created partner that has tickets by now stays; only the importer or an admin may undo', () => {
    const sheet = sheetOf(db, 'partners', agent);
    sheet.rows = [[...sheet.rows[0]]];
    sheet.rows[0][0] = '';
    setCell(sheet, 0, 'Name', 'Partner mit Ticket');
    const { result } = importFile(db, agent, 'partners', excelFile(sheet));
    if (!result.ok) throw new Error(result.error);
    const partner = db.select().from(partners).where(eq(partners.name, 'Partner mit Ticket')).get()!;
    const ticket = createTicket(db, agent, {
      title: 'Hängt am Partner',
      description: '',
      status: 'open',
      partnerId: partner.id,
      contactId: null,
      assigneeId: null,
    });
    expect(ticket.ok).toBe(true);
    expect(undoImport(db, crmUser, { id: result.data.importId })).toEqual({ ok: false, error: 'import.apply.undo.denied' });
    expect(listImports(db, crmUser).find((item) => item.id === result.data.importId)?.canUndo).toBe(false);
    expect(undoImport(db, admin, { id: result.data.importId })).toEqual({
      ok: true,
      data: {
        removed: 0,
        restored: 0,
        skipped: [{ recordId: partner.id, label: 'Partner mit Ticket', reason: 'import.apply.undo.hasTickets' }],
      },
    });
  });
});

describe('saved mappings', () => {
  it('are saved, overwritten by name at their version, listed and deleted by their owner only', () => {
    const saved = saveImportMapping(db, agent, {
      entity: 'contacts',
      name: 'CRM-Export',
      mapping: { Nachname: 'lastName', Mail: 'email' },
    });
    expect(saved).toEqual({ ok: true, data: { id: expect.any(Number), version: 1 } });
    if (!saved.ok) return;
    expect(saveImportMapping(db, agent, { entity: 'contacts', name: 'CRM-Export', mapping: { Mail: 'email' }, version: 1 })).toEqual({
      ok: true,
      data: { id: saved.data.id, version: 2 },
    });
    expect(saveImportMapping(db, agent, { entity: 'contacts', name: 'CRM-Export', mapping: {}, version: 1 })).toMatchObject({
      ok: false,
      error: 'staleVersion',
    });
    expect(listImportMappings(db, agent, 'contacts')).toEqual([
      expect.objectContaining({ id: saved.data.id, name: 'CRM-Export', mapping: { Mail: 'email' }, version: 2 }),
    ]);
    expect(listImportMappings(db, crmUser, 'contacts')).toEqual([]);
    expect(listImportMappings(db, agent, 'partners')).toEqual([]);
    expect(saveImportMapping(db, agent, { entity: 'contacts', name: 'Kaputt', mapping: { A: 'email', B: 'email' } })).toMatchObject({
      ok: false,
      error: 'import.parse.columnTwice',
    });
    expect(saveImportMapping(db, agent, { entity: 'contacts', name: 'Kaputt', mapping: { A: 'gibtEsNicht' } })).toMatchObject({
      ok: false,
      error: 'import.apply.mappingInvalid',
    });
    expect(saveImportMapping(db, agent, { entity: 'contacts', name: ' ', mapping: {} })).toMatchObject({
      ok: false,
      error: 'import.apply.mappingName',
    });
    expect(deleteImportMapping(db, crmUser, { id: saved.data.id, version: 2 })).toEqual({ ok: false, error: 'notFound' });
    expect(deleteImportMapping(db, agent, { id: saved.data.id, version: 2 })).toEqual({ ok: true, data: undefined });
    expect(listImportMappings(db, agent, 'contacts')).toEqual([]);
  });
});

describe('undo of Merkmale (contacts have no CRM version)', () => {
  it('restores the Merkmale nobody changed since, skips a contact whose Merkmale changed', () => {
    const sheet = sheetOf(db, 'contacts', crmUser);
    const attribute = readEntries(db, 'attributes').find((entry) => !entry.archived && entry.appliesTo !== 'partner')!;
    const ids = [0, 1].map((row) => Number(sheet.rows[row][sheet.header.indexOf('Kontakt-ID')]));
    const before = ids.map((id) => attributeIds(id));
    sheet.rows = sheet.rows.slice(0, 2);
    const other = readEntries(db, 'attributes').find(
      (entry) => !entry.archived && entry.appliesTo !== 'partner' && entry.id !== attribute.id,
    )!;
    for (const row of [0, 1]) setCell(sheet, row, 'Merkmale', before[row].includes(attribute.id) ? other.name : attribute.name);
    const { result } = importFile(db, crmUser, 'contacts', excelFile(sheet));
    if (!result.ok) throw new Error(result.error);
    expect(result.data.counts).toMatchObject({ update: 2 });
    const later = saveContactAttributes(db, crmUser, { id: ids[1], shownAttributes: attributeIds(ids[1]), attributes: [] });
    expect(later.ok).toBe(true);
    const undone = undoImport(db, crmUser, { id: result.data.importId });
    expect(undone).toMatchObject({
      ok: true,
      data: { restored: 1, skipped: [{ recordId: ids[1], reason: 'import.apply.undo.changedSince' }] },
    });
    expect(attributeIds(ids[0])).toEqual(before[0]);
    expect(attributeIds(ids[1])).toEqual([]);
  });
});

function attributeIds(contactId: number): number[] {
  return db
    .select({ id: contactAttributes.attributeId })
    .from(contactAttributes)
    .where(eq(contactAttributes.contactId, contactId))
    .all()
    .map((row) => row.id)
    .sort((a, b) => a - b);
}
