// The data manager's export route: the two dialects byte by byte, formula neutralisation, the role
// checks (401/403/400/404), and a round trip of every demo ticket through papaparse.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import Papa from 'papaparse';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { attributes, partnerAttributes, partners, products, ticketProducts, tickets } from '@/db/schema';
import { seedDemoData } from '@/db/seed/demo';
import type { SessionUser } from '@/lib/auth/guards';
import { session } from '../support/fake-guards';
import { freshAppDb, sessionUser } from '../support/db';

vi.mock('@/lib/auth/guards', () => import('../support/fake-guards'));

const { GET } = await import('@/app/(app)/data-manager/export/[entity]/route');

let db: Db;
let crmUser: SessionUser;
let agent: SessionUser;
let attributeId: number;
let ticketNumber: string;

async function exportAs(user: SessionUser | null, entity: string, query: string): Promise<Response> {
  session.user = user;
  return GET(new Request(`http://localhost/data-manager/export/${entity}?${query}`), { params: Promise.resolve({ entity }) });
}

async function text(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
}

beforeAll(async () => {
  db = freshAppDb();
  await seedDemoData(db);
  crmUser = sessionUser(db, 'crm@example.com');
  agent = sessionUser(db, 'agent@example.com');
  attributeId = db.insert(attributes).values({ name: 'Testmerkmal', appliesTo: 'partner' }).returning().get().id;
  const partner = db
    .insert(partners)
    .values({
      gpid: 990001,
      name: 'Müller; "Söhne"\r\nGmbH',
      employeeCount: 250,
      newsletter: true,
      comment1: '=HYPERLINK("http://x")',
      comment2: '+49 30 1234',
      comment3: '@home\t',
      comment4: '-minus',
      city: '\tTab',
      street: '\rCR',
    })
    .returning()
    .get();
  db.insert(partnerAttributes).values({ partnerId: partner.id, attributeId }).run();
  ticketNumber = 'T-990001';
  db.insert(tickets)
    .values({
      number: ticketNumber,
      title: '-SUM(A1)',
      potentialCents: -25_050,
      probability: 40,
      crmEnabled: true,
      createdAt: new Date('2024-03-15T09:30:00Z'),
    })
    .run();
});

describe('data manager export: dialects', () => {
  const partnerQuery = () =>
    `attribute=${attributeId}&columns=gpid,name,employeeCount,newsletter,comment1,comment2,comment3,comment4,city,street`;

  it('excel: BOM, semicolons, CRLF, German words, quoting, and every formula start neutralised', async () => {
    const body = await text(await exportAs(crmUser, 'partners', `${partnerQuery()}&dialect=excel`));
    expect(body).toBe(
      '\uFEFFGPID;Name;Unternehmensgröße (Beschäftigte);Newsletter aktiviert;Kommentar 1;Kommentar 2;Kommentar 3;Kommentar 4;Ort;Straße\r\n' +
        '990001;"Müller; ""Söhne""\r\nGmbH";250;Ja;"\'=HYPERLINK(""http://x"")";"\'+49 30 1234";"\'@home\t";"\'-minus";"\'\tTab";"\'\rCR"\r\n',
    );
  });

  it('rfc4180: no BOM, commas, CRLF, values as stored, quoting only where needed', async () => {
    const body = await text(await exportAs(crmUser, 'partners', `${partnerQuery()}&dialect=rfc4180`));
    expect(body.charCodeAt(0)).not.toBe(0xfeff);
    const [header, ...rest] = body.split('\r\n');
    expect(header).toBe(
      'GPID,Name,Unternehmensgröße (Beschäftigte),Newsletter aktiviert,Kommentar 1,Kommentar 2,Kommentar 3,Kommentar 4,Ort,Straße',
    );
    expect(rest.join('\r\n')).toBe(
      '990001,"Müller; ""Söhne""\r\nGmbH",250,true,"=HYPERLINK(""http://x"")",+49 30 1234,@home\t,-minus,\tTab,"\rCR"\r\n',
    );
    // Read back, every value is exactly as stored.
    expect(Papa.parse<string[]>(body, { skipEmptyLines: true }).data[1]).toEqual([
      '990001',
      'Müller; "Söhne"\r\nGmbH',
      '250',
      'true',
      '=HYPERLINK("http://x")',
      '+49 30 1234',
      '@home\t',
      '-minus',
      '\tTab',
      '\rCR',
    ]);
  });

  it('writes money, percentages and times per dialect; a plain negative amount stays a number', async () => {
    const columns = `q=${ticketNumber}&columns=number,title,potential,probability,createdAt`;
    const excel = await text(await exportAs(crmUser, 'tickets', `${columns}&dialect=excel`));
    expect(excel).toBe(
      '\uFEFFNummer;Titel;Umsatzpotenzial;Abschlusschance;Erstellt\r\nT-990001;"\'-SUM(A1)";-250,50;40;15.03.2024 10:30\r\n',
    );
    const rfc = await text(await exportAs(crmUser, 'tickets', `${columns}&dialect=rfc4180`));
    expect(rfc).toBe('Nummer,Titel,Umsatzpotenzial,Abschlusschance,Erstellt\r\nT-990001,-SUM(A1),-250.50,40,2024-03-15T09:30:00.000Z\r\n');
  });

  it('names a dated file and forbids caching', async () => {
    const response = await exportAs(crmUser, 'contacts', 'columns=id');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="crm-contacts-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    await response.arrayBuffer();
  });
});

describe('data manager export: access', () => {
  it('answers 401 to an anonymous caller and 404 to an unknown entity', async () => {
    expect((await exportAs(null, 'tickets', '')).status).toBe(401);
    expect((await exportAs(crmUser, 'users', '')).status).toBe(404);
  });

  it('refuses a CRM column or CRM filter to a user without crm with 403 naming it', async () => {
    const column = await exportAs(agent, 'tickets', 'columns=number,crmStatus');
    expect(column.status).toBe(403);
    expect(await column.json()).toMatchObject({ param: 'columns', value: 'crmStatus', error: expect.stringContaining('crmStatus') });
    const attribute = await exportAs(agent, 'partners', `attribute=${attributeId}`);
    expect(attribute.status).toBe(403);
    expect(await attribute.json()).toMatchObject({ param: 'attribute' });
    expect((await exportAs(agent, 'tickets', 'crm=on')).status).toBe(403);
    expect((await exportAs(agent, 'contacts', 'columns=attributes')).status).toBe(403);
  });

  it('answers 400 naming an unknown column or an invalid dialect', async () => {
    const unknown = await exportAs(crmUser, 'tickets', 'columns=number,passwordHash');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ param: 'columns', value: 'passwordHash', error: expect.stringContaining('passwordHash') });
    expect((await exportAs(crmUser, 'tickets', 'dialect=xlsx')).status).toBe(400);
  });

  it('gives a user without crm every non-CRM column by default, and a crm user every column', async () => {
    const plain = Papa.parse<string[]>(await text(await exportAs(agent, 'partners', 'dialect=rfc4180')), { skipEmptyLines: true }).data[0];
    expect(plain).toEqual(['GPID', 'Name', 'Name 2', 'Suchname', 'Straße', 'PLZ', 'Ort', 'Land', 'Telefon', 'E-Mail', 'Website']);
    const full = Papa.parse<string[]>(await text(await exportAs(crmUser, 'partners', 'dialect=rfc4180')), { skipEmptyLines: true }).data[0];
    expect(full).toContain('Gruppierte Unternehmensgröße');
    expect(full).toContain('Merkmale');
    expect(full).toHaveLength(26);
  });
});

describe('data manager export: round trip', () => {
  it('exports every ticket exactly once with potential, probability and products as stored', async () => {
    const body = await text(await exportAs(crmUser, 'tickets', 'dialect=rfc4180&columns=number,potential,probability,products'));
    const [header, ...rows] = Papa.parse<string[]>(body, { skipEmptyLines: true }).data;
    expect(header).toEqual(['Nummer', 'Umsatzpotenzial', 'Abschlusschance', 'Produkte']);
    const stored = db.select().from(tickets).orderBy(asc(tickets.id)).all();
    expect(stored.length).toBeGreaterThan(250);
    expect(rows.map((row) => row[0])).toEqual(stored.map((ticket) => ticket.number));
    const productNames = new Map<number, string[]>();
    const links = db
      .select({ ticketId: ticketProducts.ticketId, name: products.name })
      .from(ticketProducts)
      .innerJoin(products, eq(products.id, ticketProducts.productId))
      .orderBy(asc(products.position), asc(products.id))
      .all();
    for (const link of links) productNames.set(link.ticketId, [...(productNames.get(link.ticketId) ?? []), link.name]);
    stored.forEach((ticket, index) => {
      const [, potential, probability, productCell] = rows[index];
      expect(potential === '' ? null : Math.round(Number(potential) * 100)).toBe(ticket.potentialCents);
      expect(probability === '' ? null : Number(probability)).toBe(ticket.probability);
      expect(productCell).toBe((productNames.get(ticket.id) ?? []).join(', '));
    });
  });
});
