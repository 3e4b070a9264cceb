// The dry run's GET form: the options and, per header of the file, the column it fills ("Spalte") or
// "nicht importieren". Sending it runs the dry run again; nothing is stored.
import type { ExportEntity } from '@/db/schema';
import type { Translate } from '@/lib/i18n';
import type { ImportOptions } from '@/lib/import/plan/types';
import { mappingParam, NOT_IMPORTED } from './params';

export function ImportOptionsForm({
  action,
  options,
  mayCreateEntries,
  savedMappingId,
  headers,
  columns,
  t,
}: {
  action: string;
  entity: ExportEntity;
  options: ImportOptions;
  mayCreateEntries: boolean;
  savedMappingId?: number;
  /** Each header with the column key it maps to now (null: not imported). */
  headers: { header: string; key: string | null }[];
  columns: { key: string; label: string }[];
  t: Translate;
}) {
  return (
    <form method="get" action={action} className="stack" aria-label={t('import.ui.options')}>
      <details open>
        <summary>{t('import.ui.options')}</summary>
        <div className="field">
          <label htmlFor="import-existing">{t('import.ui.existing')}</label>
          <select id="import-existing" name="existing" defaultValue={options.existing}>
            <option value="update">{t('import.ui.existingUpdate')}</option>
            <option value="skip">{t('import.ui.existingSkip')}</option>
          </select>
        </div>
        <input type="hidden" name="createNew" value="0" />
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="createNew" value="1" defaultChecked={options.createNew} />
            {t('import.ui.createNew')}
          </label>
        </div>
        {mayCreateEntries && (
          <div className="field">
            <label className="checkbox">
              <input type="checkbox" name="entries" value="1" defaultChecked={options.createMissingEntries} />
              {t('import.ui.createMissingEntries')}
            </label>
          </div>
        )}
        {savedMappingId !== undefined && <input type="hidden" name="mapping" value={String(savedMappingId)} />}
        {headers.map(({ header, key }, index) => (
          <div className="field" key={`${index}-${header}`}>
            <label htmlFor={`import-map-${index}`}>{t('import.ui.mappingHeader', { header })}</label>
            <select id={`import-map-${index}`} name={mappingParam(header)} defaultValue={key ?? NOT_IMPORTED}>
              <option value={NOT_IMPORTED}>{t('import.ui.notImported')}</option>
              {columns.map((column) => (
                <option key={column.key} value={column.key}>
                  {column.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div>
          <button type="submit" className="button">
            {t('import.ui.rerun')}
          </button>
        </div>
      </details>
    </form>
  );
}
