// The dashboard's view of the CRM property registry (lib/crm/properties.ts): its filter parameters,
// grouping keys and level declarations, derived, in the order of SPEC section 8. Nothing is listed here.
import type { MessageKey } from '@/lib/i18n';
import { CRM_PROPERTIES, crmProperty, type CrmPropertyKey, type DashboardSurface } from '../properties';

type Registry = typeof CRM_PROPERTIES;
type KeysWithDashboard<Shape> = { [K in CrmPropertyKey]: Registry[K] extends { dashboard: Shape } ? K : never }[CrmPropertyKey];

/** Every property the dashboard reads. */
export type DimensionKey = KeysWithDashboard<object>;
/** Filterable by ids (or `none` for "field is empty"): a URL parameter of the same name. */
export type IdFilter = KeysWithDashboard<{ filter: 'bar' | 'hidden' }>;
/** A filter with a field in the filter bar. */
export type BarFilter = KeysWithDashboard<{ filter: 'bar' }>;
/** A `groupBy` key. */
export type GroupKey = KeysWithDashboard<{ group: true }>;

/** A property as the dashboard uses it: its label there, and the rest of its dashboard surface. */
export type Dimension = DashboardSurface & { key: DimensionKey; label: MessageKey };

function dimensionOf(key: DimensionKey): Dimension {
  const property: { label: MessageKey; dashboard?: DashboardSurface } = crmProperty(key);
  // Widened on purpose: the registry's literal union is too complex for the build's type check.
  const surface: DashboardSurface = property.dashboard!;
  const label: MessageKey = surface.label ?? property.label;
  return { ...surface, key, label };
}

export const DIMENSION_KEYS = (Object.keys(CRM_PROPERTIES) as CrmPropertyKey[])
  .filter((key): key is DimensionKey => 'dashboard' in CRM_PROPERTIES[key])
  .sort((a, b) => crmProperty(a).dashboard!.position - crmProperty(b).dashboard!.position);

export const DIMENSIONS = Object.fromEntries(DIMENSION_KEYS.map((key) => [key, dimensionOf(key)])) as Record<DimensionKey, Dimension>;

export const ID_FILTERS: readonly IdFilter[] = DIMENSION_KEYS.filter((key): key is IdFilter => DIMENSIONS[key].filter !== undefined);
export const GROUP_KEYS: readonly GroupKey[] = DIMENSION_KEYS.filter((key): key is GroupKey => DIMENSIONS[key].group === true);

/** The filter bar, left to right (SPEC section 8); Benutzergröße von/bis follow. */
export const FILTER_BAR: readonly BarFilter[] = ID_FILTERS.filter((key): key is BarFilter => DIMENSIONS[key].filter === 'bar');
/** Group-path narrowing parameters that have no field in the filter bar. */
export const HIDDEN_FILTERS: readonly IdFilter[] = ID_FILTERS.filter((key) => DIMENSIONS[key].filter === 'hidden');

export function isMultiValued(key: DimensionKey): boolean {
  return 'bridge' in DIMENSIONS[key].value;
}
