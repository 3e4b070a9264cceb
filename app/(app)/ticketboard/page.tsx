// /ticketboard: the signed-in user's queries as columns in their order, each with its count and
// newest tickets (SPEC section 6). Reordered by drag and drop, or by the ←/→ buttons without JavaScript.
import Link from 'next/link';
import { BoardColumn } from '@/components/ticketboard/board-column';
import { SortableList } from '@/components/ui/sortable-list';
import { getDb } from '@/db/client';
import { hasRole } from '@/lib/auth/access';
import { crmStatusStyles } from '@/lib/lookups/queries';
import { requireUser } from '@/lib/auth/guards';
import { getI18n } from '@/lib/i18n/server';
import { heavyRead } from '@/lib/server-load/heavy-reads';
import { listOwnQueries, loadBoardColumn } from '@/lib/ticketboard/queries';
import { reorderQueriesAction } from './actions';
import { pageTitle } from '@/lib/i18n/titles';

export const generateMetadata = () => pageTitle('ticketboard.title');

export default async function TicketboardPage() {
  const user = await requireUser();
  const { t, format } = await getI18n();
  const queries = listOwnQueries(getDb(), user);
  // Every column (a count and 50 cards each) in one read, in this user's turn (lib/server-load): one
  // turn, not eight, so another user's burst holds the board up by one of its reads, not eight.
  const columns = heavyRead(user.id, () => queries.map((query) => loadBoardColumn(getDb(), user, query)));
  const statuses = hasRole(user, 'crm') ? crmStatusStyles(getDb(), user) : undefined;
  return (
    <>
      <div className="page-heading">
        <h1>{t('ticketboard.title')}</h1>
        <Link href="/ticketboard/new" className="button button-primary">
          {t('ticketboard.newQuery')}
        </Link>
      </div>
      {queries.length === 0 ? (
        <p>{t('ticketboard.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('ticketboard.dragHint')}</p>
          <SortableList
            label={t('ticketboard.columns')}
            save={reorderQueriesAction}
            className="board"
            items={queries.map((query, index) => ({
              id: query.id,
              node: (
                <BoardColumn
                  column={columns.then((all) => all[index])}
                  first={index === 0}
                  last={index === queries.length - 1}
                  statuses={statuses}
                  t={t}
                  format={format}
                />
              ),
            }))}
          />
        </>
      )}
    </>
  );
}
