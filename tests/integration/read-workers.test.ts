// The heavy pages' reads run in read workers (lib/reads): the same answers as read on the
// server's own connection, every write committed before a read seen by it, many reads at once
// answered each with its own result, one user's burst not holding up another user's read, a failing
// read failing alone, and stopped workers replaced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { seedLargeData } from '@/db/seed/large';
import type { SessionUser } from '@/lib/auth/guards';
import { dashboardJson } from '@/lib/crm/dashboard/api';
import { readDashboardPage, type DashboardPageRequest } from '@/lib/crm/dashboard/page-data';
import { parseDashboardParams } from '@/lib/crm/dashboard/params';
import { readInWorker, stopReadWorkers } from '@/lib/reads/pool';
import { listOwnQueries, loadBoardColumn } from '@/lib/ticketboard/queries';
import { freshAppDb, sessionUser } from '../support/db';

let db: Db;
let crm: SessionUser;
let agent: SessionUser;

function dashboard(query: string, list: DashboardPageRequest['list'] = null, user = crm): DashboardPageRequest {
  return { user, params: parseDashboardParams(Object.fromEntries(new URLSearchParams(query))).params, list, open: null, search: { partner: '', contact: '' } };
}

beforeAll(async () => {
  db = freshAppDb();
  await seedLargeData(db, db.$client, { partners: 120, tickets: 1_200, seed: 11 });
  crm = sessionUser(db, 'crm@example.com');
  agent = sessionUser(db, 'agent@example.com');
}, 60_000);

afterAll(() => stopReadWorkers());

describe('read workers', () => {
  it('answer the dashboard as the server connection reads it: grouped, filtered, and as a list page', async () => {
    for (const request of [dashboard('groupBy=crmStatus,product,assignee'), dashboard('groupBy=companySize&probabilityMin=20'), dashboard('', { page: 2 })]) {
      const inWorker = await readInWorker('dashboardPage', request);
      expect(inWorker).toEqual(readDashboardPage(db, request));
      expect(inWorker.summary.total.count).toBeGreaterThan(0);
    }
  });

  it('answer the summary API as the server connection reads it', async () => {
    const { user, params } = dashboard('groupBy=crmStatus,product&probabilityMin=10');
    const inWorker = await readInWorker('dashboardJson', { user, params });
    expect(inWorker).toEqual(dashboardJson(db, { user, params }));
    expect(inWorker.groups.length).toBeGreaterThan(0);
  });

  it('answer a board column as the server connection reads it', async () => {
    const queries = listOwnQueries(db, crm);
    expect(queries.length).toBeGreaterThan(1);
    for (const query of queries) expect(await readInWorker('boardColumn', { user: crm, query })).toEqual(loadBoardColumn(db, crm, query));
  });

  it('see every write committed before the read', async () => {
    const request = dashboard('groupBy=crmStatus');
    const before = await readInWorker('dashboardPage', request);
    const ticketId = db.$client.prepare('select id from tickets where crm_enabled = 1 order by id limit 1').pluck().get() as number;
    db.$client.prepare('update tickets set potential_cents = coalesce(potential_cents, 0) + 12345 where id = ?').run(ticketId);
    const after = await readInWorker('dashboardPage', request);
    expect(after.summary.total.sumPotentialCents - before.summary.total.sumPotentialCents).toBe(12_345);
    expect(after).toEqual(readDashboardPage(db, request));
  });

  it('answer many reads at once, each with its own result', async () => {
    const requests = ['groupBy=crmStatus', 'groupBy=product', 'groupBy=assignee', 'groupBy=campaign', 'groupBy=companySize', 'groupBy=crmStatus&probabilityMin=50'].map((query) => dashboard(query));
    const answers = await Promise.all([...requests, ...requests].map((request) => readInWorker('dashboardPage', request)));
    answers.forEach((answer, index) => expect(answer).toEqual(readDashboardPage(db, requests[index % requests.length])));
  });

  it("serve another user's read after at most one read of a user's burst", async () => {
    const heavy = dashboard('groupBy=crmStatus,product,assignee,companySize', { page: 1 });
    const answered: string[] = [];
    const burst = Array.from({ length: 6 }, (_, index) => readInWorker('dashboardPage', heavy).then(() => answered.push(`crm ${index + 1}`)));
    const [query] = listOwnQueries(db, agent);
    const other = readInWorker('boardColumn', { user: agent, query }).then(() => answered.push('agent'));
    await Promise.all([...burst, other]);
    // Two workers: two of the burst start at once, and the agent's (light) read takes the first worker
    // freed; it is answered before the fourth of the burst, which starts only after two more have
    // ended. First come, first served, it started only after four of the burst were answered.
    expect(answered.indexOf('agent')).toBeLessThanOrEqual(3);
    expect(answered.filter((name) => name.startsWith('crm'))).toHaveLength(6);
  });

  it('fail a read that fails, alone, with its message; the next reads are answered', async () => {
    const [refused, allowed] = await Promise.allSettled([readInWorker('dashboardPage', dashboard('groupBy=crmStatus', null, agent)), readInWorker('dashboardPage', dashboard('groupBy=crmStatus'))]);
    expect(refused.status).toBe('rejected');
    expect(String((refused as PromiseRejectedResult).reason)).toMatch(/Read "dashboardPage" failed in a read worker: .*crm/);
    expect(allowed.status).toBe('fulfilled');
  });

  it('fail the reads in progress when stopped, and start again at the next read', async () => {
    const inProgress = expect(readInWorker('dashboardPage', dashboard('groupBy=crmStatus,product,assignee'))).rejects.toThrow(/A read worker stopped/);
    await stopReadWorkers();
    await inProgress;
    const request = dashboard('groupBy=crmStatus');
    expect(await readInWorker('dashboardPage', request)).toEqual(readDashboardPage(db, request));
  });
});
