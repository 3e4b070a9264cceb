// Words every list page shares: search, paging, counts, parameter problems.
import type { Messages } from '../types';

export const de = {
  'list.search': 'Suchen',
  'list.searchLabel': 'Suchbegriff',
  'list.pagination': 'Seitennavigation',
  'list.previous': 'Zurück',
  'list.next': 'Weiter',
  'list.pageOf': 'Seite {page} von {pages}',
  'list.count': '{count} Einträge',
  'list.countOne': '{count} Eintrag',
  'list.empty': 'Keine Einträge gefunden.',
  'list.invalidParam': 'Der Wert „{value}“ für „{param}“ ist ungültig und wurde ignoriert.',
  'list.crmParamForbidden': 'CRM-Kriterien („{param}“) stehen nur CRM Benutzern zur Verfügung und wurden nicht angewendet.',
  'picker.none': '— keine Auswahl —',
  'picker.search': 'Suchen',
  'picker.searchIn': '{label} suchen',
  'picker.noResults': 'Keine Treffer',
  'picker.clear': 'Auswahl entfernen',
  'picker.hint': 'Tippen Sie, um zu suchen; wählen Sie mit den Pfeiltasten und Enter.',
} as const;

export const en: Messages<typeof de> = {
  'list.search': 'Search',
  'list.searchLabel': 'Search term',
  'list.pagination': 'Pages',
  'list.previous': 'Previous',
  'list.next': 'Next',
  'list.pageOf': 'Page {page} of {pages}',
  'list.count': '{count} entries',
  'list.countOne': '{count} entry',
  'list.empty': 'Nothing found.',
  'list.invalidParam': 'The value “{value}” for “{param}” is invalid and was ignored.',
  'list.crmParamForbidden': 'CRM criteria (“{param}”) are for CRM users only and were not applied.',
  'picker.none': '— none —',
  'picker.search': 'Search',
  'picker.searchIn': 'Search {label}',
  'picker.noResults': 'No matches',
  'picker.clear': 'Clear selection',
  'picker.hint': 'Type to search; choose with the arrow keys and Enter.',
};
