// A Daten Manager export made by the real export code path (statement, worker rows, CSV writer), as
// the bytes a user would upload again: for the import's round-trip tests.
import type { Db } from '@/db/client';
import type { ExportEntity, Locale } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/guards';
import type { CsvDialect } from '@/lib/csv/dialects';
import { csvChunks } from '@/lib/csv/stream';
import { findDataColumn } from '@/lib/data-manager/columns';
import { dataManagerCsvSource } from '@/lib/data-manager/export-rows';
import { assertMayExport, pageQuery } from '@/lib/data-manager/queries';
import type { ExportRequest } from '@/lib/data-manager/params';
import { EMPTY_TICKET_LIST_PARAMS } from '@/lib/tickets/filters';

export function exportText(
  db: Db,
  user: SessionUser,
  entity: ExportEntity,
  keys: readonly string[],
  dialect: CsvDialect,
  locale: Locale,
): string {
  const request: ExportRequest = {
    entity,
    columns: keys.map((key) => findDataColumn(entity, key)!),
    columnsChosen: true,
    attribute: null,
    dialect,
    ticketParams: EMPTY_TICKET_LIST_PARAMS,
  };
  assertMayExport(user, request);
  const source = dataManagerCsvSource(db.$client, {
    kind: 'dataManager',
    entity,
    columns: [...keys],
    query: pageQuery(request, user),
    dialect,
    locale,
  });
  return [...csvChunks(source)].join('');
}

export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
