// /data-manager/import: choose the kind of data, the file, the options and a saved mapping; the upload
// (a real multipart form) leads to the dry run. Every signed-in user may import master data.
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { CheckboxField, SelectField } from '@/components/ui/fields';
import { getDb } from '@/db/client';
import { EXPORT_ENTITIES } from '@/db/schema';
import { hasRole, requireUser } from '@/lib/auth/guards';
import { ENTITY_LABELS, isExportEntity } from '@/lib/data-manager/columns';
import { listImportMappings } from '@/lib/import/store/mappings';
import { getI18n } from '@/lib/i18n/server';
import { pageTitle } from '@/lib/i18n/titles';
import { uploadImportAction } from './actions';

export const generateMetadata = () => pageTitle('import.ui.title');

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { t } = await getI18n();
  const raw = await searchParams;
  const entity = isExportEntity(raw.entity) ? raw.entity : 'partners';
  const db = getDb();
  const mappings = EXPORT_ENTITIES.flatMap((candidate) =>
    listImportMappings(db, user, candidate).map((mapping) => ({
      value: String(mapping.id),
      label: `${t(ENTITY_LABELS[candidate])}: ${mapping.name}`,
    })),
  );

  return (
    <>
      <h1>{t('import.ui.title')}</h1>
      <p>
        <Link href="/data-manager">← {t('dataManager.title')}</Link> · <Link href="/data-manager/imports">{t('import.ui.listLink')}</Link>
      </p>
      <p className="muted">{t('import.ui.intro')}</p>
      <p className="muted">{t('import.ui.sizeNote')}</p>
      <ActionForm action={uploadImportAction} submitLabel={t('import.ui.upload')} label={t('import.ui.title')}>
        <SelectField
          name="entity"
          label={t('import.ui.entity')}
          defaultValue={entity}
          options={EXPORT_ENTITIES.map((candidate) => ({ value: candidate, label: t(ENTITY_LABELS[candidate]) }))}
        />
        <div className="field">
          <label htmlFor="import-file">{t('import.ui.file')}</label>
          <input id="import-file" type="file" name="file" accept=".csv,text/csv,text/plain" required />
        </div>
        <SelectField
          name="existing"
          label={t('import.ui.existing')}
          defaultValue="update"
          options={[
            { value: 'update', label: t('import.ui.existingUpdate') },
            { value: 'skip', label: t('import.ui.existingSkip') },
          ]}
        />
        <CheckboxField name="createNew" label={t('import.ui.createNew')} defaultChecked />
        {hasRole(user, 'crm_admin') && <CheckboxField name="entries" label={t('import.ui.createMissingEntries')} />}
        {mappings.length > 0 && (
          <SelectField
            name="mapping"
            label={t('import.ui.savedMapping')}
            defaultValue=""
            options={[{ value: '', label: t('import.ui.noMapping') }, ...mappings]}
          />
        )}
      </ActionForm>
    </>
  );
}
