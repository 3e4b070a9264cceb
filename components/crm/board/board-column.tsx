// One column of the pipeline board (SPEC section 16): its group's name (with the status colour), the
// group's totals as the dashboard computes them, its first cards, and the link to the rest.
import Link from 'next/link';
import { StatusSwatch } from '@/components/crm/status-badge';
import type { BoardCard, BoardColumnData } from '@/lib/crm/board/read';
import type { Formatter, Translate } from '@/lib/i18n';
import { MoveForm } from './move-form';
import styles from './board.module.css';

/** The value a move form sends for a column (`none` for the empty group). */
export function columnValue(id: BoardColumnData['id']): string {
  return id === null ? 'none' : String(id);
}

export function BoardColumnView({
  column,
  listHref,
  t,
  format,
}: {
  column: BoardColumnData;
  listHref: string;
  t: Translate;
  format: Formatter;
}) {
  const { totals } = column;
  const value = columnValue(column.id);
  const headingId = `column-${value}`;
  return (
    <section className={styles.column} aria-labelledby={headingId}>
      <h2 id={headingId}>
        <StatusSwatch color={column.color} />
        {column.label}
      </h2>
      <dl className={styles.totals} data-totals={value}>
        <dt>{t('dashboard.count')}</dt>
        <dd>{format.integer(totals.count)}</dd>
        <dt>{t('dashboard.sumPotential')}</dt>
        <dd>{format.money(totals.sumPotentialCents)}</dd>
        <dt>{t('dashboard.sumWeighted')}</dt>
        <dd>{format.money(totals.sumWeightedCents)}</dd>
        <dt>{t('dashboard.avgProbability')}</dt>
        <dd>{totals.avgProbability === null ? '—' : format.percent(totals.avgProbability)}</dd>
      </dl>
      <ol className={styles.cards} data-cards={value} aria-label={t('board.cards', { column: column.label })}>
        {column.cards.map((card) => (
          <Card key={card.id} card={card} current={value} t={t} format={format} />
        ))}
      </ol>
      {totals.count > column.cards.length && (
        <p className={styles.more}>
          {t('board.moreCards', { shown: format.integer(column.cards.length), count: format.integer(totals.count) })}{' '}
          <Link href={listHref}>{t('board.listAll')}</Link>
        </p>
      )}
    </section>
  );
}

function Card({ card, current, t, format }: { card: BoardCard; current: string; t: Translate; format: Formatter }) {
  return (
    <li data-card={card.id}>
      <p>
        <Link href={`/tickets/${card.id}`}>{card.number}</Link> {card.title}
      </p>
      {card.partner && <p className="muted">{card.partner}</p>}
      <p>
        {card.potentialCents === null ? '—' : format.money(card.potentialCents)} ·{' '}
        {card.probability === null ? '—' : format.percent(card.probability)}
        {card.expectedClose && (
          <>
            {' · '}
            <span title={t('board.expectedClose')}>{format.calendarDate(card.expectedClose)}</span>
          </>
        )}
      </p>
      {/* SPEC section 17: the next-action badge of the card goes here once follow-ups exist. */}
      <MoveForm id={card.id} version={card.version} crmVersion={card.crmVersion} current={current} />
    </li>
  );
}
