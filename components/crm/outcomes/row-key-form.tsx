// The outcomes page's view form: a GET form choosing the row key, carrying the dashboard's
// filters as hidden fields. Without JavaScript the browser submits it; with it, next/form
// navigates without a full reload.
import Form from 'next/form';
import styles from './outcomes.module.css';

export function RowKeyForm({
  row,
  options,
  hidden,
  words,
}: {
  row: string;
  options: { value: string; label: string }[];
  /** The view's query string (dashboard filters and grouping), kept as it is. */
  hidden: URLSearchParams;
  words: { form: string; row: string; show: string };
}) {
  return (
    <Form action="/crm/outcomes" className={`inline-form ${styles.viewForm}`} aria-label={words.form}>
      {[...hidden].map(([name, value], index) => (
        <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
      ))}
      <div className="field">
        <label htmlFor="outcomes-row">{words.row}</label>
        <select id="outcomes-row" name="row" defaultValue={row} key={row}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        {words.show}
      </button>
    </Form>
  );
}
