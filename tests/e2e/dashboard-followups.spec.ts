// Follow-ups and stale deals on the dashboard and the board as a sales lead uses them (SPEC section
// 17): the overdue next actions, then only the stale ones among them, the at-risk figures per group
// and in total, the badges of an opened group's tickets and of the board's cards; with JavaScript and
// without, several steps on one page without reloading by hand.
import { expect, test } from '@playwright/test';
import { followupClock, nextActionState, staleDays } from '@/lib/crm/followups/clock';
import { withDb } from './pages/crm-pages';
import { DashboardPage } from './pages/dashboard-page';
import { DEMO, signIn } from './support';

type Deal = { status: string | null; phase: string; overdue: boolean; stale: boolean; atRisk: boolean };

/** The demo's CRM tickets judged by the follow-up clock now, as the page judges them. */
function deals(): Deal[] {
  const clock = followupClock();
  const rows = withDb(
    (db) =>
      db
        .prepare(
          `select s.name as status, coalesce(s.phase, 'open') as phase, s.stale_after_days as days, t.next_action_at as at,
             coalesce(t.crm_moved_at, t.crm_activated_at) as last
           from tickets t left join crm_ticket_statuses s on s.id = t.crm_status_id where t.crm_enabled = 1`,
        )
        .all() as { status: string | null; phase: string; days: number | null; at: string | null; last: number | null }[],
  );
  return rows.map((row) => {
    const state = nextActionState(row.at, clock);
    const stale = row.phase === 'open' && staleDays(row.last, row.days, clock) !== null;
    return {
      status: row.status,
      phase: row.phase,
      overdue: state === 'overdue',
      stale,
      atRisk: row.phase === 'open' && (stale || state === 'overdue' || state === 'none'),
    };
  });
}

for (const javaScript of [true, false]) {
  test.describe(javaScript ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: javaScript });

    test('a sales lead finds the overdue follow-ups, then the stale ones, sees what is at risk per group and on the board', async ({
      page,
    }) => {
      const all = deals();
      const overdue = all.filter((deal) => deal.overdue);
      const overdueStale = overdue.filter((deal) => deal.stale);
      expect(overdue.length).toBeGreaterThan(overdueStale.length);
      expect(overdueStale.length).toBeGreaterThan(0);

      await signIn(page, DEMO.crm);
      const dashboard = new DashboardPage(page);
      await dashboard.goto();
      // The grand total says how many deals are at risk, in words.
      const atRisk = all.filter((deal) => deal.atRisk).length;
      await expect(dashboard.grandTotal().locator('.at-risk-total')).toContainText(`gefährdet: ${atRisk.toLocaleString('de-DE')} · `);

      await dashboard.tick('Nächste Aktion', 'überfällig');
      if (!javaScript) await dashboard.apply();
      await expect(page).toHaveURL(/[?&]nextAction=overdue(&|$)/);
      await dashboard.expectTotal(overdue.length);

      await page.getByRole('checkbox', { name: 'Nur veraltete' }).check();
      if (!javaScript) await dashboard.apply();
      await expect(page).toHaveURL(/[?&]stale=1(&|$)/);
      await dashboard.expectTotal(overdueStale.length);
      // The choices stay in the form after the view changed.
      await expect(dashboard.option('Nächste Aktion', 'überfällig')).toBeChecked();
      await expect(page.getByRole('checkbox', { name: 'Nur veraltete' })).toBeChecked();

      // Grouped by CRM status: every open deal here is at risk, so each group's at-risk count is its count.
      const byStatus = new Map<string, number>();
      for (const deal of overdueStale) byStatus.set(deal.status ?? '', (byStatus.get(deal.status ?? '') ?? 0) + 1);
      const [status, count] = [...byStatus].sort((a, b) => b[1] - a[1])[0];
      const group = dashboard.topGroup(status);
      await expect(group.locator(':scope > summary > em')).toHaveText(new RegExp(`^gefährdet: ${count} · `));

      // The group's tickets carry their badges (a small tree shows them at once; else the group is opened).
      if (!(await dashboard.group(status).locator(':scope > table').isVisible())) {
        if (javaScript) await dashboard.expand(status);
        else await group.getByRole('link', { name: 'Tickets anzeigen' }).click();
      }
      const rows = dashboard.group(status).locator(':scope > table tbody tr');
      await expect(rows).toHaveCount(count);
      await expect(rows.first().getByText('überfällig', { exact: true })).toBeVisible();
      await expect(rows.first().getByText(/^veraltet seit \d+ Tag(en)?$/)).toBeVisible();

      // The board keeps the filters and shows the same badges on its cards.
      await page.getByRole('link', { name: 'Pipeline-Board' }).click();
      await expect(page).toHaveURL(/\/crm\/board\?.*nextAction=overdue.*stale=1/);
      const cards = page.locator('[data-card]');
      await expect(cards).toHaveCount(overdueStale.length);
      for (const card of await cards.all()) {
        await expect(card.getByText('Nächste Aktion: überfällig')).toBeVisible();
        await expect(card.getByText(/^veraltet seit \d+ Tag(en)?$/)).toBeVisible();
      }
    });
  });
}

test('a next-action state that does not exist is reported and ignored, the rest of the view stays', async ({ page }) => {
  await signIn(page, DEMO.crm);
  const dashboard = new DashboardPage(page);
  await dashboard.goto('?nextAction=soon&stale=1');
  await expect(page.getByRole('alert').filter({ hasText: 'Nächste Aktion' })).toBeVisible();
  await dashboard.expectTotal(deals().filter((deal) => deal.stale).length);
});
