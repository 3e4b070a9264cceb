// The fields of a lookup entry form: the name, and what the list's kind adds.
import { SelectField, TextField } from '@/components/ui/fields';
import { ATTRIBUTE_TARGETS, PHASES } from '@/db/schema';
import type { Formatter, Translate } from '@/lib/i18n';
import type { LookupKind } from '@/lib/lookups/lists';
import type { LookupEntry } from '@/lib/lookups/queries';
import { ColorField } from './color-field';

export function EntryFields({ kind, entry, t, format }: { kind: LookupKind; entry?: LookupEntry; t: Translate; format: Formatter }) {
  return (
    <>
      <TextField name="name" label={t('crmAdmin.name')} defaultValue={entry?.name} required maxLength={100} />
      {kind === 'employees' && (
        <div className="row">
          <TextField
            name="minEmployees"
            label={t('crmAdmin.minEmployees')}
            defaultValue={entry?.minEmployees ?? ''}
            type="number"
            required
          />
          <TextField name="maxEmployees" label={t('crmAdmin.maxEmployees')} defaultValue={entry?.maxEmployees ?? ''} type="number" />
        </div>
      )}
      {kind === 'cents' && (
        <div className="row">
          <TextField name="minEuro" label={t('crmAdmin.minEuro')} defaultValue={format.amountInput(entry?.minCents)} required />
          <TextField name="maxEuro" label={t('crmAdmin.maxEuro')} defaultValue={format.amountInput(entry?.maxCents)} />
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
      {kind === 'status' && (
        <div className="row">
          <SelectField
            name="phase"
            label={t('crmAdmin.phase')}
            defaultValue={entry?.phase ?? 'open'}
            options={PHASES.map((phase) => ({ value: phase, label: t(`crm.phase.${phase}`) }))}
          />
          <ColorField
            label={t('crmAdmin.color')}
            noColorLabel={t('crmAdmin.noColor')}
            defaultValue={entry ? (entry.color ?? null) : null}
          />
        </div>
      )}
      {kind === 'status' && (
        <div className="stack">
          <TextField
            name="staleAfterDays"
            label={t('crmAdmin.staleAfterDays')}
            defaultValue={entry?.staleAfterDays ?? ''}
            type="number"
            inputMode="numeric"
          />
          <p className="muted small">{t('crmAdmin.staleAfterDaysHint')}</p>
        </div>
      )}
    </>
  );
}
