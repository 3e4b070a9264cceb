// "Meine Wiedervorlagen" in the browser (SPEC section 17): a rep opens it from the dashboard's due
// count and works through today's (Erledigt, +1 Tag, Erledigt with the next one, a refused entry)
// on one page without reloading, and the same without JavaScript; a stale form is refused naming who
// changed the ticket; a team lead looks at the rep's with assignee=; the ticket panel's Nächste Aktion
// saves date and time, date only, nothing, and refuses a time without a date; a plain user gets 403
// and sees no due count. Each test arranges its own rep and tickets.
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { followupClock } from '@/lib/crm/followups/clock';
import { addDays } from '@/lib/csv/berlin-calendar';
import { TicketCrmPanel, withDb } from './pages/crm-pages';
import { createTestUser, SESSION_COOKIE, sessionToken, type TestUser } from './sessions';
import { DEMO, unique } from './support';

type Arranged = { rep: TestUser; ids: Record<string, number>; numbers: Record<string, string> };

const today = () => followupClock().today;

/** A new rep with CRM tickets whose next actions are given by title (relative days, or null). */
function arrange(actions: Record<string, number | null>): Arranged {
  const rep = createTestUser('Rita Rep', ['crm']);
  return withDb((db) => {
    const status = db
      .prepare("select id from crm_ticket_statuses where phase = 'open' and archived = 0 order by position limit 1")
      .pluck()
      .get();
    const gpid = (db.prepare('select max(gpid) from partners').pluck().get() as number) + 1;
    const partner = Number(
      db.prepare('insert into partners (gpid, name) values (?, ?)').run(gpid, unique('Wiedervorlage Partner')).lastInsertRowid,
    );
    const insert = db.prepare(
      `insert into tickets (number, title, status, partner_id, assignee_id, crm_enabled, crm_activated_at, crm_status_id, potential_cents,
         next_action_at, next_action_text)
       values (?, ?, 'open', ?, ?, 1, ?, ?, 1000000, ?, ?)`,
    );
    const ids: Record<string, number> = {};
    const numbers: Record<string, string> = {};
    for (const [title, days] of Object.entries(actions)) {
      numbers[title] = unique('W');
      const at = days === null ? null : addDays(today(), days);
      ids[title] = Number(
        insert.run(numbers[title], title, partner, rep.id, Date.now(), status, at, at ? `Anrufen wegen ${title}` : '').lastInsertRowid,
      );
    }
    return { rep, ids, numbers };
  });
}

const nextAction = (id: number) =>
  withDb(
    (db) =>
      db.prepare('select next_action_at as at, next_action_text as text from tickets where id = ?').get(id) as {
        at: string | null;
        text: string;
      },
  );

async function signedIn(browser: Browser, baseURL: string, email: string, javaScriptEnabled = true): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled });
  await context.addCookies([{ name: SESSION_COOKIE, value: await sessionToken(email), url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** The follow-ups page: its sections by name, a ticket's row, the row's forms. */
class FollowupsPage {
  constructor(readonly page: Page) {}

  section(name: 'Überfällig' | 'Heute' | 'Diese Woche' | 'Später'): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name} \\(`) });
  }

  row(title: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('cell', { name: title, exact: true }) });
  }

  async press(title: string, button: 'Erledigt' | '+1 Tag' | '+1 Woche'): Promise<void> {
    await this.row(title).getByRole('button', { name: button, exact: true }).click();
  }

  async doneWithNext(title: string, values: { date?: string; time?: string; text?: string }): Promise<void> {
    const row = this.row(title);
    await row.getByText('Nächste Aktion festlegen (optional)').click();
    if (values.date !== undefined) await row.getByLabel('Nächste Aktion', { exact: true }).fill(values.date);
    if (values.time !== undefined) await row.getByLabel('Uhrzeit (optional)', { exact: true }).fill(values.time);
    if (values.text !== undefined) await row.getByLabel('Nächste Aktion (Text)', { exact: true }).fill(values.text);
    await this.press(title, 'Erledigt');
  }

  notice(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }
}

/** Works through today's: Erledigt, +1 Tag, Erledigt with the next one, a time without a date refused. */
async function workThroughToday(followups: FollowupsPage, arranged: Arranged): Promise<void> {
  const { ids, numbers } = arranged;
  await expect(followups.section('Heute')).toHaveAccessibleName('Heute (3)');
  await expect(followups.section('Überfällig')).toHaveAccessibleName('Überfällig (1)');

  await followups.press('Angebot A', 'Erledigt');
  await expect(followups.notice(`${numbers['Angebot A']}: erledigt, keine nächste Aktion.`)).toBeVisible();
  await expect(followups.section('Heute')).toHaveAccessibleName('Heute (2)');
  await expect(followups.row('Angebot A')).toHaveCount(0);
  expect(nextAction(ids['Angebot A'])).toEqual({ at: null, text: '' });

  await followups.press('Angebot B', '+1 Tag');
  await expect(followups.notice(`${numbers['Angebot B']}: verschoben auf`)).toBeVisible();
  await expect(followups.section('Heute').getByRole('cell', { name: 'Angebot B', exact: true })).toHaveCount(0);
  await expect(followups.section('Heute')).toHaveAccessibleName('Heute (1)');
  expect(nextAction(ids['Angebot B']).at).toBe(addDays(today(), 1));

  // A time without a date: the message at the row, nothing changed, the typed values kept.
  await followups.doneWithNext('Angebot C', { time: '09:30', text: 'Vertrag schicken' });
  const row = followups.row('Angebot C');
  await expect(row.getByRole('alert')).toBeVisible();
  await expect(row.getByText('Zur Uhrzeit bitte auch ein Datum eingeben.')).toBeVisible();
  await expect(row.getByLabel('Uhrzeit (optional)', { exact: true })).toHaveValue('09:30');
  await expect(row.getByLabel('Nächste Aktion (Text)', { exact: true })).toHaveValue('Vertrag schicken');
  expect(nextAction(ids['Angebot C']).at).toBe(today());

  await row.getByLabel('Nächste Aktion', { exact: true }).fill(addDays(today(), 3));
  await followups.press('Angebot C', 'Erledigt');
  await expect(followups.notice(`${numbers['Angebot C']}: erledigt, nächste Aktion am`)).toBeVisible();
  expect(nextAction(ids['Angebot C'])).toEqual({ at: `${addDays(today(), 3)}T09:30`, text: 'Vertrag schicken' });
  await expect(followups.section('Heute')).toHaveAccessibleName('Heute (0)');

  // The overdue one a week on, from today.
  await followups.press('Angebot D', '+1 Woche');
  await expect(followups.notice(`${numbers['Angebot D']}: verschoben auf`)).toBeVisible();
  await expect(followups.section('Überfällig')).toHaveAccessibleName('Überfällig (0)');
  expect(nextAction(ids['Angebot D']).at).toBe(addDays(today(), 7));
}

const TODAYS = { 'Angebot A': 0, 'Angebot B': 0, 'Angebot C': 0, 'Angebot D': -2, 'Angebot E': 30, 'Angebot F': null };

test('a rep opens the follow-ups from the dashboard’s due count and works through today’s without reloading', async ({
  browser,
  baseURL,
}) => {
  const arranged = arrange(TODAYS);
  const context = await signedIn(browser, baseURL!, arranged.rep.email);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveURL(/\/crm$/);
  await page.getByRole('link', { name: 'Wiedervorlagen: 3 heute, 1 überfällig' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meine Wiedervorlagen' })).toBeVisible();
  const followups = new FollowupsPage(page);
  await expect(followups.row('Angebot E')).toContainText('Anrufen wegen Angebot E');
  await expect(followups.row('Angebot F')).toHaveCount(0);
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await workThroughToday(followups, arranged);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  // The dashboard's count follows.
  await page.getByRole('link', { name: 'CRM', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Wiedervorlagen: heute nichts fällig' })).toBeVisible();
  await context.close();
});

test('a stale form is refused naming who changed the ticket', async ({ browser, baseURL }) => {
  const arranged = arrange({ 'Angebot S': 0 });
  const context = await signedIn(browser, baseURL!, arranged.rep.email);
  const page = await context.newPage();
  await page.goto('/crm/followups');
  const followups = new FollowupsPage(page);
  await expect(followups.row('Angebot S')).toBeVisible();
  // Carl postpones it meanwhile, in his own browser.
  const other = await signedIn(browser, baseURL!, DEMO.crm);
  const lead = await other.newPage();
  await lead.goto(`/crm/followups?assignee=${arranged.rep.id}`);
  await new FollowupsPage(lead).press('Angebot S', '+1 Tag');
  await expect(new FollowupsPage(lead).notice('verschoben auf')).toBeVisible();
  await followups.press('Angebot S', 'Erledigt');
  await expect(followups.row('Angebot S').getByRole('alert')).toContainText('inzwischen von Carl Vertrieb geändert');
  expect(nextAction(arranged.ids['Angebot S']).at).toBe(addDays(today(), 1));
  await other.close();
  await context.close();
});

test('a team lead looks at a rep’s follow-ups with assignee=, and an unknown one is named', async ({ browser, baseURL }) => {
  const arranged = arrange({ 'Angebot L': 0, 'Angebot M': 9 });
  const context = await signedIn(browser, baseURL!, DEMO.admin);
  const page = await context.newPage();
  await page.goto('/crm/followups');
  const picker = page.getByLabel('Bearbeiter', { exact: true });
  await expect(picker.getByRole('option', { name: `${arranged.rep.name} (2)` }).first()).toBeAttached();
  await picker.selectOption(String(arranged.rep.id));
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(page).toHaveURL(new RegExp(`assignee=${arranged.rep.id}`));
  await expect(page.getByRole('heading', { level: 1, name: `Wiedervorlagen von ${arranged.rep.name}` })).toBeVisible();
  const followups = new FollowupsPage(page);
  await expect(followups.section('Heute').getByRole('link', { name: arranged.numbers['Angebot L'] })).toBeVisible();
  await followups.press('Angebot L', '+1 Woche');
  await expect(followups.notice('verschoben auf')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`assignee=${arranged.rep.id}`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Wiedervorlagen von ${arranged.rep.name}`);

  await page.goto('/crm/followups?assignee=abc');
  await expect(page.getByRole('alert').filter({ hasText: 'Den Bearbeiter „abc“ gibt es nicht' })).toBeVisible();
  await page.goto('/crm/followups?assignee=99999999');
  await expect(page.getByRole('alert').filter({ hasText: 'Den Bearbeiter „99999999“ gibt es nicht' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Meine Wiedervorlagen' })).toBeVisible();
  await context.close();
});

test('a plain user gets 403 for the follow-ups and sees neither a due count nor the navigation entry', async ({ browser, baseURL }) => {
  const context = await signedIn(browser, baseURL!, DEMO.agent);
  const page = await context.newPage();
  const response = await page.goto('/crm/followups');
  expect(response?.status()).toBe(403);
  await page.goto('/');
  await expect(page).toHaveURL(/\/ticketboard/);
  await expect(page.getByText(/Wiedervorlagen/)).toHaveCount(0);
  expect(await page.content()).not.toContain('Wiedervorlagen');
  await context.close();
});

test('the ticket panel saves the next action with a time, without, cleared, and refuses a time without a date', async ({
  browser,
  baseURL,
}) => {
  const arranged = arrange({ 'Angebot P': null });
  const id = arranged.ids['Angebot P'];
  const context = await signedIn(browser, baseURL!, DEMO.crm);
  const page = await context.newPage();
  await panelFlow(page, id, true);
  await context.close();
});

async function panelFlow(page: Page, id: number, javaScript: boolean): Promise<void> {
  const panel = new TicketCrmPanel(page);
  await panel.goto(id);
  if (javaScript) await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const block = panel.form().getByRole('group', { name: 'Nächste Aktion', exact: true });
  const date = block.getByLabel('Nächste Aktion', { exact: true });
  const time = block.getByLabel('Uhrzeit (optional)', { exact: true });
  const text = block.getByLabel('Nächste Aktion (Text)', { exact: true });
  // The block's legend names the field: its badge says the state alone.
  const badge = block.locator('.badge').first();
  await expect(badge).toHaveText('keine');

  await date.fill(addDays(today(), 2));
  await time.fill('14:30');
  await text.fill('Demo vereinbaren');
  await panel.save();
  await expect(badge).toHaveText('geplant');
  expect(nextAction(id)).toEqual({ at: `${addDays(today(), 2)}T14:30`, text: 'Demo vereinbaren' });

  await date.fill(today());
  await time.fill('');
  await panel.save();
  await expect(badge).toHaveText('heute');
  expect(nextAction(id)).toEqual({ at: today(), text: 'Demo vereinbaren' });

  await date.fill('');
  await time.fill('08:15');
  await panel.save();
  await expect(panel.form().getByText('Zur Uhrzeit bitte auch ein Datum eingeben.')).toBeVisible();
  await expect(time).toHaveValue('08:15');
  await expect(text).toHaveValue('Demo vereinbaren');
  expect(nextAction(id)).toEqual({ at: today(), text: 'Demo vereinbaren' });

  await time.fill('');
  await text.fill('');
  await panel.save();
  await expect(badge).toHaveText('keine');
  expect(nextAction(id)).toEqual({ at: null, text: '' });
  await expect(panel.history()).toContainText('Nächste Aktion');
  if (javaScript) expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a rep works through today’s with the rows’ forms', async ({ browser, baseURL }) => {
    const arranged = arrange(TODAYS);
    const context = await signedIn(browser, baseURL!, arranged.rep.email, false);
    const page = await context.newPage();
    await page.goto('/crm');
    await page.getByRole('link', { name: 'Wiedervorlagen: 3 heute, 1 überfällig' }).click();
    await workThroughToday(new FollowupsPage(page), arranged);
    await context.close();
  });

  test('the ticket panel saves and refuses its next action', async ({ browser, baseURL }) => {
    const arranged = arrange({ 'Angebot Q': null });
    const context = await signedIn(browser, baseURL!, DEMO.crm, false);
    const page = await context.newPage();
    await panelFlow(page, arranged.ids['Angebot Q'], false);
    await context.close();
  });
});
