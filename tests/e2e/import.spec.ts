// The CSV import as a new user meets it (SPEC section 18), with JavaScript on and off: a German Excel
// file of partners (semicolons, UTF-8 with BOM) uploaded, its dry run shows new rows, applied; the same
// file again changes nothing; an edited cell shows before → after and is applied; undo sets it back; a
// row with a bad number is named with line, column and value and "Anwenden" is not offered. A plain
// user's CRM column is refused by name, and another user's upload answers 404.
import { expect, test, type Page } from '@playwright/test';
import { withDb } from './pages/crm-pages';
import { DEMO, signIn, unique } from './support';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const HEADER = 'Name;PLZ;Ort;Unternehmensgröße (Beschäftigte)';

function excelCsv(lines: string[]): Buffer {
  return Buffer.concat([BOM, Buffer.from([HEADER, ...lines].join('\r\n') + '\r\n', 'utf8')]);
}

async function upload(page: Page, file: Buffer, name = 'partner.csv'): Promise<void> {
  await page
    .getByRole('link', { name: /^(CSV-Datei importieren|← Andere Datei hochladen)$/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importieren' })).toBeVisible();
  await page.getByLabel('Datei (CSV, höchstens 20 MB)').setInputFiles({ name, mimeType: 'text/csv', buffer: file });
  await page.getByRole('button', { name: 'Hochladen und Probelauf anzeigen' }).click();
  await expect(page).toHaveURL(/\/data-manager\/import\/\d+\?/);
  await expect(page.getByRole('heading', { level: 1, name: `Probelauf: ${name}` })).toBeVisible();
}

const count = (page: Page, action: string) => page.locator(`[data-count="${action}"]`);

const partner = (name: string) =>
  withDb(
    (db) =>
      db.prepare('select city, employee_count as employees from partners where name = ?').get(name) as
        { city: string; employees: number | null } | undefined,
  );

async function importFlow(page: Page): Promise<void> {
  // Five uploads and three posts in a row: longer than one page's steps.
  test.setTimeout(120_000);
  const first = unique('Import Alpha');
  const second = unique('Import Beta');
  const file = excelCsv([`${first};50667;Köln;1200`, `${second};80331;München;15`]);
  await signIn(page, DEMO.crm);
  await page.goto('/data-manager');

  // Upload, dry run: two new partners, nothing written yet.
  await upload(page, file);
  await expect(count(page, 'create')).toHaveText('2');
  await expect(page.getByRole('cell', { name: first, exact: true })).toBeVisible();
  await expect(page.getByText('Ort: Köln').first()).toBeVisible();
  expect(partner(first)).toBeUndefined();

  // Apply: to the list with the notice; the partners exist.
  await page.getByRole('button', { name: 'Anwenden' }).click();
  await expect(page).toHaveURL(/\/data-manager\/imports\?applied=\d+$/);
  await expect(page.getByRole('status')).toContainText('2 neu');
  expect(partner(first)).toEqual({ city: 'Köln', employees: 1200 });
  expect(partner(second)).toEqual({ city: 'München', employees: 15 });

  // The same file again: every row unchanged, nothing to apply.
  await upload(page, file);
  await expect(count(page, 'unchanged')).toHaveText('2');
  await expect(count(page, 'create')).toHaveText('0');
  await expect(page.getByText('Es gibt nichts zu ändern.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Anwenden' })).toHaveCount(0);

  // One edited cell: one update, shown before → after, applied.
  await upload(page, excelCsv([`${first};50667;Köln;1200`, `${second};80331;Berlin;15`]));
  await expect(count(page, 'update')).toHaveText('1');
  await expect(page.getByText('Ort: München → Berlin')).toBeVisible();
  await page.getByRole('button', { name: 'Anwenden' }).click();
  await expect(page.getByRole('status')).toContainText('1 geändert');
  expect(partner(second)?.city).toBe('Berlin');

  // Undo the newest import: back to München, with the report.
  await page.getByRole('link', { name: 'Rückgängig machen' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import rückgängig machen' })).toBeVisible();
  await page.getByRole('button', { name: 'Ja, rückgängig machen' }).click();
  await expect(page).toHaveURL(/\/data-manager\/imports\?undone=\d+$/);
  await expect(page.getByRole('status')).toContainText('0 entfernt, 1 wiederhergestellt, 0 übersprungen');
  expect(partner(second)?.city).toBe('München');

  // An error row: named with line, column and value; no "Anwenden".
  await page.getByRole('link', { name: 'Daten Manager' }).first().click();
  await upload(page, excelCsv([`${unique('Import Gamma')};10115;Berlin;viele`]));
  await expect(count(page, 'error')).toHaveText('1');
  await expect(page.getByText('Zeile 2, Unternehmensgröße (Beschäftigte) „viele“')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Anwenden' })).toHaveCount(0);
}

test('a crm user imports partners, imports the same file again, an edit, undoes it and meets an error row', async ({ page }) => {
  await importFlow(page);
});

test('a Windows-1252 ticket file: amounts with decimal comma and dates shown formatted, a bad date named', async ({ page }) => {
  const partnerName = withDb(
    (db) =>
      db
        .prepare("select name from partners where name not glob '*[^ -~ä-üÄ-Üß]*' group by name having count(*) = 1 order by id limit 1")
        .pluck()
        .get() as string,
  );
  const title = unique('Import Ticket');
  const text = [
    'Titel;Geschäftspartner;CRM aktiviert;Umsatzpotenzial;Voraussichtlicher Abschluss',
    `${title};${partnerName};Ja;1.234,56;31.12.2026`,
    `${title} 2;${partnerName};Ja;10;31.02.2026`,
  ].join('\r\n');
  await signIn(page, DEMO.crm);
  await page.goto('/data-manager/import');
  await page.getByLabel('Datenart').selectOption('tickets');
  await page
    .getByLabel('Datei (CSV, höchstens 20 MB)')
    .setInputFiles({ name: 'tickets.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'latin1') });
  await page.getByRole('button', { name: 'Hochladen und Probelauf anzeigen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Probelauf: tickets.csv' })).toBeVisible();
  await expect(count(page, 'create')).toHaveText('1');
  await expect(count(page, 'error')).toHaveText('1');
  await expect(page.getByText('Umsatzpotenzial: 1.234,56 €')).toBeVisible();
  await expect(page.getByText('Voraussichtlicher Abschluss: 31.12.2026')).toBeVisible();
  await expect(page.getByText(`Geschäftspartner: ${partnerName}`)).toBeVisible();
  await expect(page.getByText('Zeile 3, Voraussichtlicher Abschluss „31.02.2026“: Dieses Datum gibt es nicht.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Anwenden' })).toHaveCount(0);
});

test('a file over 20 MB is refused with its size, and nothing is stored', async ({ page }) => {
  await signIn(page, DEMO.agent);
  await page.goto('/data-manager/import');
  const uploads = () => withDb((db) => db.prepare('select count(*) from import_uploads').pluck().get() as number);
  const before = uploads();
  const big = Buffer.alloc(21 * 1024 * 1024, 'a');
  await page.getByLabel('Datei (CSV, höchstens 20 MB)').setInputFiles({ name: 'gross.csv', mimeType: 'text/csv', buffer: big });
  await page.getByRole('button', { name: 'Hochladen und Probelauf anzeigen' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: /Die Datei ist 21[.,]0 MB groß; importiert werden Dateien bis 20[.,]0 MB/ }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/data-manager\/import$/);
  expect(uploads()).toBe(before);
});

test('an unknown header is mapped by hand, the mapping saved and chosen for the next upload', async ({ page }) => {
  const mappingName = unique('Zuordnung');
  const file = () => Buffer.from(`Firma;PLZ\r\n${unique('Import Epsilon')};10115\r\n`, 'utf8');
  await signIn(page, DEMO.crm);
  await page.goto('/data-manager');
  await upload(page, file(), 'firma.csv');
  await expect(page.getByRole('table', { name: 'Probleme der Datei' })).toContainText('Firma');
  await expect(page.getByRole('button', { name: 'Anwenden' })).toHaveCount(0);

  await page.getByLabel('Spalte für „Firma“').selectOption({ label: 'Name' });
  await page.getByRole('button', { name: 'Probelauf wiederholen' }).click();
  await expect(count(page, 'create')).toHaveText('1');
  await expect(page.getByRole('button', { name: 'Anwenden' })).toBeVisible();

  const save = page.getByRole('form', { name: 'Zuordnung speichern' });
  await save.getByText('Zuordnung speichern').first().click();
  await save.getByLabel('Name der Zuordnung').fill(mappingName);
  await save.getByRole('button', { name: 'Zuordnung speichern' }).click();
  await expect(page.getByText('Die Zuordnung wurde gespeichert.')).toBeVisible();

  await page.getByRole('link', { name: '← Andere Datei hochladen' }).click();
  await page.getByLabel('Gespeicherte Zuordnung').selectOption({ label: `Geschäftspartner: ${mappingName}` });
  await page.getByLabel('Datei (CSV, höchstens 20 MB)').setInputFiles({ name: 'firma.csv', mimeType: 'text/csv', buffer: file() });
  await page.getByRole('button', { name: 'Hochladen und Probelauf anzeigen' }).click();
  await expect(count(page, 'create')).toHaveText('1');
  await expect(page.getByRole('button', { name: 'Anwenden' })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the same flow works with plain form posts', async ({ page }) => {
    await importFlow(page);
  });
});

test('a plain user is refused a CRM column by name, and another user’s upload is not found', async ({ page, browser }) => {
  await signIn(page, DEMO.agent);
  await page.goto('/data-manager');
  await upload(page, excelCsv([`${unique('Import Delta')};10115;Berlin;12`]), 'crm.csv');
  const problems = page.getByRole('table', { name: 'Probleme der Datei' });
  await expect(problems).toContainText('CRM-Spalten dürfen nur Benutzer mit der Rolle CRM importieren: Unternehmensgröße (Beschäftigte)');
  await expect(page.getByRole('button', { name: 'Anwenden' })).toHaveCount(0);
  const own = page.url();

  const other = await browser.newPage();
  await signIn(other, DEMO.crm);
  const answer = await other.goto(own);
  expect(answer?.status()).toBe(404);
  await other.close();
});
