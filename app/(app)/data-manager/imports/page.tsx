// /data-manager/imports: every applied import, newest first (who, when, entity, file, counts, undone by
// whom and when with the report); "Rückgängig machen" where this user may undo; a notice after an apply
// or an undo. Names and counts only, no CRM values.
import Link from 'next/link';
import { countsText, undoReportText } from '@/components/data-manager/import/summary';
import { Pagination, pageFrom, searchWithout } from '@/components/ui/pagination';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/guards';
import { ENTITY_LABELS } from '@/lib/data-manager/columns';
import { getImport, listImports } from '@/lib/import/store/list';
import { getI18n } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/titles';
import { idSchema } from '@/lib/validation';

export const generateMetadata = () => pageTitle('import.ui.listTitle');

const PAGE_SIZE = 50;

export default async function ImportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { t, format } = await getI18n();
  const raw = await searchParams;
  const db = getDb();
  const applied = idSchema.safeParse(raw.applied);
  const undone = idSchema.safeParse(raw.undone);
  const appliedImport = applied.success ? getImport(db, user, applied.data) : undefined;
  const undoneImport = undone.success ? getImport(db, user, undone.data) : undefined;
  const all = listImports(db, user);
  const page = pageFrom(raw.page);
  const shown = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <>
      <h1>{t('import.ui.listTitle')}</h1>
      <p>
        <Link href="/data-manager">← {t('dataManager.title')}</Link> · <Link href="/data-manager/import">{t('import.ui.link')}</Link>
      </p>
      {appliedImport && (
        <p className="alert alert-ok" role="status">
          {t('import.ui.applied', { counts: countsText(appliedImport.counts, t, format) })}
        </p>
      )}
      {undoneImport?.undoReport && (
        <p className="alert alert-ok" role="status">
          {t('import.ui.undoneNotice', { report: undoReportText(undoneImport.undoReport, t, format) })}
        </p>
      )}
      {all.length === 0 ? (
        <p className="muted">{t('import.ui.listEmpty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('import.ui.when')}</th>
              <th scope="col">{t('import.ui.who')}</th>
              <th scope="col">{t('import.ui.entity')}</th>
              <th scope="col">{t('import.ui.fileName')}</th>
              <th scope="col">{t('import.ui.countsColumn')}</th>
              <th scope="col">{t('import.ui.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <tr key={item.id}>
                <td>
                  <time dateTime={item.at.toISOString()}>{format.dateTime(item.at)}</time>
                </td>
                <td>{item.userName ?? '—'}</td>
                <td>{t(ENTITY_LABELS[item.entity])}</td>
                <td>{item.fileName}</td>
                <td>{countsText(item.counts, t, format)}</td>
                <td>
                  {item.undoneAt ? (
                    <>
                      {t('import.ui.undone', { when: format.dateTime(item.undoneAt), name: item.undoneByName ?? '—' })}
                      {item.undoReport && `: ${undoReportText(item.undoReport, t, format)}`}
                    </>
                  ) : item.canUndo ? (
                    <Link href={`/data-manager/imports/${item.id}/undo`}>{t('import.ui.undo')}</Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination
        basePath="/data-manager/imports"
        search={searchWithout(raw, 'page')}
        page={page}
        pageSize={PAGE_SIZE}
        total={all.length}
        t={t}
      />
    </>
  );
}
