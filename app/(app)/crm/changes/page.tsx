// /crm/changes: the bulk changes of CRM tickets, newest first, each with its undo (crm only). After a
// change or an undo (`applied=`, `undone=`) it says what happened.
import Link from 'next/link';
import { BulkChangeTable } from '@/components/crm/bulk/bulk-change-table';
import { undoReportText } from '@/components/crm/bulk/undo-report';
import { getDb } from '@/db/client';
import { requireRole } from '@/lib/auth/guards';
import type { BulkChange } from '@/lib/crm/bulk/change';
import { describeBulkChange } from '@/lib/crm/bulk/describe';
import { listBulkChanges } from '@/lib/crm/bulk/queries';
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
  const rows = listBulkChanges(db, user).map((row) => ({
    ...row,
    description: describeBulkChange(db, row.change as BulkChange, t, format),
  }));
  const applied = rows.find((row) => String(row.id) === paramValues(raw, 'applied')[0]);
  const undone = rows.find((row) => String(row.id) === paramValues(raw, 'undone')[0] && row.undoReport);

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
    </>
  );
}
