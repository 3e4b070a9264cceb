// The fields of a lookup entry form: the name, and what the list's kind adds.
import { SelectField, TextField } from '@/components/ui/fields';
import { ATTRIBUTE_TARGETS } from '@/db/schema';
import type { Translate } from '@/lib/i18n';
import type { LookupKind } from '@/lib/lookups/lists';
import type { LookupEntry } from '@/lib/lookups/queries';
import { centsToEuroInput } from '@/lib/money';

export function EntryFields({ kind, entry, t }: { kind: LookupKind; entry?: LookupEntry; t: Translate }) {
  return (
    <>
      <TextField name="name" label={t('crmAdmin.name')} defaultValue={entry?.name} required maxLength={100} />
      {kind === 'employees' && (
        <div className="row">
          <TextField name="minEmployees" label={t('crmAdmin.minEmployees')} defaultValue={entry?.minEmployees ?? ''} type="number" required />
          <TextField name="maxEmployees" label={t('crmAdmin.maxEmployees')} defaultValue={entry?.maxEmployees ?? ''} type="number" />
        </div>
      )}
      {kind === 'cents' && (
        <div className="row">
          <TextField name="minEuro" label={t('crmAdmin.minEuro')} defaultValue={centsToEuroInput(entry?.minCents ?? null)} required />
          <TextField name="maxEuro" label={t('crmAdmin.maxEuro')} defaultValue={centsToEuroInput(entry?.maxCents ?? null)} />
        </div>
      )}
      {kind === 'campaign' && (
        <div className="row">
          <TextField name="startDate" label={t('crmAdmin.startDate')} defaultValue={entry?.startDate ?? ''} type="date" />
          <TextField name="endDate" label={t('crmAdmin.endDate')} defaultValue={entry?.endDate ?? ''} type="date" />
        </div>
      )}
      {kind === 'attribute' && (
        <SelectField
          name="appliesTo"
          label={t('crmAdmin.appliesTo')}
          defaultValue={entry?.appliesTo ?? 'both'}
          options={ATTRIBUTE_TARGETS.map((target) => ({ value: target, label: t(`crmAdmin.appliesTo.${target}`) }))}
        />
      )}
    </>
  );
}
