// The CRM filter options, left to right as in the help article; read from the dimension registry.
// Each is a drop-down that closes like a menu (components/ui/menu-details.tsx).
import Link from 'next/link';
import { MenuDetails } from '@/components/ui/menu-details';
import { DIMENSIONS, FILTER_BAR, HIDDEN_FILTERS } from '@/lib/crm/dashboard/dimensions';
import type { FilterOption, FilterOptions } from '@/lib/crm/dashboard/options';
import { DEFAULT_GROUP_BY, type DashboardParams, type IdChoice, type IdFilter } from '@/lib/crm/dashboard/params';
import { NEXT_ACTION_STATES } from '@/lib/crm/followups/clock';
import { PHASES } from '@/lib/crm/phases';
import type { Translate } from '@/lib/i18n';
import { FilterForm } from './filter-form';

function ChoiceFilter({
  name,
  label,
  options,
  choice,
  t,
  search,
}: {
  name: IdFilter;
  label: string;
  options: FilterOption[];
  choice: IdChoice;
  t: Translate;
  search?: { name: string; value: string; label: string };
}) {
  const count = choice.ids.length + (choice.none ? 1 : 0);
  return (
    <MenuDetails className="filter" defaultOpen={Boolean(search?.value)}>
      <summary>
        {label}: <span className={count > 0 ? 'filter-count' : 'muted'}>{count > 0 ? count : t('dashboard.any')}</span>
      </summary>
      <fieldset className="filter-options">
        <legend className="visually-hidden">{label}</legend>
        {search && (
          <div className="filter-search">
            <label htmlFor={`filter-${search.name}`}>{search.label}</label>
            <input id={`filter-${search.name}`} type="search" name={search.name} defaultValue={search.value} maxLength={100} />
          </div>
        )}
        {options.map((option) => (
          <label key={option.id} className="checkbox">
            <input type="checkbox" name={name} value={option.id} defaultChecked={choice.ids.includes(option.id)} />
            {option.label}
          </label>
        ))}
        <label className="checkbox">
          <input type="checkbox" name={name} value="none" defaultChecked={choice.none} />
          <em>{t(DIMENSIONS[name].emptyLabel)}</em>
        </label>
      </fieldset>
    </MenuDetails>
  );
}

/**
 * A filter by a list the product defines, as checkboxes, none chosen = all: the phases (SPEC section 14),
 * the next action's states (section 17).
 */
function KeyFilter<K extends string>({
  name,
  label,
  keys,
  chosen,
  word,
  t,
}: {
  name: string;
  label: string;
  keys: readonly K[];
  chosen: readonly K[];
  word: (key: K) => string;
  t: Translate;
}) {
  return (
    <MenuDetails className="filter">
      <summary>
        {label}:{' '}
        <span className={chosen.length > 0 ? 'filter-count' : 'muted'}>{chosen.length > 0 ? chosen.length : t('dashboard.any')}</span>
      </summary>
      <fieldset className="filter-options">
        <legend className="visually-hidden">{label}</legend>
        {keys.map((key) => (
          <label key={key} className="checkbox">
            <input type="checkbox" name={name} value={key} defaultChecked={chosen.includes(key)} />
            {word(key)}
          </label>
        ))}
      </fieldset>
    </MenuDetails>
  );
}

export function FilterBar({
  params,
  options,
  search,
  t,
  page,
}: {
  params: DashboardParams;
  options: FilterOptions;
  search: { partner: string; contact: string };
  t: Translate;
  /** Another page with the dashboard's filters (the pipeline board): where the bar applies and resets, and what it keeps. */
  page?: { path: string; keep: Record<string, string> };
}) {
  const groupBy = params.groupBy.join(',');
  const path = page?.path ?? '/crm';
  const keep = new URLSearchParams(page?.keep);
  if (!page && groupBy !== DEFAULT_GROUP_BY.join(',')) keep.set('groupBy', groupBy || 'none');
  return (
    <FilterForm label={t('dashboard.filters')} action={path}>
      {[...keep].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {/* Narrowings from a group link stay in the view until reset. */}
      {HIDDEN_FILTERS.flatMap((key) => [
        ...params.filters[key].ids.map((id) => <input key={`${key}-${id}`} type="hidden" name={key} value={id} />),
        ...(params.filters[key].none ? [<input key={`${key}-none`} type="hidden" name={key} value="none" />] : []),
      ])}
      {params.ticketStatus.map((status) => (
        <input key={status} type="hidden" name="ticketStatus" value={status} />
      ))}
      {/* The pipeline (SPEC section 14) in a row of its own above the ten filters, whose row keeps "Anwenden" last. */}
      <div className="filter-row">
        <KeyFilter
          name="phase"
          label={t('crm.field.phase')}
          keys={PHASES}
          chosen={params.phase}
          word={(phase) => t(`crm.phase.${phase}`)}
          t={t}
        />
        <div className="field filter-date">
          <label htmlFor="closeFrom">{t('dashboard.closeFrom')}</label>
          <input id="closeFrom" name="closeFrom" type="date" defaultValue={params.closeFrom ?? ''} />
        </div>
        <div className="field filter-date">
          <label htmlFor="closeTo">{t('dashboard.closeTo')}</label>
          <input id="closeTo" name="closeTo" type="date" defaultValue={params.closeTo ?? ''} />
        </div>
        <label className="checkbox filter-check">
          <input type="checkbox" name="slipped" value="1" defaultChecked={params.slipped} />
          {t('dashboard.slipped')}
        </label>
        <KeyFilter
          name="nextAction"
          label={t('followups.filter.nextAction')}
          keys={NEXT_ACTION_STATES}
          chosen={params.nextAction}
          word={(state) => t(`followups.state.${state}`)}
          t={t}
        />
        <label className="checkbox filter-check">
          <input type="checkbox" name="stale" value="1" defaultChecked={params.stale} />
          {t('followups.filter.stale')}
        </label>
      </div>
      <div className="filter-row">
        {FILTER_BAR.map((key) => {
          const searchable = key === 'partner' || key === 'contact';
          return (
            <ChoiceFilter
              key={key}
              name={key}
              label={t(DIMENSIONS[key].label)}
              options={options[key]}
              choice={params.filters[key]}
              t={t}
              search={
                searchable
                  ? {
                      name: `${key}Query`,
                      value: search[key],
                      label: t(key === 'partner' ? 'dashboard.searchPartner' : 'dashboard.searchContact'),
                    }
                  : undefined
              }
            />
          );
        })}
        <div className="field filter-number">
          <label htmlFor="usersFrom">{t('dashboard.usersFrom')}</label>
          <input id="usersFrom" name="usersFrom" type="number" min={0} inputMode="numeric" defaultValue={params.usersFrom ?? ''} />
        </div>
        <div className="field filter-number">
          <label htmlFor="usersTo">{t('dashboard.usersTo')}</label>
          <input id="usersTo" name="usersTo" type="number" min={0} inputMode="numeric" defaultValue={params.usersTo ?? ''} />
        </div>
        <div className="filter-actions">
          <button type="submit" className="button button-primary">
            {t('dashboard.apply')}
          </button>
          <Link href={keep.size > 0 ? `${path}?${keep.toString()}` : path}>{t('dashboard.reset')}</Link>
        </div>
      </div>
    </FilterForm>
  );
}
