// Applying an import (SPEC section 18): exactly what the dry run planned is written, for each entity; a
// second import of the exported result plans nothing; the Verlauf is marked with the import; all or
// nothing; refusals; new list entries by a crm_admin; uploads are their owner's.
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { crmChanges, importRecords, imports, partners, ticketProducts, tickets, type ExportEntity } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/guards';
import { readEntries } from '@/lib/lookups/queries';
import { applyImport } from '@/lib/import/apply/apply';
import { planImport } from '@/lib/import/plan/queries';
import { readImportUpload, saveImportUpload } from '@/lib/import/store/uploads';
import { germanSortKey } from '@/lib/order/sort-key';
import { demoDb } from '../support/db';
import { excelFile, importFile as importFileDb, setCell, sheetOf as sheetOfDb, UPDATE, uploadFile } from '../support/import-apply';
import { bytesOf } from '../support/import-export';

let db: Db;
let crmUser: SessionUser;
let agent: SessionUser;
let admin: SessionUser;

const changesSoFar = () => (db.$client.prepare('select total_changes() as n').get() as { n: number }).n;
const sheetOf = (entity: ExportEntity, user: SessionUser) => sheetOfDb(db, entity, user);
const upload = (user: SessionUser, entity: ExportEntity, text: string) => uploadFile(db, user, entity, text);
const importFile = (user: SessionUser, entity: ExportEntity, text: string, options = UPDATE) =>
  importFileDb(db, user, entity, text, options);
const set = setCell;

/** The dry run of the entity's export as it is now: the round trip plans no change. */
function replanned(user: SessionUser, entity: ExportEntity) {
  const plan = planImport(db, user, { entity, bytes: bytesOf(excelFile(sheetOf(entity, user))), options: UPDATE });
  if (!plan.ok) throw new Error(JSON.stringify(plan.problems));
  return plan.counts;
}

beforeAll(async () => {
  ({ db, crmUser, agent, admin } = await demoDb());
});

describe('apply', () => {
  it('tickets: updates and creates as planned, with stamps, numbers, CRM switch and Verlauf; a second import plans nothing', () => {
    const sheet = sheetOf('tickets', crmUser);
    const number = sheet.rows[0][0];
    const ticket = db.select().from(tickets).where(eq(tickets.number, number)).get()!;
    const status = readEntries(db, 'crmTicketStatuses').find((entry) => !entry.archived && entry.id !== ticket.crmStatusId)!;
    const product = readEntries(db, 'products').find((entry) => !entry.archived)!;
    set(sheet, 0, 'Titel', 'Importierter Titel');
    set(sheet, 0, 'CRM-Status', status.name);
    set(sheet, 0, 'Produkte', product.name);
    const fresh = [...sheet.rows[1]];
    fresh[0] = '';
    fresh[1] = 'Ganz neues Ticket';
    sheet.rows.push(fresh);
    set(sheet, sheet.rows.length - 1, 'CRM-Status', status.name);
    const { plan, result } = importFile(crmUser, 'tickets', excelFile(sheet));
    expect(plan.ok && plan.counts).toMatchObject({ create: 1, update: 1, error: 0 });
    expect(result).toMatchObject({ ok: true, data: { counts: { create: 1, update: 1 } } });
    if (!result.ok) return;

    const after = db.select().from(tickets).where(eq(tickets.id, ticket.id)).get()!;
    expect(after).toMatchObject({ title: 'Importierter Titel', crmStatusId: status.id, version: ticket.version + 1 });
    expect(after.crmVersion).toBe(ticket.crmVersion + 1);
    expect(after.updatedById).toBe(crmUser.id);
    const products = db.select().from(ticketProducts).where(eq(ticketProducts.ticketId, ticket.id)).all();
    expect(products.map((row) => row.productId)).toEqual([product.id]);

    const created = db.select().from(tickets).where(eq(tickets.title, 'Ganz neues Ticket')).get()!;
    expect(created.number).toMatch(/^T-\d{6}$/);
    expect(created.createdById).toBe(crmUser.id);
    const records = db.select().from(importRecords).where(eq(importRecords.importId, result.data.importId)).all();
    expect(records.map((record) => [record.recordId, record.action]).sort()).toEqual(
      [
        [ticket.id, 'update'],
        [created.id, 'create'],
      ].sort(),
    );
    expect(records.find((record) => record.action === 'update')!.before).toMatchObject({
      title: ticket.title,
      crmStatus: ticket.crmStatusId,
    });

    const history = db.select().from(crmChanges).where(eq(crmChanges.importId, result.data.importId)).all();
    expect(history.some((row) => row.entityId === ticket.id && row.field === 'crmStatus' && row.newValue === status.name)).toBe(true);
    expect(history.every((row) => row.importUndo === false && row.userId === crmUser.id)).toBe(true);
    expect(created).toMatchObject({ crmEnabled: true, crmUpdatedById: crmUser.id });
    expect(created.crmActivatedAt).toBeInstanceOf(Date);
    expect(history.some((row) => row.entityId === created.id && row.field === 'crmEnabled' && row.newValue === 'true')).toBe(true);

    expect(replanned(crmUser, 'tickets')).toMatchObject({ create: 0, update: 0, error: 0 });
  });

  it('partners: a new partner gets the next GPID and its sort key; a renamed one its new sort key; the round trip plans nothing', () => {
    const sheet = sheetOf('partners', crmUser);
    const gpid = Number(sheet.rows[0][0]);
    set(sheet, 0, 'Name', 'Österreich Import GmbH');
    const fresh = [...sheet.rows[1]];
    fresh[0] = '';
    fresh[1] = 'Neu Importiert AG';
    sheet.rows.push(fresh);
    const { result } = importFile(crmUser, 'partners', excelFile(sheet));
    expect(result).toMatchObject({ ok: true, data: { counts: { create: 1, update: 1 } } });
    const renamed = db.select().from(partners).where(eq(partners.gpid, gpid)).get()!;
    expect(renamed.sortName).toBe(germanSortKey('Österreich Import GmbH'));
    const created = db.select().from(partners).where(eq(partners.name, 'Neu Importiert AG')).get()!;
    expect(created.gpid).toBeGreaterThan(0);
    expect(created.sortName).toBe(germanSortKey('Neu Importiert AG'));
    expect(replanned(crmUser, 'partners')).toMatchObject({ create: 0, update: 0, error: 0 });
  });

  it('contacts: as plain user, master data only; the round trip plans nothing', () => {
    const sheet = sheetOf('contacts', agent);
    set(sheet, 0, 'Position', 'Importierte Position');
    sheet.rows.push([...sheet.rows[1]]);
    set(sheet, sheet.rows.length - 1, 'Kontakt-ID', '');
    set(sheet, sheet.rows.length - 1, 'E-Mail', 'neu.importiert@example.com');
    set(sheet, sheet.rows.length - 1, 'Nachname', 'Importiert');
    const { result } = importFile(agent, 'contacts', excelFile(sheet));
    expect(result).toMatchObject({ ok: true, data: { counts: { create: 1, update: 1, crmChanges: 0 } } });
    expect(replanned(agent, 'contacts')).toMatchObject({ create: 0, update: 0, error: 0 });
  });
});

describe('all or nothing', () => {
  it('an error row: refused, nothing written', () => {
    const sheet = sheetOf('tickets', crmUser);
    set(sheet, 0, 'Titel', 'Soll nicht ankommen');
    set(sheet, 1, 'Abschlusschance', '120');
    const uploadId = upload(crmUser, 'tickets', excelFile(sheet));
    const before = changesSoFar();
    const result = applyImport(db, crmUser, { uploadId, options: UPDATE, expected: { create: 0, update: 1 } });
    expect(result).toEqual({ ok: false, error: 'import.apply.hasErrors', params: { count: 1 } });
    expect(changesSoFar()).toBe(before);
  });

  it('a failure mid-way (a constraint): refused, nothing written', () => {
    const sheet = sheetOf('partners', crmUser);
    set(sheet, 0, 'Ort', 'Vorher geändert');
    const fresh = [...sheet.rows[1]];
    fresh[0] = '';
    fresh[1] = 'Boom';
    sheet.rows.push(fresh);
    db.$client.exec(`create trigger boom before insert on partners when new.name = 'Boom' begin select raise(abort, 'boom'); end`);
    try {
      const importsBefore = db.select().from(imports).all().length;
      const { result } = importFile(crmUser, 'partners', excelFile(sheet));
      expect(result).toMatchObject({ ok: false, error: 'import.apply.failed' });
      expect(db.select().from(partners).where(eq(partners.city, 'Vorher geändert')).all()).toEqual([]);
      expect(db.select().from(imports).all().length).toBe(importsBefore);
    } finally {
      db.$client.exec('drop trigger boom');
    }
  });

  it('counts other than the confirmed dry run: refused', () => {
    const sheet = sheetOf('tickets', crmUser);
    set(sheet, 0, 'Titel', 'Anderer Probelauf');
    const uploadId = upload(crmUser, 'tickets', excelFile(sheet));
    const result = applyImport(db, crmUser, { uploadId, options: UPDATE, expected: { create: 0, update: 0 } });
    expect(result).toEqual({ ok: false, error: 'import.apply.changed', params: { create: 0, update: 1 } });
  });

  it("a plain user's CRM column is refused at apply", () => {
    const text = excelFile(sheetOf('tickets', crmUser));
    const uploadId = upload(agent, 'tickets', text);
    const result = applyImport(db, agent, { uploadId, options: UPDATE, expected: { create: 0, update: 0 } });
    expect(result).toMatchObject({ ok: false, error: 'import.plan.crmColumns' });
  });
});

describe('entries and uploads', () => {
  it('a crm_admin has a missing status created and set', () => {
    const sheet = sheetOf('tickets', admin);
    const number = sheet.rows[2][0];
    set(sheet, 2, 'CRM-Status', 'Importstatus');
    const options = { ...UPDATE, createMissingEntries: true };
    const { result } = importFile(admin, 'tickets', excelFile(sheet), options);
    expect(result).toMatchObject({ ok: true, data: { counts: { update: 1, entries: 1 } } });
    const entry = readEntries(db, 'crmTicketStatuses').find((candidate) => candidate.name === 'Importstatus')!;
    expect(db.select().from(tickets).where(eq(tickets.number, number)).get()!.crmStatusId).toBe(entry.id);
  });

  it("another user's upload is not readable; a missing upload refuses apply", () => {
    const id = upload(crmUser, 'tickets', 'Titel\r\nx');
    expect(readImportUpload(db, crmUser, id)?.fileName).toBe('tickets.csv');
    expect(readImportUpload(db, agent, id)).toBeUndefined();
    expect(applyImport(db, agent, { uploadId: id, options: UPDATE, expected: { create: 0, update: 0 } })).toEqual({
      ok: false,
      error: 'import.apply.uploadGone',
    });
  });

  it("an upload removes the user's own uploads older than a day", () => {
    const old = upload(agent, 'contacts', 'x');
    db.$client.prepare('update import_uploads set created_at = ? where id = ?').run(Date.now() - 25 * 3600 * 1000, old);
    const other = db.$client.prepare('select count(*) as n from import_uploads where user_id <> ?').get(agent.id) as { n: number };
    upload(agent, 'contacts', 'y');
    expect(readImportUpload(db, agent, old)).toBeUndefined();
    expect(db.$client.prepare('select count(*) as n from import_uploads where user_id <> ?').get(agent.id)).toEqual(other);
  });

  it('a file above 20 MB is refused', () => {
    const result = saveImportUpload(db, agent, { entity: 'contacts', fileName: 'big.csv', bytes: new Uint8Array(20 * 1024 * 1024 + 1) });
    expect(result).toMatchObject({ ok: false, error: 'import.parse.tooLarge' });
  });
});
