// The pipeline on the dashboard (SPEC section 14): phases partition every group on page, JSON and CSV;
// months and quarters of the expected close group chronologically; slippage reads the Verlauf.
import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { crmChanges, PHASES, tickets, users } from '@/db/schema';
import { seedDemoData } from '@/db/seed/demo';
import type { SessionUser } from '@/lib/auth/guards';
import { dashboardJson, type JsonGroup } from '@/lib/crm/dashboard/api';
import { dashboardExportStream } from '@/lib/crm/dashboard/export';
import { parseDashboardParams } from '@/lib/crm/dashboard/params';
import { summariseDashboard } from '@/lib/crm/dashboard/queries';
import type { GroupNode } from '@/lib/crm/dashboard/tree';
import { translator } from '@/lib/i18n';
import { freshAppDb } from '../support/db';

let db: Db;
let user: SessionUser;
const t = translator('de');
const NOW = Date.parse('2026-12-06T10:00:00Z');

const paramsOf = (query: string) => parseDashboardParams(new URLSearchParams(query)).params;

async function exportRows(query: string): Promise<{ header: string[]; rows: string[][] }> {
  const stream = dashboardExportStream(user, paramsOf(query), 'rfc4180');
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
  const [header, ...rows] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  return { header, rows };
}

beforeAll(async () => {
  db = freshAppDb();
  await seedDemoData(db, { now: NOW });
  const row = db.select().from(users).where(eq(users.email, 'crm@example.com')).get()!;
  user = { id: row.id, email: row.email, name: row.name, roles: row.roles, locale: 'de' };
});

function everyGroup(groups: readonly GroupNode[], visit: (group: GroupNode) => void): void {
  for (const group of groups) {
    visit(group);
    everyGroup(group.groups, visit);
  }
}

describe('phases on the dashboard', () => {
  it('partition the grand total and every group at every level', () => {
    const summary = summariseDashboard(db, user, paramsOf('groupBy=assignee,product,phase'), t);
    const check = (group: { count: number; sumPotentialCents: number; phases: GroupNode['phases'] }) => {
      expect(PHASES.reduce((sum, phase) => sum + group.phases[phase].count, 0)).toBe(group.count);
      expect(PHASES.reduce((sum, phase) => sum + group.phases[phase].sumPotentialCents, 0)).toBe(group.sumPotentialCents);
    };
    check(summary.total);
    expect(summary.total.phases.won.count).toBeGreaterThan(0);
    expect(summary.total.phases.lost.count).toBeGreaterThan(0);
    everyGroup(summary.groups, check);
    // Grouped by phase, a group holds its own phase only.
    everyGroup(summary.groups, (group) => {
      if (group.key !== 'phase') return;
      for (const phase of PHASES) if (phase !== group.id) expect(group.phases[phase].count).toBe(0);
    });
  });

  it('filters by phase: open alone is the open pipeline of the unfiltered view', () => {
    const all = summariseDashboard(db, user, paramsOf(''), t);
    const open = summariseDashboard(db, user, paramsOf('phase=open'), t);
    const decided = summariseDashboard(db, user, paramsOf('phase=won&phase=lost'), t);
    expect(open.total.count).toBe(all.total.phases.open.count);
    expect(open.total.sumWeightedCents).toBe(all.total.phases.open.sumWeightedCents);
    expect(decided.total.count).toBe(all.total.phases.won.count + all.total.phases.lost.count);
  });

  it('gives the JSON "phases" beside the totals of the grand total and of every group', () => {
    const json = dashboardJson(db, { user, params: paramsOf('groupBy=crmStatus,closeQuarter') });
    const summary = summariseDashboard(db, user, paramsOf('groupBy=crmStatus,closeQuarter'), t);
    expect(json.total.phases.open).toEqual({
      count: summary.total.phases.open.count,
      sumPotentialCents: summary.total.phases.open.sumPotentialCents,
      sumWeightedCents: summary.total.phases.open.sumWeightedCents,
      avgProbability: summary.total.phases.open.avgProbability,
      sumExpectedUsers: summary.total.phases.open.sumExpectedUsers,
    });
    const visit = (groups: JsonGroup[]) => {
      for (const group of groups) {
        expect(Object.keys(group.phases)).toEqual([...PHASES]);
        expect(PHASES.reduce((sum, phase) => sum + group.phases[phase].count, 0)).toBe(group.count);
        if ('groups' in group) visit(group.groups);
      }
    };
    visit(json.groups);
  });

  it('names the phase, the Verlustgrund and the expected close in the CSV; phases add up to the view', async () => {
    const { header, rows } = await exportRows('groupBy=phase');
    const summary = summariseDashboard(db, user, paramsOf('groupBy=phase'), t);
    const phase = header.indexOf('Phase');
    for (const name of ['Verlustgrund', 'Voraussichtlicher Abschluss', 'Verschiebungen', 'Ursprünglicher Abschluss'])
      expect(header).toContain(name);
    for (const key of PHASES) {
      expect(rows.filter((row) => row[phase] === t(`crm.phase.${key}`))).toHaveLength(summary.total.phases[key].count);
    }
    const reason = header.indexOf('Verlustgrund');
    expect(rows.filter((row) => row[reason] !== '').every((row) => row[phase] === 'Verloren')).toBe(true);
  });
});

describe('the expected close on the dashboard', () => {
  it('groups by month chronologically, labelled by month name, with the tickets without a date last', () => {
    const groups = summariseDashboard(db, user, paramsOf('groupBy=closeMonth'), t).groups;
    const months = groups.filter((group) => group.id !== null).map((group) => String(group.id));
    expect(months).toEqual([...months].sort());
    expect(months.length).toBeGreaterThan(12);
    expect(groups.at(-1)?.label).toBe('(ohne Datum)');
    expect(groups.find((group) => group.id === '2026-12')?.label).toBe('Dezember 2026');
    expect(translator('en')('dashboard.month.12')).toBe('December');
  });

  it('groups by quarter as YYYY-Qn and filters by an inclusive date window', () => {
    const quarters = summariseDashboard(db, user, paramsOf('groupBy=closeQuarter'), t).groups;
    expect(quarters.find((group) => group.id === '2026-Q4')?.label).toBe('Q4 2026');
    const inDecember = db.$client
      .prepare("select count(*) from tickets where crm_enabled = 1 and expected_close between '2026-12-01' and '2026-12-31'")
      .pluck()
      .get();
    expect(summariseDashboard(db, user, paramsOf('closeFrom=2026-12-01&closeTo=2026-12-31'), t).total.count).toBe(inDecember);
    // A ticket without a date never matches a set bound.
    const withDate = db.$client.prepare('select count(*) from tickets where crm_enabled = 1 and expected_close is not null').pluck().get();
    expect(summariseDashboard(db, user, paramsOf('closeFrom=1900-01-01'), t).total.count).toBe(withDate);
  });

  it('reports a bad date, phase or slipped value and ignores it', () => {
    const { params, problems } = parseDashboardParams(new URLSearchParams('closeFrom=2026-02-30&closeTo=gestern&phase=offen&slipped=ja'));
    expect(problems.map((problem) => problem.param)).toEqual(['phase', 'closeFrom', 'closeTo', 'slipped']);
    expect(params.closeFrom).toBeNull();
    expect(params.phase).toEqual([]);
    expect(params.slipped).toBe(false);
  });
});

describe('slippage', () => {
  it('counts the moves later from the Verlauf, names the first date, and filters the tickets that slipped', async () => {
    const [ticket] = db.select().from(tickets).where(eq(tickets.crmEnabled, true)).limit(1).all();
    db.update(tickets).set({ expectedClose: '2027-05-20' }).where(eq(tickets.id, ticket.id)).run();
    db.delete(crmChanges).where(eq(crmChanges.entityId, ticket.id)).run();
    const change = (oldValue: string | null, newValue: string, at: number) =>
      db
        .insert(crmChanges)
        .values({ entity: 'ticket', entityId: ticket.id, field: 'expectedClose', oldValue, newValue, at: new Date(at) })
        .run();
    change(null, '2027-01-31', NOW - 5_000);
    change('2027-01-31', '2027-03-31', NOW - 4_000);
    change('2027-03-31', '2027-02-28', NOW - 3_000); // earlier: not a slip
    change('2027-02-28', '2027-05-20', NOW - 2_000);
    const { header, rows } = await exportRows('slipped=1&groupBy=none');
    const number = header.indexOf('Nummer');
    const row = rows.find((candidate) => candidate[number] === ticket.number)!;
    expect(row[header.indexOf('Verschiebungen')]).toBe('2');
    expect(row[header.indexOf('Ursprünglicher Abschluss')]).toBe('2027-01-31');
    const slipped = db.$client
      .prepare(
        `select count(distinct c.entity_id) from crm_changes c join tickets t on t.id = c.entity_id and t.crm_enabled = 1
         where c.entity = 'ticket' and c.field = 'expectedClose' and c.old_value is not null and c.new_value > c.old_value`,
      )
      .pluck()
      .get();
    expect(rows).toHaveLength(slipped as number);
    expect(rows.every((candidate) => Number(candidate[header.indexOf('Verschiebungen')]) >= 1)).toBe(true);
  });
});
