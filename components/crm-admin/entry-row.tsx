// One entry of a lookup list: its name and details, the buttons to move, edit, archive and delete it.
import { ActionForm } from '@/components/ui/action-form';
import { StatusSwatch } from '@/components/crm/status-badge';
import { DragHandle } from '@/components/ui/sortable-list';
import type { Formatter, Translate } from '@/lib/i18n';
import type { LookupList } from '@/lib/lookups/lists';
import type { LookupEntry } from '@/lib/lookups/queries';
import { archiveEntryAction, deleteEntryAction, moveEntryAction, updateEntryAction } from '@/app/(app)/admin/crm/actions';
import { ConfirmSubmit } from './confirm-submit';
import { EntryFields } from './entry-fields';
import { describeEntry } from './entry-summary';

export function EntryRow({
  list,
  entry,
  usage,
  first,
  last,
  t,
  format,
}: {
  list: LookupList;
  entry: LookupEntry;
  usage: number;
  first: boolean;
  last: boolean;
  t: Translate;
  format: Formatter;
}) {
  const identity = (
    <>
      <input type="hidden" name="list" value={list.key} />
      <input type="hidden" name="id" value={entry.id} />
    </>
  );
  const versioned = (
    <>
      {identity}
      <input type="hidden" name="version" value={entry.version} />
    </>
  );
  const details = describeEntry(list.kind, entry, t, format);
  return (
    <div className="entry-row">
      <DragHandle label={t('crmAdmin.dragHandle', { name: entry.name })} />
      <div className="entry-main">
        {list.kind === 'status' && <StatusSwatch color={entry.color} />}
        <strong>{entry.name}</strong> {entry.archived && <span className="badge badge-off">{t('crmAdmin.archived')}</span>}
        {details && <div className="muted">{details}</div>}
        <div className="muted small">
          {t(list.key === 'companySizes' ? 'crmAdmin.partnersInRange' : 'crmAdmin.usage')}: {format.integer(usage)}
        </div>
      </div>
      <div className="entry-actions">
        {!first && (
          <ActionForm
            action={moveEntryAction}
            submitLabel="↑"
            submitAriaLabel={t('crmAdmin.moveUp', { name: entry.name })}
            submitClassName="button"
            className="inline-form"
          >
            {identity}
            <input type="hidden" name="direction" value="up" />
          </ActionForm>
        )}
        {!last && (
          <ActionForm
            action={moveEntryAction}
            submitLabel="↓"
            submitAriaLabel={t('crmAdmin.moveDown', { name: entry.name })}
            submitClassName="button"
            className="inline-form"
          >
            {identity}
            <input type="hidden" name="direction" value="down" />
          </ActionForm>
        )}
        <ActionForm
          action={archiveEntryAction}
          submitLabel={entry.archived ? t('crmAdmin.restore') : t('crmAdmin.archive')}
          submitClassName="button"
          submitAriaLabel={`${entry.archived ? t('crmAdmin.restore') : t('crmAdmin.archive')}: ${entry.name}`}
          className="inline-form"
        >
          {versioned}
          <input type="hidden" name="archived" value={entry.archived ? 'false' : 'true'} />
        </ActionForm>
        <ActionForm
          action={deleteEntryAction}
          submitLabel={t('crmAdmin.delete')}
          submitClassName="button button-danger"
          submitAriaLabel={`${t('crmAdmin.delete')}: ${entry.name}`}
          className="inline-form"
        >
          {versioned}
          <ConfirmSubmit label={t('crmAdmin.confirmDelete')} ariaLabel={`${t('crmAdmin.confirmDelete')}: ${entry.name}`} />
        </ActionForm>
      </div>
      <ActionForm
        action={updateEntryAction}
        submitLabel={t('common.save')}
        disclosure={t('crmAdmin.editEntry', { name: entry.name })}
        className="entry-edit stack"
      >
        {versioned}
        <EntryFields kind={list.kind} entry={entry} t={t} format={format} />
      </ActionForm>
    </div>
  );
}
