// /crm: the CRM dashboard (crm only): filters, ordered grouping, totals at every level, tickets.
// The whole view lives in the URL (lib/crm/dashboard/params.ts).
import Link from 'next/link';
import { FilterBar } from '@/components/crm/dashboard/filter-bar';
import { GroupTree } from '@/components/crm/dashboard/group-tree';
import { GroupingEditor } from '@/components/crm/dashboard/grouping-editor';
import { DashboardTicketTable } from '@/components/crm/dashboard/ticket-table';
import { TotalsLine } from '@/components/crm/dashboard/totals-line';
import { Pagination, pageFrom } from '@/components/ui/pagination';
import { requireRole } from '@/lib/auth/guards';
import { DIMENSIONS } from '@/lib/crm/dimensions';
import { GROUP_KEYS, MAX_GROUP_LEVELS, parseDashboardParams, serialiseDashboardParams, type DashboardParams } from '@/lib/crm/dashboard/params';
import { LIST_PAGE_SIZE, type DashboardPageData } from '@/lib/crm/dashboard/page-data';
import { pathKey } from '@/lib/crm/dashboard/queries';
import { getI18n } from '@/lib/i18n/server';
import { pickerQuery } from '@/lib/picker';
import { readInWorker } from '@/lib/reads/pool';
import { pageTitle } from '@/lib/i18n/titles';

export const generateMetadata = () => pageTitle('dashboard.title');

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
  const listView = raw.view === 'list' || params.groupBy.length === 0;
  // Totals, tickets and filter lists are read in one snapshot by a read worker (lib/reads), so the
  // event loop renders other pages meanwhile.
  const { summary, tree, list, options } = await readInWorker('dashboardPage', { user, params, list: listView ? { page: pageFrom(raw.page) } : null, search });
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
      <FilterBar params={params} options={options} search={search} t={t} />
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
      {summary.total.count === 0 ? <p>{t('dashboard.noTickets')}</p> : list ? <TicketList {...list} total={summary.total.count} /> : tree && <Groups {...tree} />}
    </>
  );

  function Groups({ visible, tickets }: NonNullable<DashboardPageData['tree']>) {
    const listAll = serialiseDashboardParams({ ...params, groupBy: [] });
    listAll.set('view', 'list');
    return (
      <>
        <GroupTree groups={visible.groups} context={{ params, open: visible.open, tickets: (path) => tickets.get(pathKey(path)) ?? [], t, format }} />
        {visible.hiddenGroups > 0 && (
          <p className="alert">
            {t('dashboard.moreGroups', { hidden: format.integer(visible.hiddenGroups) })} <Link href={`/crm?${listAll.toString()}`}>{t('dashboard.listAll')}</Link>
          </p>
        )}
      </>
    );
  }

  function TicketList({ page, tickets, total }: NonNullable<DashboardPageData['list']> & { total: number }) {
    const search = serialiseDashboardParams(params);
    search.set('view', 'list');
    return (
      <section aria-labelledby="ticket-list">
        <h2 id="ticket-list">{t('dashboard.listTitle')}</h2>
        <DashboardTicketTable tickets={tickets} t={t} format={format} caption={t('dashboard.listTitle')} />
        <Pagination basePath="/crm" search={search} page={page} pageSize={LIST_PAGE_SIZE} total={total} t={t} />
      </section>
    );
  }
}
