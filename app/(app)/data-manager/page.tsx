// /data-manager: choose an entity, its columns, filters and the dialect; preview the first rows and the
// total; download the CSV with the same parameters; keep column sets as export templates.
import Link from 'next/link';
import { getDb } from '@/db/client';
import { EXPORT_ENTITIES, type ExportEntity } from '@/db/schema';
import { ExportForm } from '@/components/data-manager/export-form';
import { ExportPreviewTable } from '@/components/data-manager/export-preview';
import { ExportTemplates } from '@/components/data-manager/export-templates';
import { hasRole, requireUser } from '@/lib/auth/guards';
import { DEFAULT_CSV_DIALECT } from '@/lib/csv/dialects';
import { ENTITY_LABELS, isExportEntity, visibleColumns } from '@/lib/data-manager/columns';
import { parseExportRequest, problemMessage, serialiseExportRequest } from '@/lib/data-manager/params';
import { listExportTemplates, previewExport } from '@/lib/data-manager/queries';
import { getI18n } from '@/lib/i18n/server';
import { listLookupEntries } from '@/lib/lookups/queries';
import { EMPTY_TICKET_LIST_PARAMS } from '@/lib/tickets/filters';
import { listAssigneeChoices } from '@/lib/tickets/form-choices';
import { pageTitle } from '@/lib/i18n/titles';

export const generateMetadata = () => pageTitle('dataManager.title');

const ATTRIBUTE_TARGETS: Record<ExportEntity, readonly string[]> = {
  partners: ['partner', 'both'],
  contacts: ['contact', 'both'],
  tickets: ['partner', 'contact', 'both'],
};

export default async function DataManagerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { t, format } = await getI18n();
  const raw = await searchParams;
  const entity: ExportEntity = isExportEntity(raw.entity) ? raw.entity : 'partners';
  const withCrm = hasRole(user, 'crm');
  const db = getDb();
  const { request, problem } = parseExportRequest(entity, raw, user);
  const preview = request && raw.preview !== undefined ? previewExport(db.$client, user, request, t) : null;
  const chosen = request?.columnsChosen ? request.columns.map((column) => column.key) : [];
  const attributes = withCrm
    ? listLookupEntries(db, user, 'attributes').filter(
        (entry) => !entry.archived && ATTRIBUTE_TARGETS[entity].includes(entry.appliesTo ?? 'both'),
      )
    : null;

  return (
    <>
      <h1>{t('dataManager.title')}</h1>
      <p className="muted">{t('dataManager.intro')}</p>
      <p>
        <Link href="/data-manager/import">{t('import.ui.link')}</Link> · <Link href="/data-manager/imports">{t('import.ui.listLink')}</Link>
      </p>
      <nav aria-label={t('dataManager.entities')} className="tabs">
        <ul>
          {EXPORT_ENTITIES.map((candidate) => (
            <li key={candidate}>
              <Link href={`/data-manager?entity=${candidate}`} aria-current={candidate === entity ? 'page' : undefined}>
                {t(ENTITY_LABELS[candidate])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {problem && (
        <p className="alert alert-error" role="alert">
          {problemMessage(problem, t)}
        </p>
      )}
      <div className="data-manager">
        <ExportForm
          entity={entity}
          columns={visibleColumns(entity, withCrm)}
          chosen={chosen}
          attributes={attributes}
          attribute={request?.attribute ?? null}
          dialect={request?.dialect ?? DEFAULT_CSV_DIALECT}
          ticketParams={request?.ticketParams ?? EMPTY_TICKET_LIST_PARAMS}
          assignees={entity === 'tickets' ? listAssigneeChoices(db) : []}
          t={t}
        />
        {preview && request && (
          <ExportPreviewTable
            preview={preview}
            downloadHref={`/data-manager/export/${entity}?${serialiseExportRequest(request)}`}
            t={t}
            format={format}
          />
        )}
        <ExportTemplates entity={entity} templates={listExportTemplates(db, user, entity)} chosen={chosen} t={t} />
      </div>
    </>
  );
}
