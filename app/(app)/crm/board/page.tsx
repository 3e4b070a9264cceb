// /crm/board: the pipeline board (crm only, SPEC section 16). The dashboard's filters and URL; one
// column per group of `column=crmStatus|assignee|closeMonth` in the dashboard's group order, headed by
// the dashboard's own level-1 totals; cards moved between columns by drag and drop, by keyboard and,
// without JavaScript, by each card's "Verschieben nach" form.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { BoardColumnView, columnValue } from '@/components/crm/board/board-column';
import { BoardMoves, type MoveTarget } from '@/components/crm/board/board-moves';
import styles from '@/components/crm/board/board.module.css';
import { FilterBar } from '@/components/crm/dashboard/filter-bar';
import { ViewProblems } from '@/components/crm/dashboard/view-problems';
import { getDb } from '@/db/client';
import { requireRole } from '@/lib/auth/guards';
import { BOARD_COLUMNS, DEFAULT_BOARD_COLUMN, parseBoardColumn, type BoardColumn } from '@/lib/crm/board/columns';
import { boardParams, readBoard } from '@/lib/crm/board/read';
import { serialiseGroupPath } from '@/lib/crm/dashboard/group-path';
import { DEFAULT_GROUP_BY, serialiseDashboardParams, withoutEmptyValues } from '@/lib/crm/dashboard/params';
import { parseDashboardView } from '@/lib/crm/dashboard/view-state';
import { getI18n } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/titles';
import { heavyRead } from '@/lib/server-load/heavy-reads';
import { rawValue } from '@/lib/url-params';
import { moveCardAction } from './actions';

export const generateMetadata = () => pageTitle('board.title');

type SearchParams = Record<string, string | string[] | undefined>;

export default async function CrmBoardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole('crm');
  const { t, format } = await getI18n();
  const raw = await searchParams;
  const cleaned = withoutEmptyValues(raw);
  if (cleaned) redirect(cleaned.size > 0 ? `/crm/board?${cleaned.toString()}` : '/crm/board');
  const { params, problems, search } = parseDashboardView(raw);
  const { column, invalid } = parseBoardColumn(rawValue(raw, 'column'));
  // Columns, cards and filter lists in one synchronous read, in this user's turn (lib/server-load).
  const board = await heavyRead(user.id, () => readBoard(getDb(), { user, params, column, search }));

  // What the page keeps besides the filters: its column key, and the dashboard's grouping for the way back.
  const keep: Record<string, string> = {};
  if (column !== DEFAULT_BOARD_COLUMN) keep.column = column;
  const groupBy = params.groupBy.join(',');
  if (groupBy !== DEFAULT_GROUP_BY.join(',')) keep.groupBy = groupBy || 'none';
  const filters = serialiseDashboardParams(params);
  const boardHref = (key: BoardColumn) => {
    const query = new URLSearchParams(filters);
    if (key !== DEFAULT_BOARD_COLUMN) query.set('column', key);
    return query.size > 0 ? `/crm/board?${query.toString()}` : '/crm/board';
  };
  // A column is the dashboard's group of the column key: its list, and its bulk change.
  const groupQuery = (id: string) => {
    const query = serialiseDashboardParams(boardParams(params, column));
    query.set('groupBy', column);
    query.set('open', id);
    return query;
  };
  const listHref = (id: string) => `/crm?${groupQuery(id).toString()}&view=list`;
  const changeHref = (id: string) => `/crm/changes/new?${groupQuery(id).toString()}`;
  const targets: MoveTarget[] = board.columns.map((item) => ({
    value: columnValue(item.id),
    label: item.label,
    ...(item.phase === 'lost' ? { lost: true as const } : {}),
  }));

  return (
    <>
      <h1>{t('board.title')}</h1>
      <p className="muted">
        {t('board.intro')} {t('board.legend')}
      </p>
      {invalid !== null && (
        <p className="alert alert-error" role="alert">
          {t('board.columnInvalid', { value: invalid })}
        </p>
      )}
      <ViewProblems problems={problems} params={params} t={t} format={format} />
      <FilterBar params={params} options={board.options} search={search} t={t} page={{ path: '/crm/board', keep }} />
      <nav className={styles.switch} aria-label={t('board.column')}>
        <span>{t('board.column')}:</span>
        {BOARD_COLUMNS.map((key) =>
          key === column ? (
            <strong key={key} aria-current="page">
              {t(`board.column.${key}`)}
            </strong>
          ) : (
            <Link key={key} href={boardHref(key)}>
              {t(`board.column.${key}`)}
            </Link>
          ),
        )}
        <Link href={`/crm${filters.size > 0 ? `?${filters.toString()}` : ''}`}>{t('board.toDashboard')}</Link>
      </nav>
      {board.total.count === 0 ? (
        <p>{t('board.noTickets')}</p>
      ) : (
        <BoardMoves
          action={moveCardAction}
          column={column}
          targets={targets}
          lostReasons={board.lostReasons}
          label={t('board.columnsLabel')}
          words={{
            moveTo: t('board.moveTo'),
            move: t('board.move'),
            lostReason: t('board.lostReason'),
            chooseLostReason: t('board.chooseLostReason'),
          }}
        >
          <div className={styles.columns}>
            {board.columns.map((item) => (
              <BoardColumnView
                key={columnValue(item.id)}
                column={item}
                listHref={listHref(serialiseGroupPath([item.id]))}
                changeHref={changeHref(serialiseGroupPath([item.id]))}
                t={t}
                format={format}
              />
            ))}
          </div>
        </BoardMoves>
      )}
    </>
  );
}
