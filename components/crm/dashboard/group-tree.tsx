// The group tree: every group a <details> (collapsible without JavaScript) with its totals in the
// summary; under the innermost level the tickets, or a link to the group's full list.
import { RecordLink } from '@/components/ui/record-link';
import { narrowToGroup, serialiseDashboardParams, type DashboardParams } from '@/lib/crm/dashboard/params';
import type { DashboardTicket } from '@/lib/crm/dashboard/tickets';
import { TICKETS_PER_GROUP, type VisibleGroup } from '@/lib/crm/dashboard/view';
import type { Formatter, Translate } from '@/lib/i18n';
import { DashboardTicketTable } from './ticket-table';
import { TotalsLine } from './totals-line';

type Context = {
  params: DashboardParams;
  tickets: (path: VisibleGroup['path']) => DashboardTicket[];
  open: boolean;
  t: Translate;
  format: Formatter;
};

/** The ungrouped list of exactly one group's tickets. */
export function groupListHref(params: DashboardParams, group: VisibleGroup): string {
  const narrowed = narrowToGroup(params, group.path.map((id, index) => ({ key: params.groupBy[index], id })));
  const search = serialiseDashboardParams({ ...narrowed, groupBy: [] });
  search.set('view', 'list');
  return `/crm?${search.toString()}`;
}

function Leaf({ group, context }: { group: VisibleGroup; context: Context }) {
  const { t, format } = context;
  const href = groupListHref(context.params, group);
  if (!group.showTickets) {
    return (
      <p className="group-more">
        <RecordLink href={href}>{t('dashboard.showTickets', { count: format.integer(group.count) })}</RecordLink>
      </p>
    );
  }
  const rows = context.tickets(group.path);
  return (
    <>
      <DashboardTicketTable tickets={rows} t={t} format={format} caption={group.label} />
      {group.count > TICKETS_PER_GROUP && (
        <p className="group-more">
          {t('dashboard.moreTickets', { shown: format.integer(rows.length), total: format.integer(group.count) })} <RecordLink href={href}>{t('dashboard.showAll')}</RecordLink>
        </p>
      )}
    </>
  );
}

export function GroupTree({ groups, context, depth = 0 }: { groups: VisibleGroup[]; context: Context; depth?: number }) {
  return (
    <ul className={`group-list depth-${depth}`}>
      {groups.map((group) => (
        <li key={String(group.id)}>
          <details className="group" open={context.open}>
            <summary>
              <span className="group-label">{group.label}</span>
              <TotalsLine totals={group} t={context.t} format={context.format} />
            </summary>
            {group.groups.length > 0 ? <GroupTree groups={group.visibleGroups} context={context} depth={depth + 1} /> : <Leaf group={group} context={context} />}
          </details>
        </li>
      ))}
    </ul>
  );
}
