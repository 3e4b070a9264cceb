// One column of the ticket board: the query's name (opening its full ticket list), the count and the
// newest cards; the buttons to move, edit, rename, duplicate and delete it. A query whose CRM criteria
// the user may no longer use says so instead of showing other tickets.
import Link from 'next/link';
import { deleteQueryAction, duplicateQueryAction, moveQueryAction, renameQueryAction } from '@/app/(app)/ticketboard/actions';
import { ActionForm } from '@/components/ui/action-form';
import { TextField } from '@/components/ui/fields';
import { DragHandle } from '@/components/ui/sortable-list';
import type { Formatter, Translate } from '@/lib/i18n';
import type { BoardColumn as Column } from '@/lib/ticketboard/queries';
import type { CrmStatusStyles } from '@/lib/lookups/queries';
import { TicketCard } from './ticket-card';

export async function BoardColumn({
  column: loading,
  first,
  last,
  statuses,
  t,
  format,
}: {
  column: Promise<Column>;
  first: boolean;
  last: boolean;
  /** The CRM statuses' colours (crm users only). */
  statuses?: CrmStatusStyles;
  t: Translate;
  format: Formatter;
}) {
  const column = await loading;
  const { id, name, version } = column;
  const headingId = `query-${id}`;
  const identity = <input type="hidden" name="id" value={id} />;
  const versioned = (
    <>
      {identity}
      <input type="hidden" name="version" value={version} />
    </>
  );
  return (
    <section className="board-column" aria-labelledby={headingId}>
      <header className="board-column-head">
        <DragHandle label={t('ticketboard.dragHandle', { name })} />
        <h2 id={headingId}>{column.crmUnavailable ? name : <Link href={column.href}>{name}</Link>}</h2>
        {column.total !== null && (
          <span className="board-count" title={t('ticketboard.countLabel')}>
            {t('ticketboard.count', { count: format.integer(column.total) })}
          </span>
        )}
      </header>
      <div className="board-column-actions">
        {!first && (
          <ActionForm
            action={moveQueryAction}
            submitLabel="←"
            submitAriaLabel={t('ticketboard.moveLeft', { name })}
            submitClassName="button"
            className="inline-form"
          >
            {identity}
            <input type="hidden" name="direction" value="left" />
          </ActionForm>
        )}
        {!last && (
          <ActionForm
            action={moveQueryAction}
            submitLabel="→"
            submitAriaLabel={t('ticketboard.moveRight', { name })}
            submitClassName="button"
            className="inline-form"
          >
            {identity}
            <input type="hidden" name="direction" value="right" />
          </ActionForm>
        )}
        <Link href={`/ticketboard/${id}`} className="button" aria-label={t('ticketboard.edit', { name })}>
          {t('ticketboard.editShort')}
        </Link>
        <details className="board-more">
          <summary aria-label={t('ticketboard.actions', { name })}>…</summary>
          <ActionForm action={renameQueryAction} submitLabel={t('ticketboard.rename')} label={t('ticketboard.renameSummary', { name })}>
            {versioned}
            <TextField name="name" label={t('ticketboard.newName')} defaultValue={name} required maxLength={80} />
          </ActionForm>
          <ActionForm
            action={duplicateQueryAction}
            submitLabel={t('ticketboard.duplicate')}
            submitAriaLabel={t('ticketboard.duplicateAria', { name })}
            submitClassName="button"
            className="inline-form"
          >
            {identity}
          </ActionForm>
          <ActionForm
            action={deleteQueryAction}
            submitLabel={t('ticketboard.delete')}
            submitAriaLabel={t('ticketboard.deleteAria', { name })}
            submitClassName="button button-danger"
            className="inline-form"
          >
            {versioned}
          </ActionForm>
        </details>
      </div>
      {column.crmUnavailable ? (
        <p className="alert alert-error">{t('ticketboard.crmUnavailable')}</p>
      ) : (
        <>
          {column.invalidParams.length > 0 && (
            <p className="muted small">{t('ticketboard.invalidParams', { params: column.invalidParams.join(', ') })}</p>
          )}
          {column.cards.length === 0 ? (
            <p className="muted">{t('ticketboard.noTickets')}</p>
          ) : (
            <ol className="board-cards">
              {column.cards.map((ticket) => (
                <li key={ticket.id}>
                  <TicketCard ticket={ticket} statuses={statuses} t={t} format={format} />
                </li>
              ))}
            </ol>
          )}
          {column.total !== null && column.total > column.cards.length && (
            <p className="small">
              {t('ticketboard.more', { shown: format.integer(column.cards.length), total: format.integer(column.total) })} ·{' '}
              <Link href={column.href}>{t('ticketboard.showAll')}</Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
