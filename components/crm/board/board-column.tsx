// One column of the pipeline board (SPEC section 16): its group's name (with the status colour), the
// group's totals as the dashboard computes them, its first cards, and the link to the rest.
import Link from 'next/link';
import { StatusSwatch } from '@/components/crm/status-badge';
import { presentCard } from '@/lib/crm/board/present';
import { followupWords } from '@/lib/crm/followups/words';
import type { BoardColumnData } from '@/lib/crm/board/read';
import type { Formatter, Translate } from '@/lib/i18n';
import { BoardCards } from './board-cards';
import styles from './board.module.css';

/** The value a move form sends for a column (`none` for the empty group). */
export function columnValue(id: BoardColumnData['id']): string {
  return id === null ? 'none' : String(id);
}

export function BoardColumnView({
  column,
  listHref,
  changeHref,
  t,
  format,
}: {
  column: BoardColumnData;
  listHref: string;
  /** The column's bulk change ("Alle N Tickets ändern"). */
  changeHref: string;
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
        {totals.atRisk.count > 0 && (
          <>
            <dt>{t('followups.atRisk')}</dt>
            <dd className="badge followup-overdue">
              {format.integer(totals.atRisk.count)} · {format.money(totals.atRisk.sumPotentialCents)}
            </dd>
          </>
        )}
      </dl>
      <p className={styles.more}>
        <Link href={changeHref}>{t('bulk.changeAll', { count: format.integer(totals.count) })}</Link>
      </p>
      <BoardCards
        className={styles.cards}
        value={value}
        label={t('board.cards', { column: column.label })}
        cards={column.cards.map((card) => presentCard(card, format))}
        followup={followupWords(t)}
      />
      {totals.count > column.cards.length && (
        <p className={styles.more}>
          {t('board.moreCards', { shown: format.integer(column.cards.length), count: format.integer(totals.count) })}{' '}
          <Link href={listHref}>{t('board.listAll')}</Link>
        </p>
      )}
    </section>
  );
}
