'use client';
// Picks one record (a partner, a contact) inside a form.
// Without JavaScript: a <select> of the server's matches for the typed search, and a "Suchen" button
// that submits the whole form by GET to the same page, so the page renders again with new matches
// and every value typed so far. With JavaScript: a combobox that searches as you type.
// Inside an ActionForm it shows the action's error for its field and, after a refused save, the
// choice that was submitted rather than the one the page was loaded with.
import { useEffect, useId, useRef, useState, useSyncExternalStore, useTransition } from 'react';
import type { PickerOption } from '@/lib/picker';
import { useFormState } from './action-form';

export type { PickerOption };

type Labels = { label: string; none: string; search: string; searchIn: string; noResults: string; clear: string; hint: string };

const noop = () => () => undefined;
/** False while rendering on the server and hydrating, true once the browser runs this component. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}

export function EntityPicker({
  name,
  queryName,
  selected: loaded,
  options,
  query,
  searchHref,
  search,
  scopeField,
  labels,
  error: givenError,
}: {
  /** The form field holding the chosen id. */
  name: string;
  /** The GET parameter of the no-JavaScript search. */
  queryName: string;
  selected: PickerOption | null;
  /** The server's matches for `query` (no-JavaScript mode). */
  options: PickerOption[];
  query: string;
  /** The page the no-JavaScript search submits to. */
  searchHref: string;
  search: (query: string, scope?: string) => Promise<PickerOption[]>;
  /** Another field of the form whose current value scopes the search (the Kontakt picker's partner). */
  scopeField?: string;
  labels: Labels;
  error?: string;
}) {
  const hydrated = useHydrated();
  const id = useId();
  const state = useFormState();
  const typed = !state.ok && state.values ? state.values[name] : undefined;
  // The submitted id is one of the choices the form offered (the loaded one or a search match).
  const selected =
    typeof typed === 'string'
      ? typed === ''
        ? null
        : ([loaded, ...options].find((option) => option !== null && String(option.id) === typed) ?? loaded)
      : loaded;
  const error = givenError ?? state.fieldErrors?.[name];
  if (!hydrated) {
    const choices = selected && !options.some((option) => option.id === selected.id) ? [selected, ...options] : options;
    return (
      <div className="picker" role="group">
        <label htmlFor={`${id}-select`}>{labels.label}</label>
        <select id={`${id}-select`} name={name} defaultValue={selected ? String(selected.id) : ''} aria-invalid={error ? true : undefined}>
          <option value="">{labels.none}</option>
          {choices.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
        <div className="picker-search">
          <label htmlFor={`${id}-query`} className="visually-hidden">
            {labels.searchIn}
          </label>
          <input id={`${id}-query`} name={queryName} defaultValue={query} maxLength={100} />
          <button type="submit" className="button" formMethod="get" formAction={searchHref} formNoValidate>
            {labels.search}
          </button>
        </div>
        {error && <p className="field-error">{error}</p>}
      </div>
    );
  }
  // Keyed by the choice: a saved or refused choice that differs from the shown one starts the box anew.
  return (
    <Combobox
      key={selected ? selected.id : ''}
      id={id}
      name={name}
      selected={selected}
      search={search}
      scopeField={scopeField}
      labels={labels}
      error={error}
    />
  );
}

function Combobox({
  id,
  name,
  selected: initial,
  search,
  scopeField,
  labels,
  error,
}: {
  id: string;
  name: string;
  selected: PickerOption | null;
  search: (query: string, scope?: string) => Promise<PickerOption[]>;
  scopeField?: string;
  labels: Labels;
  error?: string;
}) {
  const [selected, setSelected] = useState(initial);
  const [text, setText] = useState(initial?.label ?? '');
  const [results, setResults] = useState<PickerOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [, startTransition] = useTransition();
  const latest = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);
  // Closing on blur waits for a click on an option; focusing again before then keeps the list open.
  const closing = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    if (!open) return;
    const ticket = ++latest.current;
    const timer = setTimeout(() => {
      // Read when searching: the scoping field may have changed since this picker rendered.
      const scope = scopeField ? inputRef.current?.form?.elements.namedItem(scopeField) : null;
      startTransition(async () => {
        const found = await search(text, scope instanceof HTMLInputElement || scope instanceof HTMLSelectElement ? scope.value : undefined);
        // Only the answer to the newest keystroke counts.
        if (ticket === latest.current) {
          setResults(found);
          setActive(0);
        }
      });
    }, 200);
    return () => clearTimeout(timer);
  }, [text, open, search, scopeField]);

  const choose = (option: PickerOption | null) => {
    setSelected(option);
    setText(option?.label ?? '');
    setOpen(false);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(index + 1, Math.max(results.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter' && open) {
      // Enter chooses a match instead of submitting the form.
      event.preventDefault();
      if (results[active]) choose(results[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
      setText(selected?.label ?? '');
    }
  };

  const listboxId = `${id}-listbox`;
  return (
    <div className="picker">
      <label htmlFor={`${id}-input`}>{labels.label}</label>
      <input type="hidden" name={name} value={selected ? String(selected.id) : ''} />
      <div className="picker-search">
        <input
          id={`${id}-input`}
          ref={inputRef}
          role="combobox"
          aria-expanded={open}
          aria-controls={listboxId}
          aria-autocomplete="list"
          aria-activedescendant={open && results[active] ? `${id}-option-${results[active].id}` : undefined}
          aria-describedby={`${id}-hint`}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
          value={text}
          maxLength={100}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
          }}
          onFocus={() => {
            clearTimeout(closing.current);
            setOpen(true);
          }}
          onBlur={() => {
            closing.current = setTimeout(() => setOpen(false), 150);
          }}
          onKeyDown={onKeyDown}
        />
        {selected && (
          <button type="button" className="button" onClick={() => choose(null)}>
            {labels.clear}
          </button>
        )}
      </div>
      <span id={`${id}-hint`} className="visually-hidden">
        {labels.hint}
      </span>
      {open && (
        <ul id={listboxId} role="listbox" aria-label={labels.label} className="picker-listbox">
          {results.length === 0 ? (
            <li className="picker-option muted" role="option" aria-selected={false} aria-disabled>
              {labels.noResults}
            </li>
          ) : (
            results.map((option, index) => (
              <li
                key={option.id}
                id={`${id}-option-${option.id}`}
                role="option"
                aria-selected={index === active}
                className="picker-option"
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(option);
                }}
              >
                {option.label}
              </li>
            ))
          )}
        </ul>
      )}
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
