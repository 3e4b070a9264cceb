// The win rates of a key's groups and their total: won, lost, rate by count, Σ potential won and
// lost, rate by value. Plain figures in, rendered on the server.
import type { Outcome } from '@/lib/crm/outcomes/rates';
import type { WinRates } from '@/lib/crm/outcomes/win-rates';
import type { Formatter, Translate } from '@/lib/i18n';
import styles from './outcomes.module.css';

function rate(value: number | null, format: Formatter): string {
  return value === null ? '—' : format.percent(value);
}

function Figures({ outcome, format }: { outcome: Outcome; format: Formatter }) {
  return (
    <>
      <td className="num">{format.integer(outcome.won)}</td>
      <td className="num">{format.integer(outcome.lost)}</td>
      <td className="num">{rate(outcome.rateByCount, format)}</td>
      <td className="num">{format.money(outcome.wonCents)}</td>
      <td className="num">{format.money(outcome.lostCents)}</td>
      <td className="num">{rate(outcome.rateByValue, format)}</td>
    </>
  );
}

export function WinRateTable({ winRates, rowLabel, t, format }: { winRates: WinRates; rowLabel: string; t: Translate; format: Formatter }) {
  const columns = [
    t('outcomes.col.won'),
    t('outcomes.col.lost'),
    t('outcomes.col.rateByCount'),
    t('outcomes.col.wonCents'),
    t('outcomes.col.lostCents'),
    t('outcomes.col.rateByValue'),
  ];
  return (
    <table className="table">
      <caption className="visually-hidden">{`${t('outcomes.winRates')}: ${rowLabel}`}</caption>
      <thead>
        <tr>
          <th scope="col">{rowLabel}</th>
          {columns.map((column) => (
            <th key={column} scope="col" className="num">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {winRates.rows.map((row) => (
          <tr key={String(row.id)}>
            <th scope="row">{row.label}</th>
            <Figures outcome={row} format={format} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className={styles.total}>
          <th scope="row">{t('outcomes.total')}</th>
          <Figures outcome={winRates.total} format={format} />
        </tr>
      </tfoot>
    </table>
  );
}
