// The URL parameters of a data-manager export, shared by the page (preview, download link) and the
// export route: `columns`, `attribute`, `dialect` and, for tickets, the ticket-list parameters.
import type { ExportEntity, Role } from '@/db/schema';
import { hasRole } from '@/lib/auth/access';
import { parseDialect, type CsvDialect } from '@/lib/csv/dialects';
import { EMPTY_TICKET_LIST_PARAMS, parseTicketListParams, serialiseTicketListParams, type TicketListParams } from '@/lib/tickets/filters';
import type { Translate } from '@/lib/i18n';
import { paramProblem, refusedParamMessage, sentValues, type ParamProblem, type RawParams } from '@/lib/url-params';
import { idSchema } from '@/lib/validation';
import { findDataColumn, visibleColumns, type DataColumn } from './columns';

export type ExportRequest = {
  entity: ExportEntity;
  columns: DataColumn[];
  /** Whether `columns` was given; without it the export carries every column the user may see. */
  columnsChosen: boolean;
  /** A Merkmal id (CRM filter). */
  attribute: number | null;
  dialect: CsvDialect;
  /** Tickets only; the empty set for the other entities. */
  ticketParams: TicketListParams;
};

/** `columns=a,b,c` from a link, or `columns=a&columns=b` from the page's checkboxes: both are accepted. */
export function columnKeysOf(raw: RawParams): string[] {
  const keys = sentValues(raw, 'columns')
    .flatMap((value) => value.split(','))
    .map((key) => key.trim())
    .filter((key) => key !== '');
  return [...new Set(keys)];
}

/**
 * Reads an export request for a user. Unknown columns and invalid values answer 400; a CRM column or CRM
 * filter of a user without `crm` answers 403 (`crmForbidden`). Either way the problem names the parameter (and the column).
 */
export function parseExportRequest(
  entity: ExportEntity,
  raw: RawParams,
  user: { roles: readonly Role[] },
): { request: ExportRequest; problem?: never } | { request?: never; problem: ParamProblem } {
  const withCrm = hasRole(user, 'crm');
  const keys = columnKeysOf(raw);
  const columns: DataColumn[] = [];
  for (const key of keys) {
    const found = findDataColumn(entity, key);
    if (!found) return { problem: paramProblem('columns', key) };
    if (found.crm && !withCrm) return { problem: paramProblem('columns', key, 'crmForbidden') };
    columns.push(found);
  }

  const dialectValues = sentValues(raw, 'dialect');
  const dialect = dialectValues.length > 1 ? null : parseDialect(dialectValues[0]);
  if (dialect === null) return { problem: paramProblem('dialect', dialectValues.join(', ')) };

  let attribute: number | null = null;
  const attributeValues = sentValues(raw, 'attribute').filter((value) => value.trim() !== '');
  if (attributeValues.length > 0) {
    if (!withCrm) return { problem: paramProblem('attribute', attributeValues[0], 'crmForbidden') };
    const parsed = idSchema.safeParse(attributeValues[0].trim());
    if (!parsed.success || attributeValues.length > 1) return { problem: paramProblem('attribute', attributeValues.join(', ')) };
    attribute = parsed.data;
  }

  let ticketParams = EMPTY_TICKET_LIST_PARAMS;
  if (entity === 'tickets') {
    const parsed = parseTicketListParams(raw, { allowCrm: withCrm });
    const first = parsed.problems[0];
    if (first) return { problem: first };
    ticketParams = parsed.params;
  }

  return {
    request: {
      entity,
      columns: columns.length > 0 ? columns : visibleColumns(entity, withCrm),
      columnsChosen: columns.length > 0,
      attribute,
      dialect,
      ticketParams,
    },
  };
}

/** The query string of a request, as the download link and the template links use it. */
export function serialiseExportRequest(request: ExportRequest): URLSearchParams {
  const search = request.entity === 'tickets' ? serialiseTicketListParams(request.ticketParams) : new URLSearchParams();
  if (request.columnsChosen) search.set('columns', request.columns.map((column) => column.key).join(','));
  if (request.attribute !== null) search.set('attribute', String(request.attribute));
  search.set('dialect', request.dialect);
  return search;
}

/** The sentence for a problem, naming the parameter and, for columns, the column. */
export function problemMessage(problem: ParamProblem, t: Translate): string {
  if (problem.param === 'columns') {
    return t(problem.problem === 'crmForbidden' ? 'dataManager.error.crmColumn' : 'dataManager.error.unknownColumn', {
      column: problem.value,
    });
  }
  return refusedParamMessage(problem, t);
}
