// The pipeline fields of SPEC section 14 as users meet them: a CRM admin gives a status its phase and
// colour and keeps the Verlustgründe; a CRM user, on one ticket page, sets and moves the expected close
// (and sees the slippage), marks the ticket lost with a Verlustgrund and takes it back, with and without
// JavaScript; the colour stands beside the status on the dashboard; a plain user sees none of it.
import { expect, test, type Page } from '@playwright/test';
import { CrmAdminPage, insertLookup, TicketCrmPanel, ticketWithoutCrm, withDb } from './pages/crm-pages';
import { DEMO, signIn, unique } from './support';

const CLOSE = 'Voraussichtlicher Abschluss';
const REASON = 'Verlustgrund';

/** A CRM ticket of its own, an open and a lost status of its own (with colours) and a Verlustgrund. */
function arrange() {
  const ticket = ticketWithoutCrm();
  const open = unique('Angebot offen');
  const lost = unique('Abgesagt');
  const reason = unique('Zu teuer');
  const openId = insertLookup('crmTicketStatuses', open, { phase: 'open', color: '#3b82c4' });
  insertLookup('crmTicketStatuses', lost, { phase: 'lost', color: '#c0392b' });
  const reasonId = insertLookup('lostReasons', reason);
  withDb((db) => db.prepare('update tickets set crm_enabled = 1, crm_status_id = ? where id = ?').run(openId, ticket.id));
  return { ticket, open, lost, reason, reasonId };
}

const stored = (id: number) =>
  withDb(
    (db) =>
      db.prepare('select expected_close as close, lost_reason_id as reason from tickets where id = ?').get(id) as {
        close: string | null;
        reason: number | null;
      },
  );

async function bodies(page: Page, url: string): Promise<string[]> {
  const html = await page.request.get(url);
  const payload = await page.request.get(url, { headers: { RSC: '1' } });
  expect(payload.headers()['content-type']).toContain('text/x-component');
  return [await html.text(), await payload.text()];
}

test('a CRM admin gives a CRM-Ticketstatus its phase and colour, and keeps the Verlustgründe', async ({ page }) => {
  await signIn(page, DEMO.admin);
  const statuses = new CrmAdminPage(page, 'crmTicketStatuses');
  await statuses.goto();
  const name = unique('Auftrag storniert');
  const form = statuses.addForm();
  await form.getByLabel('Name', { exact: true }).fill(name);
  await form.getByLabel('Phase', { exact: true }).selectOption({ label: 'Verloren' });
  await form.getByLabel('Farbe', { exact: true }).fill('#aa3311');
  // Picking a colour unticks "keine Farbe" (a new entry starts without one).
  await expect(form.getByRole('checkbox', { name: 'keine Farbe' })).not.toBeChecked();
  await form.getByRole('button', { name: 'Hinzufügen' }).click();
  await expect(form.getByRole('status')).toHaveText('Der Eintrag wurde hinzugefügt.');
  const entry = statuses.entry(name);
  await expect(entry).toContainText('Phase: Verloren · Farbe #aa3311');
  await expect(entry.locator('.status-swatch')).toHaveCSS('background-color', 'rgb(170, 51, 17)');
  expect(withDb((db) => db.prepare('select phase, color from crm_ticket_statuses where name = ?').get(name))).toEqual({
    phase: 'lost',
    color: '#aa3311',
  });

  // Edited: back to open, no colour; the summary and the swatch follow.
  await entry.getByText(`„${name}“ bearbeiten`, { exact: true }).click();
  await entry.getByLabel('Phase', { exact: true }).selectOption({ label: 'Offen' });
  await entry.getByRole('checkbox', { name: 'keine Farbe' }).check();
  await entry.getByRole('button', { name: 'Speichern', exact: true }).click();
  await expect(statuses.entry(name)).toContainText('Phase: Offen · keine Farbe');
  await expect(statuses.entry(name).locator('.status-swatch')).toHaveCount(0);

  // The Verlustgründe: a tab of their own; add, rename, archive, delete while unused.
  const reasons = new CrmAdminPage(page, 'lostReasons');
  await reasons.openTab();
  const reason = unique('Projekt gestoppt');
  await reasons.addEntry({ Name: reason });
  const renamed = `${reason} (intern)`;
  await reasons.save(reason, { Name: renamed });
  await expect(reasons.entry(renamed)).toBeVisible();
  await reasons.press(renamed, 'Archivieren');
  await expect(reasons.entry(renamed)).toContainText('Archiviert');
  await reasons.press(renamed, 'Löschen');
  await expect(reasons.entry(renamed)).toHaveCount(0);
});

test('a Verlustgrund in use cannot be deleted: the admin is told to archive it', async ({ page }) => {
  const { ticket, reason, reasonId } = arrange();
  withDb((db) => db.prepare('update tickets set lost_reason_id = ? where id = ?').run(reasonId, ticket.id));
  await signIn(page, DEMO.admin);
  const reasons = new CrmAdminPage(page, 'lostReasons');
  await reasons.goto();
  await reasons.press(reason, 'Löschen');
  await expect(reasons.alert(/wird noch von einem Datensatz verwendet.*Archivieren Sie den Eintrag stattdessen/)).toBeVisible();
  await expect(reasons.entry(reason)).toBeVisible();
});

test('a CRM user sets and moves the expected close, marks the ticket lost with a Verlustgrund and takes it back, all on one page', async ({
  page,
}) => {
  const { ticket, open, lost, reason } = arrange();
  await signIn(page, DEMO.crm);
  const panel = new TicketCrmPanel(page);
  await panel.goto(ticket.id);
  const close = panel.form().getByLabel(CLOSE, { exact: true });
  const lostReason = panel.form().getByLabel(REASON, { exact: true });
  const history = panel.history().getByRole('listitem');
  await expect(panel.panel().locator('.status-badge .status-swatch')).toHaveCSS('background-color', 'rgb(59, 130, 196)');

  // An open status: no Verlustgrund offered.
  await expect(lostReason).toBeHidden();

  await close.fill('2027-03-15');
  await panel.save();
  await expect(panel.saved()).toHaveText('Gespeichert.');
  await expect(panel.form()).not.toContainText('verschoben');
  await close.fill('2027-05-31');
  await panel.save();
  await expect(panel.form()).toContainText('verschoben ×1, ursprünglich 03/2027');
  await expect(history.filter({ hasText: CLOSE }).first()).toContainText('15.03.2027 → 31.05.2027');

  // Lost: the Verlustgrund appears at once, is picked and saved.
  await panel.field('status').selectOption({ label: lost });
  await expect(lostReason).toBeVisible();
  await lostReason.selectOption({ label: reason });
  await panel.save();
  await expect(panel.saved()).toHaveText('Gespeichert.');
  await expect(history.filter({ hasText: REASON }).first()).toContainText(`— → ${reason}`);
  await expect(panel.panel().locator('.status-badge .status-swatch')).toHaveCSS('background-color', 'rgb(192, 57, 43)');
  expect(stored(ticket.id)).toMatchObject({ close: '2027-05-31' });
  expect(stored(ticket.id).reason).not.toBeNull();

  // Back to open: the Verlustgrund goes away with it, and nothing stale is kept.
  await panel.field('status').selectOption({ label: open });
  await expect(lostReason).toBeHidden();
  await panel.save();
  await expect(panel.saved()).toHaveText('Gespeichert.');
  await expect(history.filter({ hasText: REASON }).first()).toContainText(`${reason} → —`);
  expect(stored(ticket.id).reason).toBeNull();
  // Lost again: offered anew, empty.
  await panel.field('status').selectOption({ label: lost });
  await expect(lostReason).toBeVisible();
  await expect(lostReason.locator('option:checked')).toHaveText('— keine Angabe —');
  await expect(panel.form()).toContainText('verschoben ×1, ursprünglich 03/2027');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the same flow: the Verlustgrund always shows with its hint, and one beside an open status is refused', async ({ page }) => {
    const { ticket, open, lost, reason, reasonId } = arrange();
    await signIn(page, DEMO.crm);
    const panel = new TicketCrmPanel(page);
    await panel.goto(ticket.id);
    const close = panel.form().getByLabel(CLOSE, { exact: true });
    const lostReason = panel.form().getByLabel(REASON, { exact: true });
    await expect(lostReason).toBeVisible();
    await expect(panel.form()).toContainText('(nur bei Phase Verloren)');

    await close.fill('2027-03-15');
    await panel.save();
    await expect(panel.saved()).toHaveText('Gespeichert.');
    await close.fill('2027-06-30');
    await panel.save();
    await expect(panel.form()).toContainText('verschoben ×1, ursprünglich 03/2027');

    await panel.field('status').selectOption({ label: lost });
    await lostReason.selectOption({ label: reason });
    await panel.save();
    await expect(panel.saved()).toHaveText('Gespeichert.');
    expect(stored(ticket.id)).toEqual({ close: '2027-06-30', reason: reasonId });

    // Back to open with the reason left in: refused, the field named, what was typed kept, nothing saved.
    await panel.field('status').selectOption({ label: open });
    await close.fill('2027-09-30');
    await panel.save();
    await expect(panel.form().getByRole('alert')).toContainText('Verlustgrund: nur bei einem CRM-Status der Phase „Verloren“ möglich.');
    await expect(lostReason).toHaveAccessibleDescription('Nur bei Phase „Verloren“: bitte leeren oder einen verlorenen Status wählen.');
    await expect(panel.status()).toHaveText(open);
    await expect(close).toHaveValue('2027-09-30');
    await expect(lostReason.locator('option:checked')).toHaveText(reason);
    expect(stored(ticket.id)).toEqual({ close: '2027-06-30', reason: reasonId });

    // Cleared, it saves; the date moved later once more.
    await lostReason.selectOption({ label: '— keine Angabe —' });
    await panel.save();
    await expect(panel.saved()).toHaveText('Gespeichert.');
    expect(stored(ticket.id)).toEqual({ close: '2027-09-30', reason: null });
    await expect(panel.form()).toContainText('verschoben ×2, ursprünglich 03/2027');
  });
});

test('the dashboard grouped by CRM-Status and the ticket list show each status colour beside its name', async ({ page }) => {
  const { ticket, lost } = arrange();
  const lostId = withDb((db) => db.prepare('select id from crm_ticket_statuses where name = ?').pluck().get(lost) as number);
  withDb((db) => db.prepare('update tickets set crm_status_id = ? where id = ?').run(lostId, ticket.id));
  await signIn(page, DEMO.crm);
  await page.goto(`/crm?groupBy=crmStatus&crmStatus=${lostId}`);
  const label = page.locator('.group-label', { hasText: lost });
  await expect(label.locator('.status-swatch')).toHaveCSS('background-color', 'rgb(192, 57, 43)');
  await expect(label).toHaveText(lost);
  // Its ticket row (a small tree shows its tickets) carries the badge too.
  const row = page.getByRole('row').filter({ hasText: ticket.title });
  await expect(row.locator('.status-badge .status-swatch')).toHaveCSS('background-color', 'rgb(192, 57, 43)');

  const number = withDb((db) => db.prepare('select number from tickets where id = ?').pluck().get(ticket.id) as string);
  await page.goto(`/tickets?crmStatus=${lostId}&q=${number}`);
  const listed = page.getByRole('row').filter({ hasText: number });
  await expect(listed.locator('.status-badge')).toHaveText(lost);
  await expect(listed.locator('.status-badge .status-swatch')).toHaveCSS('background-color', 'rgb(192, 57, 43)');

  // On the ticket board, a column that holds the ticket shows the colour on its card.
  const title = `Farbe ${number}`;
  withDb((db) =>
    db
      .prepare(
        "insert into queries (owner_id, name, position, params) values ((select id from users where email = ?), ?, 99, 'crm=on&q=' || ?)",
      )
      .run(DEMO.crm, title, number),
  );
  await page.goto('/ticketboard');
  // The column of the new query holds it (another column may too).
  const card = page.getByRole('article', { name: new RegExp(`^${number} `) }).last();
  await expect(card.locator('.status-swatch')).toHaveCSS('background-color', 'rgb(192, 57, 43)');
  await expect(card).toContainText(lost);
});

test('a user without crm sees none of the pipeline fields on the ticket page, not in the HTML nor in the payload', async ({ page }) => {
  const { ticket, lost, reasonId, reason } = arrange();
  const lostId = withDb((db) => db.prepare('select id from crm_ticket_statuses where name = ?').pluck().get(lost) as number);
  withDb((db) => {
    db.prepare("update tickets set crm_status_id = ?, lost_reason_id = ?, expected_close = '2027-11-30' where id = ?").run(
      lostId,
      reasonId,
      ticket.id,
    );
    const userId = db.prepare("select id from users where email = 'crm@example.com'").pluck().get() as number;
    db.prepare(
      "insert into crm_changes (entity, entity_id, field, old_value, new_value, user_id, at) values ('ticket', ?, 'expectedClose', '2027-08-31', '2027-11-30', ?, ?)",
    ).run(ticket.id, userId, Date.now());
  });
  await signIn(page, DEMO.agent);
  await page.goto(`/tickets/${ticket.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(ticket.title);
  await expect(page.getByLabel(CLOSE)).toHaveCount(0);
  await expect(page.getByLabel(REASON)).toHaveCount(0);
  for (const body of await bodies(page, `/tickets/${ticket.id}`)) {
    expect(body).toContain(ticket.title);
    for (const secret of [CLOSE, REASON, reason, lost, 'verschoben', '2027-11-30', '30.11.2027', '#c0392b', '(nur bei Phase Verloren)'])
      expect(body, secret).not.toContain(secret);
  }
});
