// The tickets of one dashboard group (SPEC section 8, issue 17 point 2): an opened group, its list
// and the action that loads it with JavaScript all show exactly that group's tickets of the view
// (the view's filters AND the group's path), and only to `crm` users.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { seedDemoData } from '@/db/seed/demo';
import type { SessionUser } from '@/lib/auth/guards';
import { serialiseGroupPath, type GroupPath } from '@/lib/crm/dashboard/group-path';
import { parseDashboardParams, type DashboardParams } from '@/lib/crm/dashboard/params';
import { leafTicketIds, listPageIds, pathKey, summariseDashboard, summariseGroup } from '@/lib/crm/dashboard/queries';
import type { GroupNode } from '@/lib/crm/dashboard/tree';
import { translator } from '@/lib/i18n';
import { session } from '../support/fake-guards';
import { freshAppDb, sessionUser } from '../support/db';

vi.mock('@/lib/auth/guards', () => import('../support/fake-guards'));

const { loadDashboardGroupAction } = await import('@/app/(app)/crm/actions');

let db: Db;
let crm: SessionUser;
let agent: SessionUser;

function leaves(groups: GroupNode[], prefix: GroupPath = []): { path: GroupPath; group: GroupNode }[] {
  return groups.flatMap((group) =>
    group.groups.length > 0 ? leaves(group.groups, [...prefix, group.id]) : [{ path: [...prefix, group.id], group }],
  );
}

const view = (query: string): DashboardParams => parseDashboardParams(new URLSearchParams(query)).params;

beforeAll(async () => {
  db = freshAppDb();
  await seedDemoData(db);
  crm = sessionUser(db, 'crm@example.com');
  agent = sessionUser(db, 'agent@example.com');
});

describe('a group of the view', () => {
  const product = () =>
    db.$client.prepare('select product_id from ticket_products group by product_id order by count(*) desc limit 1').pluck().get() as number;

  it('holds exactly the tickets the group tree counts, also where a filter and a level share a multi-valued field', () => {
    const queries = [
      'groupBy=crmStatus,product,ticketStatus',
      `product=${product()}&groupBy=product,crmStatus`,
      `product=${product()}&product=none&campaign=none&groupBy=campaign,product`,
      'usersFrom=10&groupBy=companySize,revenueGroup,assignee',
      'groupBy=partnerStatus,dataSource,campaign',
    ];
    let checked = 0;
    for (const query of queries) {
      const params = view(query);
      const summary = summariseDashboard(db, crm, params, translator('de'));
      const expected = leafTicketIds(db, crm, params);
      for (const { path, group } of leaves(summary.groups)) {
        const ids = listPageIds(db, crm, params, 100_000, 0, path);
        expect(new Set(ids), `${query} open=${serialiseGroupPath(path)}`).toEqual(new Set(expected.get(pathKey(path))));
        expect(ids).toHaveLength(group.count);
        const figures = summariseGroup(db, crm, params, path);
        for (const name of [
          'count',
          'sumPotentialCents',
          'sumWeightedCents',
          'avgProbability',
          'probabilityCount',
          'sumExpectedUsers',
        ] as const)
          expect(figures[name], name).toBe(group[name]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });
});

describe('loadDashboardGroupAction', () => {
  const busiest = () => {
    const params = view('groupBy=crmStatus,product');
    const all = leaves(summariseDashboard(db, crm, params, translator('de')).groups).sort((a, b) => b.group.count - a.group.count);
    return { params, leaf: all[0], small: all.at(-1)! };
  };

  it('answers a crm user the first 100 tickets of the group, highest potential first, and whether there are more', async () => {
    session.user = crm;
    const { leaf, small } = busiest();
    const answer = await loadDashboardGroupAction(`groupBy=crmStatus,product&open=${serialiseGroupPath(leaf.path)}`);
    if (!answer.ok) throw new Error(answer.error);
    const expected = listPageIds(db, crm, view('groupBy=crmStatus,product'), 100, 0, leaf.path);
    expect(answer.rows.map((row) => row[0])).toEqual(expected);
    expect(answer.more).toBe(leaf.group.count > 100);
    const few = await loadDashboardGroupAction(`groupBy=crmStatus,product&open=${serialiseGroupPath(small.path)}`);
    expect(few.ok && few.rows.length).toBe(small.group.count);
    expect(few.ok && few.more).toBe(false);
  });

  it('refuses a user without crm, an anonymous caller and a path the view does not have, with no ticket in the answer', async () => {
    const { leaf } = busiest();
    const query = `groupBy=crmStatus,product&open=${serialiseGroupPath(leaf.path)}`;
    for (const [user, error] of [
      [agent, 'Keine Berechtigung für diese Aktion.'],
      [null, 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.'],
    ] as const) {
      session.user = user;
      expect(await loadDashboardGroupAction(query)).toEqual({ ok: false, error });
    }
    session.user = crm;
    for (const bad of ['groupBy=crmStatus,product&open=1', 'groupBy=crmStatus&open=1.2', 'open=x.y', 42, null, 'x'.repeat(5000)]) {
      const answer = await loadDashboardGroupAction(bad);
      expect(answer, String(bad).slice(0, 50)).toEqual({ ok: false, error: translator('de')('dashboard.groupInvalid') });
    }
  });
});
