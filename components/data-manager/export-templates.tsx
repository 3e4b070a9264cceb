// The user's export templates of one entity: apply (a link that fills the columns), delete, and save the
// current column choice under a name.
import Link from 'next/link';
import { deleteExportTemplateAction, saveExportTemplateAction } from '@/app/(app)/data-manager/actions';
import { ActionForm } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/fields';
import type { ExportEntity } from '@/db/schema';
import type { ExportTemplate } from '@/lib/data-manager/queries';
import type { Translate } from '@/lib/i18n';

export function ExportTemplates({
  entity,
  templates,
  chosen,
  t,
}: {
  entity: ExportEntity;
  templates: ExportTemplate[];
  chosen: readonly string[];
  t: Translate;
}) {
  return (
    <section aria-labelledby="data-manager-templates" className="stack">
      <h2 id="data-manager-templates">{t('dataManager.templates')}</h2>
      {templates.length === 0 ? (
        <p className="muted">{t('dataManager.noTemplates')}</p>
      ) : (
        <ul className="data-manager-templates">
          {templates.map((template) => (
            <li key={template.id}>
              <Link
                href={`/data-manager?${new URLSearchParams({ entity, columns: template.columns.join(','), preview: '1' })}`}
                aria-label={t('dataManager.applyTemplate', { name: template.name })}
              >
                {template.name}
              </Link>
              <ActionForm
                action={deleteExportTemplateAction}
                submitLabel={t('dataManager.delete')}
                submitAriaLabel={t('dataManager.deleteTemplate', { name: template.name })}
                submitClassName="button"
                className="inline-form"
                label={t('dataManager.deleteTemplate', { name: template.name })}
              >
                <input type="hidden" name="id" value={template.id} />
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      <ActionForm action={saveExportTemplateAction} submitLabel={t('dataManager.saveTemplate')} label={t('dataManager.saveTemplate')}>
        <input type="hidden" name="entity" value={entity} />
        <input type="hidden" name="columns" value={chosen.join(',')} />
        <TextField name="name" label={t('dataManager.templateName')} required maxLength={100} />
        <p className="muted">{t('dataManager.saveTemplateHint')}</p>
      </ActionForm>
    </section>
  );
}
