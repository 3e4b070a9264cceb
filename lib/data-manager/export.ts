import 'server-only';
// The download of a Daten Manager export. Who may export which columns is checked and the statement
// with the user's own conditions is made here; the rows are read and written in the export worker
// (lib/server-load), off the event loop that answers the pages. Only the export route imports this: a
// page that did would carry the worker's reference into its own bundle.
import type { SessionUser } from '@/lib/auth/guards';
import { exportCsvStream } from '@/lib/server-load/downloads';
import type { ExportRequest } from './params';
import { assertMayExport, pageQuery } from './queries';

/** The download, or null while the user already has one running (the route answers 429). */
export function dataExportStream(user: SessionUser, request: ExportRequest): ReadableStream<Uint8Array> | null {
  assertMayExport(user, request);
  return exportCsvStream(
    {
      kind: 'dataManager',
      entity: request.entity,
      columns: request.columns.map((column) => column.key),
      query: pageQuery(request, user),
      dialect: request.dialect,
      locale: user.locale,
    },
    user.id,
  );
}
