// The import's dry run on edited files: exactly the edited fields as changes, new rows as creates,
// refusals with their reasons, duplicates named, a LibreOffice file read; nothing written.
import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { partners, ticketProducts, tickets } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/guards';
import { visibleColumns } from '@/lib/data-manager/columns';
import { readEntries } from '@/lib/lookups/queries';
import { planImport } from '@/lib/import/plan/queries';
import type { ImportOptions, ImportPlan, PlannedRow } from '@/lib/import/plan/types';
import { demoDb } from '../support/db';
import { bytesOf, exportText } from '../support/import-export';

let db: Db;
let crmUser: SessionUser;
let agent: SessionUser;
let admin: SessionUser;

const UPDATE: ImportOptions = { existing: 'update', createNew: true, createMissingEntries: false };
const changesSoFar = () => (db.$client.prepare('select total_changes() as n').get() as { n: number }).n;

type Sheet = { header: string[]; rows: string[][] };

/** Every column of the ticket export as a crm user writes it in the excel dialect, German, parsed. */
function ticketSheet(): Sheet {
  const keys = visibleColumns('tickets', true).map((column) => column.key);
  const text = exportText(db, crmUser, 'tickets', keys, 'excel', 'de').replace(/^\uFEFF/, '');
  const [header, ...rows] = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data;
  return { header, rows };
}

const excelFile = ({ header, rows }: Sheet) => '\uFEFF' + Papa.unparse([header, ...rows], { delimiter: ';', newline: '\r\n' });

function run(
  user: SessionUser,
  text: string | Uint8Array,
  options = UPDATE,
  entity: 'tickets' | 'partners' | 'contacts' = 'tickets',
): ImportPlan {
  return planImport(db, user, { entity, bytes: typeof text === 'string' ? bytesOf(text) : text, options });
}

function planned(user: SessionUser, text: string | Uint8Array, options = UPDATE, entity: 'tickets' | 'partners' | 'contacts' = 'tickets') {
  const result = run(user, text, options, entity);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
}

function set(sheet: Sheet, row: number, header: string, value: string): void {
  sheet.rows[row][sheet.header.indexOf(header)] = value;
}

const byLine = (rows: PlannedRow[], line: number) => rows.find((row) => row.line === line)!;

beforeAll(async () => {
  ({ db, crmUser, agent, admin } = await demoDb());
});

describe('changes', () => {
  it('edited cells become exactly those changes, before → after', () => {
    const sheet = ticketSheet();
    const number = sheet.rows[0][0];
    const ticket = db.select().from(tickets).where(eq(tickets.number, number)).get()!;
    const statuses = readEntries(db, 'crmTicketStatuses').filter((entry) => !entry.archived && entry.id !== ticket.crmStatusId);
    const products = readEntries(db, 'products').filter((entry) => !entry.archived);
    const currentProducts = db
      .select()
      .from(ticketProducts)
      .where(eq(ticketProducts.ticketId, ticket.id))
      .all()
      .map((row) => row.productId);
    const chosen = products.filter((entry) => !currentProducts.includes(entry.id)).slice(0, 2);
    set(sheet, 0, 'Titel', 'Neuer Titel');
    set(sheet, 0, 'Umsatzpotenzial', '1.234,56');
    set(sheet, 0, 'Voraussichtlicher Abschluss', '15.03.2027');
    set(sheet, 0, 'CRM-Status', statuses[0].name);
    set(sheet, 0, 'Produkte', chosen.map((entry) => entry.name).join(', '));
    const before = changesSoFar();
    const result = planned(crmUser, excelFile(sheet));
    expect(changesSoFar()).toBe(before);
    const row = result.rows[0];
    expect(row).toMatchObject({ line: 2, action: 'update', recordId: ticket.id, label: number, problems: [] });
    expect(row.changes).toEqual([
      { key: 'title', before: ticket.title, after: 'Neuer Titel' },
      { key: 'crmStatus', before: ticket.crmStatusId, after: statuses[0].id },
      { key: 'potential', before: ticket.potentialCents, after: 123456 },
      { key: 'products', before: currentProducts, after: chosen.map((entry) => entry.id) },
      { key: 'expectedClose', before: ticket.expectedClose, after: '2027-03-15' },
    ]);
    expect(result.counts).toMatchObject({ update: 1, unchanged: sheet.rows.length - 1, error: 0 });
  });

  it('a new row is a create; existing rows with existing: skip are skipped', () => {
    const sheet = ticketSheet();
    const copy = [...sheet.rows[0]];
    copy[0] = '';
    copy[1] = 'Ganz neues Ticket';
    sheet.rows.push(copy);
    const result = planned(crmUser, excelFile(sheet), { ...UPDATE, existing: 'skip' });
    const created = result.rows[result.rows.length - 1];
    expect(created.action).toBe('create');
    expect(created.changes).toContainEqual({ key: 'title', before: null, after: 'Ganz neues Ticket' });
    expect(result.counts).toMatchObject({ create: 1, skip: sheet.rows.length - 1 });
    const noCreate = planned(crmUser, excelFile(sheet), { ...UPDATE, createNew: false });
    expect(noCreate.rows[noCreate.rows.length - 1].action).toBe('skip');
  });
});

describe('refusals', () => {
  it("a plain user's file with a CRM column is refused as a whole, naming the column", () => {
    const text = exportText(db, crmUser, 'tickets', ['number', 'title', 'potential'], 'excel', 'de');
    const result = run(agent, text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ reason: 'import.plan.crmColumns', params: { columns: 'Umsatzpotenzial' } }),
    ]);
  });

  it('an unknown lookup value is an error naming the row and value; new entries only for crm_admin', () => {
    const sheet = ticketSheet();
    set(sheet, 0, 'CRM-Status', 'Gibt es nicht');
    const result = planned(crmUser, excelFile(sheet));
    expect(result.rows[0]).toMatchObject({ line: 2, action: 'error', changes: [] });
    expect(result.rows[0].problems).toEqual([
      { line: 2, column: 'CRM-Status', value: 'Gibt es nicht', reason: 'import.values.unknownEntry', params: { name: 'Gibt es nicht' } },
    ]);
    const refused = run(crmUser, excelFile(sheet), { ...UPDATE, createMissingEntries: true });
    expect(refused).toEqual({ ok: false, problems: [expect.objectContaining({ reason: 'import.plan.createEntriesRefused' })] });
    const byAdmin = planned(admin, excelFile(sheet), { ...UPDATE, createMissingEntries: true });
    expect(byAdmin.rows[0].action).toBe('update');
    expect(byAdmin.rows[0].changes).toContainEqual(expect.objectContaining({ key: 'crmStatus', after: -1, created: ['Gibt es nicht'] }));
    expect(byAdmin.newEntries).toEqual([{ list: 'crmTicketStatuses', name: 'Gibt es nicht', id: -1 }]);
  });

  it('field rules: negative money, percent over 100, a too long title, an empty title', () => {
    const sheet = ticketSheet();
    set(sheet, 0, 'Umsatzpotenzial', '-5,00');
    set(sheet, 1, 'Abschlusschance', '120');
    set(sheet, 2, 'Titel', 'x'.repeat(201));
    set(sheet, 3, 'Titel', '');
    const result = planned(crmUser, excelFile(sheet));
    const reasons = result.rows.slice(0, 4).map((row) => [row.action, row.problems.map((found) => found.reason)]);
    expect(reasons).toEqual([
      ['error', ['import.plan.negative']],
      ['error', ['import.values.percentRange']],
      ['error', ['import.plan.tooLong']],
      ['error', ['import.plan.required']],
    ]);
    expect(result.rows[2].problems[0].params).toEqual({ max: 200 });
  });

  it('two rows for one record are both errors naming each other', () => {
    const sheet = ticketSheet();
    sheet.rows.push([...sheet.rows[0]]);
    const result = planned(crmUser, excelFile(sheet));
    const last = sheet.rows.length + 1;
    expect(byLine(result.rows, 2)).toMatchObject({
      action: 'error',
      problems: [
        expect.objectContaining({ reason: 'import.plan.sameRecordTwice', params: expect.objectContaining({ lines: String(last) }) }),
      ],
    });
    expect(byLine(result.rows, last)).toMatchObject({
      action: 'error',
      problems: [expect.objectContaining({ params: expect.objectContaining({ lines: '2' }) })],
    });
  });

  it('a LibreOffice German file (Windows-1252, ;, TT.MM.JJ) plans as expected', () => {
    const ticket = db.select().from(tickets).where(eq(tickets.number, 'T-000002')).get()!;
    const text = `Nummer;Titel;Voraussichtlicher Abschluss;Umsatzpotenzial\r\nT-000002;Größe prüfen;15.03.27;1.500,5\r\n`;
    const result = planned(crmUser, new Uint8Array(Buffer.from(text, 'latin1')));
    expect(result.rows[0]).toMatchObject({ action: 'update', recordId: ticket.id });
    expect(result.rows[0].changes).toEqual([
      { key: 'title', before: ticket.title, after: 'Größe prüfen' },
      { key: 'expectedClose', before: ticket.expectedClose, after: '2027-03-15' },
      { key: 'potential', before: ticket.potentialCents, after: 150050 },
    ]);
  });

  it('read-only columns are ignored and listed once, never an error', () => {
    const text = exportText(db, crmUser, 'tickets', ['number', 'createdAt', 'phase', 'assignee'], 'excel', 'de');
    const result = planned(crmUser, text);
    expect(result.ignored).toEqual(['Erstellt', 'Phase', 'Bearbeiter']);
    expect(result.counts.error).toBe(0);
  });

  // Last: it adds two partners.
  it('one row matching two records is an error naming both', () => {
    db.insert(partners)
      .values([
        { gpid: 990001, name: 'Doppel GmbH', postcode: '12345' },
        { gpid: 990002, name: 'Doppel  GmbH', postcode: '12345' },
      ])
      .run();
    const result = planned(crmUser, 'Name;PLZ\r\nDoppel GmbH;12345\r\n', UPDATE, 'partners');
    expect(result.rows[0]).toMatchObject({
      action: 'error',
      problems: [expect.objectContaining({ reason: 'import.plan.ambiguousMatch', params: { records: 'Doppel GmbH, Doppel  GmbH' } })],
    });
  });
});
