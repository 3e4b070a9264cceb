// The dashboard CSV holds exactly the view: one row per ticket, the view's group order, the
// leading level columns, sums that match the grand total.
import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { seedDemoData } from '@/db/seed/demo';
import type { SessionUser } from '@/lib/auth/guards';
import { dashboardExportStream } from '@/lib/crm/dashboard/export';
import { parseDashboardParams } from '@/lib/crm/dashboard/params';
import { summariseDashboard } from '@/lib/crm/dashboard/queries';
import { translator } from '@/lib/i18n';
import { freshAppDb } from '../support/db';

let db: Db;
let user: SessionUser;
const t = translator('de');

async function exportText(query: string, dialect: 'excel' | 'rfc4180'): Promise<string> {
  const stream = dashboardExportStream(user, parseDashboardParams(new URLSearchParams(query)).params, dialect);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
}

beforeAll(async () => {
  db = freshAppDb();
  await seedDemoData(db);
  const row = db.select().from(users).where(eq(users.email, 'crm@example.com')).get()!;
  user = { id: row.id, email: row.email, name: row.name, roles: row.roles, locale: 'de' };
});

describe('dashboard export', () => {
  it('has one row per ticket of the view, in its group order, summing to the grand total', async () => {
    const query = 'groupBy=crmStatus,product&usersFrom=5';
    const summary = summariseDashboard(db, user, parseDashboardParams(new URLSearchParams(query)).params, t);
    const parsed = Papa.parse<string[]>(await exportText(query, 'rfc4180'), { skipEmptyLines: true });
    const [header, ...rows] = parsed.data;
    expect(header.slice(0, 3)).toEqual(['CRM-Ticketstatus', 'Produkte', 'Nummer']);
    expect(rows).toHaveLength(summary.total.count);
    expect(new Set(rows.map((row) => row[2])).size).toBe(rows.length);
    const potential = header.indexOf('Umsatzpotenzial');
    const cents = rows.reduce((sum, row) => sum + (row[potential] === '' ? 0 : Math.round(Number(row[potential]) * 100)), 0);
    expect(cents).toBe(summary.total.sumPotentialCents);
    const statusOrder = [...new Set(rows.map((row) => row[0]))];
    expect(statusOrder).toEqual(summary.groups.map((group) => group.label));
    // A multi-valued level lists every value of the ticket in its one row.
    const productColumn = header.lastIndexOf('Produkte');
    for (const row of rows) expect(row[1]).toBe(row[productColumn] === '' ? '(ohne Produkte)' : row[productColumn]);
  });

  it('writes the Excel dialect with BOM, semicolons and decimal commas', async () => {
    const text = await exportText('crmStatus=none', 'excel');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [headerLine, firstRow] = text.slice(1).split('\r\n');
    expect(headerLine.split(';')[0]).toBe('CRM-Ticketstatus');
    expect(firstRow.startsWith('(ohne CRM-Status);')).toBe(true);
    expect(text).toMatch(/;\d+,\d{2};/);
  });
});
