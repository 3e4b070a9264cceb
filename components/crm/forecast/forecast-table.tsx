// The forecast table: months (and Überfällig, Später, Ohne Datum) as columns, the groups of the
// row key as rows, each cell its count, Σ Umsatzpotenzial and Σ gewichtet; totals at the right and below.
import type { CellFigures, PresentedForecast } from '@/lib/crm/forecast/present';

export type ForecastTableWords = {
  caption: string;
  rowHeading: string;
  total: string;
};

/** Count, Σ Umsatzpotenzial and Σ gewichtet one below the other (the legend above the table names them). */
function Cell({ figures }: { figures: CellFigures }) {
  if (!figures) return <td className="num muted">—</td>;
  const [count, potential, weighted] = figures;
  return (
    <td className="num">
      <strong>{count}</strong>
      <br />
      {potential}
      <br />
      <span className="muted">{weighted}</span>
    </td>
  );
}

export function ForecastTable({ forecast, words }: { forecast: PresentedForecast; words: ForecastTableWords }) {
  return (
    // A wide table scrolls in its own box (.table); focusable so the keyboard can scroll it.
    <table className="table forecast-table" tabIndex={0}>
      <caption className="visually-hidden">{words.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{words.rowHeading}</th>
          {forecast.columns.map((column) => (
            <th key={column.key} scope="col" className="num">
              {column.label}
              {column.hint && (
                <>
                  <br />
                  <span className="small">{column.hint}</span>
                </>
              )}
            </th>
          ))}
          <th scope="col" className="num">
            {words.total}
          </th>
        </tr>
      </thead>
      <tbody>
        {forecast.rows.map((row, index) => (
          <tr key={index}>
            <th scope="row">{row.label}</th>
            {row.cells.map((cell, column) => (
              <Cell key={forecast.columns[column].key} figures={cell} />
            ))}
            <Cell figures={row.total} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{words.total}</th>
          {forecast.totals.cells.map((cell, column) => (
            <Cell key={forecast.columns[column].key} figures={cell} />
          ))}
          <Cell figures={forecast.totals.total} />
        </tr>
      </tfoot>
    </table>
  );
}
