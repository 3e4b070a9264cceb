// /crm: the CRM dashboard (crm only): filters, ordered grouping, totals at every level, tickets.
// The whole view lives in the URL (lib/crm/dashboard/params.ts).
import Link from 'next/link';
import type { Metadata } from 'next';
import { FilterBar } from '@/components/crm/dashboard/filter-bar';
import { GroupTree } from '@/components/crm/dashboard/group-tree';
import { GroupingEditor } from '@/components/crm/dashboard/grouping-editor';
import { DashboardTicketTable } from '@/components/crm/dashboard/ticket-table';
import { TotalsLine } from '@/components/crm/dashboard/totals-line';
import { Pagination, pageFrom } from '@/components/ui/pagination';
import { getDb } from '@/db/client';
import { requireRole } from '@/lib/auth/guards';
import { DIMENSIONS } from '@/lib/crm/dimensions';
import { dashboardFilterOptions } from '@/lib/crm/dashboard/options';
import { GROUP_KEYS, MAX_GROUP_LEVELS, parseDashboardParams, serialiseDashboardParams, type DashboardParams } from '@/lib/crm/dashboard/params';
import { leafTicketSample, listPageIds, pathKey, summariseDashboard } from '@/lib/crm/dashboard/queries';
import { dashboardTickets } from '@/lib/crm/dashboard/tickets';
import { visibleTree } from '@/lib/crm/dashboard/view';
import { getI18n } from '@/lib/i18n/server';
import { pickerQuery } from '@/lib/picker';

export const metadata: Metadata = { title: 'CRM Dashboard' };

const LIST_PAGE_SIZE = 100;

type SearchParams = Record<string, string | string[] | undefined>;

function exportHref(params: DashboardParams, dialect: 'excel' | 'rfc4180'): string {
  const search = serialiseDashboardParams(params);
  search.set('dialect', dialect);
  return `/crm/export?${search.toString()}`;
}

export default async function CrmDashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole('crm');
  const { t, format } = await getI18n();
  const raw = await searchParams;
  const { params, problems } = parseDashboardParams(raw);
  const search = { partner: pickerQuery(raw.partnerQuery), contact: pickerQuery(raw.contactQuery) };
  const db = getDb();
  const listView = raw.view === 'list' || params.groupBy.length === 0;
  const summary = summariseDashboard(db, user, listView ? { ...params, groupBy: [] } : params, t);
  const baseQuery = serialiseDashboardParams({ ...params, groupBy: ['crmStatus'] }).toString();
  const groupLabel = (key: (typeof GROUP_KEYS)[number]) => ({ key, label: t(DIMENSIONS[key].label) });

  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      {problems.map((problem) => (
        <p key={`${problem.param}-${problem.value}`} className="alert alert-error" role="alert">
          {t('dashboard.invalidParam', { param: problem.param, value: problem.value })}
        </p>
      ))}
      <FilterBar params={params} options={dashboardFilterOptions(db, user, params, search)} search={search} t={t} />
      {!listView || params.groupBy.length === 0 ? (
        <GroupingEditor
          levels={params.groupBy.map(groupLabel)}
          available={GROUP_KEYS.filter((key) => !params.groupBy.includes(key)).map(groupLabel)}
          baseQuery={baseQuery}
          maxLevels={MAX_GROUP_LEVELS}
          labels={{
            title: t('dashboard.grouping'),
            hint: t('dashboard.groupingHint'),
            up: t('dashboard.levelUp'),
            down: t('dashboard.levelDown'),
            remove: t('dashboard.removeLevel'),
            add: t('dashboard.addLevel'),
            none: t('dashboard.noGrouping'),
            max: t('dashboard.maxLevels'),
          }}
        />
      ) : (
        <p>
          <Link href={`/crm?${serialiseDashboardParams(params).toString()}`}>← {t('dashboard.backToGroups')}</Link>
        </p>
      )}
      <section className="card grand-total" aria-labelledby="grand-total">
        <h2 id="grand-total">{t('dashboard.total')}</h2>
        <TotalsLine totals={summary.total} t={t} format={format} />
        <p className="export-links">
          {t('dashboard.export')}: <a href={exportHref(params, 'excel')}>{t('dashboard.exportExcel')}</a> · <a href={exportHref(params, 'rfc4180')}>{t('dashboard.exportRfc')}</a>
        </p>
      </section>
      {summary.total.count === 0 ? (
        <p>{t('dashboard.noTickets')}</p>
      ) : listView ? (
        <TicketList params={params} page={pageFrom(raw.page)} total={summary.total.count} />
      ) : (
        <Groups params={params} groups={summary.groups} />
      )}
    </>
  );

  function Groups({ params: view, groups }: { params: DashboardParams; groups: Parameters<typeof visibleTree>[0] }) {
    const visible = visibleTree(groups);
    const sample = visible.leafPaths.length > 0 ? leafTicketSample(db, user, view, 100) : new Map<string, number[]>();
    const wanted = visible.leafPaths.flatMap((path) => sample.get(pathKey(path)) ?? []);
    const rows = dashboardTickets(db, user, wanted);
    const listAll = serialiseDashboardParams({ ...view, groupBy: [] });
    listAll.set('view', 'list');
    return (
      <>
        <GroupTree
          groups={visible.groups}
          context={{
            params: view,
            open: visible.open,
            tickets: (path) => (sample.get(pathKey(path)) ?? []).flatMap((id) => rows.get(id) ?? []),
            t,
            format,
          }}
        />
        {visible.hiddenGroups > 0 && (
          <p className="alert">
            {t('dashboard.moreGroups', { hidden: format.integer(visible.hiddenGroups) })} <Link href={`/crm?${listAll.toString()}`}>{t('dashboard.listAll')}</Link>
          </p>
        )}
      </>
    );
  }

  function TicketList({ params: view, page, total }: { params: DashboardParams; page: number; total: number }) {
    const ids = listPageIds(db, user, view, LIST_PAGE_SIZE, (page - 1) * LIST_PAGE_SIZE);
    const rows = dashboardTickets(db, user, ids);
    const search = serialiseDashboardParams(view);
    search.set('view', 'list');
    return (
      <section aria-labelledby="ticket-list">
        <h2 id="ticket-list">{t('dashboard.listTitle')}</h2>
        <DashboardTicketTable tickets={ids.flatMap((id) => rows.get(id) ?? [])} t={t} format={format} caption={t('dashboard.listTitle')} />
        <Pagination basePath="/crm" search={search} page={page} pageSize={LIST_PAGE_SIZE} total={total} t={t} />
      </section>
    );
  }
}
