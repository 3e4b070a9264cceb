// The preview: the file's first rows exactly as the chosen dialect writes them, the row count, and the
// download link carrying the same parameters.
import type { ExportPreview } from '@/lib/data-manager/queries';
import type { Formatter, Translate } from '@/lib/i18n';

export function ExportPreviewTable({
  preview,
  downloadHref,
  t,
  format,
}: {
  preview: ExportPreview;
  downloadHref: string;
  t: Translate;
  format: Formatter;
}) {
  const total = format.integer(preview.total);
  return (
    <section aria-labelledby="data-manager-preview" className="stack">
      <h2 id="data-manager-preview">{t('dataManager.previewTitle')}</h2>
      <p role="status" data-total={preview.total}>
        {t('dataManager.total', { total })}
      </p>
      <div>
        <a className="button button-primary" href={downloadHref} download>
          {t('dataManager.download')}
        </a>
      </div>
      {preview.rows.length === 0 ? (
        <p className="muted">{t('dataManager.empty')}</p>
      ) : (
        // Scrolls sideways when the columns are many: focusable, so the keyboard can scroll it too.
        <div className="data-manager-preview" role="region" aria-labelledby="data-manager-preview-caption" tabIndex={0}>
          <table className="table">
            <caption id="data-manager-preview-caption">
              {t('dataManager.previewCaption', { shown: format.integer(preview.rows.length), total })}
            </caption>
            <thead>
              <tr>
                {preview.header.map((header, index) => (
                  <th key={index} scope="col">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((cell, index) => (
                    <td key={index}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
