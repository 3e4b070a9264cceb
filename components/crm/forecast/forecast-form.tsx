// The forecast's view (first month, number of months, row key) as a plain GET form: it works
// without JavaScript and carries the dashboard's filters along as hidden fields.
export type ForecastFormWords = { title: string; from: string; fromHint: string; months: string; row: string; show: string };

export function ForecastForm({
  hidden,
  from,
  months,
  maxMonths,
  row,
  rowOptions,
  words,
}: {
  /** The dashboard's filters as query-string pairs. */
  hidden: [name: string, value: string][];
  from: string;
  months: string;
  maxMonths: number;
  row: string;
  rowOptions: { key: string; label: string }[];
  words: ForecastFormWords;
}) {
  return (
    <form method="get" action="/crm/forecast" className="card forecast-form" aria-label={words.title}>
      {hidden.map(([name, value], index) => (
        <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
      ))}
      <div className="row">
        <div className="field">
          <label htmlFor="forecast-from">{words.from}</label>
          <input id="forecast-from" name="from" type="month" defaultValue={from} aria-describedby="forecast-from-hint" />
          <span id="forecast-from-hint" className="muted small">
            {words.fromHint}
          </span>
        </div>
        <div className="field">
          <label htmlFor="forecast-months">{words.months}</label>
          <input id="forecast-months" name="months" type="number" min={1} max={maxMonths} defaultValue={months} />
        </div>
        <div className="field">
          <label htmlFor="forecast-row">{words.row}</label>
          <select id="forecast-row" name="row" defaultValue={row}>
            {rowOptions.map((option) => (
              <option key={option.key} value={option.key}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <button type="submit" className="button button-primary">
            {words.show}
          </button>
        </div>
      </div>
    </form>
  );
}
