// The calibration of Abschlusschance: per band its tickets, how many won, the share actually won
// and the band's middle as the expectation, with a bar of each; the tickets without a chance apart.
import type { BandCounts, Calibration } from '@/lib/crm/outcomes/calibration';
import type { Formatter, Translate } from '@/lib/i18n';
import styles from './outcomes.module.css';

function share(value: number | null, format: Formatter): string {
  return value === null ? '—' : format.percent(value);
}

/** Expected above actual, as bars of 0–100 %; the table's cells carry the numbers. */
function CompareBars({ expected, actual }: { expected: number | null; actual: number | null }) {
  return (
    <div className={styles.compare} aria-hidden="true">
      {expected !== null && <span className={`${styles.bar} ${styles.expected}`} style={{ width: `${expected}%` }} />}
      {actual !== null && <span className={`${styles.bar} ${styles.actual}`} style={{ width: `${actual}%` }} />}
    </div>
  );
}

function Counts({ counts, format }: { counts: BandCounts; format: Formatter }) {
  return (
    <>
      <td className="num">{format.integer(counts.tickets)}</td>
      <td className="num">{format.integer(counts.won)}</td>
      <td className="num">{share(counts.wonShare, format)}</td>
    </>
  );
}

export function CalibrationTable({ calibration, t, format }: { calibration: Calibration; t: Translate; format: Formatter }) {
  return (
    <>
      <table className="table">
        <caption className="visually-hidden">{t('outcomes.calibration')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('outcomes.col.band')}</th>
            <th scope="col" className="num">
              {t('outcomes.col.tickets')}
            </th>
            <th scope="col" className="num">
              {t('outcomes.col.wonCount')}
            </th>
            <th scope="col" className="num">
              {t('outcomes.col.share')}
            </th>
            <th scope="col" className="num">
              {t('outcomes.col.mid')}
            </th>
            <th scope="col">{t('outcomes.col.compare')}</th>
          </tr>
        </thead>
        <tbody>
          {calibration.bands.map((band) => (
            <tr key={band.from}>
              <th scope="row">{t('outcomes.band', { from: band.from, to: band.to })}</th>
              <Counts counts={band} format={format} />
              <td className="num">{format.percent(band.midChance)}</td>
              <td>{band.tickets > 0 && <CompareBars expected={band.midChance} actual={band.wonShare} />}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('outcomes.withoutChance')}</th>
            <Counts counts={calibration.withoutChance} format={format} />
            <td className="num">—</td>
            <td />
          </tr>
        </tfoot>
      </table>
      <p className={styles.legend} aria-hidden="true">
        <span>
          <span className={`${styles.bar} ${styles.expected}`} /> {t('outcomes.barExpected')}
        </span>
        <span>
          <span className={`${styles.bar} ${styles.actual}`} /> {t('outcomes.barActual')}
        </span>
      </p>
    </>
  );
}
