// /crm/changes: the bulk changes of CRM tickets, newest first, each with its undo (crm only). After a
// change or an undo (`applied=`, `undone=`) it says what happened.
import Link from 'next/link';
import { BulkChangeTable } from '@/components/crm/bulk/bulk-change-table';
import { undoReportText } from '@/components/crm/bulk/undo-report';
import { getDb } from '@/db/client';
import { requireRole } from '@/lib/auth/guards';
import type { BulkChange } from '@/lib/crm/bulk/change';
import { describeBulkChange } from '@/lib/crm/bulk/describe';
import { findBulkChange, listBulkChanges, type BulkChangeItem } from '@/lib/crm/bulk/queries';
import { Pagination } from '@/components/ui/pagination';
import { getI18n } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/titles';
import { paramValues } from '@/lib/url-params';

export const generateMetadata = () => pageTitle('bulk.title');

type SearchParams = Record<string, string | string[] | undefined>;

export default async function BulkChangesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireRole('crm');
  const { t, format } = await getI18n();
  const raw = await searchParams;
  const db = getDb();
  const listed = listBulkChanges(db, user, Number(paramValues(raw, 'page')[0]) || 1);
  const described = (row: BulkChangeItem) => ({ ...row, description: describeBulkChange(db, row.change as BulkChange, t, format) });
  const rows = listed.rows.map(described);
  // The change just applied or undone, wherever it stands in the list.
  const noticeOf = (param: string) => {
    const id = Number(paramValues(raw, param)[0]);
    const row = Number.isSafeInteger(id) && id > 0 ? findBulkChange(db, user, id) : null;
    return row ? described(row) : undefined;
  };
  const applied = noticeOf('applied');
  const undone = noticeOf('undone');

  return (
    <>
      <h1>{t('bulk.title')}</h1>
      <p>
        <Link href="/crm">← {t('bulk.backToDashboard')}</Link>
      </p>
      {applied && (
        <p className="alert alert-ok" role="status">
          {applied.description}:{' '}
          {t('bulk.applied', {
            changed: format.integer(applied.changedCount),
            count: format.integer(applied.ticketCount),
            same: format.integer(applied.ticketCount - applied.changedCount),
          })}
        </p>
      )}
      {undone?.undoReport && (
        <p className="alert alert-ok" role="status">
          {t('bulk.undone')} {undone.description}: {undoReportText(undone.undoReport, t, format)}
        </p>
      )}
      <BulkChangeTable rows={rows} t={t} format={format} />
      <Pagination
        basePath="/crm/changes"
        search={new URLSearchParams()}
        page={listed.page}
        pageSize={listed.pageSize}
        total={listed.total}
        t={t}
      />
    </>
  );
}
