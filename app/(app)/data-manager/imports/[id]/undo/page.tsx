// /data-manager/imports/<id>/undo: what undoing the import does, and the confirmation (the importer or
// an admin; undoImport checks again). One that is undone or not this user's to undo says so.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { countsText, undoReportText } from '@/components/data-manager/import/summary';
import { ActionForm } from '@/components/ui/action-form';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/guards';
import { ENTITY_LABELS } from '@/lib/data-manager/columns';
import { getImport } from '@/lib/import/store/list';
import { getI18n } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/titles';
import { idSchema } from '@/lib/validation';
import { undoImportAction } from '../../actions';

export const generateMetadata = () => pageTitle('import.ui.undoTitle');

export default async function UndoImportPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { t, format } = await getI18n();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const applied = getImport(getDb(), user, id.data);
  if (!applied) notFound();

  return (
    <>
      <h1>{t('import.ui.undoTitle')}</h1>
      <p>
        <Link href="/data-manager/imports">← {t('import.ui.toList')}</Link>
      </p>
      <p>
        <strong>
          {t(ENTITY_LABELS[applied.entity])} · {applied.fileName}: {countsText(applied.counts, t, format)}
        </strong>
      </p>
      <p className="muted">
        <time dateTime={applied.at.toISOString()}>{format.dateTime(applied.at)}</time> · {applied.userName ?? '—'}
      </p>
      {applied.undoneAt ? (
        <p className="alert" role="status">
          {t('import.apply.undo.already')}{' '}
          {t('import.ui.undone', { when: format.dateTime(applied.undoneAt), name: applied.undoneByName ?? '—' })}
          {applied.undoReport && `: ${undoReportText(applied.undoReport, t, format)}`}
        </p>
      ) : applied.canUndo ? (
        <>
          <p>
            {t('import.ui.undoIntro', { create: format.integer(applied.counts.create), update: format.integer(applied.counts.update) })}
          </p>
          <ActionForm action={undoImportAction} submitLabel={t('import.ui.undoConfirm')} label={t('import.ui.undoTitle')}>
            <input type="hidden" name="id" value={String(applied.id)} />
          </ActionForm>
        </>
      ) : (
        <p className="alert alert-error" role="alert">
          {t('import.apply.undo.denied')}
        </p>
      )}
    </>
  );
}
