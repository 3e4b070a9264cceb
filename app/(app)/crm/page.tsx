// /crm: the CRM dashboard (crm only): filters, ordered grouping, totals at every level, tickets.
// The whole view lives in the URL (lib/crm/dashboard/view-state.ts); `open=` names a group shown
// expanded with its tickets, `view=list` the flat list (of that group, if one is named).
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { FilterBar } from '@/components/crm/dashboard/filter-bar';
import { ViewProblems } from '@/components/crm/dashboard/view-problems';
import { DueSummary } from '@/components/crm/followups/due-summary';
import { followupClock } from '@/lib/crm/followups/clock';
import { countDueFollowups } from '@/lib/crm/followups/queries';
import { GroupTree, OPEN_GROUP_ANCHOR } from '@/components/crm/dashboard/group-tree';
import { GroupingEditor } from '@/components/crm/dashboard/grouping-editor';
import { DashboardTicketTable, ticketColumns } from '@/components/crm/dashboard/ticket-table';
import { PhaseTable } from '@/components/crm/dashboard/phase-table';
import { TotalsLine } from '@/components/crm/dashboard/totals-line';
import { Pagination } from '@/components/ui/pagination';
import { requireRole } from '@/lib/auth/guards';
import { DIMENSIONS, isMultiValued } from '@/lib/crm/dashboard/dimensions';
import { serialiseGroupPath } from '@/lib/crm/dashboard/group-path';
import {
  GROUP_KEYS,
  MAX_GROUP_LEVELS,
  serialiseDashboardParams,
  withoutEmptyValues,
  type DashboardParams,
} from '@/lib/crm/dashboard/params';
import { LIST_PAGE_SIZE, readDashboardPage, type DashboardPageData } from '@/lib/crm/dashboard/page-data';
import { figureLabels, presentAtRisk, presentTicket, presentTree } from '@/lib/crm/dashboard/present';
import { followupWords } from '@/lib/crm/followups/words';
import { PHASES } from '@/lib/crm/phases';
import { pathKey } from '@/lib/crm/dashboard/queries';
import { parseDashboardView } from '@/lib/crm/dashboard/view-state';
import { groupsOverlap, mixesPhases } from '@/lib/crm/dashboard/tree';
import { getI18n } from '@/lib/i18n/server';
import { crmStatusStyles } from '@/lib/lookups/queries';
import { getDb } from '@/db/client';
import { heavyRead } from '@/lib/server-load/heavy-reads';
import { pageTitle } from '@/lib/i18n/titles';

export const generateMetadata = () => pageTitle('dashboard.title');

type SearchParams = Record<string, string | string[] | undefined>;

/** The list view's form the rows' checkboxes belong to. */
const SELECTION_FORM = 'bulk-selection';

function exportHref(params: DashboardParams, dialect: 'excel' | 'rfc4180'): string {
  const search = serialiseDashboardParams(params);
  search.set('dialect', dialect);
  return `/crm/export?${search.toString()}`;
}

export default async function CrmDashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole('crm');
  const { t, format } = await getI18n();
  const raw = await searchParams;
  const cleaned = withoutEmptyValues(raw);
  if (cleaned) redirect(cleaned.size > 0 ? `/crm?${cleaned.toString()}` : '/crm');
  const { params, problems, open, listView, page, search } = parseDashboardView(raw);
  // Totals, tickets and filter lists in one synchronous read, in this user's turn (lib/server-load).
  const { summary, tree, list, options } = await heavyRead(user.id, () =>
    readDashboardPage(getDb(), { user, params, list: listView ? { page } : null, open, search }),
  );
  const view = serialiseDashboardParams(params).toString();
  // The statuses' colours for their badges (a handful of rows).
  const statuses = crmStatusStyles(getDb(), user);
  const baseQuery = serialiseDashboardParams({ ...params, groupBy: ['crmStatus'] }).toString();
  const groupLabel = (key: (typeof GROUP_KEYS)[number]) => ({ key, label: t(DIMENSIONS[key].label) });
  const openView = (extra: Record<string, string>) => {
    const query = serialiseDashboardParams(params);
    for (const [name, value] of Object.entries(extra)) query.set(name, value);
    return `/crm?${query.toString()}`;
  };

  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <DueSummary due={countDueFollowups(getDb(), user, followupClock())} t={t} format={format} />
      <ViewProblems problems={problems} params={params} t={t} format={format} />
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
          <Link href={open ? `${openView({ open: serialiseGroupPath(open) })}#${OPEN_GROUP_ANCHOR}` : `/crm?${view}`}>
            ← {t('dashboard.backToGroups')}
          </Link>
        </p>
      )}
      <section className="card grand-total" aria-labelledby="grand-total">
        <h2 id="grand-total">{t('dashboard.total')}</h2>
        <TotalsLine totals={summary.total} t={t} format={format} />
        <PhaseTable totals={summary.total} t={t} format={format} />
        {summary.total.atRisk.count > 0 && (
          <p className="at-risk-total" title={t('followups.atRiskTitle')}>
            <em className="badge followup-overdue">{presentAtRisk(summary.total, t, format)}</em>
          </p>
        )}
        <p className="export-links">
          <Link href={`/crm/changes/new${view ? `?${view}` : ''}`}>
            {t('bulk.changeAll', { count: format.integer(summary.total.count) })}
          </Link>{' '}
          · <Link href="/crm/changes">{t('bulk.title')}</Link> ·{' '}
          <Link href={`/crm/board${view ? `?${view}` : ''}`}>{t('dashboard.toBoard')}</Link> ·{' '}
          <Link href={`/crm/forecast${view ? `?${view}` : ''}`}>{t('dashboard.toForecast')}</Link> ·{' '}
          <Link href={`/crm/outcomes${view ? `?${view}` : ''}`}>{t('dashboard.toOutcomes')}</Link>
        </p>
        <p className="export-links">
          {t('dashboard.export')}: <a href={exportHref(params, 'excel')}>{t('dashboard.exportExcel')}</a> ·{' '}
          <a href={exportHref(params, 'rfc4180')}>{t('dashboard.exportRfc')}</a>
        </p>
      </section>
      {summary.total.count === 0 ? <p>{t('dashboard.noTickets')}</p> : list ? <TicketList {...list} /> : tree && <Groups {...tree} />}
    </>
  );

  function Groups({ visible, tickets }: NonNullable<DashboardPageData['tree']>) {
    const listAll = serialiseDashboardParams(params);
    listAll.set('view', 'list');
    const multiValued = params.groupBy.filter(isMultiValued).map((key) => `„${t(DIMENSIONS[key].label)}“`);
    return (
      <>
        {multiValued.length > 0 && groupsOverlap(summary.total.count, summary.groups) && (
          <p className="muted small">{t('dashboard.overlapNote', { fields: multiValued.join(' / ') })}</p>
        )}
        {/* A new view (or opened group) starts the tree afresh: no rows a leaf loaded for the previous one. */}
        <GroupTree
          key={`${view}#${open ? serialiseGroupPath(open) : ''}`}
          groups={presentTree(visible.groups, (group) => tickets.get(pathKey(group.path)) ?? [], t, format, {
            phases: mixesPhases(summary.total),
            statuses,
          })}
          view={view}
          open={visible.open}
          words={{
            figures: figureLabels(t),
            phases: PHASES.map((phase) => t(`crm.phase.${phase}`)),
            columns: ticketColumns(t),
            followup: followupWords(t, { inColumn: true }),
            atRisk: t('followups.atRiskFigures'),
            showTickets: t('dashboard.showTickets'),
            loading: t('dashboard.loadingTickets'),
            failed: t('dashboard.loadFailed'),
            moreTickets: t('dashboard.moreTickets'),
            showAll: t('dashboard.showAll'),
            closeGroup: t('dashboard.closeGroup'),
            bulkChange: t('bulk.changeAll'),
          }}
        />
        {visible.hiddenGroups > 0 && (
          <p className="alert">
            {t('dashboard.moreGroups', { hidden: format.integer(visible.hiddenGroups) })}{' '}
            <Link href={`/crm?${listAll.toString()}`}>{t('dashboard.listAll')}</Link>
          </p>
        )}
      </>
    );
  }

  function TicketList({ page, tickets, group }: NonNullable<DashboardPageData['list']>) {
    // The group's bulk change names the same tickets: the view and the group, without the list's own parameters.
    const groupOnly = serialiseDashboardParams(params);
    if (open && group) groupOnly.set('open', serialiseGroupPath(open));
    const search = new URLSearchParams(groupOnly);
    search.set('view', 'list');
    const title = group ? `${t('dashboard.listTitle')}: ${group.labels.join(' › ')}` : t('dashboard.listTitle');
    return (
      <section aria-labelledby="ticket-list">
        <h2 id="ticket-list">{title}</h2>
        {group && <TotalsLine totals={group.totals} t={t} format={format} />}
        {group && open && (
          <p>
            <Link href={`/crm/changes/new?${groupOnly.toString()}`}>
              {t('bulk.changeAll', { count: format.integer(group.totals.count) })}
            </Link>
          </p>
        )}
        {/* The rows' checkboxes belong to this form: a bulk change of the chosen tickets, with or without JavaScript. */}
        <form id={SELECTION_FORM} method="get" action="/crm/changes/new" className="export-links">
          <input type="hidden" name="chosen" value="1" />
          <button type="submit" className="button">
            {t('dashboard.changeChosen')}
          </button>
        </form>
        <DashboardTicketTable
          rows={tickets.map((ticket) => presentTicket(ticket, format, statuses))}
          columns={ticketColumns(t)}
          followup={followupWords(t, { inColumn: true })}
          caption={title}
          select={{
            form: SELECTION_FORM,
            heading: t('dashboard.choose'),
            label: (number) => t('dashboard.chooseTicket', { number }),
          }}
        />
        <Pagination
          basePath="/crm"
          search={search}
          page={page}
          pageSize={LIST_PAGE_SIZE}
          total={group ? group.totals.count : summary.total.count}
          t={t}
        />
      </section>
    );
  }
}
