// The choice of a bulk change: one small GET form per kind, each leading to the confirmation
// (/crm/changes/new with the kind and its values). Real forms without JavaScript; after a problem the
// form of the kind sent opens with its message and the values sent.
import type { BulkChangeKind } from '@/lib/crm/bulk/change';
import { BULK_CHANGE_KINDS } from '@/lib/crm/bulk/change';
import type { BulkChangeOptions } from '@/lib/crm/bulk/page-data';
import type { Translate } from '@/lib/i18n';
import { HiddenParams } from './hidden-params';

type Sent = { kind: BulkChangeKind; values: Record<string, string>; error?: string; fieldErrors: Record<string, string> } | null;
type Option = { id: number; name: string };

function Field({
  kind,
  name,
  label,
  hint,
  error,
  children,
}: {
  kind: BulkChangeKind;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => React.ReactNode;
}) {
  const id = `bulk-${kind}-${name}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined })}
      {hint && (
        <p id={`${id}-hint`} className="muted small">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

function Choice({ options, value, empty, ...props }: { options: Option[]; value: string; empty: string; name: string; id: string }) {
  return (
    <select {...props} defaultValue={value}>
      <option value="">{empty}</option>
      {options.map((option) => (
        <option key={option.id} value={String(option.id)}>
          {option.name}
        </option>
      ))}
    </select>
  );
}

export function BulkChangeForms({
  selection,
  options,
  sent,
  t,
}: {
  selection: string;
  options: BulkChangeOptions;
  sent: Sent;
  t: Translate;
}) {
  const value = (kind: BulkChangeKind, field: string) => (sent?.kind === kind ? (sent.values[field] ?? '') : '');
  const error = (kind: BulkChangeKind, field: string) => (sent?.kind === kind ? sent.fieldErrors[field] : undefined);
  const choose = t('bulk.choose');

  const fields: Record<BulkChangeKind, React.ReactNode> = {
    crmStatus: (
      <>
        <Field kind="crmStatus" name="crmStatusId" label={t('crm.field.crmStatus')} error={error('crmStatus', 'crmStatusId')}>
          {(props) => (
            <Choice
              {...props}
              name="crmStatusId"
              value={value('crmStatus', 'crmStatusId')}
              empty={choose}
              options={options.statuses.map((status) => ({
                id: status.id,
                name: status.lost ? `${status.name} ${t('bulk.lostSuffix')}` : status.name,
              }))}
            />
          )}
        </Field>
        <Field
          kind="crmStatus"
          name="lostReasonId"
          label={t('crm.field.lostReason')}
          hint={t('bulk.field.lostReasonHint')}
          error={error('crmStatus', 'lostReasonId')}
        >
          {(props) => (
            <Choice {...props} name="lostReasonId" value={value('crmStatus', 'lostReasonId')} empty="—" options={options.lostReasons} />
          )}
        </Field>
      </>
    ),
    assignee: (
      <Field kind="assignee" name="assigneeId" label={t('dashboard.dim.assignee')} error={error('assignee', 'assigneeId')}>
        {(props) => (
          <Choice
            {...props}
            name="assigneeId"
            value={value('assignee', 'assigneeId')}
            empty={t('bulk.nobody')}
            options={options.assignees}
          />
        )}
      </Field>
    ),
    expectedClose: (
      <Field
        kind="expectedClose"
        name="expectedClose"
        label={t('crm.field.expectedClose')}
        hint={t('bulk.field.emptyClears')}
        error={error('expectedClose', 'expectedClose')}
      >
        {(props) => <input {...props} type="date" name="expectedClose" defaultValue={value('expectedClose', 'expectedClose')} />}
      </Field>
    ),
    probability: (
      <Field
        kind="probability"
        name="probability"
        label={`${t('crm.field.probability')} (%)`}
        hint={t('bulk.field.emptyClears')}
        error={error('probability', 'probability')}
      >
        {(props) => (
          <input {...props} type="text" inputMode="numeric" name="probability" defaultValue={value('probability', 'probability')} />
        )}
      </Field>
    ),
    addProduct: (
      <Field kind="addProduct" name="productId" label={t('bulk.field.product')} error={error('addProduct', 'productId')}>
        {(props) => (
          <Choice {...props} name="productId" value={value('addProduct', 'productId')} empty={choose} options={options.products.add} />
        )}
      </Field>
    ),
    removeProduct: (
      <Field kind="removeProduct" name="productId" label={t('bulk.field.product')} error={error('removeProduct', 'productId')}>
        {(props) => (
          <Choice
            {...props}
            name="productId"
            value={value('removeProduct', 'productId')}
            empty={choose}
            options={options.products.remove}
          />
        )}
      </Field>
    ),
    addCampaign: (
      <Field kind="addCampaign" name="campaignId" label={t('bulk.field.campaign')} error={error('addCampaign', 'campaignId')}>
        {(props) => (
          <Choice {...props} name="campaignId" value={value('addCampaign', 'campaignId')} empty={choose} options={options.campaigns.add} />
        )}
      </Field>
    ),
    removeCampaign: (
      <Field kind="removeCampaign" name="campaignId" label={t('bulk.field.campaign')} error={error('removeCampaign', 'campaignId')}>
        {(props) => (
          <Choice
            {...props}
            name="campaignId"
            value={value('removeCampaign', 'campaignId')}
            empty={choose}
            options={options.campaigns.remove}
          />
        )}
      </Field>
    ),
  };

  return (
    <div className="stack">
      {BULK_CHANGE_KINDS.map((kind) => (
        <details key={kind} open={sent?.kind === kind ? true : undefined}>
          <summary>{t(`bulk.kind.${kind}`)}</summary>
          <form method="get" action="/crm/changes/new" className="stack" aria-label={t(`bulk.kind.${kind}`)} noValidate>
            {sent?.kind === kind && sent.error && (
              <p className="alert alert-error" role="alert">
                {sent.error}
              </p>
            )}
            <HiddenParams search={selection} />
            <input type="hidden" name="kind" value={kind} />
            {fields[kind]}
            <div>
              <button type="submit" className="button button-primary">
                {t('bulk.next')}
              </button>
            </div>
          </form>
        </details>
      ))}
    </div>
  );
}
