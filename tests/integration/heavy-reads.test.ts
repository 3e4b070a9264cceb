// The heavy reads take turns on the event loop (lib/server-load/heavy-reads.ts): one user's burst of
// dashboard reads holds up another user's read by at most one of them, a request arriving while a
// read runs (even several turns of the loop later) joins the line before the burst's next read
// starts, and a failing read fails alone.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { seedLargeData } from '@/db/seed/large';
import type { SessionUser } from '@/lib/auth/guards';
import { readDashboardPage, type DashboardPageRequest } from '@/lib/crm/dashboard/page-data';
import { parseDashboardParams } from '@/lib/crm/dashboard/params';
import { heavyRead } from '@/lib/server-load/heavy-reads';
import { sleepThisThread } from '@/lib/server-load/rest-between-chunks';
import { listOwnQueries, loadBoardColumn } from '@/lib/ticketboard/queries';
import { freshAppDb, sessionUser } from '../support/db';

let db: Db;
let crm: SessionUser;
let agent: SessionUser;

function dashboard(query: string, user = crm): DashboardPageRequest {
  return {
    user,
    params: parseDashboardParams(Object.fromEntries(new URLSearchParams(query))).params,
    list: { page: 1 },
    open: null,
    search: { partner: '', contact: '' },
  };
}

beforeAll(async () => {
  db = freshAppDb();
  await seedLargeData(db, db.$client, { partners: 120, tickets: 1_200, seed: 11 });
  crm = sessionUser(db, 'crm@example.com');
  agent = sessionUser(db, 'agent@example.com');
}, 60_000);

describe('heavy reads', () => {
  it('answer as the data layer reads', async () => {
    const request = dashboard('groupBy=crmStatus,product,assignee');
    expect(await heavyRead(crm.id, () => readDashboardPage(db, request))).toEqual(readDashboardPage(db, request));
  });

  it("serve another user's read after at most one read of a user's burst", async () => {
    const heavy = dashboard('groupBy=crmStatus,product,assignee,companySize');
    const answered: string[] = [];
    const burst = Array.from({ length: 6 }, (_, index) =>
      heavyRead(crm.id, () => readDashboardPage(db, heavy)).then(() => answered.push(`crm ${index + 1}`)),
    );
    const [query] = listOwnQueries(db, agent);
    const other = heavyRead(agent.id, () => loadBoardColumn(db, agent, query)).then(() => answered.push('agent'));
    await Promise.all([...burst, other]);
    // First come, first served, the agent's read would be the seventh.
    expect(answered.indexOf('agent')).toBeLessThanOrEqual(1);
    expect(answered.filter((name) => name.startsWith('crm'))).toHaveLength(6);
  });

  it('let a request that arrives while a read runs go before the rest of the burst', async () => {
    const heavy = dashboard('groupBy=crmStatus,product');
    const answered: string[] = [];
    const [query] = listOwnQueries(db, agent);
    let arrived: Promise<number> | undefined;
    const burst = Array.from({ length: 4 }, (_, index) =>
      heavyRead(crm.id, () => {
        // The agent's request comes in (is read from its socket) while the first read of the burst runs.
        if (index === 0)
          setImmediate(() => (arrived = heavyRead(agent.id, () => loadBoardColumn(db, agent, query)).then(() => answered.push('agent'))));
        return readDashboardPage(db, heavy);
      }).then(() => answered.push(`crm ${index + 1}`)),
    );
    await Promise.all(burst);
    await arrived;
    expect(answered).toEqual(['crm 1', 'agent', 'crm 2', 'crm 3', 'crm 4']);
  });

  it("rest before a user's next read, so that a request needing several turns of the loop joins the line first", async () => {
    const answered: string[] = [];
    const [query] = listOwnQueries(db, agent);
    let arrived: Promise<number> | undefined;
    /** A page reaches its read after some turns of the loop (session, proxy, rendering). */
    const afterTurns = (turns: number, then: () => void) => (turns === 0 ? then() : setImmediate(() => afterTurns(turns - 1, then)));
    const burst = Array.from({ length: 3 }, (_, index) =>
      heavyRead(crm.id, () => {
        if (index === 0)
          afterTurns(20, () => (arrived = heavyRead(agent.id, () => loadBoardColumn(db, agent, query)).then(() => answered.push('agent'))));
        // A read that holds the thread as a heavy one does.
        sleepThisThread(50);
        return index;
      }).then(() => answered.push(`crm ${index + 1}`)),
    );
    await Promise.all(burst);
    await arrived;
    expect(answered).toEqual(['crm 1', 'agent', 'crm 2', 'crm 3']);
  });

  it('fail a read that fails, alone; the next reads are answered', async () => {
    const [refused, allowed] = await Promise.allSettled([
      heavyRead(agent.id, () => readDashboardPage(db, dashboard('groupBy=crmStatus', agent))),
      heavyRead(crm.id, () => readDashboardPage(db, dashboard('groupBy=crmStatus'))),
    ]);
    expect(refused.status).toBe('rejected');
    expect(String((refused as PromiseRejectedResult).reason)).toMatch(/crm/);
    expect(allowed.status).toBe('fulfilled');
  });
});
