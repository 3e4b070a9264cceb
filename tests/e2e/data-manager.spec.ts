// The data manager as its users meet it: a crm user previews a ticket export with CRM columns and
// downloads exactly the rows counted; a plain user is offered no CRM column and refused one by URL.
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { DEMO, signIn } from './support';

test('a crm user previews and downloads a ticket export with CRM columns', async ({ page }) => {
  await signIn(page, DEMO.crm);
  await page.goto('/data-manager');
  await page.getByRole('link', { name: 'Tickets', exact: true }).last().click();
  await expect(page).toHaveURL(/entity=tickets/);
  const form = page.getByRole('form', { name: 'Export einstellen' });
  await form.getByLabel('Nummer').check();
  await form.getByLabel('CRM-Status').check();
  await form.getByLabel('Umsatzpotenzial').check();
  await form.getByLabel('Produkte').check();
  await form.getByLabel('CRM', { exact: true }).selectOption('on');
  await expect(form.getByLabel('Excel (Deutsch)')).toBeChecked();
  await form.getByRole('button', { name: 'Vorschau' }).click();

  const status = page.getByRole('status').filter({ hasText: 'Datensätze werden exportiert' });
  const total = Number(await status.getAttribute('data-total'));
  expect(total).toBeGreaterThan(0);
  await expect(page.getByRole('table').getByRole('columnheader', { name: 'CRM-Status' })).toBeVisible();
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(Math.min(total, 20));

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Herunterladen' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^crm-tickets-\d{4}-\d{2}-\d{2}\.csv$/);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  // Parsed as a spreadsheet reads it: cells may hold line breaks, and tickets other tests insert
  // directly carry numbers of their own.
  const { data, errors } = Papa.parse<string[]>(body.toString('utf8').slice(1), { delimiter: ';', newline: '\r\n', skipEmptyLines: true });
  expect(errors).toEqual([]);
  expect(data[0]).toEqual(['Nummer', 'CRM-Status', 'Umsatzpotenzial', 'Produkte']);
  expect(data.slice(1)).toHaveLength(total);
  expect(new Set(data.slice(1).map((record) => record[0])).size).toBe(total);
});

test('a plain user sees no CRM column and is refused one by URL', async ({ page }) => {
  await signIn(page, DEMO.agent);
  await page.goto('/data-manager?entity=tickets');
  const form = page.getByRole('form', { name: 'Export einstellen' });
  await expect(form.getByLabel('Nummer')).toBeVisible();
  await expect(form.getByLabel('CRM-Status')).toHaveCount(0);
  await expect(form.getByLabel('Umsatzpotenzial')).toHaveCount(0);
  await expect(page.getByText('CRM-Spalten')).toHaveCount(0);
  const response = await page.request.get('/data-manager/export/tickets?columns=crmStatus');
  expect(response.status()).toBe(403);
  expect((await response.json()).error).toContain('crmStatus');
});
