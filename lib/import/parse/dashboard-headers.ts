// The CRM dashboard's ticket CSV (lib/crm/dashboard/export.ts) names some ticket columns by other
// labels than the data manager; its headers map too where the column holds the same value in the same
// CSV type. Its group-level columns, dates of activation, slips and original close have no column.
import { crmProperty, propertiesOf } from '@/lib/crm/properties';
import type { ExportEntity } from '@/db/schema';
import { DATA_COLUMNS } from '@/lib/data-manager/columns';
import type { MessageKey } from '@/lib/i18n';

/** The dashboard's own headers of master data the data manager reads from the ticket itself. */
const MASTER_HEADERS: readonly [MessageKey, string][] = [
  ['dashboard.col.number', 'number'],
  ['dashboard.col.title', 'title'],
  [crmProperty('ticketStatus').dashboardCsv!.header, 'status'],
];

/** The extra header labels of an entity's columns: [label key, column key]. */
export function dashboardHeaderLabels(entity: ExportEntity): [MessageKey, string][] {
  if (entity !== 'tickets') return [];
  const columns = DATA_COLUMNS.tickets;
  const fromRegistry = propertiesOf('ticket', 'dashboardCsv').flatMap(([key, property]): [MessageKey, string][] => {
    const exported = property.dashboardCsv!;
    const column = columns.find((candidate) => candidate.key === (property.field ?? key));
    // crmEnabled's dashboard column is the activation date, not the flag: the types tell them apart.
    return column && column.type === exported.type ? [[exported.header, column.key]] : [];
  });
  return [...MASTER_HEADERS, ...fromRegistry];
}
