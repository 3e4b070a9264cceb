// /crm/changes/<id>/undo: the confirmation of undoing one bulk change (crm only; any crm user may undo,
// as any may edit those tickets). An undone change says so and offers nothing.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { undoReportText } from '@/components/crm/bulk/undo-report';
import { ActionForm } from '@/components/ui/action-form';
import { getDb } from '@/db/client';
import { requireRole } from '@/lib/auth/guards';
import type { BulkChange } from '@/lib/crm/bulk/change';
import { describeBulkChange } from '@/lib/crm/bulk/describe';
import { findBulkChange } from '@/lib/crm/bulk/queries';
import { getI18n } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/titles';
import { idSchema } from '@/lib/validation';
import { undoBulkChangeAction } from '../../actions';

export const generateMetadata = () => pageTitle('bulk.undoTitle');

export default async function UndoBulkChangePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('crm');
  const { t, format } = await getI18n();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const db = getDb();
  const bulk = findBulkChange(db, user, id.data);
  if (!bulk) notFound();
  const description = describeBulkChange(db, bulk.change as BulkChange, t, format);

  return (
    <>
      <h1>{t('bulk.undoTitle')}</h1>
      <p>
        <Link href="/crm/changes">← {t('bulk.toList')}</Link>
      </p>
      <p>
        <strong>{t('bulk.confirmLine', { change: description, count: format.integer(bulk.ticketCount) })}</strong>
      </p>
      <p className="muted">
        <time dateTime={bulk.at.toISOString()}>{format.dateTime(bulk.at)}</time> · {bulk.userName}
      </p>
      {bulk.undoneAt ? (
        <p className="alert" role="status">
          {t('bulk.error.alreadyUndone')} {t('bulk.undoneBy', { when: format.dateTime(bulk.undoneAt), name: bulk.undoneByName ?? '—' })}
          {bulk.undoReport && `: ${undoReportText(bulk.undoReport, t, format)}`}
        </p>
      ) : (
        <>
          <p>{t('bulk.undoIntro', { changed: format.integer(bulk.changedCount) })}</p>
          <ActionForm action={undoBulkChangeAction} submitLabel={t('bulk.undoConfirm')} label={t('bulk.undoTitle')}>
            <input type="hidden" name="id" value={String(bulk.id)} />
          </ActionForm>
        </>
      )}
    </>
  );
}
