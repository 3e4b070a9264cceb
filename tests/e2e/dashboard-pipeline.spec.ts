// The pipeline on the dashboard as a sales lead uses it (SPEC section 14): the open pipeline by the
// phase filter, a close window, the deals that slipped, grouping by month of the expected close; with
// JavaScript and without, several steps on one page without reloading by hand.
import { expect, test, type Page } from '@playwright/test';
import { withDb } from './pages/crm-pages';
import { DashboardPage } from './pages/dashboard-page';
import { DEMO, signIn } from './support';

const PHASE_OF = `coalesce((select phase from crm_ticket_statuses s where s.id = t.crm_status_id), 'open')`;

function countWhere(condition: string, ...values: unknown[]): number {
  return withDb(
    (db) =>
      db
        .prepare(`select count(*) from tickets t where t.crm_enabled = 1 and ${condition}`)
        .pluck()
        .get(...values) as number,
  );
}

/** A window of the expected close that holds some open deals but not all. */
function closeWindow(): { from: string; to: string } {
  const dates = withDb(
    (db) =>
      db
        .prepare(
          `select expected_close from tickets t where crm_enabled = 1 and expected_close is not null and ${PHASE_OF} = 'open' order by 1`,
        )
        .pluck()
        .all() as string[],
  );
  return { from: dates[Math.floor(dates.length / 4)], to: dates[Math.floor((dates.length * 3) / 4)] };
}

function phaseRow(page: Page, phase: string) {
  return page.getByRole('region', { name: 'Gesamt', exact: true }).getByRole('row', { name: new RegExp(`^${phase}`) });
}

async function fillWindow(page: Page, window: { from: string; to: string }): Promise<void> {
  const form = page.getByRole('form', { name: 'CRM Filteroptionen' });
  await form.getByLabel('Abschluss von').fill(window.from);
  await form.getByLabel('Abschluss bis').fill(window.to);
  await form.getByRole('button', { name: 'Anwenden' }).click();
}

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript });

    test('a sales lead narrows to the open pipeline, a close window and the slipped deals, then groups by month', async ({ page }) => {
      const open = countWhere(`${PHASE_OF} = 'open'`);
      const window = closeWindow();
      const inWindow = countWhere(`${PHASE_OF} = 'open' and t.expected_close between ? and ?`, window.from, window.to);
      const slippedInWindow = countWhere(
        `${PHASE_OF} = 'open' and t.expected_close between ? and ? and exists (select 1 from crm_changes c where c.entity = 'ticket'
          and c.field = 'expectedClose' and c.entity_id = t.id and c.old_value is not null and c.new_value > c.old_value)`,
        window.from,
        window.to,
      );
      expect(inWindow).toBeGreaterThan(slippedInWindow);
      expect(slippedInWindow).toBeGreaterThan(0);

      await signIn(page, DEMO.crm);
      const dashboard = new DashboardPage(page);
      await dashboard.goto();
      // The grand total splits by phase at once.
      await expect(phaseRow(page, 'Offen').getByRole('cell').first()).toHaveText(open.toLocaleString('de-DE'));

      await dashboard.tick('Phase', 'Offen');
      if (!javaScript) await dashboard.apply();
      await expect(page).toHaveURL(/[?&]phase=open(&|$)/);
      await dashboard.expectTotal(open);
      await expect(phaseRow(page, 'Gewonnen').getByRole('cell').first()).toHaveText('0');

      await fillWindow(page, window);
      await expect(page).toHaveURL(new RegExp(`closeFrom=${window.from}.*closeTo=${window.to}`));
      await dashboard.expectTotal(inWindow);
      // The choice stays in the form after the view changed.
      await expect(dashboard.option('Phase', 'Offen')).toBeChecked();

      await page.getByRole('checkbox', { name: 'Nur verschobene' }).check();
      if (!javaScript) await dashboard.apply();
      await expect(page).toHaveURL(/[?&]slipped=1(&|$)/);
      await dashboard.expectTotal(slippedInWindow);

      await dashboard.removeLevel('CRM-Ticketstatus');
      await expect.poll(() => dashboard.param('groupBy')).toEqual(['none']);
      await dashboard.addLevel('Abschlussmonat');
      await dashboard.expectLevels(['Abschlussmonat']);
      const labels = await dashboard.topGroups().locator(':scope > summary > .group-label').allInnerTexts();
      const months = withDb(
        (db) =>
          db
            .prepare(
              `select distinct substr(expected_close, 1, 7) from tickets t where crm_enabled = 1 and ${PHASE_OF} = 'open'
                 and expected_close between ? and ? and exists (select 1 from crm_changes c where c.entity = 'ticket'
                 and c.field = 'expectedClose' and c.entity_id = t.id and c.old_value is not null and c.new_value > c.old_value) order by 1`,
            )
            .pluck()
            .all(window.from, window.to) as string[],
      );
      const names = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
      expect(labels).toEqual(months.map((month) => `${names[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`));
      // The filters travel along to the forecast.
      const forecast = page.getByRole('link', { name: 'Prognose nach Monaten' });
      await expect(forecast).toHaveAttribute('href', new RegExp(`^/crm/forecast\\?.*closeFrom=${window.from}.*slipped=1`));
    });
  });
}

test('a date that does not exist is reported and ignored, the rest of the view stays', async ({ page }) => {
  await signIn(page, DEMO.crm);
  const dashboard = new DashboardPage(page);
  await dashboard.goto('?closeFrom=2026-02-30&phase=won');
  await expect(page.getByRole('alert').filter({ hasText: 'Abschluss von' })).toBeVisible();
  await dashboard.expectTotal(countWhere(`${PHASE_OF} = 'won'`));
});
