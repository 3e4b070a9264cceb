// The ticket board as users use it: a CRM user builds a query with a CRM criterion; a user without
// crm neither sees nor can send CRM criteria; columns reorder by drag and drop and, without
// JavaScript, by buttons; a ticket list is saved as a query; the cards link their tickets without the
// browser prefetching each one.
import { expect, test } from '@playwright/test';
import { alertWith } from './pages/partner-pages';
import { TicketboardPage } from './pages/ticketboard-page';
import { DEMO, signIn, unique } from './support';

test('a CRM user creates a query with a CRM criterion and sees CRM-Status on its cards', async ({ page }) => {
  await signIn(page, DEMO.crm);
  const board = new TicketboardPage(page);
  const name = unique('CRM aktiv');
  await board.createQuery(name, (form) => form.getByLabel('CRM', { exact: true }).selectOption({ label: 'CRM ist aktiviert' }));
  const column = board.column(name);
  await expect(column.getByRole('link', { name, exact: true })).toHaveAttribute('href', '/tickets?crm=on');
  await expect(column.locator('.board-card').first()).toContainText('CRM-Status');
});

test('a user without crm sees no CRM criteria and is refused when sending them', async ({ page }) => {
  await signIn(page, DEMO.agent);
  const board = new TicketboardPage(page);
  const form = await board.openNewQuery();
  await expect(form.getByLabel('Name der Abfrage')).toBeVisible();
  await expect(form.getByText('CRM ist aktiviert')).toHaveCount(0);
  await expect(form.getByText('CRM-Status')).toHaveCount(0);

  // A crafted field added to the real form reaches the action, which refuses it.
  const name = unique('Heimlich');
  await form.getByLabel('Name der Abfrage').fill(name);
  await form.evaluate((element) => {
    const input = document.createElement('input');
    Object.assign(input, { type: 'hidden', name: 'crm', value: 'on' });
    element.appendChild(input);
  });
  await form.getByRole('button', { name: 'Speichern' }).click();
  await expect(alertWith(form, 'stehen nur CRM-Benutzern zur Verfügung')).toBeVisible();
  await board.goto();
  await expect(board.column(name)).toHaveCount(0);

  await page.goto('/tickets?crm=on');
  await expect(alertWith(page, 'stehen nur CRM Benutzern zur Verfügung')).toBeVisible();
});

test('columns reorder by drag and drop and, without JavaScript, by the ←/→ buttons; a list is saved as a query', async ({
  page,
  browser,
}) => {
  await signIn(page, DEMO.admin);
  await page.goto('/tickets?status=parked');
  const first = unique('Geparkt gespeichert');
  await page.getByText('Als Abfrage speichern', { exact: true }).first().click();
  const saveForm = page.getByRole('form', { name: 'Diese Liste als Abfrage im Ticketboard speichern' });
  await saveForm.getByLabel('Name der Abfrage').fill(first);
  await saveForm.getByRole('button', { name: 'Als Abfrage speichern' }).click();
  await expect(page).toHaveURL(/\/ticketboard$/);
  const board = new TicketboardPage(page);
  await expect(board.column(first).getByRole('link', { name: first, exact: true })).toHaveAttribute('href', '/tickets?status=parked');

  await page.goto('/tickets?status=open');
  const second = unique('Offen gespeichert');
  await page.getByText('Als Abfrage speichern', { exact: true }).first().click();
  await saveForm.getByLabel('Name der Abfrage').fill(second);
  await saveForm.getByRole('button', { name: 'Als Abfrage speichern' }).click();
  await expect(page).toHaveURL(/\/ticketboard$/);
  expect(await board.order([first, second])).toEqual([first, second]);

  await board.drag(second, first);
  await expect.poll(() => board.order([first, second])).toEqual([second, first]);
  await board.expectSavedOrder([second, first]);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await context.newPage();
  await signIn(noJs, DEMO.admin);
  const plain = new TicketboardPage(noJs);
  await plain.goto();
  await plain.move(second, 'rechts');
  await plain.expectSavedOrder([first, second]);
  await context.close();
});

test('the board does not prefetch the tickets on its cards, and a card opens its ticket', async ({ page }) => {
  await signIn(page, DEMO.crm);
  const board = new TicketboardPage(page);
  const name = unique('Alle Tickets');
  await board.createQuery(name);

  // next/link would ask the server for every card's ticket as it scrolls into view (bench/README.md, point 9).
  const prefetched: string[] = [];
  page.on('request', (request) => {
    if (request.headers()['next-router-prefetch'] && /^\/tickets\/\d+$/.test(new URL(request.url()).pathname))
      prefetched.push(request.url());
  });
  await board.goto();
  const cards = board.column(name).locator('.board-card');
  await expect(cards.first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(prefetched).toEqual([]);

  const number = await cards.first().getByRole('link').innerText();
  await cards.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(number);
});
